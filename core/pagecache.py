"""Public pages from Django's cache framework, keyed by the content generation.

A view decorated with ``cached_page`` is the same for every anonymous reader, so Django's
``CacheMiddleware`` keeps its response for at most PAGE_CACHE_SECONDS, under a key prefix that
names the content generation (core/generation.py): an edit makes every cached page a miss at once,
and no page outlives the next scheduled publication. Staff (a session cookie), readers with a
message waiting and anything but GET or HEAD get the page built for them. Visits are counted by
the page's beacon (stats), never here, so a cached page counts like any other.
"""

from functools import wraps

from django.conf import settings
from django.middleware.cache import CacheMiddleware
from django.utils.cache import add_never_cache_headers

from core import generation


def shared_request(request) -> bool:
    """An anonymous GET or HEAD with no flash message pending: its page may come from the cache."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cached_page(view):
    """Serve ``view`` from the page cache to anonymous readers; never to staff, never stale after an edit."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.PAGE_CACHE_SECONDS:
            return view(request, *args, **kwargs)
        if not shared_request(request):
            response = view(request, *args, **kwargs)
            # Built for this reader (staff, a message): no shared cache in front may keep it either.
            add_never_cache_headers(response)
            return response
        current = generation.current()
        lifetime = generation.seconds_to_live(settings.PAGE_CACHE_SECONDS)
        if lifetime <= 0:
            return view(request, *args, **kwargs)
        middleware = CacheMiddleware(
            lambda request: rendered(view(request, *args, **kwargs)),
            page_timeout=lifetime,
            key_prefix=f"page.{current}",
        )
        return middleware(request)

    return wrapper


def rendered(response):
    """The response with its template rendered, so that the cache stores it at once.

    Django's cache middleware stores a template response after it renders, through a callback whose
    return value, were it not None, would replace the response: django-redis's ``set`` returns True.
    """
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return response
