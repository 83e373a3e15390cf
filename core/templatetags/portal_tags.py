"""Template helpers shared by every app's pages."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

register = template.Library()

# The same escapes as django.utils.html.json_script: the data can never close the script element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """schema.org structured data (NewsArticle, Event…) for search engines, safely embedded.

    ``application/ld+json`` is data, not script, so the Content-Security-Policy does not block it.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def placed_at(messages, place):
    """The flash messages meant for ``place``: a form's section (their extra tag is its id), or "" for the page's top.

    A form's confirmation shows beside the form the reader is sent back to (the redirect's #anchor),
    not at the top of the page, out of view, where people miss it and send again.
    """
    return [message for message in messages or () if message.extra_tags == place]


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current one, with an ellipsis for the gaps: 1 … 4 5 [6] 7 8 … 40."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def language_links(context):
    """(code, name in that language, address) of each interface language, coming back to this page."""
    switch = reverse("core:language")
    back = context["request"].get_full_path()
    return [
        (code, get_language_info(code)["name_local"], f"{switch}?{urlencode({'language': code, 'next': back})}")
        for code, _ in settings.LANGUAGES
    ]
