"""The page cache: anonymous readers get public pages from the cache, never stale after an edit.

Every entry carries a *content generation*. Saving or deleting anything a public page shows
(articles, categories, comments, pages, menu, settings, meetings…) bumps the generation, so all
cached pages are replaced at once; nothing has to know which pages showed what. A page and the
current generation are read in one round trip to the cache. Entries also
expire after at most PAGE_CACHE_SECONDS (≤ 60 s: the visitor counter in every page may lag no
more), and never outlive the next scheduled publication, so a scheduled article appears on time.

Counting is unaffected: VisitorStatsMiddleware sits above this middleware and sees cached
responses like fresh ones; the article a cached page shows is stored with it.

With Redis as the cache, an entry is a Redis hash (generation, article, content type, pickled
response) rather than one pickled value, so that a Lua script can check it and see which article
it shows without unpickling the response: the visitor counter reads a cached page and counts it
in one round trip (stats/buffer.py). Any other cache keeps ``(generation, response, article id)``.
"""

import hashlib
import pickle
from contextlib import suppress

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from solo.models import SingletonModel

from accounts.sessions import may_be_logged_in
from core.cache import REDIS_ERRORS, ForgivingRedisCache

GENERATION_KEY = "page:generation"
NO_CACHE_PREFIXES = ("/admin/", "/bien-tap/", "/ngon-ngu/", "/danh-gia/", "/static/", "/media/")
# Apps whose rows appear on public pages; the visitor counter's own tables change every request.
CONTENT_APPS = frozenset({"articles", "meetings", "website"})


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(timezone.now().timestamp() * 1000)  # a fresh cache never reuses an old generation
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def current_generation(request):
    """The generation this request is served under, read from the cache once per request."""
    if request is None:  # a fragment rendered outside a request
        return generation()
    if not hasattr(request, "_page_generation"):
        request._page_generation = generation()
    return request._page_generation


def bump_generation(**kwargs):
    """Something public changed: every cached page is from now on a miss."""
    with suppress(ValueError):  # no generation yet (or Redis down): no page was cached under one
        cache.incr(GENERATION_KEY)


def _content_changed(sender, created=False, instance=None, **kwargs):
    if created and isinstance(instance, SingletonModel):
        return  # settings appearing with their defaults on first read: the pages showed those already
    if sender._meta.app_label in CONTENT_APPS or sender._meta.label == "stats.StatsSettings":
        bump_generation()


def connect():
    post_save.connect(_content_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="pagecache-m2m")


def seconds_to_live(page_generation, limit=None):
    """``limit`` (PAGE_CACHE_SECONDS), or less when a scheduled article is due sooner.

    The next publication time is read once per generation: publishing or scheduling starts a new one.
    """
    limit = settings.PAGE_CACHE_SECONDS if limit is None else limit
    key = f"page:next-publication:{page_generation}"
    due = cache.get(key)
    if due is None:
        Article = apps.get_model("articles", "Article")
        upcoming = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        due = upcoming.order_by("published_at").values_list("published_at", flat=True).first() or 0
        cache.set(key, due, timeout=60)
    if due:
        limit = min(limit, max(int((due - timezone.now()).total_seconds()), 0))
    return limit


def shared_until_publication(request, key, compute, *, seconds):
    """``compute()``, shared through the cache by every process and server for the current generation.

    Kept until something public is saved, the next scheduled publication or ``seconds`` (0: not
    kept), whichever comes first: for what costs the database more than a cache read.
    """
    page_generation = current_generation(request)
    cache_key = f"{key}:{page_generation}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        timeout = seconds_to_live(page_generation, limit=seconds) if seconds > 0 else 0
        if timeout > 0:
            cache.set(cache_key, value, timeout=timeout)
    return value


def cacheable_request(request):
    """Anonymous GET (or HEAD) of a public page: no session, no flash message pending."""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if request.path.startswith(NO_CACHE_PREFIXES):
        return False
    return not may_be_logged_in(request) and "messages" not in request.COOKIES


def cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    return "private" not in response.get("Cache-Control", "") and "no-store" not in response.get("Cache-Control", "")


def cache_key(request):
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    # "entry": not the name of an older version's pickled entry, which a Redis hash command cannot read.
    return f"page:entry:{language}:{request.get_host()}:{url}"


def redis_cache():
    """The default cache when it is Redis, whose page entries are Redis hashes; None for another cache."""
    backend = caches["default"]
    return backend if isinstance(backend, ForgivingRedisCache) else None


def redis_keys(backend, key):
    """The Redis names of the generation and of the page entry ``key``, with the cache's prefix and version."""
    return backend.make_and_validate_key(GENERATION_KEY), backend.make_and_validate_key(key)


def read_entry(key):
    """(the current generation or None, the cached (response, article id) or None): one round trip."""
    backend = redis_cache()
    if backend is None:
        found = cache.get_many([GENERATION_KEY, key])
        current, entry = found.get(GENERATION_KEY), found.get(key)
        return current, (entry[1:] if entry is not None and entry[0] == current else None)
    generation_key, entry_key = redis_keys(backend, key)
    try:
        pipe = backend.redis().pipeline(transaction=False)
        pipe.get(generation_key)
        pipe.hmget(entry_key, "generation", "article", "response")
        current, (entry_generation, article, response) = pipe.execute()
    except REDIS_ERRORS as error:
        backend.warn(error)
        return None, None
    current = None if current is None else int(current)
    if entry_generation is None or int(entry_generation) != current:
        return current, None
    return current, entry_from_redis(response, article)


def entry_from_redis(response, article):
    """(response, article id or None) from the fields of a Redis entry."""
    return pickle.loads(response), int(article) if article else None


def write_entry(key, page_generation, response, article_id, timeout):
    """Keep ``response`` (showing ``article_id``, or None) under ``key`` for ``timeout`` seconds."""
    backend = redis_cache()
    if backend is None:
        cache.set(key, (page_generation, response, article_id), timeout)
        return
    _, entry_key = redis_keys(backend, key)
    fields = {
        "generation": page_generation,
        "article": "" if article_id is None else article_id,
        "content_type": response.get("Content-Type", ""),
        "response": pickle.dumps(response, pickle.HIGHEST_PROTOCOL),
    }
    try:
        pipe = backend.redis().pipeline(transaction=True)  # never an entry without its expiry
        pipe.hset(entry_key, mapping=fields)
        pipe.expire(entry_key, timeout)
        pipe.execute()
    except REDIS_ERRORS as error:
        backend.warn(error)


def served_from_cache(request, response, article_id):
    request.viewed_article_id = article_id  # for the visitor counter above (None: not an article)
    response["X-Cache"] = "HIT"
    return response


class PageCacheMiddleware:
    """Serve anonymous public pages from the cache; store the ones that may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        # One round trip: the page and the current generation; an entry of an older generation is a miss.
        current, hit = read_entry(key)
        current = request._page_generation = current or generation()
        if hit is not None:
            return served_from_cache(request, *hit)
        response = self.get_response(request)
        if cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            timeout = seconds_to_live(current)
            if timeout > 0:
                write_entry(key, current, response, getattr(request, "viewed_article_id", None), timeout)
            response["X-Cache"] = "MISS"
        return response
