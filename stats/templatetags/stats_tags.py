"""The visitor counter and the satisfaction question, as inclusion tags for any template."""

from django import template

from stats import services
from stats.forms import FeedbackForm
from stats.pages import target_of

register = template.Library()


@register.inclusion_tag("stats/includes/visitor_stats.html")
def visitor_stats():
    """Thống kê truy cập: figures at most 60 seconds old, computed from daily rows, never raw ones."""
    return {"figures": services.figures()}


@register.inclusion_tag("stats/includes/satisfaction_rating.html")
def satisfaction_rating(obj):
    """“Thông tin này có hữu ích với bạn không?” under an article or a meeting."""
    return {"form": FeedbackForm(initial={"target": target_of(obj)})}
