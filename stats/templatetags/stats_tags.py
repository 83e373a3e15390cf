"""The visitor counter and the satisfaction question, as tags for any template."""

import time

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from core import fragments
from stats import services
from stats.forms import FeedbackForm
from stats.pages import target_of

register = template.Library()

STATS_TEMPLATE = "stats/includes/visitor_stats.html"


@register.simple_tag(takes_context=True)
def visitor_stats(context):
    """Thống kê truy cập: figures at most 60 seconds old, computed from daily rows, never raw ones.

    Each process keeps the shared figures until they are due (services.shared_figures), and draws
    the box again only when a figure has changed.
    """
    request = fragments.request_of(context)
    figures, _until = fragments.remembered(
        request, "visitor figures", services.shared_figures, seconds=lambda shared: shared[1] - time.time()
    )
    key = (STATS_TEMPLATE, translation.get_language(), *figures.values())
    return fragments.remembered(request, key, lambda: render_to_string(STATS_TEMPLATE, {"figures": figures}))


@register.inclusion_tag("stats/includes/satisfaction_rating.html")
def satisfaction_rating(obj):
    """“Thông tin này có hữu ích với bạn không?” under an article or a meeting."""
    # The form's fields are drawn once per content generation (satisfaction_fields.html): made only then.
    return {"form": SimpleLazyObject(FeedbackForm), "target": target_of(obj)}
