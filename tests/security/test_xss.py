"""Stored rich text can never carry a script to a citizen's browser, whatever the editor or an import sends."""

import re

import pytest

from core.html import sanitize_html
from tests.articles.factories import make_article
from tests.meetings.factories import make_meeting
from tests.security.payloads import PAYLOADS

DANGEROUS = [
    re.compile(r"<\s*(script|style|svg|math|object|embed|form|input|base|meta|link|body|audio|video)\b", re.I),
    re.compile(r"\son\w+\s*=", re.I),
    re.compile(r"(href|src|action|data|background)\s*=\s*[\"'`]?\s*(javascript|vbscript|data):", re.I),
    re.compile(r"srcdoc", re.I),
    re.compile(
        r"<iframe(?![^>]*src=\"https://(www\.youtube\.com|www\.youtube-nocookie\.com|player\.vimeo\.com)/)", re.I
    ),
]


def test_there_are_at_least_forty_payloads():
    assert len(PAYLOADS) >= 40


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitizer_removes_every_way_to_run_script(payload):
    cleaned = sanitize_html(f"<p>Trước</p>{payload}<p>Sau</p>")
    for pattern in DANGEROUS:
        assert not pattern.search(cleaned), f"{pattern.pattern} survived in {cleaned!r}"
    assert "Trước" in cleaned


STORED = "<p>BAT-DAU</p>" + "".join(PAYLOADS) + "<p>KET-THUC</p>"


@pytest.mark.django_db
def test_saved_article_and_meeting_pages_carry_no_live_payload(client):
    article = make_article("Bài thử", body=STORED)
    meeting = make_meeting(conclusion=STORED)
    for url in (article.get_absolute_url(), meeting.get_absolute_url()):
        html = client.get(url).content.decode()
        stored = html[html.index("BAT-DAU") : html.index("KET-THUC")]
        for pattern in DANGEROUS:
            assert not pattern.search(stored), (url, pattern.pattern)


def test_safe_content_survives():
    html = (
        '<h2>Kết luận</h2><p><strong>Giao</strong> <a href="https://songlam.example.gov.vn/">phòng</a></p>'
        '<figure class="image"><img src="/media/editor/a.jpg" alt="Ảnh"></figure>'
        '<iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>'
    )
    cleaned = sanitize_html(html)
    assert "<h2>Kết luận</h2>" in cleaned and 'href="https://songlam.example.gov.vn/"' in cleaned
    assert 'src="/media/editor/a.jpg"' in cleaned and "https://www.youtube.com/embed/abc" in cleaned
