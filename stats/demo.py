"""Demo statistics: a starting figure from the “old portal” and 60 days of plausible history."""

import datetime
import random

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from stats.models import ArticleDailyViews, DailyStats, StatsSettings

DEMO_STARTING_TOTAL = 1_248_350
DEMO_DAYS = 60


def demo_visits(day) -> int:
    """Fewer visitors at weekends, a slow rise over the weeks, and day-to-day noise (same on every run)."""
    rng = random.Random(day.toordinal())
    base = 420 if day.weekday() < 5 else 190
    trend = (day.toordinal() % 365) // 20
    return base + trend + rng.randint(0, 160)


@transaction.atomic
def seed_stats(*, today=None) -> int:
    """Idempotent: sets the starting figure once and fills past days that have no figures yet."""
    today = today or timezone.localdate()
    settings = StatsSettings.get_solo()
    if not settings.starting_total:
        settings.starting_total = DEMO_STARTING_TOTAL
        settings.save(update_fields=["starting_total"])
    created_days = 0
    for offset in range(1, DEMO_DAYS + 1):
        day = today - datetime.timedelta(days=offset)
        _, created = DailyStats.objects.get_or_create(day=day, defaults={"visits": demo_visits(day)})
        created_days += created
    Article = apps.get_model("articles", "Article")
    for rank, article_id in enumerate(Article.objects.published().values_list("pk", flat=True)[:8]):
        added = 0
        for offset in range(1, 15):
            day = today - datetime.timedelta(days=offset)
            views = max(0, 60 - rank * 7 - offset * 2 + random.Random(article_id * 1000 + offset).randint(0, 15))
            _, created = ArticleDailyViews.objects.get_or_create(
                article_id=article_id, day=day, defaults={"views": views}
            )
            added += views if created else 0
        if added:
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + added)
    return created_days
