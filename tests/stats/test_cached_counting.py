"""A page from the page cache is counted exactly as any page."""

import pytest
import redis
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from articles.models import Article
from core.breaker import redis_cache_settings
from stats import buffer, services
from stats.models import DailyStats
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shared_redis(redis_buffer, settings):
    """The page cache and the counting buffer in the same Redis, as in production; no flush due meanwhile."""
    settings.CACHES = {"default": redis_cache_settings(redis_buffer, timeout=1)}
    redis.Redis.from_url(redis_buffer).set(buffer.FLUSH_DUE, "1")


def reader(number):
    return Client(HTTP_USER_AGENT=BROWSER_UA, REMOTE_ADDR=f"203.0.113.{number}", raise_request_exception=False)


def visits_today():
    return DailyStats.objects.filter(day=timezone.localdate()).values_list("visits", flat=True).first() or 0


def test_a_cached_page_is_counted_like_a_fresh_one(shared_redis):
    article = make_article("Tin được đọc nhiều")
    assert reader(1).get(article.get_absolute_url())["X-Cache"] == "MISS"
    response = reader(2).get(article.get_absolute_url())
    assert response["X-Cache"] == "HIT" and "Tin được đọc nhiều" in response.content.decode()
    buffer.flush()
    assert visits_today() == 2
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_reloads_crawlers_and_non_html_pages_are_not_counted(shared_redis):
    article = make_article("Tin cắt điện")
    for number in range(1, 6):
        assert reader(number).get(article.get_absolute_url()).status_code == 200
        assert reader(number).get(article.get_absolute_url())["X-Cache"] == "HIT"  # a reload: the same visit
    crawler = Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    assert crawler.get(article.get_absolute_url())["X-Cache"] == "HIT"
    for _ in range(2):
        assert reader(9).get("/robots.txt")["Content-Type"].startswith("text/plain")
    buffer.flush()
    assert visits_today() == 5
    assert Article.objects.get(pk=article.pk).view_count == 5


def test_an_entry_of_an_older_generation_is_built_again_and_counted_once(shared_redis):
    article = make_article("Tiêu đề cũ")
    reader(1).get(article.get_absolute_url())
    article.title = "Tiêu đề mới"
    article.save()
    response = reader(2).get(article.get_absolute_url())
    assert response["X-Cache"] == "MISS" and "Tiêu đề mới" in response.content.decode()
    buffer.flush()
    assert visits_today() == 2
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_with_the_database_down_a_cached_page_is_still_served(shared_redis, monkeypatch):
    article = make_article("Lịch tiếp công dân")
    assert reader(1).get(article.get_absolute_url())["X-Cache"] == "MISS"
    services._salt_memo.clear()  # a fresh worker: the day's salt is in the database

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    with monkeypatch.context() as down:
        down.setattr(connection, "ensure_connection", refuse)
        down.setattr(connection, "cursor", refuse)
        response = reader(2).get(article.get_absolute_url())
    assert response.status_code == 200 and response["X-Cache"] == "HIT"
    assert "Lịch tiếp công dân" in response.content.decode()
