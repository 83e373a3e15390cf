"""Anonymous readers get pages from the cache; an edit shows at once; staff and drafts never cached."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from articles.models import Article, Comment
from core import generation
from core.breaker import redis_cache_settings
from stats.models import DailyStats
from tests.articles.factories import make_article, make_category
from tests.conftest import log_in_with_second_factor
from tests.meetings.factories import make_meeting
from tests.stats.conftest import read
from tests.traps import trap_fields
from tests.units import unit_settings

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True, params=["memory", "redis"])
def _fresh_cache(request, settings):
    """Every test with each cache: Django's local memory cache, and Redis (django-redis)."""
    settings.STATS_REDIS_URL = ""  # count straight into the database, where these tests read
    if request.param == "redis":
        url = request.getfixturevalue("redis_server")
        settings.CACHES = {"default": redis_cache_settings(url, timeout=1)}
    cache.clear()


def from_cache(client, path):
    """The page, and whether it came from the cache: a cached page costs the database nothing."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries) == 0


def reader(number=1):
    """A distinct anonymous visitor (own address, no cookies)."""
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"203.0.113.{number}")


def test_second_view_comes_from_the_cache():
    make_article("Tin nóng")
    assert from_cache(reader(1), "/")[1] is False
    response, cached = from_cache(reader(2), "/")
    assert cached and "Tin nóng" in response.content.decode()
    assert "max-age=" in response["Cache-Control"]


def test_an_edit_shows_on_the_next_page_load():
    article = make_article("Tiêu đề cũ")
    reader().get(article.get_absolute_url())
    article.title = "Tiêu đề mới"
    article.save()
    response, cached = from_cache(reader(), article.get_absolute_url())
    assert not cached and "Tiêu đề mới" in response.content.decode()


def test_publish_and_withdraw_show_at_once(django_user_model):
    chief = django_user_model.objects.create_user("truongban", is_staff=True, is_superuser=True)
    draft = make_article("Thông báo khẩn về mưa lũ", status=Article.Status.DRAFT)
    assert "Thông báo khẩn" not in reader().get("/").content.decode()
    services.publish_article(article=draft, by=chief)
    assert "Thông báo khẩn" in reader().get("/").content.decode()
    services.withdraw_article(article=draft, by=chief)
    assert "Thông báo khẩn" not in reader().get("/").content.decode()
    assert reader().get(draft.get_absolute_url()).status_code == 404


def test_settings_menu_comment_and_meeting_changes_invalidate():
    article = make_article("Bài có bình luận")
    reader().get("/")
    site = unit_settings()
    site.unit.name = "Ủy ban nhân dân xã Hòa Bình"
    site.save()
    site.unit.save()
    assert "xã Hòa Bình" in reader().get("/").content.decode()
    comment = Comment.objects.create(article=article, name="Lan", body="Cảm ơn huyện")
    reader().get(article.get_absolute_url())
    Comment.objects.filter(pk=comment.pk).update(approved=True)  # a bulk update sends no signal…
    comment.refresh_from_db()
    comment.save()  # …the admin's approval saves the comment, which does
    assert "Cảm ơn huyện" in reader().get(article.get_absolute_url()).content.decode()
    meeting = make_meeting("Phiên họp tháng 12")
    reader().get(meeting.get_absolute_url())
    meeting.location = "Hội trường mới"
    meeting.save()
    assert "Hội trường mới" in reader().get(meeting.get_absolute_url()).content.decode()


def test_staff_are_never_served_nor_cached(client, admin_user):
    make_article("Tin công khai")
    log_in_with_second_factor(client, admin_user)
    first = client.get("/")
    assert "no-store" in first["Cache-Control"]  # no cache in front (nginx) may keep it either
    assert from_cache(reader(), "/")[1] is False  # the staff view did not fill the cache
    assert from_cache(client, "/")[1] is False


def test_a_page_with_a_pending_message_is_not_cached():
    article = make_article("Bài để góp ý")
    visitor = reader()
    visitor.post(article.get_absolute_url(), {"name": "Lan", "email": "", "body": "Góp ý", **trap_fields()})
    response = visitor.get(article.get_absolute_url())
    assert "Cảm ơn bạn" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "Cảm ơn bạn" not in reader(9).get(article.get_absolute_url()).content.decode()


def test_a_scheduled_article_appears_on_time_with_the_cache_on():
    due = timezone.now() + timezone.timedelta(seconds=1)
    make_article("Tin hẹn giờ", published_at=due)
    make_article("Tin thường")
    assert generation.seconds_to_live(60) <= 1
    assert "Tin hẹn giờ" not in reader().get("/").content.decode()
    time.sleep(max((due - timezone.now()).total_seconds(), 0) + 0.05)
    assert "Tin hẹn giờ" in reader().get("/").content.decode()


def test_pages_live_at_most_a_minute(settings):
    settings.PAGE_CACHE_SECONDS = 60
    make_article("Tin thường")
    response = reader().get("/")
    assert generation.seconds_to_live(settings.PAGE_CACHE_SECONDS) == 60
    assert "max-age=60" in response["Cache-Control"]


def test_counting_stays_exact_with_caching_on():
    article = make_article("Tin được đọc nhiều", category=make_category("Kinh tế"))
    for number in range(1, 21):
        assert read(reader(number), article.get_absolute_url())[0].status_code == 200
        read(reader(number), article.get_absolute_url())  # a reload within 30 minutes, from the cache
    assert DailyStats.objects.get(day=timezone.localdate()).visits == 20
    article.refresh_from_db()
    assert article.view_count == 20
    # The cached page shows the figure it was drawn with; the beacon's answer has the live one.
    _, answer = read(reader(21), article.get_absolute_url())
    assert answer["views"] == 21
