"""The statistics page of the admin: chart, most-read articles, satisfaction, CSV, starting figure."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from stats.demo import seed_stats
from stats.models import ArticleDailyViews, DailyStats, Feedback, StatsSettings
from tests.articles.factories import make_article
from units import hosts

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/stats/dailystats/"


@pytest.fixture
def history():
    today = timezone.localdate()
    for offset in range(400):
        DailyStats.objects.create(day=today - datetime.timedelta(days=offset), visits=1000 + offset)
    read_most = make_article("Lịch tiếp công dân tháng 11")
    read_less = make_article("Kế hoạch gieo cấy vụ đông")
    ArticleDailyViews.objects.create(article_id=read_most.pk, day=today, views=90)
    ArticleDailyViews.objects.create(article_id=read_less.pk, day=today, views=40)
    ArticleDailyViews.objects.create(article_id=read_less.pk, day=today - datetime.timedelta(days=40), views=500)
    for number, useful in enumerate([True, True, False]):
        Feedback.objects.create(
            page=read_most, day=today, visitor=f"{number:032d}", useful=useful, comment="Rất rõ ràng" if number else ""
        )
    return read_most, read_less


def test_the_dashboard_shows_chart_most_read_and_satisfaction(admin_client, history):
    read_most, read_less = history
    response = admin_client.get(DASHBOARD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thống kê truy cập" in html
    assert html.count('<figure class="stats-chart">') == 2
    assert html.count('<rect fill="#b3261e"') == 30 + 365
    assert '<script src="http' not in html
    week = html[html.index("đọc nhiều nhất trong tuần") :]
    assert week.index(read_most.title) < week.index(read_less.title)
    assert "67%" in html  # two of three found the page useful
    assert 'href="/admin/stats/dailystats/csv/"' in html


def test_the_dashboard_query_budget_does_not_grow_with_history(admin_client, history, django_assert_max_num_queries):
    hosts.lookup("testserver")  # a warm process knows its hosts: the budget is the page's, not the first request's
    with django_assert_max_num_queries(20):
        admin_client.get(DASHBOARD)


def test_the_csv_lists_every_day(admin_client, history):
    response = admin_client.get(DASHBOARD + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ngày", "Lượt truy cập", "Lượt xem tin bài"]
    assert len(rows) == 401
    assert rows[-1] == [timezone.localdate().isoformat(), "1000", "130"]


def test_figures_cannot_be_edited_by_hand(admin_client, history):
    day = DailyStats.objects.first()
    response = admin_client.post(f"{DASHBOARD}{day.pk}/change/", {"day": day.day.isoformat(), "visits": "1"})
    assert response.status_code == 403
    assert DailyStats.objects.get(pk=day.pk).visits == day.visits
    assert admin_client.get(f"{DASHBOARD}add/").status_code == 403


def test_the_starting_figure_is_set_in_the_admin(admin_client, unit):
    opened = admin_client.get("/admin/stats/statssettings/")
    assert opened.status_code == 302
    response = admin_client.post(opened["Location"], {"starting_total": "1234567"})
    assert response.status_code == 302
    assert StatsSettings.objects.get(unit=unit).starting_total == 1234567


def test_editors_approve_comments(admin_client, history):
    ids = list(Feedback.objects.values_list("pk", flat=True))
    response = admin_client.post("/admin/stats/feedback/", {"action": "approve", "_selected_action": ids}, follow=True)
    assert "Đã duyệt 3 góp ý" in response.content.decode()
    assert Feedback.objects.filter(approved=False).count() == 0


def test_the_feedback_list_names_pages_in_few_queries(admin_client, history, django_assert_max_num_queries):
    hosts.lookup("testserver")
    with django_assert_max_num_queries(15):
        response = admin_client.get("/admin/stats/feedback/")
    assert history[0].title in response.content.decode()
    today = timezone.localdate()
    for number in range(30):
        Feedback.objects.create(page=make_article(), day=today, visitor=f"v{number:031d}", useful=bool(number % 2))
    with django_assert_max_num_queries(15):
        admin_client.get("/admin/stats/feedback/")


def test_a_user_without_permission_cannot_see_the_statistics(client, django_user_model):
    user = django_user_model.objects.create_user("nhanvien", password="mat-khau-dai-12345", is_staff=True)
    client.force_login(user)
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(DASHBOARD + "csv/").status_code == 403


def test_the_demo_is_idempotent(unit):
    make_article()
    today = timezone.localdate()
    assert seed_stats(unit, today=today) == 60
    snapshot = list(DailyStats.objects.values_list("day", "visits"))
    views = list(ArticleDailyViews.objects.values_list("article_id", "day", "views"))
    assert seed_stats(unit, today=today) == 0
    assert list(DailyStats.objects.values_list("day", "visits")) == snapshot
    assert list(ArticleDailyViews.objects.values_list("article_id", "day", "views")) == views
    assert StatsSettings.objects.get(unit=unit).starting_total > 0
    assert all(visits > 0 for _, visits in snapshot)
