"""Each stats test starts with an empty cache and no salt remembered by the process."""

import html
import re

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
    services._figures_kept.clear()
    yield
    cache.clear()
    services._salt_memo.clear()
    services._figures_kept.clear()


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


BEACON = re.compile(r'data-stats-beacon="([^"]+)"')


def beacon_of(response):
    """The address of the counting beacon a page carries, or None (feeds, errors, the admin carry none)."""
    found = (
        BEACON.search(response.content.decode()) if response.get("Content-Type", "").startswith("text/html") else None
    )
    return html.unescape(found.group(1)) if found else None


def read(client, path, **headers):
    """A reader opens ``path`` and their browser calls the page's beacon, as static/js/stats.js does.

    Returns the page and the beacon's JSON answer (None for a page that carries no beacon).
    """
    page = client.get(path, **headers)
    url = beacon_of(page)
    if url is None:
        return page, None
    answer = client.post(url, HTTP_ACCEPT="application/json", HTTP_SEC_FETCH_SITE="same-origin", **headers)
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
    return page, answer.json()
