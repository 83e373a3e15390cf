"""A limit holds whatever state the cache is in: in the cache when it answers, in the database when not."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from core import ratelimit
from core.breaker import redis_cache_settings
from core.models import RateLimitCounter

pytestmark = pytest.mark.django_db
NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens there: every connection is refused
REFUSED_REDIS = {"default": redis_cache_settings(NOWHERE, timeout=1)}


def hits(count, key="198.51.100.7", *, limit=3, window=600):
    return [ratelimit.hit("tests:scope", key, limit=limit, window=window) for _ in range(count)]


def test_a_client_is_refused_past_the_limit_and_others_are_not():
    assert hits(5) == [False, False, False, True, True]
    assert hits(1, key="198.51.100.8") == [False]
    assert not RateLimitCounter.objects.exists()  # the cache answered: nothing in the database


def test_a_new_window_starts_after_the_last_one(redis_server):
    with override_settings(CACHES={"default": redis_cache_settings(redis_server, timeout=1)}):
        from django.core.cache import cache

        cache.clear()
        assert hits(3, limit=1, window=1) == [False, True, True]
        cache.delete_pattern("*ratelimit*")  # what the window's end does
        assert hits(1, limit=1, window=1) == [False]


@override_settings(CACHES=REFUSED_REDIS)
def test_with_redis_refused_the_limit_is_kept_in_the_database():
    assert hits(5) == [False, False, False, True, True]
    assert hits(1, key="198.51.100.8") == [False]
    counters = list(RateLimitCounter.objects.values_list("scope_key", "count"))
    assert sorted(count for _, count in counters) == [1, 5]
    assert not any("198.51.100" in scope_key for scope_key, _ in counters)  # no address is stored


@override_settings(CACHES=REFUSED_REDIS)
def test_in_the_database_a_window_ends_and_expired_rows_are_pruned():
    hits(4, limit=3)
    RateLimitCounter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert hits(1, limit=3) == [False]  # a new window for the same client
    assert RateLimitCounter.objects.get().count == 1
    RateLimitCounter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    hits(1, key="198.51.100.8")  # a new client's row: the expired one goes
    assert list(RateLimitCounter.objects.values_list("count", flat=True)) == [1]


def test_with_django_redis_ignoring_exceptions_the_limit_is_kept_in_the_database():
    """django-redis with IGNORE_EXCEPTIONS answers None for every failed call instead of raising."""
    pytest.importorskip("django_redis")
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": NOWHERE,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=caches):
        assert hits(5) == [False, False, False, True, True]
    assert RateLimitCounter.objects.get().count == 5
