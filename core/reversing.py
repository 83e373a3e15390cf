"""Addresses of pages named by a slug, worked out without Django's ``reverse`` on every link.

``reverse`` matches the URL pattern and quotes each argument, ~25 µs a call; a search page links
each of its ten cards to an article and to a category, the home page some forty times. Those URLs
differ only by the slug, so each is reversed once with a stand-in slug (per script prefix and
URLconf) and a real slug takes its place. A slug the ``<slug:…>`` converter would refuse goes to
``reverse``, which refuses it as before.
"""

import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.urls.converters import SlugConverter

_SLUG = re.compile(SlugConverter.regex)
_STAND_IN = "slug-stand-in"


class SlugURL:
    """``SlugURL("articles:detail")(slug)`` == ``reverse("articles:detail", kwargs={"slug": slug})``."""

    def __init__(self, view_name):
        self.view_name = view_name
        self._halves = {}

    def __call__(self, slug):
        if not _SLUG.fullmatch(slug):
            return reverse(self.view_name, kwargs={"slug": slug})
        where = (get_script_prefix(), get_urlconf(settings.ROOT_URLCONF))
        halves = self._halves.get(where)
        if halves is None:
            halves = self._halves[where] = reverse(self.view_name, kwargs={"slug": _STAND_IN}).split(_STAND_IN)
        if len(halves) != 2:  # the stand-in also appears elsewhere in the address: no shortcut
            return reverse(self.view_name, kwargs={"slug": slug})
        return f"{halves[0]}{slug}{halves[1]}"
