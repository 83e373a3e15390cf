"""Fragments of the articles app for other pages: the THÔNG BÁO box, links to an article's own host."""

from django import template

from articles.models import Article

register = template.Library()

ANNOUNCEMENTS_IN_BOX = 8


@register.inclusion_tag("articles/includes/announcements_box.html", takes_context=True)
def announcements_box(context):
    """The page's unit's current announcements, pinned first (the sidebar keeps the box in a {% cache %} fragment).

    The unit comes from the page's context: a commune's notices never show on the province's pages.
    """
    fields = ("title", "slug", "published_at", "pinned", "show_until")
    unit = context.get("unit")
    if unit is None:  # the 400 page for a host that is no unit's: nothing of any unit
        return {"announcements": []}
    announcements = Article.objects.of(unit).current_announcements().only(*fields)
    return {"announcements": list(announcements[:ANNOUNCEMENTS_IN_BOX])}


@register.simple_tag(takes_context=True)
def article_url(context, article):
    """The absolute address of ``article``'s one page, on its own unit's host.

    The province lists its communes' articles as links to their pages there, never as copies.
    """
    return article.unit.url(article.get_absolute_url(), context.get("request"))
