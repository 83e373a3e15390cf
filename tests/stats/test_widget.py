"""The “Thống kê truy cập” box: five honest figures, Vietnamese grouping, at most 60 seconds old."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from stats import services
from stats.models import DailyStats, StatsSettings, Visitor
from units.models import Unit

pytestmark = pytest.mark.django_db


def render(unit=None):
    """The box as a page of ``unit`` (the test unit) shows it."""
    request = RequestFactory().get("/")
    request.unit = unit or Unit.objects.get(code="01")
    return Template("{% load stats_tags %}{% visitor_stats %}").render(Context({"request": request}))


def stat(html, name):
    start = html.index(f'data-stat="{name}">') + len(f'data-stat="{name}">')
    return html[start : html.index("<", start)]


def test_the_box_shows_every_figure_with_vietnamese_grouping():
    today = timezone.localdate()
    DailyStats.objects.create(day=today, visits=12345)
    DailyStats.objects.create(day=today - datetime.timedelta(days=400), visits=1000)
    StatsSettings.objects.create(starting_total=1_000_000)
    now = timezone.now()
    Visitor.objects.create(day=today, visitor="a" * 32, first_seen=now, last_seen=now)
    Visitor.objects.create(day=today, visitor="b" * 32, first_seen=now, last_seen=now - datetime.timedelta(minutes=6))
    html = render()
    assert "Thống kê truy cập" in html
    assert 'class="box' in html and "box-title" in html and "box-body" in html
    assert stat(html, "online") == "1"
    assert stat(html, "today") == "12.345"
    assert stat(html, "total") == "1.013.345"
    for label in ("Đang online", "Hôm nay", "Trong tuần", "Trong tháng", "Tất cả"):
        assert label in html


def test_week_starts_on_monday_and_month_on_the_first(unit):
    today = datetime.date(2026, 11, 25)  # a Wednesday
    for day, visits in [(25, 1), (23, 10), (22, 100), (1, 1000), (31, 10000)]:
        month = 10 if day == 31 else 11
        DailyStats.objects.create(day=datetime.date(2026, month, day), visits=visits)
    moment = timezone.make_aware(datetime.datetime(2026, 11, 25, 9, 0))
    figures = services.compute_figures(unit, now=moment)
    assert figures["today"] == 1
    assert figures["week"] == 11
    assert figures["month"] == 1111
    assert figures["total"] == 11111
    assert today.weekday() == 2


def test_figures_are_cached_at_most_sixty_seconds(monkeypatch, settings, unit):
    settings.STATS_CACHE_SECONDS = 600  # a mistaken setting is still held to one minute
    timeouts = []
    original = cache.set

    def recording_set(key, value, timeout=None):
        if key == services.FIGURES_CACHE_KEY.format(unit=unit.pk):
            timeouts.append(timeout)
        return original(key, value, timeout)

    monkeypatch.setattr(cache, "set", recording_set)
    DailyStats.objects.create(day=timezone.localdate(), visits=5)
    assert stat(render(), "today") == "5"
    DailyStats.objects.filter(day=timezone.localdate()).update(visits=6)
    assert stat(render(), "today") == "5"  # within the minute
    assert timeouts == [60]
    later, later_monotonic = time.time() + 61, time.monotonic() + 61  # the minute has passed
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "monotonic", lambda: later_monotonic)
    assert stat(render(), "today") == "6"


def test_the_box_costs_two_queries_a_minute_and_none_in_between(django_assert_num_queries, unit):
    for offset in range(500):
        DailyStats.objects.create(day=timezone.localdate() - datetime.timedelta(days=offset), visits=offset)
    with django_assert_num_queries(2):
        render(unit)
    with django_assert_num_queries(0):
        render(unit)


def test_an_empty_portal_shows_zeros_not_a_fake_figure():
    html = render()
    for name in ("online", "today", "week", "month", "total"):
        assert stat(html, name) == "0"
