"""In a real browser, none of the stored payloads runs on the public pages."""

import pytest

from tests.articles.factories import make_article
from tests.meetings.factories import make_meeting
from tests.security.payloads import PAYLOADS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_stored_payload_executes(page, live_server, screenshot):
    article = make_article("Bài có mã độc", lead="<script>window.__xss=1</script>", body="".join(PAYLOADS))
    meeting = make_meeting(
        "Cuộc họp có mã độc", summary="<img src=x onerror=window.__xss=1>", conclusion="".join(PAYLOADS)
    )
    dialogs, violations = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    for url in (article.get_absolute_url(), meeting.get_absolute_url()):
        page.goto(live_server.url + url)
        page.mouse.move(200, 300)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, url
        screenshot(page, url.strip("/").replace("/", "-"))
    assert not dialogs
    assert not violations, violations
