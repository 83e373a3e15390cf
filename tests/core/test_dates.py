"""Dates read the Vietnamese way (portal/formats), in Vietnam's time, through Django's own ``date`` filter."""

import datetime

from django.template import Context, Template
from django.utils import timezone, translation

UTC_EVENING = datetime.datetime(2026, 3, 1, 20, 30, tzinfo=datetime.UTC)


def render(source, **context):
    return Template(source).render(Context(context))


def test_pages_show_times_in_vietnam_time():
    html = render('{{ moment|date:"d/m/Y H:i" }} {{ moment|date:"c" }}', moment=UTC_EVENING)
    assert html == "02/03/2026 03:30 2026-03-02T03:30:00+07:00"
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"


def test_the_named_formats_read_day_month_year_in_both_languages():
    for language in ("vi", "en"):
        with translation.override(language):
            assert render('{{ moment|date:"DATETIME_FORMAT" }}', moment=UTC_EVENING) == "02/03/2026 03:30"
            assert render('{{ moment|date:"DATE_FORMAT" }}', moment=UTC_EVENING.date()) == "01/03/2026"
