"""Every public address, with every parameter it reads set to hostile values, answers without a 500.

The public addresses are read from the URLconf (``get_resolver``), so a view added later without an
entry below fails ``test_every_public_url_is_fuzzed`` instead of going unfuzzed.
"""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from articles.models import Article
from tests.articles.factories import make_article, make_category
from tests.consultations.factories import make_consultation
from tests.documents.public_factories import make_document
from tests.meetings.factories import make_meeting, make_official
from tests.procedures.factories import make_procedure
from tests.questions.factories import published
from tests.traps import trap_fields
from website.models import Page

pytestmark = pytest.mark.django_db

# Staff-only or development-only addresses: not public, so not here.
NOT_PUBLIC = {
    "articles:preview",
    "articles:editor-upload",
    "accounts:two-factor-enrol",
    "accounts:two-factor-verify",
    "compliance-check",
}

# URL name → (address, the query parameters the view reads). ``{…}`` is filled from the fixtures.
PUBLIC = {
    "website:home": ("/", ["page"]),
    "website:page": ("/trang/{page}/", []),
    "website:commune-news": ("/tin-tu-xa-phuong/", ["page"]),
    "core:language": ("/ngon-ngu/", ["language", "next"]),
    "robots": ("/robots.txt", []),
    "core:favicon": ("/favicon.ico", []),
    "sitemap-index": ("/sitemap.xml", ["p"]),
    "sitemap": ("/sitemap-tin-bai.xml", ["p"]),
    "articles:list": ("/tin-tuc/", ["category", "from_date", "to_date", "page"]),
    "articles:detail": ("/tin-tuc/{article}/", ["page"]),
    "articles:category": ("/chuyen-muc/{category}/", ["page"]),
    "articles:announcements": ("/thong-bao/", ["page"]),
    "articles:search": ("/tim-kiem/", ["q", "page"]),
    "articles:rss": ("/rss/", []),
    "articles:rss-category": ("/rss/{category}/", []),
    "meetings:list": ("/lich-hop/", ["year", "month", "kind", "body", "page"]),
    "meetings:ics": ("/lich-hop/lich.ics", []),
    "meetings:official": ("/lich-hop/can-bo/{official}/", []),
    "meetings:json": ("/lich-hop/{meeting}.json", []),
    "meetings:detail": ("/lich-hop/{meeting}/", []),
    "meetings:week": ("/lich-cong-tac/", ["tuan"]),
    "consultations:list": ("/lay-y-kien/", ["page"]),
    "consultations:detail": ("/lay-y-kien/{consultation}/", []),
    "documents:list": ("/van-ban/", ["q", "type", "field", "issuer", "year", "validity", "page"]),
    "documents:search": ("/van-ban/tim-kiem/", ["q", "type", "field", "issuer", "year", "validity", "page"]),
    "documents:rss": ("/van-ban/rss/", []),
    "documents:data-json": ("/van-ban/du-lieu.json", ["q", "type", "year", "validity", "page"]),
    "documents:data-csv": ("/van-ban/du-lieu.csv", ["q", "type", "year", "validity", "page"]),
    "documents:detail": ("/van-ban/{document}/", []),
    "procedures:list": ("/thu-tuc-hanh-chinh/", ["q", "field", "level", "page"]),
    "procedures:detail": ("/thu-tuc-hanh-chinh/{procedure}/", []),
    "questions:list": ("/hoi-dap/", ["q", "linh-vuc", "page"]),
    "questions:ask": ("/hoi-dap/gui-cau-hoi/", []),
    "questions:lookup": ("/hoi-dap/tra-cuu/", []),
    "questions:detail": ("/hoi-dap/{question}/", []),
    "unitprofile:overview": ("/gioi-thieu/", []),
    "unitprofile:organisation": ("/gioi-thieu/co-cau-to-chuc/", []),
    "unitprofile:leaders": ("/gioi-thieu/lanh-dao/", []),
    "unitprofile:section": ("/gioi-thieu/lich-su/", []),
    "compliance:list": ("/cong-khai/", []),
    "stats:feedback": ("/danh-gia/", []),
    "stats:beacon": ("/thong-ke/ghi/", ["a"]),
    "protected-file": ("/tep-tin/khong-co-tep-nay.pdf", []),
}

# Forms readers post (URL name → valid fields): each field, and each trap, is set to each hostile
# value while the others stay valid, so that the values reach the view behind the form.
POSTED = {
    "stats:feedback": {"target": "articles.article:{article_pk}", "useful": "1", "comment": "Hữu ích"},
    "articles:detail": {"name": "Trần Thị Lan", "email": "", "body": "Cảm ơn huyện."},
    "consultations:detail": {
        "name": "Trần Thị Lan",
        "organisation": "",
        "contact": "0912 345 678",
        "section": "Điều 3",
        "body": "Đề nghị sửa Điều 3.",
    },
}
POST_ONLY = {"stats:feedback"}

HOSTILE = [
    "",
    "0",
    "-1",
    str(10**30),
    "-" + str(10**30),
    "1e309",
    "NaN",
    "inf",
    "1.5",
    "abc",
    "%00",
    "\x00",
    "a\x00b",
    "x" * 10_240,
    "Đường 🏛️ \u202e\u200b\ufeff\ud7ff",
    "<script>alert(1)</script>",
    "0000-00-00",
    "9999-12-31",
    "2026-02-30",
    "31/12/9999",
    "00/00/0000",
    "0001-W01",
    "9999-W52",
    "2026-W00",
    "2026-W99",
    "-W",
    "//example.com",
    "javascript:alert(1)",
]


def public_url_names(patterns=None, namespace=""):
    """Every named URL pattern outside the admin and media, as ``namespace:name``."""
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            prefix = f"{entry.namespace}:" if entry.namespace else namespace
            names |= public_url_names(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names - NOT_PUBLIC


def test_every_public_url_is_fuzzed():
    assert public_url_names() == set(PUBLIC)


@pytest.fixture
def addresses():
    category = make_category("Tin tức - Sự kiện")
    article = make_article("Khánh thành cầu", category=category)
    official = make_official("Nguyễn Văn A")
    meeting = make_meeting("Phiên họp thường kỳ", attendees=1)
    Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Huyện</p>")
    consultation = make_consultation("Lấy ý kiến dự thảo quy chế chợ")
    document = make_document(article.unit, number="15/2026/QĐ-UBND", summary="Quy định thu phí chợ")
    procedure = make_procedure(article.unit, "9.200001", "Đăng ký khai sinh")
    question = published("Thủ tục tách thửa đất")
    slugs = {
        "document": document.slug,
        "procedure": procedure.code,
        "question": question.slug,
        "consultation": consultation.slug,
        "page": "gioi-thieu",
        "article": article.slug,
        "category": category.slug,
        "official": official.slug,
        "meeting": meeting.slug,
        "article_pk": article.pk,
    }
    return {name: (address.format(**slugs), params) for name, (address, params) in PUBLIC.items()}


def queries(params):
    """Raw query strings: each value for each parameter, repeated parameters, and bytes no form would send."""
    for param in params or ["x"]:
        for value in HOSTILE:
            yield f"{param}={quote(value)}"
        yield f"{param}=1&{param}=2&{param}=abc"
        yield f"{param}=%ff%fe"  # not UTF-8
        yield f"{param}"  # a name without a value
    yield "&".join(f"{param}={quote('x' * 10_240)}" for param in params)


def explained(response):
    """A refused address answers one of the portal's Vietnamese error pages, not a bare status."""
    if response.status_code < 400 or not response["Content-Type"].startswith("text/html"):
        return True
    page = response.content
    return b'lang="vi"' in page and (b'class="error-page"' in page or b'class="form-errors"' in page)


@pytest.fixture
def reader():
    return Client(raise_request_exception=False, HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0")


def test_no_public_url_answers_500(addresses, reader):
    failures = []
    for name, (address, params) in addresses.items():
        if name in POST_ONLY:
            continue
        for query in queries(params):
            response = reader.get(f"{address}?{query}")
            if response.status_code >= 500 or not explained(response):
                failures.append(f"{response.status_code} {address}?{query[:80]}")
    assert not failures, "\n".join(failures)


def test_no_public_form_answers_500(addresses, reader, settings):
    settings.ARTICLES_COMMENT_RATE = settings.STATS_RATING_RATE = (10**6, 600)  # reach what follows the limit
    failures = []
    for name, valid in POSTED.items():
        address = addresses[name][0]
        fields = {field: value.format(article_pk=Article.objects.get().pk) for field, value in valid.items()}
        for query in queries([*fields, "website", "stamp"]):
            changed = {part.split("=")[0] for part in query.split("&")}
            others = {field: value for field, value in {**fields, **trap_fields()}.items() if field not in changed}
            body = "&".join(filter(None, [urlencode(others), query]))
            response = reader.post(address, body, content_type="application/x-www-form-urlencoded")
            if response.status_code >= 500 or not explained(response):
                failures.append(f"{response.status_code} POST {address} {query[:80]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52", "1989-W52", "2101-W01"])
def test_a_week_outside_the_calendar_shows_this_week_with_a_message(client, week):
    response = client.get("/lich-cong-tac/", {"tuan": week})
    assert response.status_code == 200
    assert f"Tuần “{week}” không hợp lệ; đang hiện tuần này." in response.content.decode()


def test_an_oversized_week_is_not_echoed_in_full(client):
    response = client.get("/lich-cong-tac/", {"tuan": "9" * 10_240})
    assert response.status_code == 200
    [message] = [str(message) for message in response.context["messages"]]
    assert message == "Tuần “9999999999999999999…” không hợp lệ; đang hiện tuần này."
