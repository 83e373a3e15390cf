"""The visitor counter: looks at every finished response and counts the ones a person asked for.

It sits right after AuthenticationMiddleware (to know staff) and outside any page-cache middleware,
so a page served from the cache is counted like any other. When the page cache and the counting
buffer share one Redis, it reads a cached page itself, and counts it, in one Redis script
(services.cached_page_counted): for most readers that is the whole request.
"""

import logging

from django.conf import settings
from django.urls import Resolver404, resolve

from accounts.sessions import staff_member
from stats import services
from stats.bots import is_bot

logger = logging.getLogger(__name__)


PURPOSE_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_prefetch(request) -> bool:
    """Browsers announce speculative loads; a page fetched but maybe never seen is not a visit."""
    # From META, like the user agent: request.headers would build a dictionary of every header.
    purpose = " ".join(request.META.get(name, "") for name in PURPOSE_HEADERS).lower()
    return "prefetch" in purpose or "prerender" in purpose or "preview" in purpose


def ignored_path(path: str) -> bool:
    prefixes = [*settings.STATS_IGNORE_PATHS, settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/"]
    return any(prefix and path.startswith(prefix) for prefix in prefixes)


def countable_request(request) -> bool:
    """A person's GET of a public page, as far as the request tells: not a crawler, not staff."""
    if request.method != "GET":
        return False
    if ignored_path(request.path_info):
        return False
    if is_prefetch(request):
        return False
    if staff_member(request) is not None:
        return False
    return not is_bot(request.META.get("HTTP_USER_AGENT", ""))


def counted_response(response) -> bool:
    """An HTML page answered in full."""
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


def article_id_for(request):
    """The article the page showed: set by the article view or the page cache, else found from the URL."""
    if hasattr(request, "viewed_article_id"):
        return request.viewed_article_id
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name != settings.STATS_ARTICLE_URL_NAME or "slug" not in match.kwargs:
        return None
    from django.apps import apps

    Article = apps.get_model("articles", "Article")
    return Article.objects.published().filter(slug=match.kwargs["slug"]).values_list("pk", flat=True).first()


class VisitorStatsMiddleware:
    """Counts visits and article views after the response is ready; a counting failure never breaks a page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        countable = countable_request(request)
        if countable:
            try:  # a page cache hit, counted on the way; with the database down it is still served below
                cached = services.cached_page_counted(request)
            except Exception:
                logger.exception("Visitor statistics: a cached page could not be read and counted")
                cached = None
            if cached is not None:
                return cached
        response = self.get_response(request)
        if countable and counted_response(response):
            try:
                services.count_request(request, article_id=article_id_for(request))
            except Exception:
                logger.exception("Visitor statistics: a page could not be counted")
        return response
