"""A cap on the body of the anonymous public POSTs: a reader's comment, the satisfaction answer.

Their forms hold a few kilobytes of text, yet Django would read whatever a client declares (a 20 MB
multipart post is parsed and spooled to disk before the view can refuse it; file parts do not count
against DATA_UPLOAD_MAX_MEMORY_SIZE). The declared length is checked before the body is touched;
nginx applies the same cap in front (deploy/nginx-portal.conf).
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render


def declared_length(request):
    """The body's length as the client declares it; what Django itself reads as 0 when it is not a number."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def public_body_limit(view):
    """Answer 413 in Vietnamese, unread, to a body longer than PUBLIC_POST_MAX_BYTES."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        if declared_length(request) > settings.PUBLIC_POST_MAX_BYTES:
            return render(request, "413.html", {"limit_kb": settings.PUBLIC_POST_MAX_BYTES // 1024}, status=413)
        return view(request, *args, **kwargs)

    return limited
