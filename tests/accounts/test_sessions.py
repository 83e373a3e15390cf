"""Requests without a session cookie are anonymous: nothing looks up their session or user.

Staff sessions end after an idle time and at a maximum age.
"""

import time

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject

from accounts.middleware import (
    SEEN_KEY,
    STARTED_KEY,
    PasswordChangeRequiredMiddleware,
    StaffSessionExpiryMiddleware,
    TwoFactorRequiredMiddleware,
)
from accounts.sessions import may_be_logged_in
from stats.beacon import countable
from tests.conftest import log_in_with_second_factor

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def _user_never_read():
    raise AssertionError("the user was looked up for a request without a session cookie")


def reader_request(rf, **cookies):
    request = rf.get("/", HTTP_USER_AGENT=BROWSER)
    request.COOKIES.update(cookies)
    request.user = SimpleLazyObject(_user_never_read)
    return request


def test_without_a_session_cookie_nobody_is_logged_in(rf):
    assert not may_be_logged_in(reader_request(rf))
    assert may_be_logged_in(rf.get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc"))


def test_a_reader_passes_the_password_check_without_a_user_lookup(rf):
    response = PasswordChangeRequiredMiddleware(lambda request: HttpResponse("trang"))(reader_request(rf))
    assert response.content == b"trang"


def test_a_reader_is_counted_without_a_user_lookup(rf):
    assert countable(reader_request(rf))


def idle_for(client, minutes, *, logged_in_minutes_ago=None):
    """Pretend the last request of this session came ``minutes`` ago (and the log-in as long ago as asked)."""
    session = client.session
    now = time.time()
    session[SEEN_KEY] = int(now - minutes * 60)
    session[STARTED_KEY] = int(now - (logged_in_minutes_ago or minutes) * 60)
    session.save()


@pytest.mark.django_db
def test_a_staff_session_ends_after_the_idle_time(client, staff, settings):
    assert settings.STAFF_SESSION_IDLE_MINUTES == 120
    log_in_with_second_factor(client, staff["press_officer"])
    assert client.get("/admin/").status_code == 200
    idle_for(client, 119)
    assert client.get("/admin/").status_code == 200  # still there, and the clock starts again
    assert client.session[SEEN_KEY] >= time.time() - 5
    idle_for(client, 121)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_busy_staff_session_still_ends_at_its_maximum_age(client, staff, settings):
    settings.SESSION_COOKIE_AGE = 8 * 3600
    log_in_with_second_factor(client, staff["press_officer"])
    client.get("/admin/")
    idle_for(client, 1, logged_in_minutes_ago=8 * 60 - 2)
    assert client.get("/admin/").status_code == 200
    idle_for(client, 1, logged_in_minutes_ago=8 * 60 + 2)
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_the_idle_time_is_a_setting(client, staff, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 15
    log_in_with_second_factor(client, staff["press_officer"])
    client.get("/admin/")
    idle_for(client, 16)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("middleware", [StaffSessionExpiryMiddleware, TwoFactorRequiredMiddleware])
def test_a_reader_passes_the_session_and_two_factor_checks_without_a_user_lookup(rf, middleware):
    response = middleware(lambda request: HttpResponse("trang"))(reader_request(rf))
    assert response.content == b"trang"
