"""Each unit's figures and ratings are its own; the province's dashboard adds up its units'."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from stats import services
from stats.models import DailyStats, Feedback, StatsSettings, Visitor
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.stats.conftest import BROWSER_UA, read
from tests.traps import trap_fields
from units import hosts
from units.models import Unit

pytestmark = pytest.mark.django_db

PROVINCE_HOST, OTHER_HOST = "thanhhoa.test", "binhminh.thanhhoa.test"


@pytest.fixture
def province(unit, settings):
    """The test unit (testserver) and a second commune, Bình Minh, both under the province."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, PROVINCE_HOST, OTHER_HOST]
    province = Unit.objects.create(
        code="38", name="Ủy ban nhân dân tỉnh Thanh Hóa", short_name="Tỉnh Thanh Hóa", level=Unit.Level.PROVINCE,
        host=PROVINCE_HOST,
    )  # fmt: skip
    Unit.objects.filter(pk=unit.pk).update(parent=province)
    Unit.objects.create(
        code="16279", name="Ủy ban nhân dân xã Bình Minh", short_name="Xã Bình Minh", parent=province, host=OTHER_HOST
    )
    hosts.forget()
    return province


@pytest.fixture
def other(province):
    return Unit.objects.get(code="16279")


def reader(host, number=0):
    """A person's browser on ``host``; ``number`` tells people apart."""
    return Client(HTTP_HOST=host, HTTP_USER_AGENT=f"{BROWSER_UA} {number}")


def widget_figure(client, name):
    """What the Thống kê truy cập box of ``client``'s unit shows for ``name``."""
    html = client.get("/").content.decode()
    return re.search(rf'data-stat="{name}">([^<]*)<', html).group(1)


@pytest.fixture(params=["database", "redis"])
def counting(request):
    """Both counting paths follow the same rules: in the database, and buffered in Redis."""
    if request.param == "redis":
        request.getfixturevalue("redis_buffer")
    return request.param


def fresh_figures():
    """Forget the figures every process shares for a minute: the next reader sees them as they are now."""
    cache.clear()
    services._figures_kept.clear()


def test_visits_on_one_unit_never_move_another_units_figures(counting, province, other, unit):
    for number in range(3):
        read(reader("testserver", number), "/")
    fresh_figures()
    _, answer = read(reader(OTHER_HOST, 9), "/")
    assert answer["figures"]["today"] == 0  # its widget's figures of a moment ago, before its first reader
    fresh_figures()
    assert services.compute_figures(other) == {"online": 1, "today": 1, "week": 1, "month": 1, "total": 1}
    assert services.compute_figures(unit)["total"] == 3
    assert services.compute_figures(province)["total"] == 0
    fresh_figures()
    assert widget_figure(reader(OTHER_HOST), "today") == "1"
    assert widget_figure(reader("testserver"), "today") == "3"
    assert widget_figure(reader(PROVINCE_HOST), "online") == "0"


def test_one_person_on_two_units_is_a_visitor_of_each_and_cannot_be_matched(province, other, unit):
    read(reader("testserver"), "/")
    read(reader(OTHER_HOST), "/")
    assert {row.unit_id: row.visits for row in DailyStats.objects.all()} == {unit.pk: 1, other.pk: 1}
    hashes = set(Visitor.objects.values_list("visitor", flat=True))
    assert len(hashes) == 2  # the same address and browser, two unrelated hashes


def own_article(unit, title=None):
    return make_article(title, unit=unit, category=make_category(unit=unit))


def test_an_article_is_counted_on_its_own_units_host_only(counting, province, other, unit):
    article = own_article(unit)
    page = reader("testserver").get(article.get_absolute_url())
    beacon = re.search(r'data-stats-beacon="([^"]+)"', page.content.decode()).group(1).replace("&amp;", "&")
    # The same signed beacon called on another unit's host counts that unit's visit, never the article's view.
    answer = reader(OTHER_HOST).post(beacon, HTTP_ACCEPT="application/json", HTTP_SEC_FETCH_SITE="same-origin")
    assert answer.json()["views"] is None
    _, answer = read(reader("testserver"), article.get_absolute_url())
    assert answer["views"] == 1
    if counting == "redis":
        services.compute_figures(other)  # flushes
    article.refresh_from_db()
    assert article.view_count == 1
    assert DailyStats.objects.get(unit=other).visits == 1


def test_the_starting_total_is_each_units_own(province, other, unit):
    StatsSettings.objects.create(unit=other, starting_total=5000)
    assert widget_figure(reader(OTHER_HOST), "total") == "5.000"
    assert widget_figure(reader("testserver"), "total") == "0"


def test_the_province_dashboard_shows_each_unit_and_their_sum(
    province, other, unit, admin_user, django_assert_max_num_queries
):
    today = timezone.localdate()
    DailyStats.objects.create(unit=province, day=today, visits=100)
    DailyStats.objects.create(unit=unit, day=today, visits=20)
    DailyStats.objects.create(unit=other, day=today, visits=3)
    StatsSettings.objects.create(unit=other, starting_total=1000)
    admin = Client(HTTP_HOST=PROVINCE_HOST)
    log_in_with_second_factor(admin, admin_user)
    hosts.lookup(PROVINCE_HOST)
    with django_assert_max_num_queries(21):  # the commune's budget, and one query for the units below
        html = admin.get("/admin/stats/dailystats/").content.decode()
    table = html[html.index("data-stats-units") :]
    rows = dict(re.findall(r'data-unit="([^"]+)">.*?data-stat="total">(?:<strong>)?([^<]*)<', table))
    assert rows == {"38": "100", "01": "20", "16279": "1.003", "all": "1.123"}
    assert "Toàn tỉnh" in table and "Xã Bình Minh" in table
    # A commune's dashboard shows its own figures and no table of units.
    commune = Client(HTTP_HOST=OTHER_HOST)
    log_in_with_second_factor(commune, admin_user)
    html = commune.get("/admin/stats/dailystats/").content.decode()
    assert "data-stats-units" not in html
    assert re.search(r'data-stat="today">([^<]*)<', html).group(1) == "3"


def rate(client, article):
    payload = {"target": f"articles.article:{article.pk}", "useful": "1", **trap_fields()}
    return client.post("/danh-gia/", payload, follow=True)


def test_a_rating_belongs_to_the_unit_of_the_page_and_is_listed_there_only(province, other, unit, admin_user):
    article = own_article(unit, "Lịch tiếp công dân của xã Hòa Bình")
    theirs = own_article(other, "Kế hoạch gieo cấy của xã Bình Minh")
    rate(reader("testserver"), article)
    rate(reader(OTHER_HOST), theirs)
    assert dict(Feedback.objects.values_list("object_id", "unit_id")) == {article.pk: unit.pk, theirs.pk: other.pk}
    # Another unit's page cannot be rated on this unit's host.
    refused = rate(reader(OTHER_HOST, 2), article)
    assert "Không tìm thấy trang bạn muốn đánh giá" in refused.content.decode()
    assert Feedback.objects.count() == 2
    admin = Client(HTTP_HOST=OTHER_HOST)
    log_in_with_second_factor(admin, admin_user)
    listed = admin.get("/admin/stats/feedback/").content.decode()
    assert theirs.title in listed and article.title not in listed
    mine = Feedback.objects.get(unit=unit)
    assert admin.get(f"/admin/stats/feedback/{mine.pk}/change/").status_code in (302, 404)
