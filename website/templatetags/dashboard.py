"""The admin's first screen as an inclusion tag: each role's own work (website.dashboard)."""

from django import template

from website.dashboard import panels

register = template.Library()


@register.inclusion_tag("website/dashboard.html", takes_context=True)
def dashboard(context):
    return {"panels": panels(context["request"])}
