"""The visitor counter and the satisfaction question, as tags for any template."""

from django import template
from django.template.loader import render_to_string
from django.utils import translation

from core import fragments
from stats import services
from stats.forms import FeedbackForm
from stats.pages import target_of

register = template.Library()

STATS_TEMPLATE = "stats/includes/visitor_stats.html"


@register.simple_tag(takes_context=True)
def visitor_stats(context):
    """Thống kê truy cập: figures at most 60 seconds old, computed from daily rows, never raw ones.

    The box is drawn again only when a figure has changed.
    """
    figures = services.figures()
    key = (STATS_TEMPLATE, translation.get_language(), *figures.values())
    return fragments.remembered(
        fragments.request_of(context), key, lambda: render_to_string(STATS_TEMPLATE, {"figures": figures})
    )


@register.inclusion_tag("stats/includes/satisfaction_rating.html")
def satisfaction_rating(obj):
    """“Thông tin này có hữu ích với bạn không?” under an article or a meeting."""
    return {"form": FeedbackForm(), "target": target_of(obj)}
