"""People's names in templates, in Vietnamese order (accounts/names.py)."""

from django import template

from accounts import names

register = template.Library()


@register.filter
def full_name(user):
    """``{{ user|full_name }}``: "Nguyễn Văn Bình", never Django's "Bình Nguyễn Văn"."""
    return names.full_name(user)
