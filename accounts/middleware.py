"""Between a logged-in staff member and the admin: session expiry, the second factor, a password of their own.

Each acts only on staff members (``accounts.sessions.staff_member``), so a reader's request without
a session cookie passes without a session or user lookup.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from accounts import twofactor
from accounts.models import Profile
from accounts.sessions import staff_member

# Session keys: when the staff member logged in and when they were last seen (Unix seconds).
STARTED_KEY = "staff_session_started"
SEEN_KEY = "staff_session_seen"
# The time last seen is written at most this often: one session save a minute of work, not one a page.
SEEN_RESOLUTION_SECONDS = 60


class StaffSessionExpiryMiddleware:
    """End a staff session after STAFF_SESSION_IDLE_MINUTES without a request, and SESSION_COOKIE_AGE after log-in.

    Django alone would keep a session as long as it is used (its age restarts at every save): an
    office computer left logged in would stay so. The request that comes too late goes on as an
    anonymous one, so the admin asks for the password again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if staff_member(request) is not None:
            self._expire_or_note(request)
        return self.get_response(request)

    @staticmethod
    def _expire_or_note(request):
        session, now = request.session, int(time.time())
        started = session.setdefault(STARTED_KEY, now)
        seen = session.get(SEEN_KEY, now)
        if now - seen > settings.STAFF_SESSION_IDLE_MINUTES * 60 or now - started > settings.SESSION_COOKIE_AGE:
            logout(request)
        elif now - seen >= SEEN_RESOLUTION_SECONDS or SEEN_KEY not in session:
            session[SEEN_KEY] = now


class TwoFactorRequiredMiddleware:
    """Until a staff member has given their second factor, only the two-factor pages and log-out open.

    Who has enrolled is asked for a code; who must have a second factor (accounts/twofactor.py) and
    has none is sent to enrol. Everyone else passes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = staff_member(request)
        if user is not None and not user.is_verified() and request.path not in self._open_paths():
            if twofactor.has_device(user):
                return redirect(twofactor.page_then("two-factor-verify", request.get_full_path()))
            if twofactor.required_for(user):
                return redirect(twofactor.page_then("two-factor-enrol", request.get_full_path()))
        return self.get_response(request)

    @staticmethod
    def _open_paths():
        return (
            reverse("accounts:two-factor-verify"),
            reverse("accounts:two-factor-enrol"),
            reverse("admin:logout"),
        )


class PasswordChangeRequiredMiddleware:
    """Send staff flagged ``must_change_password`` to the password form until they have used it.

    The flag is cleared by the form that saves a password different from the one they were given
    (accounts/forms.py); the two-factor pages, which come first, stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = staff_member(request)
        if user is not None and request.path not in self._open_paths() and self._must_change(user):
            return redirect(reverse("admin:password_change"))
        return self.get_response(request)

    @staticmethod
    def _open_paths():
        return (
            reverse("admin:password_change"),
            reverse("admin:logout"),
            reverse("accounts:two-factor-verify"),
            reverse("accounts:two-factor-enrol"),
        )

    @staticmethod
    def _must_change(user):
        return Profile.objects.filter(user=user, must_change_password=True).exists()
