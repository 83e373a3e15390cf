"""Fragments of the articles app for other pages: the THÔNG BÁO box."""

from django import template
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article
from core import pagecache

register = template.Library()

ANNOUNCEMENTS_IN_BOX = 8
BOX_SECONDS = 60


@register.inclusion_tag("articles/includes/announcements_box.html")
def announcements_box():
    """Current announcements, pinned first: one query per content generation, not per page.

    The list is kept until the next change or the next scheduled publication (at most a minute);
    an announcement whose “show until” passes in between is dropped when the box is drawn.
    """
    generation = pagecache.generation()
    key = f"announcements-box:{generation}"
    announcements = cache.get(key)
    if announcements is None:
        fields = ("title", "slug", "published_at", "pinned", "show_until")
        announcements = list(Article.objects.current_announcements().only(*fields)[:ANNOUNCEMENTS_IN_BOX])
        timeout = pagecache.seconds_to_live(generation, limit=BOX_SECONDS)
        if timeout:
            cache.set(key, announcements, timeout)
    now = timezone.now()
    return {"announcements": [a for a in announcements if a.show_until is None or a.show_until > now]}
