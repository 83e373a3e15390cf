"""Which addresses search engines are asked to leave alone, said on the views themselves.

A view that is none of a search engine's business (search results without end, the editors'
preview, a link that only sets a cookie, a form's POST) is decorated with ``hidden_from_robots``:
its answers carry ``X-Robots-Tag: noindex`` and robots.txt disallows its address, found by walking
the URL patterns. So a new view cannot be hidden in one place and forgotten in the other.
"""

import functools
import re

from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Django's admin site: its views cannot carry our mark, so its include is hidden as a whole.
HIDDEN_APP_NAMESPACES = frozenset({"admin"})


def hidden_from_robots(view):
    """Mark ``view`` as hidden from search engines (on a class: ``method_decorator(…, name="dispatch")``)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers.setdefault("X-Robots-Tag", "noindex")
        return response

    wrapped.hidden_from_robots = True
    return wrapped


def literal_prefix(pattern):
    """The fixed start of a URL pattern: ``bien-tap/xem-truoc/`` of ``bien-tap/xem-truoc/<int:pk>/``."""
    text = str(pattern)
    if isinstance(pattern, RoutePattern):
        return text.split("<", 1)[0]
    return re.split(r"[\\.^$*+?{}\[\]|()]", text.removeprefix("^"), maxsplit=1)[0]


def _hidden_paths(patterns, prefix):
    for entry in patterns:
        path = prefix + literal_prefix(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name in HIDDEN_APP_NAMESPACES:
                yield path
            else:
                yield from _hidden_paths(entry.url_patterns, path)
        elif getattr(entry.callback, "hidden_from_robots", False):
            yield path


@functools.cache
def _disallowed(resolver):
    return tuple(dict.fromkeys(_hidden_paths(resolver.url_patterns, "/")))


def disallowed_paths():
    """The address prefixes robots.txt disallows, in the order of the URL patterns (read once per URLconf)."""
    return _disallowed(get_resolver())
