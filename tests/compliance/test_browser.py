"""The disclosure page and the admin's compliance check on a phone (360 px) and a desktop (1280 px)."""

import pytest

from accounts import roles
from compliance import registry
from documents.disclosure import PLANS
from tests.articles.test_browser import log_in, make_user
from tests.documents.public_factories import doc_type, make_document
from website.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_disclosure_page_and_the_check_at_both_widths(page, live_server, screenshot, unit):
    roles.sync_roles()
    make_user("truongban", roles.EDITOR_IN_CHIEF)
    Page.objects.create(unit=unit, slug="gioi-thieu", title="Giới thiệu")
    make_document(unit, doc_type=doc_type(PLANS.type_names[0]), summary="Kế hoạch phát triển kinh tế - xã hội")

    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/cong-khai/")
        assert page.locator(".disclosure-item").count() == len(registry.items_for(unit))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"disclosure-{width}")

    log_in(page, live_server.url, "truongban")
    page.get_by_role("link", name="Kiểm tra tuân thủ: cổng còn thiếu gì?").click()
    page.wait_for_selector(".compliance-table")
    assert page.locator(".finding-missing").count() > 0
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"check-{width}")
