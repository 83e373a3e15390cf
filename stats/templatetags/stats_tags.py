"""The visitor counter, the counting beacon and the satisfaction question, as tags for any template."""

from django import template
from django.utils.functional import SimpleLazyObject

from stats import beacon, services
from stats.forms import FeedbackForm
from stats.pages import target_of

register = template.Library()


@register.inclusion_tag("stats/includes/visitor_stats.html", takes_context=True)
def visitor_stats(context):
    """Thống kê truy cập of the request's unit: figures at most a minute old, shared by every process.

    A page from a cache shows the figures it was drawn with until its beacon answers the current ones.
    """
    # An error page for a request no unit serves (a bad host) shows the box without figures.
    unit = getattr(context.get("request"), "unit", None)
    return {"figures": services.current_figures(unit) if unit is not None else None}


@register.inclusion_tag("stats/includes/beacon.html")
def stats_beacon(article=None):
    """The element that counts this page once the reader sees it (static/js/stats.js, or the <noscript> image)."""
    return {"url": beacon.beacon_url(article)}


@register.inclusion_tag("stats/includes/satisfaction_rating.html", takes_context=True)
def satisfaction_rating(context, obj):
    """“Thông tin này có hữu ích với bạn không?” under an article or a meeting.

    Its fields are the same on every page, kept in a {% cache %} fragment under the page's keys.
    """
    # With the messages: the answer to a rating shows in the box the reader is sent back to.
    names = ("fragment_seconds", "content_generation", "unit", "LANGUAGE_CODE", "messages")
    keys = {name: context.get(name) for name in names}
    return {"form": SimpleLazyObject(FeedbackForm), "target": target_of(obj), **keys}
