"""Each unit's portal shows its own content only, and a host name always means the same unit.

The test unit (tests/conftest.py) is at ``testserver``; a second commune of the same province sits
at ``xa-khac.test``. Every public address of the test unit is checked for the other commune's
article, draft or published, with the page cache on (as readers get the pages).
"""

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests.articles.factories import make_article, make_category
from tests.meetings.factories import make_meeting
from units import hosts
from units.models import Unit, UnitAlias
from website.models import Page

pytestmark = pytest.mark.django_db

OTHER_HOST = "xa-khac.test"


@pytest.fixture(autouse=True)
def _hosts_allowed(settings):
    """As production allows the province's subdomains: the unit map, not ALLOWED_HOSTS, tells units apart."""
    settings.ALLOWED_HOSTS = ["testserver", ".test", "localhost", "127.0.0.1"]
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def other():
    """Another commune, with a published article, a draft, an announcement, a meeting and a page."""
    unit = Unit.objects.create(code="02", name="Ủy ban nhân dân xã Khác Xa", short_name="Xã Khác Xa", host=OTHER_HOST)
    category = make_category("Nông thôn mới Khác Xa", unit=unit)
    return {
        "unit": unit,
        "category": category,
        "published": make_article("Tin riêng của xã Khác Xa", category=category, unit=unit),
        "draft": make_article("Bản nháp của xã Khác Xa", category=category, unit=unit, status=Article.Status.DRAFT),
        "announcement": make_article(
            "Thông báo riêng của xã Khác Xa", category=category, unit=unit, kind=Article.Kind.ANNOUNCEMENT
        ),
        # A week ago: within the year the calendar feed covers, whatever the factory's running number.
        "meeting": make_meeting(
            "Phiên họp riêng của xã Khác Xa", unit=unit, starts_at=timezone.now() - timezone.timedelta(days=7)
        ),
        "upcoming": make_meeting(
            "Phiên họp sắp tới của xã Khác Xa", unit=unit, starts_at=timezone.now() + timezone.timedelta(days=2)
        ),
        "page": Page.objects.create(title="Giới thiệu xã Khác Xa", slug="gioi-thieu", body="<p>Xã</p>", unit=unit),
    }


@pytest.fixture
def ours():
    """The test unit's own content, with the same slugs where slugs may repeat between units."""
    category = make_category("Tin địa phương")
    return {
        "article": make_article("Tin của xã Hòa Bình", category=category),
        "announcement": make_article("Thông báo của xã Hòa Bình", category=category, kind=Article.Kind.ANNOUNCEMENT),
        "meeting": make_meeting("Phiên họp của xã Hòa Bình", starts_at=timezone.now() - timezone.timedelta(days=7)),
    }


def text(response):
    return response.content.decode()


OTHER_TITLES = ("Tin riêng của xã Khác Xa", "Bản nháp của xã Khác Xa", "Thông báo riêng của xã Khác Xa", "Khác Xa")


def assert_shows_nothing_of_the_other(response):
    assert response.status_code == 200
    body = text(response)
    for title in OTHER_TITLES:
        assert title not in body


def test_the_other_communes_articles_are_a_404_here_and_serve_on_its_host(client, other, ours):
    for article in (other["published"], other["draft"], other["announcement"]):
        assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(other["category"].get_absolute_url()).status_code == 404
    assert client.get(f"/rss/{other['category'].slug}/").status_code == 404
    assert client.get(other["meeting"].get_absolute_url()).status_code == 404
    assert client.get(f"/lich-hop/{other['meeting'].slug}.json").status_code == 404
    assert client.get(other["page"].get_absolute_url()).status_code == 404

    # On its own host its published article serves, its draft does not.
    assert "Tin riêng của xã Khác Xa" in text(client.get(other["published"].get_absolute_url(), HTTP_HOST=OTHER_HOST))
    assert client.get(other["draft"].get_absolute_url(), HTTP_HOST=OTHER_HOST).status_code == 404
    assert client.get(ours["article"].get_absolute_url(), HTTP_HOST=OTHER_HOST).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/", "/tin-tuc/", "/thong-bao/", "/lich-hop/", "/lich-cong-tac/", "/tim-kiem/?q=khac+xa", "/tim-kiem/?q=tin"],
)
def test_no_list_of_ours_shows_the_other_communes_content(client, other, ours, path):
    # The other commune's pages first: any page or fragment of theirs kept in the cache must not leak here.
    client.get(path, HTTP_HOST=OTHER_HOST)
    assert_shows_nothing_of_the_other(client.get(path))


def test_each_unit_gets_its_own_cached_pages_and_thong_bao_box(client, other, ours):
    """Django's page cache keys carry the host; the fragments ({% cache %}) carry the unit."""
    for path in ("/", "/tin-tuc/", "/thong-bao/"):
        mine = text(client.get(path))
        theirs = text(client.get(path, HTTP_HOST=OTHER_HOST))
        assert "Thông báo của xã Hòa Bình" in mine and "Thông báo riêng của xã Khác Xa" not in mine
        assert "Thông báo riêng của xã Khác Xa" in theirs and "Thông báo của xã Hòa Bình" not in theirs
        # The second visits come from the cache, each unit's own.
        assert text(client.get(path)) == mine
        assert text(client.get(path, HTTP_HOST=OTHER_HOST)) == theirs


def test_feeds_sitemaps_and_calendar_are_the_units_own(client, other, ours):
    for path in (
        "/rss/",
        "/lich-hop/lich.ics",
        "/sitemap-tin-bai.xml",
        "/sitemap-chuyen-muc.xml",
        "/sitemap-trang.xml",
    ):
        client.get(path, HTTP_HOST=OTHER_HOST)
        body = text(client.get(path))
        assert "Khác Xa" not in body and "khac-xa" not in body, path

    rss = text(client.get("/rss/", HTTP_HOST=OTHER_HOST))
    assert f"http://{OTHER_HOST}{other['published'].get_absolute_url()}" in rss
    assert "Tin của xã Hòa Bình" not in rss
    assert "Phiên họp riêng của xã Khác Xa" in text(client.get("/lich-hop/lich.ics", HTTP_HOST=OTHER_HOST))
    assert "Phiên họp của xã Hòa Bình" in text(client.get("/lich-hop/lich.ics"))


def test_sitemaps_list_the_units_addresses_on_its_host(client, other, ours):
    index = text(client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST))
    assert f"http://{OTHER_HOST}/sitemap-tin-bai.xml" in index and "testserver" not in index
    articles = text(client.get("/sitemap-tin-bai.xml", HTTP_HOST=OTHER_HOST))
    assert f"http://{OTHER_HOST}{other['published'].get_absolute_url()}" in articles
    assert other["draft"].slug not in articles
    assert ours["article"].slug not in articles
    assert f"http://{OTHER_HOST}/lich-hop/{other['meeting'].slug}/" in text(
        client.get("/sitemap-cuoc-hop.xml", HTTP_HOST=OTHER_HOST)
    )
    assert f"http://{OTHER_HOST}/trang/gioi-thieu/" in text(client.get("/sitemap-trang.xml", HTTP_HOST=OTHER_HOST))
    assert f"http://testserver{ours['article'].get_absolute_url()}" in text(client.get("/sitemap-tin-bai.xml"))


def test_robots_txt_names_the_sitemap_of_its_own_host(client, other):
    assert f"Sitemap: http://{OTHER_HOST}/sitemap.xml" in text(client.get("/robots.txt", HTTP_HOST=OTHER_HOST))
    assert "Sitemap: http://testserver/sitemap.xml" in text(client.get("/robots.txt"))


def test_related_articles_and_meetings_of_another_unit_are_not_linked(client, other, ours):
    article = ours["article"]
    article.related.add(other["published"])
    other["meeting"].articles.add(article)
    body = text(client.get(article.get_absolute_url()))
    assert "Tin riêng của xã Khác Xa" not in body
    assert "Phiên họp riêng của xã Khác Xa" not in body


def test_a_rating_posted_here_for_another_units_page_is_refused(client, other):
    response = client.post(
        "/danh-gia/", {"target": f"articles.article:{other['published'].pk}", "useful": "yes"}, follow=True
    )
    assert "Không tìm thấy trang bạn muốn đánh giá." in text(response)


# Host → unit


def test_the_canonical_host_and_a_serving_alias_serve_the_unit(client, unit):
    assert unit.short_name in text(client.get("/"))
    assert unit.short_name in text(client.get("/", HTTP_HOST="localhost"))
    assert unit.short_name in text(client.get("/", HTTP_HOST="127.0.0.1:8000"))


def test_an_old_alias_redirects_permanently_to_the_same_address_on_the_canonical_host(client, unit):
    UnitAlias.objects.create(unit=unit, host="cu.test", redirect=True)
    response = client.get("/tin-tuc/?page=2", HTTP_HOST="cu.test")
    assert response.status_code == 301
    assert response["Location"] == "http://testserver/tin-tuc/?page=2"


def test_an_unknown_host_is_a_plain_vietnamese_404_that_names_no_unit(client, unit, other, monkeypatch):
    client.get("/")  # a warm process: the host map is read
    monkeypatch.setattr(hosts, "UNKNOWN_HOST_RELOAD_SECONDS", 3600)  # the last reload was less than this ago
    response = client.get("/", HTTP_HOST="khong-ai.test")
    assert response.status_code == 404
    body = text(response)
    assert "Địa chỉ này không thuộc cổng thông tin nào." in body
    for name in (unit.name, unit.short_name, other["unit"].name, other["unit"].short_name, OTHER_HOST, "href="):
        assert name not in body


def test_a_warm_process_finds_the_unit_of_a_host_without_a_query(
    client, other, django_assert_num_queries, monkeypatch
):
    client.get("/robots.txt")
    monkeypatch.setattr(hosts, "UNKNOWN_HOST_RELOAD_SECONDS", 3600)
    with django_assert_num_queries(0):
        assert hosts.lookup("testserver").unit.code == "01"
        assert hosts.lookup(OTHER_HOST).unit.code == "02"
        assert hosts.lookup("localhost").redirect_to is None
        assert hosts.lookup("khong-ai.test") is None
        assert client.get("/robots.txt", HTTP_HOST=OTHER_HOST).status_code == 200
        assert client.get("/robots.txt", HTTP_HOST="khong-ai.test").status_code == 404


def test_a_unit_added_in_the_database_serves_at_once(client, monkeypatch):
    client.get("/")
    # Written by another process (no signal here), read by this one on the new host's first request.
    Unit.objects.bulk_create(
        [Unit(code="03", name="UBND phường Mới", short_name="Phường Mới", host="phuong-moi.test")]
    )
    monkeypatch.setattr(hosts, "UNKNOWN_HOST_RELOAD_SECONDS", 0)
    response = client.get("/", HTTP_HOST="phuong-moi.test")
    assert response.status_code == 200
    assert "Phường Mới" in text(response)


def test_a_unit_added_in_this_process_serves_at_once(client):
    client.get("/")
    Unit.objects.create(code="04", name="UBND xã Vừa Thêm", short_name="Xã Vừa Thêm", host="xa-vua-them.test")
    assert "Xã Vừa Thêm" in text(Client().get("/", HTTP_HOST="xa-vua-them.test"))
