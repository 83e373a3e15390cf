"""Fixtures shared by the whole suite: fast settings and the browser harness."""

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bench.loopback import HungServer, free_port

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
# Flags that keep Chromium from reaching out to the network it does not have here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Vietnamese: a request in English leaves English active in the thread after it."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_settings(settings, tmp_path):
    """Cheap password hashing and throw-away media folders (public and protected) for every test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    protected = {
        **settings.STORAGES["protected"],
        "OPTIONS": {"location": tmp_path / "protected", "base_url": "/tep-tin/"},
    }
    settings.STORAGES = {**settings.STORAGES, "protected": protected}


@pytest.fixture(autouse=True)
def unit(request):
    """The unit a test's requests are for: the test client's host, and the live server's.

    Only for tests that use the database; the host map of the last test is forgotten either way.
    """
    from units import hosts

    hosts.forget()
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return None
    transactional = "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from units.models import Unit, UnitAlias

    unit, _created = Unit.objects.get_or_create(
        code="01",
        defaults={"name": "Ủy ban nhân dân xã Hòa Bình", "short_name": "UBND xã Hòa Bình", "host": "testserver"},
    )
    for host in ("localhost", "127.0.0.1"):
        UnitAlias.objects.get_or_create(host=host, defaults={"unit": unit, "redirect": False})
    return unit


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a browser that Playwright downloads."""
    if not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM}: browser tests skipped (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page at desktop width, with ``live_server`` running."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """Save a full-page screenshot under artifacts/screenshots/ (git-ignored) and return its path."""

    def take(page, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        test_name = re.sub(r"[^\w-]+", "_", request.node.name)
        path = ARTIFACTS / f"{test_name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: pages, fragments and figures kept by another test never leak in."""
    from django.core.cache import caches

    from stats import services

    for alias in caches.settings:
        caches[alias].clear()
    services._figures_kept.clear()


@pytest.fixture(scope="session")
def redis_server():
    """A private redis-server on a free loopback port, for cache and counting tests (Debian: redis-server)."""
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


def log_in_with_second_factor(client, user):
    """Log ``user`` in as if through both factors: the password and an authenticator app (django-otp).

    For tests about something other than signing in, whose users may be administrators (who must use
    a second factor); signing in itself is tested in tests/accounts/test_two_factor.py.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    app, _created = TOTPDevice.objects.get_or_create(user=user, name="Ứng dụng xác thực", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app.persistent_id
    session.save()
    return user


def signed_in_browser(browser, live_server, user, width):
    """(client, browser context, page) holding ``user``'s session through both factors, ``width`` px wide.

    The browser tests of admin screens start here rather than at the log-in form, which has its own tests.
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    log_in_with_second_factor(client, user)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return client, context, page


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, logged in through both factors: a superuser must use two."""
    from django.test import Client

    client = Client()
    log_in_with_second_factor(client, admin_user)
    return client


def second_factor_code(user):
    """A code ``user``'s authenticator app would show now, for browser tests that log in through the form."""
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    app, _created = TOTPDevice.objects.get_or_create(user=user, name="Ứng dụng xác thực", defaults={"confirmed": True})
    return f"{totp(app.bin_key, step=app.step, t0=app.t0, digits=app.digits):06d}"


@pytest.fixture(autouse=True)
def _closed_breakers():
    """A service found down by one test is not refused to the next (core/breaker.py)."""
    from core.breaker import all_breakers

    yield
    for breaker in all_breakers():
        breaker.reset()


@pytest.fixture
def hung_server():
    server = HungServer()
    yield server
    server.close()
