"""A Redis or PostgreSQL that accepts connections and never answers costs one timeout, then nothing.

The hung server is a loopback socket that accepts and never answers (tests/conftest.py HungServer);
what is asserted is how many connections the portal opens to it, not how long pages take.
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from core.breaker import CircuitBreaker, breaker, redis_cache_settings
from stats.models import DailyStats
from tests.articles.factories import make_article
from tests.stats.conftest import read

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
ROOT = Path(__file__).resolve().parent.parent.parent


def reader(number):
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"198.51.100.{number}", raise_request_exception=False)


def test_a_failure_opens_the_breaker_then_one_thread_tries_and_its_success_closes_it():
    guard = CircuitBreaker("service", open_seconds=0.05)
    guard.failed()
    assert guard.is_open and not guard.allow()
    time.sleep(0.06)
    answers = []
    other = threading.Thread(target=lambda: answers.append(guard.allow()))
    assert guard.allow()  # this thread is the trial
    other.start()
    other.join()
    assert answers == [False]  # the others keep being refused meanwhile
    guard.succeeded()
    assert not guard.is_open and guard.allow()


def test_a_failed_trial_opens_it_again():
    guard = CircuitBreaker("service", open_seconds=0.05)
    guard.failed()
    time.sleep(0.06)
    assert guard.allow()
    guard.failed()
    assert not guard.allow()


@pytest.mark.django_db(transaction=True)
def test_a_hung_redis_costs_one_timeout_and_every_page_and_visit_still_comes(hung_server, settings, monkeypatch):
    hung = f"redis://127.0.0.1:{hung_server.port}/0"
    settings.CACHES = {"default": redis_cache_settings(hung, timeout=0.5)}
    settings.STATS_REDIS_URL = hung
    article = make_article("Tin khi Redis treo")
    paths = ["/", article.get_absolute_url(), "/robots.txt"] * 3

    answers, seconds = [], []
    for number, path in enumerate(paths, start=1):
        started = time.monotonic()
        answers.append(read(reader(number), path)[0])
        seconds.append(time.monotonic() - started)

    assert [response.status_code for response in answers] == [200] * len(paths)
    assert "Tin khi Redis treo" in answers[1].content.decode()
    # The cache and the visitor counter share the one breaker: one connection, one timeout, in all.
    assert hung_server.attempts == 1
    assert breaker(f"redis 127.0.0.1:{hung_server.port}").is_open
    # Once the breaker is open, every page (with its beacon) answers within the second the issue asks
    # for, and none of them waits on the hung server: the one attempt above is the first page's.
    assert max(seconds[1:]) < 1.0, seconds
    # No visit lost: counted in the database (six readers of counted pages; robots.txt is not a page).
    assert DailyStats.objects.get(day=timezone.localdate()).visits == 6


@pytest.mark.django_db(transaction=True)
def test_redis_answering_again_closes_the_breaker_after_its_open_time(redis_server, settings):
    settings.CACHES = {"default": redis_cache_settings(redis_server, timeout=0.5)}
    settings.BREAKER_OPEN_SECONDS = 0.05
    from django.core.cache import cache

    guard = breaker(f"redis {redis_server.split('//')[1].split('/')[0]}")
    guard.failed()
    cache.set("thu", "một")  # refused at once: the write is skipped
    assert cache.get("thu") is None
    time.sleep(0.06)
    cache.set("thu", "hai")
    assert cache.get("thu") == "hai" and not guard.is_open


# A portal process whose database is the hung server: the 503 page, and no second connection attempt.
HUNG_DATABASE_SCRIPT = """
import json, time
import django
from django.test.utils import setup_test_environment
django.setup()
setup_test_environment()
from django.test import Client
client = Client(raise_request_exception=False)
answers = []
for path in ["/tin-tuc/", "/", "/robots.txt", "/lien-he/"]:
    started = time.monotonic()
    response = client.get(path)
    answers.append({
        "path": path, "status": response.status_code, "seconds": time.monotonic() - started,
        "retry_after": response.get("Retry-After"),
        "maintenance": "Hệ thống đang bảo trì" in response.content.decode(),
    })
print(json.dumps(answers))
"""


def test_a_hung_database_gives_the_503_page_after_one_connect_timeout_then_at_once(hung_server):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": f"postgres://portal@127.0.0.1:{hung_server.port}/portal",
        "REDIS_URL": "",
        "DEBUG": "0",
        "SECRET_KEY": "test",
        "ALLOWED_HOSTS": "testserver",
        "HTTPS": "0",
        "STATIC_MANIFEST": "0",
        "DB_CONNECT_TIMEOUT": "1",
    }
    run = subprocess.run(
        [sys.executable, "-c", HUNG_DATABASE_SCRIPT], env=environment, cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    first, *others = json.loads(run.stdout.splitlines()[-1])
    assert first["status"] == 503 and first["maintenance"] and first["retry_after"]
    assert first["seconds"] < 2  # one connect timeout, not two
    # Every later answer, robots.txt's too (which unit a host is, and so which sitemap robots.txt
    # names, is read from the database), is the 503 page at once: crawlers take it as "come back later".
    for answer in others:
        assert answer["status"] == 503 and answer["maintenance"] and answer["retry_after"], answer
        assert answer["seconds"] < 0.5, answer
    assert hung_server.attempts == 1
