"""The province draws on its communes: offer, accept, decline with a reason, withdraw; who may do what."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from accounts import roles
from articles import services
from articles.models import Article, Offer
from tests.accounts.conftest import make_staff
from tests.articles.factories import make_article, make_category
from units.models import Unit

pytestmark = pytest.mark.django_db

PROVINCE_HOST = "thanhhoa.gov.vn"
COMMUNE_HOST = "hoabinh.thanhhoa.gov.vn"
SIBLING_HOST = "dongtien.thanhhoa.gov.vn"


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", PROVINCE_HOST, f".{PROVINCE_HOST}"]


@pytest.fixture
def province(db):
    return Unit.objects.create(
        code="38", name="Ủy ban nhân dân tỉnh Thanh Hóa", short_name="Tỉnh Thanh Hóa", level="tinh", host=PROVINCE_HOST
    )


@pytest.fixture
def commune(province):
    return Unit.objects.create(
        code="16279", name="Ủy ban nhân dân xã Hòa Bình", short_name="Xã Hòa Bình", parent=province, host=COMMUNE_HOST
    )


@pytest.fixture
def sibling(province):
    return Unit.objects.create(
        code="16300",
        name="Ủy ban nhân dân xã Đông Tiến",
        short_name="Xã Đông Tiến",
        parent=province,
        host=SIBLING_HOST,
    )


@pytest.fixture
def people(province, commune, sibling):
    """Staff by role, each with the role in the unit they work for, to act on its host."""
    roles.sync_roles()
    return {
        "commune_officer": make_staff("bientap_hoabinh", roles.PRESS_OFFICER, commune),
        "commune_chief": make_staff("truongban_hoabinh", roles.EDITOR_IN_CHIEF, commune),
        "sibling_chief": make_staff("truongban_dongtien", roles.EDITOR_IN_CHIEF, sibling),
        "province_chief": make_staff("truongban_tinh", roles.EDITOR_IN_CHIEF, province),
    }


def on(host, user=None):
    """A client whose requests are for ``host``'s unit, logged in as ``user``."""
    client = Client(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


def commune_article(unit, title="Xã Hòa Bình khánh thành cầu Bến Đò", **fields):
    return make_article(title, category=make_category(unit=unit), unit=unit, **fields)


def offer_from_admin(client, article):
    return client.post(
        "/admin/articles/article/",
        {"action": "offer_selected", "_selected_action": [article.pk], "index": 0},
        follow=True,
    )


def test_offered_and_accepted_article_links_from_the_province_to_its_one_page(province, commune, people):
    article = commune_article(commune)

    response = offer_from_admin(on(COMMUNE_HOST, people["commune_chief"]), article)
    assert "Đã đề xuất 1 bài lên Cổng tỉnh." in response.content.decode()
    offer = Offer.objects.get(article=article)
    assert (offer.status, offer.province, offer.offered_by) == (
        Offer.Status.OFFERED,
        province,
        people["commune_chief"],
    )

    chief = on(PROVINCE_HOST, people["province_chief"])
    inbox = chief.get("/admin/articles/offer/").content.decode()
    assert article.title in inbox and "Xã Hòa Bình" in inbox
    response = chief.post(f"/admin/articles/offer/{offer.pk}/change/", {"decision": "accept", "reason": ""})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.decided_by) == (Offer.Status.ACCEPTED, people["province_chief"])
    assert offer.decided_at is not None

    page_url = f"http://{COMMUNE_HOST}{article.get_absolute_url()}"
    citizen = on(PROVINCE_HOST)
    home = citizen.get("/").content.decode()
    block = home[home.index('id="commune-news-title"') :]
    block = block[: block.index("</section>")]
    assert f'href="{page_url}"' in block and article.title in block and "Xã Hòa Bình" in block
    listing = citizen.get("/tin-tu-xa-phuong/").content.decode()
    assert f'href="{page_url}"' in listing

    # The one page is the commune's, and says so to search engines.
    page = on(COMMUNE_HOST).get(article.get_absolute_url()).content.decode()
    assert f'<link rel="canonical" href="{page_url}">' in page
    # The province has no copy of it.
    assert on(PROVINCE_HOST).get(article.get_absolute_url()).status_code == 404


def test_the_offer_button_on_the_article_page(commune, people):
    article = commune_article(commune)
    client = on(COMMUNE_HOST, people["commune_chief"])
    change_page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Đề xuất đăng lên Cổng tỉnh" in change_page

    response = client.post(f"/admin/articles/article/{article.pk}/de-xuat-cong-tinh/", follow=True)
    assert "Đã đề xuất 1 bài lên Cổng tỉnh." in response.content.decode()
    assert Offer.objects.filter(article=article, status=Offer.Status.OFFERED).exists()
    change_page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "Chờ Cổng tỉnh xem xét" in change_page
    assert "de-xuat-cong-tinh" not in change_page


def test_declined_with_a_reason_the_commune_reads(province, commune, people):
    article = commune_article(commune)
    offer = services.offer_article(article=article, by=people["commune_chief"], unit=commune)
    chief = on(PROVINCE_HOST, people["province_chief"])

    response = chief.post(f"/admin/articles/offer/{offer.pk}/change/", {"decision": "decline", "reason": "  "})
    assert response.status_code == 200
    assert "Hãy ghi lý do không nhận đăng để xã, phường biết." in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OFFERED

    reason = "Tin mang tính nội bộ của xã, chưa phù hợp với Cổng tỉnh."
    chief.post(f"/admin/articles/offer/{offer.pk}/change/", {"decision": "decline", "reason": reason})
    offer.refresh_from_db()
    assert (offer.status, offer.reason) == (Offer.Status.DECLINED, reason)

    commune_admin = on(COMMUNE_HOST, people["commune_chief"])
    assert reason in commune_admin.get("/admin/articles/offer/").content.decode()
    assert reason in commune_admin.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert article.title not in on(PROVINCE_HOST).get("/").content.decode()
    # Decided once: not again, and not offered twice.
    with pytest.raises(ValidationError):
        services.accept_offer(offer=offer, by=people["province_chief"], unit=province)
    with pytest.raises(ValidationError):
        services.offer_article(article=article, by=people["commune_chief"], unit=commune)


def test_withdrawn_on_the_commune_it_leaves_the_province(province, commune, people):
    article = commune_article(commune)
    offer = services.offer_article(article=article, by=people["commune_chief"], unit=commune)
    services.accept_offer(offer=offer, by=people["province_chief"], unit=province)
    citizen = on(PROVINCE_HOST)
    assert article.title in citizen.get("/").content.decode()  # now in the page cache

    services.withdraw_article(article=article, by=people["commune_chief"])

    assert article.title not in citizen.get("/").content.decode()
    assert article.title not in citizen.get("/tin-tu-xa-phuong/").content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": Article.Status.DRAFT, "published_at": None}, "Chỉ tin bài đã xuất bản mới đề xuất được."),
        ({"status": Article.Status.WITHDRAWN}, "Chỉ tin bài đã xuất bản mới đề xuất được."),
    ],
)
def test_only_public_articles_are_offered(commune, people, change, message):
    article = commune_article(commune, **change)
    with pytest.raises(ValidationError, match=message):
        services.offer_article(article=article, by=people["commune_chief"], unit=commune)


def test_an_archived_unit_offers_nothing(province, people):
    former = Unit.objects.create(
        code="H01", name="UBND huyện cũ", short_name="Huyện cũ", level="huyen-cu", parent=province,
        host=f"huyencu.{PROVINCE_HOST}", archived=True,
    )  # fmt: skip
    article = commune_article(former)
    with pytest.raises(ValidationError, match="lưu trữ"):
        services.offer_article(article=article, by=people["commune_chief"], unit=former)


def test_the_province_does_not_offer_to_itself(province, people):
    article = commune_article(province)
    with pytest.raises(ValidationError):
        services.offer_article(article=article, by=people["province_chief"], unit=province)
    client = on(PROVINCE_HOST, people["province_chief"])
    changelist = client.get("/admin/articles/article/").content.decode()
    assert "offer_selected" not in changelist


def test_a_press_officer_cannot_offer(commune, people):
    article = commune_article(commune)
    officer = people["commune_officer"]
    with pytest.raises(PermissionDenied):
        services.offer_article(article=article, by=officer, unit=commune)
    client = on(COMMUNE_HOST, officer)
    assert "offer_selected" not in client.get("/admin/articles/article/").content.decode()
    offer_from_admin(client, article)
    assert client.post(f"/admin/articles/article/{article.pk}/de-xuat-cong-tinh/").status_code == 403
    assert not Offer.objects.exists()


def test_an_article_is_offered_only_from_its_own_unit(commune, sibling, people):
    article = commune_article(commune)
    with pytest.raises(PermissionDenied):
        services.offer_article(article=article, by=people["sibling_chief"], unit=sibling)
    client = on(SIBLING_HOST, people["sibling_chief"])
    assert client.post(f"/admin/articles/article/{article.pk}/de-xuat-cong-tinh/").status_code == 404
    assert not Offer.objects.exists()


def test_a_commune_chief_cannot_accept(province, commune, people):
    article = commune_article(commune)
    offer = services.offer_article(article=article, by=people["commune_chief"], unit=commune)
    with pytest.raises(PermissionDenied):
        services.accept_offer(offer=offer, by=people["commune_chief"], unit=commune)
    client = on(COMMUNE_HOST, people["commune_chief"])
    listing = client.get("/admin/articles/offer/").content.decode()
    assert article.title in listing and "accept_selected" not in listing
    response = client.post(f"/admin/articles/offer/{offer.pk}/change/", {"decision": "accept", "reason": ""})
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OFFERED


def test_a_press_officer_of_the_province_cannot_decide(province, commune, people):
    roles.sync_roles()
    officer = make_staff("bientap_tinh", roles.PRESS_OFFICER)
    offer = services.offer_article(article=commune_article(commune), by=people["commune_chief"], unit=commune)
    with pytest.raises(PermissionDenied):
        services.accept_offer(offer=offer, by=officer, unit=province)
    with pytest.raises(PermissionDenied):
        services.decline_offer(offer=offer, by=officer, unit=province, reason="Không")


def test_a_sibling_commune_sees_none_of_the_offers(province, commune, sibling, people):
    article = commune_article(commune)
    offer = services.offer_article(article=article, by=people["commune_chief"], unit=commune)
    client = on(SIBLING_HOST, people["sibling_chief"])
    assert article.title not in client.get("/admin/articles/offer/").content.decode()
    response = client.get(f"/admin/articles/offer/{offer.pk}/change/")
    assert response.status_code == 302  # the admin's "no such object": back to its index
    response = client.post(f"/admin/articles/offer/{offer.pk}/change/", {"decision": "accept", "reason": ""})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.OFFERED


def test_accept_from_the_list_action(province, commune, people):
    offers = [
        services.offer_article(
            article=commune_article(commune, f"Tin số {n}"), by=people["commune_chief"], unit=commune
        )
        for n in range(3)
    ]
    client = on(PROVINCE_HOST, people["province_chief"])
    response = client.post(
        "/admin/articles/offer/",
        {"action": "accept_selected", "_selected_action": [o.pk for o in offers], "index": 0},
        follow=True,
    )
    assert "Đã nhận đăng 3 tin." in response.content.decode()
    assert set(Offer.objects.values_list("status", flat=True)) == {Offer.Status.ACCEPTED}


def test_the_list_page_is_the_province_s(commune):
    assert on(COMMUNE_HOST).get("/tin-tu-xa-phuong/").status_code == 404


def test_the_province_home_lists_its_units_portals(province, commune, sibling):
    Unit.objects.create(
        code="H01", name="UBND huyện cũ", short_name="Huyện Đông Sơn (cũ)", level="huyen-cu", parent=province,
        host=f"dongson.{PROVINCE_HOST}", archived=True,
    )  # fmt: skip
    html = on(PROVINCE_HOST).get("/").content.decode()
    directory = html[html.index('id="unit-portals-title"') :]
    for host, name in ((COMMUNE_HOST, "Xã Hòa Bình"), (SIBLING_HOST, "Xã Đông Tiến")):
        assert f'<a href="http://{host}/">{name}</a>' in directory
    assert "Huyện Đông Sơn (cũ)" in directory and "lưu trữ" in directory
    assert 'id="unit-portals-title"' not in on(COMMUNE_HOST).get("/").content.decode()


def _accepted(province, units, count, people):
    for n in range(count):
        unit = units[n % len(units)]
        article = commune_article(unit, f"Tin của {unit.short_name} số {n}")
        offer = services.offer_article(article=article, by=people["commune_chief"], unit=unit)
        services.accept_offer(offer=offer, by=people["province_chief"], unit=province)


def _queries(client, path):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


# The commune home page's budget (tests/website/test_home.py) and, on the province, its block and its
# directory of units' portals: one query each, whatever the number of communes and of their articles.
PROVINCE_HOME_QUERY_BUDGET = 16 + 2
COMMUNE_NEWS_QUERY_BUDGET = 10


@pytest.mark.parametrize(
    ("path", "budget"), [("/", PROVINCE_HOME_QUERY_BUDGET), ("/tin-tu-xa-phuong/?page=2", COMMUNE_NEWS_QUERY_BUDGET)]
)
def test_province_pages_keep_their_query_budget_as_communes_write(province, people, settings, path, budget):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own cost, not the cache's
    units = [
        Unit.objects.create(code=f"2{n:04d}", name=f"UBND xã {n}", short_name=f"Xã {n}", parent=province,
                            host=f"xa{n}.{PROVINCE_HOST}")
        for n in range(6)
    ]  # fmt: skip
    _accepted(province, units[:2], 12, people)
    few, _html = _queries(on(PROVINCE_HOST), path)
    _accepted(province, units, 36, people)
    many, html = _queries(on(PROVINCE_HOST), path)
    assert many <= few <= budget
    assert html.count('class="card"') in (6, 10)
