"""The generic views of the ground floor: language switch, robots.txt, favicon, the 500 page; they name no app."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from core.robots import disallowed_paths, hidden_from_robots


@hidden_from_robots
@require_GET
def switch_language(request):
    """Footer links choose the interface language (content stays as written).

    A plain link rather than Django's POST ``set_language``: choosing a language changes nothing
    that matters to security, and pages without a CSRF form can be served from the page cache.
    """
    language = request.GET.get("language", "")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


@require_GET
def robots_txt(request):
    """Crawlers may read everything public except the views marked ``hidden_from_robots`` and the admin.

    Touches neither the database nor the session: it is the portal's cheapest response.
    """
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed_paths())]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for without reading the page: the portal's own icon."""
    response = HttpResponseRedirect(static("img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


def server_error(request):
    """The 500 handler: a Vietnamese page that needs neither the database nor a context processor.

    When the error is the database being unreachable, the answer is 503 "Hệ thống đang bảo trì…"
    with Retry-After, so that browsers and monitors know it is temporary. While the database's
    circuit breaker is open (core/breaker.py) the refusal comes at once, without a connection
    attempt; the first request after BREAKER_OPEN_SECONDS tries again.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    template = loader.get_template("503.html" if unavailable else "500.html")
    response = HttpResponse(template.render(), status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "60"
    return response
