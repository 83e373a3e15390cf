"""Each stats test starts with an empty cache and no salt remembered by the process."""

import pytest
from django.core.cache import cache

from stats import services

BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _fresh_stats_state(settings):
    settings.STATS_REDIS_URL = ""  # counting in the database unless a test asks for redis_buffer
    cache.clear()
    services._salt_memo.clear()
    yield
    cache.clear()
    services._salt_memo.clear()


@pytest.fixture
def visitor_client(client):
    """A browser as a person uses it: a real user agent."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER_UA
    return client


@pytest.fixture
def redis_buffer(redis_server, settings):
    """Counting buffered in Redis, starting empty."""
    import redis

    redis.Redis.from_url(redis_server).flushdb()
    settings.STATS_REDIS_URL = redis_server
    yield redis_server
    redis.Redis.from_url(redis_server).flushdb()
