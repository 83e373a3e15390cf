"""Readers' text inside the portal's own sentences."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def isolated(value):
    """``value`` in a ``<bdi>``: right-to-left letters or bidi controls in it cannot reorder the sentence around it."""
    return format_html("<bdi>{}</bdi>", value)
