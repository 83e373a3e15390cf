"""Exact figures under load: 600 readers and their beacons at two gunicorn instances sharing PostgreSQL."""

import html
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from bench.loopback import free_port
from stats.models import ArticleDailyViews, DailyStats, Visitor
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA
from units.models import Unit

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
VISITORS = 600
ROUNDS = 2  # each visitor opens the article, then reloads it on the other instance
BOTS = 50


def database_url():
    settings_dict = connection.settings_dict
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def start_instance(port, redis_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "0",
        "SECRET_KEY": "concurrency-test-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "STATIC_MANIFEST": "0",
        "TRUSTED_PROXIES": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4",
        "CONN_MAX_AGE": "0",
    }
    env.pop("REDIS_URL", None)
    env.pop("STATS_REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until_ready(port, process):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            # Python-urllib is a script's user agent: the readiness probe is not counted.
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer within 30 seconds")


def fetch(port, path, *, visitor=None, user_agent=BROWSER_UA, method="GET"):
    headers = {"User-Agent": user_agent, "Sec-Fetch-Site": "same-origin"}
    if visitor is not None:
        headers["X-Forwarded-For"] = f"10.20.{visitor // 250}.{visitor % 250 + 1}"
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode()


def read(port, path, **reader):
    """A reader's browser: the page, then the beacon the page names, as static/js/stats.js calls it."""
    status, page = fetch(port, path, **reader)
    beacon = html.unescape(re.search(r'data-stats-beacon="([^"]+)"', page).group(1))
    beacon_status, _ = fetch(port, beacon, method="POST", **reader)
    return status, beacon_status


@pytest.fixture(params=["database", "redis"])
def instances(request, settings):
    """Two portal instances of two gunicorn workers each, counting in the database or buffering in Redis."""
    if connection.vendor != "postgresql":
        pytest.skip("The concurrency test needs PostgreSQL (SQLite serialises every write); CI runs it there.")
    redis_url = ""
    if request.param == "redis":
        import redis

        redis_url = request.getfixturevalue("redis_server").replace("/0", "/3")
        redis.Redis.from_url(redis_url).flushdb()
        settings.STATS_REDIS_URL = redis_url
    ports = [free_port(), free_port()]
    processes = [start_instance(port, redis_url) for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_ready(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_no_visit_or_view_is_lost_or_doubled_under_load(instances):
    article = make_article("Tin bài được đọc đồng thời")
    url = article.get_absolute_url()
    jobs = []
    for number in range(VISITORS):
        for round_ in range(ROUNDS):
            # The same visitor alternates instances, so both instances race on the same rows.
            jobs.append((instances[(number + round_) % 2], url, number, BROWSER_UA))
    for number in range(BOTS):
        jobs.append((instances[number % 2], url, number, "Mozilla/5.0 (compatible; Googlebot/2.1)"))
    with ThreadPoolExecutor(max_workers=64) as pool:
        statuses = list(pool.map(lambda job: read(job[0], job[1], visitor=job[2], user_agent=job[3]), jobs))

    assert statuses == [(200, 200)] * len(jobs)
    from stats import buffer, services

    if buffer.enabled():
        buffer.flush()  # what the widget and stats_snapshot do first
    today = timezone.localdate()
    assert DailyStats.objects.get(day=today).visits == VISITORS
    if not buffer.enabled():
        assert Visitor.objects.filter(day=today).count() == VISITORS
    assert Article.objects.get(pk=article.pk).view_count == VISITORS
    assert ArticleDailyViews.objects.get(article_id=article.pk, day=today).views == VISITORS

    figures = services.compute_figures(Unit.objects.get(code="01"))
    assert figures["online"] == VISITORS
    assert figures["today"] == figures["week"] == figures["month"] == figures["total"] == VISITORS
