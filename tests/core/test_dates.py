"""The template ``date`` filter gives exactly Django's text, in the reader's time zone, whatever the format."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation

from core.templatetags.dates import date

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MOMENTS = [
    datetime.datetime(2026, 1, 5, 7, 3, 9, tzinfo=HANOI),
    datetime.datetime(2025, 12, 31, 23, 59, 59, 999999, tzinfo=HANOI),
    datetime.datetime(987, 10, 13, 0, 0, tzinfo=HANOI),
    datetime.date(2026, 2, 9),
]
FORMATS = ["d/m/Y", "d/m/Y H:i", "H:i", "Y", "Ymd", "d/m", "m/Y", "j/n/Y G:i:s", "c", "l", "l, d/m/Y",
           "DATETIME_FORMAT", r"\N\g\à\y d", "D d M Y", ""]  # fmt: skip


def outcome(function, *args):
    """What a call gives, or the kind of error it raises (a time of day asked of a date raises in Django)."""
    try:
        return function(*args)
    except Exception as error:
        return type(error)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("moment", MOMENTS, ids=str)
@pytest.mark.parametrize("format_string", FORMATS)
def test_every_format_reads_as_djangos(moment, format_string, language):
    with translation.override(language):
        assert outcome(date, moment, format_string) == outcome(django_date, moment, format_string)


def test_other_values_are_left_to_django():
    for value in (None, "", "13/10/2021", 2021):
        assert date(value, "d/m/Y") == django_date(value, "d/m/Y")


def test_pages_show_times_in_vietnam_time():
    utc_evening = datetime.datetime(2026, 3, 1, 20, 30, tzinfo=datetime.UTC)
    html = Template('{{ moment|date:"d/m/Y H:i" }} {{ moment|date:"c" }}').render(Context({"moment": utc_evening}))
    assert html == "02/03/2026 03:30 2026-03-02T03:30:00+07:00"
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"
