"""The day's salt: shared, random, rotated daily, gone after 48 hours; pruning keeps every figure."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from stats import services
from stats.models import ArticleDailyViews, ArticleSeen, DailySalt, DailyStats, Visitor
from tests.articles.factories import make_article
from tests.stats.conftest import BROWSER_UA

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 10)


def test_one_salt_per_day_shared_by_every_worker():
    first = services.salt_for(TODAY)
    services._salt_memo.clear()  # another process
    assert services.salt_for(TODAY) == first
    assert DailySalt.objects.filter(day=TODAY).count() == 1
    assert len(first) == 64


def test_no_hash_from_yesterday_matches_today():
    yesterday = TODAY - datetime.timedelta(days=1)
    kwargs = {"unit_id": 1, "address": "203.0.113.10", "user_agent": BROWSER_UA}
    old = services.visitor_hash(day=yesterday, **kwargs)
    new = services.visitor_hash(day=TODAY, **kwargs)
    assert old != new
    assert services.visitor_hash(day=TODAY, **kwargs) == new
    assert DailySalt.objects.get(day=yesterday).secret != DailySalt.objects.get(day=TODAY).secret


def test_old_salts_are_deleted_when_a_new_day_begins():
    for offset in (3, 2, 1):
        services.salt_for(TODAY - datetime.timedelta(days=offset))
    services.salt_for(TODAY)
    # Today's and yesterday's remain: 48 hours after a day began its salt is gone.
    assert sorted(DailySalt.objects.values_list("day", flat=True)) == [TODAY - datetime.timedelta(days=1), TODAY]


def test_the_salt_is_not_derived_from_the_date():
    services.salt_for(TODAY)
    secret = DailySalt.objects.get(day=TODAY).secret
    DailySalt.objects.all().delete()
    services._salt_memo.clear()
    assert services.salt_for(TODAY) != secret


def _fill_history(days, unit):
    """Visits and article views spread over past days, counted through the real service."""
    article = make_article()
    factory = RequestFactory()
    for offset in range(days):
        moment = timezone.now() - datetime.timedelta(days=offset)
        for number in range(offset % 4 + 1):
            request = factory.get("/", HTTP_USER_AGENT=f"{BROWSER_UA} {number}", REMOTE_ADDR="203.0.113.20")
            services._salt_memo.clear()
            services.count_view(request, unit=unit, article=article.pk, now=moment)
    return article


def test_pruning_leaves_every_figure_unchanged(settings, unit):
    settings.STATS_RETENTION_DAYS = 5
    article = _fill_history(40, unit)
    before = services.compute_figures(unit)
    views_before = article.__class__.objects.get(pk=article.pk).view_count
    daily_before = list(DailyStats.objects.values_list("day", "visits"))
    per_article_before = list(ArticleDailyViews.objects.values_list("day", "views"))
    raw_before = Visitor.objects.count()

    out = StringIO()
    call_command("stats_rollup", stdout=out)

    assert Visitor.objects.count() < raw_before
    assert not Visitor.objects.filter(day__lt=timezone.localdate() - datetime.timedelta(days=5)).exists()
    assert not ArticleSeen.objects.filter(day__lt=timezone.localdate() - datetime.timedelta(days=5)).exists()
    assert DailySalt.objects.filter(day__lt=timezone.localdate() - datetime.timedelta(days=1)).count() == 0
    assert services.compute_figures(unit) == before
    assert article.__class__.objects.get(pk=article.pk).view_count == views_before
    assert list(DailyStats.objects.values_list("day", "visits")) == daily_before
    assert list(ArticleDailyViews.objects.values_list("day", "views")) == per_article_before
    assert "Đã xóa" in out.getvalue()


def test_snapshot_prints_the_figures_as_json(settings, unit):
    article = _fill_history(3, unit)
    out = StringIO()
    call_command("stats_snapshot", stdout=out)
    figures = json.loads(out.getvalue())
    assert set(figures) == {"online", "today", "week", "month", "total"}
    assert figures["today"] == 1
    assert figures["total"] == 1 + 2 + 3
    out = StringIO()
    call_command("stats_snapshot", "--article", article.slug, stdout=out)
    assert json.loads(out.getvalue()) == {"views": 6}


def test_snapshot_of_an_unknown_article_fails_clearly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có tin bài"):
        call_command("stats_snapshot", "--article", "khong-co")
