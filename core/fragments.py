"""Pieces of every page rendered once per content generation by each process, not on every request.

The banner, the menu, the footer and the THÔNG BÁO box look the same on thousands of pages and
change only when something is saved, which starts a new content generation (core/pagecache.py).
Rendering them costs more than the article they surround, so each process keeps their HTML for the
current generation, for at most FRAGMENT_SECONDS, under a key naming everything else they depend
on (the language, the menu item of the current page, the announcements shown…). A new generation,
read from the shared cache, forgets everything at once, so every process and every server shows an
edit on its next page, as the page cache does.

This is not the page cache: with PAGE_CACHE_SECONDS=0 every page is still built from the database;
only its frame is reused.
"""

import time
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.safestring import mark_safe

from core import pagecache

FRAGMENT_SECONDS = 60
# Keys are few (fragments × languages × menu items); past this, something varies too much: start over.
MAX_ENTRIES = 512


@dataclass
class _Memory:
    generation: int | None = None
    entries: dict = field(default_factory=dict)


_memory = _Memory()


def remembered(request, key, compute, *, seconds=FRAGMENT_SECONDS):
    """``compute()``, kept by this process under ``key`` for the current generation.

    ``seconds`` (or a callable given the value and returning it, asked only when computing) bounds
    how long the value is kept; 0 or less means it is not kept at all.
    """
    generation = pagecache.current_generation(request)
    if generation != _memory.generation or len(_memory.entries) >= MAX_ENTRIES:
        _memory.generation, _memory.entries = generation, {}
    now = time.monotonic()
    entry = _memory.entries.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    value = compute()
    lifetime = seconds(value) if callable(seconds) else seconds
    if lifetime > 0:
        _memory.entries[key] = (now + min(lifetime, FRAGMENT_SECONDS), value)
    return value


def remembered_until_publication(request, key, compute):
    """``remembered``, and never past the next scheduled publication: for what lists published articles."""
    generation = pagecache.current_generation(request)
    return remembered(
        request, key, compute, seconds=lambda _value: pagecache.seconds_to_live(generation, limit=FRAGMENT_SECONDS)
    )


def render_remembered(context, template_name, *vary):
    """``template_name`` rendered with the page's context, remembered per language and ``vary``."""
    template = context.template.engine.get_template(template_name)
    request = request_of(context)
    if request is None:  # an error page rendered without a request: nothing to key on
        return template.render(context)
    key = (template_name, translation.get_language(), *vary)
    return mark_safe(remembered(request, key, lambda: template.render(context)))


def request_of(context):
    """The request a template context was made for (also inside inclusion tags), or None."""
    return getattr(context, "request", None) or context.get("request")


def forget():
    """Drop everything kept (tests start from nothing, like the cache)."""
    _memory.generation, _memory.entries = None, {}
