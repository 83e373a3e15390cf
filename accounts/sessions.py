"""Who is logged in: only a browser that carries a session cookie can be."""

from django.conf import settings


def may_be_logged_in(request) -> bool:
    """False for a request without a session cookie: its user is anonymous, whatever else it sends.

    Public pages are read by anonymous citizens; asking this first spares their requests the session
    and user lookups that ``request.user`` would make.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def staff_member(request):
    """The logged-in staff member making ``request``, or None; a request without a session cookie is never one."""
    if not may_be_logged_in(request):
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated and user.is_staff else None
