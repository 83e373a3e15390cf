"""``{% form_stamp %}``: the signed time a public form is drawn (core/antispam.py)."""

from django import template

from core.antispam import stamp_field

register = template.Library()


@register.simple_tag
def form_stamp(form_id=""):
    """A fresh stamp on every request: draw it outside any fragment kept for the content generation.

    ``form_id`` names the form the input belongs to when it is drawn outside that form's element.
    """
    return stamp_field(form_id)
