"""Template helpers shared by every app's pages."""

import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import stringfilter, truncatechars
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from core.fragments import render_remembered
from website.chrome import site_chrome

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


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current one, with an ellipsis for the gaps: 1 … 4 5 [6] 7 8 … 40."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag(takes_context=True)
def remembered(context, template_name):
    """A part of the site chrome that depends only on the content and the language (core/fragments.py)."""
    return render_remembered(context, template_name)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu, remembered once per menu item that can be the current page (and once for the others)."""
    request = context["request"]
    return render_remembered(context, "includes/nav.html", site_chrome(request).menu_url(request.path))


SEARCH_BOX = "includes/search_box.html"


@register.simple_tag(takes_context=True)
def search_box(context):
    """The search box of the header: drawn once while empty, with the reader's words on the search page."""
    if context["request"].GET.get("q"):
        return mark_safe(context.template.engine.get_template(SEARCH_BOX).render(context))
    return render_remembered(context, SEARCH_BOX)


@register.simple_tag(takes_context=True)
def language_links(context):
    """(code, name in that language, address) of each interface language, coming back to this page."""
    switch = reverse("core:language")
    back = context["request"].get_full_path()
    return [
        (code, get_language_info(code)["name_local"], f"{switch}?{urlencode({'language': code, 'next': back})}")
        for code, _ in settings.LANGUAGES
    ]


@register.filter(is_safe=True)
@stringfilter
def shorten(text, length):
    """``truncatechars``, without walking (and translating) a text that is short enough already, as most are."""
    return text if len(text) <= int(length) else truncatechars(text, length)
