"""Anonymous readers get pages from the cache; an edit shows at once; staff and drafts never cached."""

import re
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import services
from articles.models import Article, Comment
from core import pagecache
from stats.models import DailyStats
from tests.articles.factories import make_article, make_category
from tests.meetings.factories import make_meeting
from website.models import SiteSettings

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture(autouse=True, params=["memory", "redis"])
def _fresh_cache(request, settings):
    """Every test with each kind of entry: Django's local memory cache, and Redis hashes."""
    settings.STATS_REDIS_URL = ""  # count straight into the database, where these tests read
    if request.param == "redis":
        url = request.getfixturevalue("redis_server")
        settings.CACHES = {"default": {"BACKEND": "core.cache.ForgivingRedisCache", "LOCATION": url}}
    cache.clear()


def reader(number=1):
    """A distinct anonymous visitor (own address, no cookies)."""
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"203.0.113.{number}")


def test_second_view_comes_from_the_cache():
    make_article("Tin nóng")
    assert reader(1).get("/")["X-Cache"] == "MISS"
    with CaptureQueriesContext(connection) as queries:
        response = reader(2).get("/")
    assert response["X-Cache"] == "HIT"
    assert "Tin nóng" in response.content.decode()
    # Only the visitor counter touches the database; the page itself costs nothing.
    tables = set(re.findall(r'(?:FROM|INTO|UPDATE) "(\w+)"', " ".join(q["sql"] for q in queries)))
    assert tables and all(table.startswith("stats_") for table in tables), tables


def test_an_edit_shows_on_the_next_page_load():
    article = make_article("Tiêu đề cũ")
    reader().get(article.get_absolute_url())
    article.title = "Tiêu đề mới"
    article.save()
    response = reader().get(article.get_absolute_url())
    assert response["X-Cache"] == "MISS" and "Tiêu đề mới" in response.content.decode()


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
    site = SiteSettings.get_solo()
    site.unit_name = "Ủy ban nhân dân xã Hòa Bình"
    site.save()
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
    client.force_login(admin_user)
    first = client.get("/")
    assert "X-Cache" not in first
    assert reader().get("/")["X-Cache"] == "MISS"  # the staff view did not fill the cache


def test_a_page_with_a_pending_message_is_not_cached():
    article = make_article("Bài để góp ý")
    visitor = reader()
    visitor.post(article.get_absolute_url(), {"name": "Lan", "email": "", "body": "Góp ý", "website": ""})
    response = visitor.get(article.get_absolute_url())
    assert "Cảm ơn bạn" in response.content.decode()
    assert "X-Cache" not in response
    assert "Cảm ơn bạn" not in reader(9).get(article.get_absolute_url()).content.decode()


def test_a_scheduled_article_appears_on_time_with_the_cache_on():
    due = timezone.now() + timezone.timedelta(seconds=1)
    make_article("Tin hẹn giờ", published_at=due)
    make_article("Tin thường")
    assert pagecache.seconds_to_live(pagecache.generation()) <= 1
    assert "Tin hẹn giờ" not in reader().get("/").content.decode()
    time.sleep(max((due - timezone.now()).total_seconds(), 0) + 0.05)
    assert "Tin hẹn giờ" in reader().get("/").content.decode()


def test_pages_live_at_most_a_minute(settings):
    settings.PAGE_CACHE_SECONDS = 60
    assert pagecache.seconds_to_live(pagecache.generation()) == 60


def test_counting_stays_exact_with_caching_on():
    article = make_article("Tin được đọc nhiều", category=make_category("Kinh tế"))
    for number in range(1, 21):
        assert reader(number).get(article.get_absolute_url()).status_code == 200
        reader(number).get(article.get_absolute_url())  # a reload within 30 minutes
    assert DailyStats.objects.get(day=timezone.localdate()).visits == 20
    article.refresh_from_db()
    assert article.view_count == 20
