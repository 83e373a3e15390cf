"""The content generation: one number that every save of public content moves forward.

Cached pages, cached fragments and shared list totals carry the generation in their keys, so an
edit makes all of them misses at once, on every process and server sharing the cache; nothing has
to know which page showed what. Each app says which of its models are public content
(``track_content``) and, when its content can appear by itself at a set time (a scheduled article),
registers a deadline (``register_deadline``) that no cached copy may outlive.
"""

from contextlib import suppress

from asgiref.local import Local
from django.core.cache import InvalidCacheBackendError, cache, caches
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from solo.models import SingletonModel

GENERATION_KEY = "content:generation"
# The longest a process keeps what it drew or read for a generation ({% cache %} fragments, the page
# frame's settings and menu, an article page's article), and never past a scheduled publication.
PROCESS_SECONDS = 60

_tracked = set()
_deadlines = []
# The generation a request has read, per thread and per asyncio task, as Django keeps its own
# per-request state; ``active`` only between request_started and request_finished.
_request = Local()


def current() -> int:
    """The generation now, read once per request: every part of a page is drawn for the same one.

    The page cache, the page's fragments, its settings and the Content-Security-Policy all ask; within
    a request the first answer stands (until the request itself changes content), outside one each call
    reads the shared cache.
    """
    if not getattr(_request, "active", False):
        return _read()
    if _request.generation is None:
        _request.generation = _read()
    return _request.generation


def _read() -> int:
    """The shared generation; a fresh cache starts from the clock, so it never reuses an older number."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(timezone.now().timestamp() * 1000)
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def bump(**kwargs) -> None:
    """Something public changed: every cached copy is a miss from now on."""
    _request.generation = None  # a request that changed content draws what follows with the new one
    with suppress(ValueError):  # no generation yet (or the cache is down): nothing was cached under one
        cache.incr(GENERATION_KEY)


def _request_started(**kwargs):
    _request.active, _request.generation = True, None


def _request_finished(**kwargs):
    _request.active, _request.generation = False, None


request_started.connect(_request_started, dispatch_uid="generation-request-started")
request_finished.connect(_request_finished, dispatch_uid="generation-request-finished")


def _content_changed(sender, instance=None, raw=False, created=False, **kwargs):
    if raw or (created and _created_by_reading(instance)):
        return  # settings appearing with their defaults on first read: the pages showed those already
    # m2m_changed names the through model as sender: the instance tells whose relation it is.
    if sender in _tracked or type(instance) in _tracked:
        bump()


def _created_by_reading(instance) -> bool:
    """Settings a first read creates with their defaults: a singleton, or a model that says so."""
    return isinstance(instance, SingletonModel) or getattr(instance, "created_on_first_read", False)


def track_content(*models) -> None:
    """Saving, deleting or relinking any of ``models`` starts a new generation."""
    _tracked.update(models)
    post_save.connect(_content_changed, dispatch_uid="generation-save")
    post_delete.connect(_content_changed, dispatch_uid="generation-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="generation-m2m")


def register_deadline(seconds_until) -> None:
    """``seconds_until(generation)``: seconds until content appears by itself, or None for never."""
    _deadlines.append(seconds_until)


def seconds_to_live(limit: int) -> int:
    """``limit``, or less when registered content is due sooner: what a cached copy may live."""
    generation = current()
    for seconds_until in _deadlines:
        due = seconds_until(generation)
        if due is not None:
            limit = min(limit, max(int(due), 0))
    return limit


def shared(key: str, compute, *, seconds: int, using=None):
    """``compute()``, shared through the cache by every process for this generation and ``seconds`` at most.

    For what costs the database more than a cache read (a list's total, a search's ranking); never
    kept past an edit or the next scheduled publication; ``seconds`` of 0 keeps nothing. ``using``
    names another cache, such as ``process_cache()`` for what every page of the frame needs.
    """
    if seconds <= 0:
        return compute()  # nothing is kept, so there is nothing to look up either
    store = cache if using is None else using
    generation = current()
    cache_key = f"{key}:{generation}"
    value = store.get(cache_key)
    if value is None:
        value = compute()
        timeout = seconds_to_live(seconds)
        if timeout > 0:
            store.set(cache_key, value, timeout=timeout)
    return value


def process_cache():
    """The cache in this process's memory that ``{% cache %}`` keeps fragments in, else the default.

    Django's cache tag uses the ``template_fragments`` cache when settings define one. What is kept
    there under a generation's key is the same in every process, so each process may keep its own
    copy: an edit starts a new generation, which every process reads from the shared cache.
    """
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return cache
