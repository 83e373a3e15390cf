"""Django's ``date`` filter, with the numeric formats the pages use compiled once (a template builtin).

Django's filter walks the format string and calls a method per letter on every use, ~35 µs a date;
the home page shows some thirty. A format made only of numeric fields and punctuation ("d/m/Y H:i",
"Ymd", "c") becomes one ``str.format`` pattern instead, giving the same text in ~3 µs. Any other
format (day names, "DATETIME_FORMAT", escapes…) and any other value go to Django's filter unchanged.
"""

import datetime
import functools

from django import template
from django.template.defaultfilters import date as django_date

register = template.Library()

# Django's format letters that are plain numbers, as str.format fields of the value.
_NUMERIC_FIELDS = {
    "d": "{0.day:02d}",
    "j": "{0.day}",
    "m": "{0.month:02d}",
    "n": "{0.month}",
    "Y": "{0.year:04d}",
    "H": "{0.hour:02d}",
    "G": "{0.hour}",
    "i": "{0.minute:02d}",
    "s": "{0.second:02d}",
}
_TIME_LETTERS = frozenset("HGis")
_PUNCTUATION = frozenset(" /-:.,")


@functools.lru_cache(maxsize=128)
def _pattern(format_string):
    """(str.format pattern, whether it needs a time of day) for a numeric format, or None for any other."""
    if not all(char in _NUMERIC_FIELDS or char in _PUNCTUATION for char in format_string):
        return None
    pattern = "".join(_NUMERIC_FIELDS.get(char, char) for char in format_string)
    return pattern, not _TIME_LETTERS.isdisjoint(format_string)


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """``value|date:"d/m/Y"``, as Django formats it (the value already in the current time zone)."""
    if arg == "c" and isinstance(value, datetime.datetime):
        return value.isoformat()
    compiled = _pattern(arg) if arg and isinstance(value, datetime.date) else None
    if compiled is None or (compiled[1] and not isinstance(value, datetime.datetime)):
        return django_date(value, arg)
    return compiled[0].format(value)
