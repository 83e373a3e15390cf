"""Each stats test starts with an empty cache and no salt remembered by the process."""

import shutil
import socket
import subprocess
import time

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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_server():
    """A private redis-server on a free loopback port for the buffering tests (Debian package redis-server)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (apt-get install redis-server): Redis buffering tests skipped")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_buffer(redis_server, settings):
    """Counting buffered in Redis, starting empty."""
    import redis

    redis.Redis.from_url(redis_server).flushdb()
    settings.STATS_REDIS_URL = redis_server
    yield redis_server
    redis.Redis.from_url(redis_server).flushdb()
