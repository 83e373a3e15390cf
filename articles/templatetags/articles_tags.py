"""Fragments of the articles app for other pages: the THÔNG BÁO box, links to an article's own host."""

from django import template

from articles.models import Article

register = template.Library()

ANNOUNCEMENTS_IN_BOX = 8


@register.inclusion_tag("articles/includes/announcements_box.html")
def announcements_box(unit):
    """The unit's current announcements, pinned first (the sidebar keeps the box in a {% cache %} fragment)."""
    if not unit:  # an error page for a host that is no unit's: nothing of any unit
        return {"announcements": []}
    fields = ("title", "slug", "published_at", "pinned", "show_until")
    announcements = Article.objects.of(unit).current_announcements().only(*fields)[:ANNOUNCEMENTS_IN_BOX]
    return {"announcements": list(announcements)}


@register.simple_tag(takes_context=True)
def article_url(context, article):
    """The absolute address of ``article``'s one page, on its own unit's host.

    The province lists its communes' articles as links to their pages there, never as copies.
    """
    return article.unit.url(article.get_absolute_url(), context.get("request"))
