"""Fragments of the articles app for other pages: the THÔNG BÁO box."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation

from articles.models import Article
from core import fragments

register = template.Library()

ANNOUNCEMENTS_IN_BOX = 8
BOX_TEMPLATE = "articles/includes/announcements_box.html"


def current_announcements():
    """What the box may show, read from the database."""
    fields = ("title", "slug", "published_at", "pinned", "show_until")
    return list(Article.objects.current_announcements().only(*fields)[:ANNOUNCEMENTS_IN_BOX])


@register.simple_tag(takes_context=True)
def announcements_box(context):
    """Current announcements, pinned first: one query per content generation and process, not per page.

    The list is kept until the next change or the next scheduled publication (at most a minute);
    an announcement whose “show until” passes in between is dropped when the box is drawn, and the
    box's HTML is remembered for each set of announcements shown.
    """
    request = fragments.request_of(context)
    announcements = fragments.remembered_until_publication(request, "announcements", current_announcements)
    now = timezone.now()
    shown = [a for a in announcements if a.show_until is None or a.show_until > now]
    key = (BOX_TEMPLATE, translation.get_language(), *(a.pk for a in shown))
    return fragments.remembered(request, key, lambda: render_to_string(BOX_TEMPLATE, {"announcements": shown}))
