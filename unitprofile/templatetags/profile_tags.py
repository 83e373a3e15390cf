"""``{{ office|tr:"name" }}``: a field in the interface's language, for offices, sections and officials alike."""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def tr(obj, name):
    """The ``<name>_en`` field when the interface is English and it is filled, else ``<name>``."""
    if (get_language() or "").startswith("en"):
        english = getattr(obj, f"{name}_en", "")
        if english:
            return english
    return getattr(obj, name, "")
