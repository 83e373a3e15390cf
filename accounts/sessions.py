"""Who can be logged in: only a browser that carries a session cookie."""

from django.conf import settings


def may_be_logged_in(request) -> bool:
    """False for a request without a session cookie: its user is anonymous, whatever else it sends.

    Public pages are read by anonymous citizens; asking this first spares their requests the session
    and user lookups that ``request.user`` would make.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES
