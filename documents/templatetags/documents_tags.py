"""Template filters of the document pages."""

from django import template

from documents.models import Validity

register = template.Library()


@register.filter
def validity_label(code):
    """The Vietnamese name of a validity code read with ``Document.objects.for_list()`` (``validity_code``)."""
    try:
        return Validity(code).label
    except ValueError:
        return ""
