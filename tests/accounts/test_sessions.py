"""Requests without a session cookie are anonymous: nothing looks up their session or user."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject

from accounts.middleware import PasswordChangeRequiredMiddleware
from accounts.sessions import may_be_logged_in
from stats.beacon import countable

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
