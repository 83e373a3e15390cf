"""Fragments of the articles app for other pages: the THÔNG BÁO box."""

from django import template

from articles.models import Article

register = template.Library()

ANNOUNCEMENTS_IN_BOX = 8


@register.inclusion_tag("articles/includes/announcements_box.html")
def announcements_box():
    """Current announcements, pinned first, in one query."""
    announcements = Article.objects.current_announcements().only("title", "slug", "published_at", "pinned")
    return {"announcements": list(announcements[:ANNOUNCEMENTS_IN_BOX])}
