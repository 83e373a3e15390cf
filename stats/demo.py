"""Demo statistics of one unit: a starting figure from its “old portal” and 60 days of plausible history.

``seed_demo`` calls ``seed_stats(unit)`` for each unit of the demo province; each unit's figures
differ (a commune has fewer readers than the province), the same on every run.
"""

import datetime
import random

from django.apps import apps
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from stats.models import ArticleDailyViews, DailyStats, StatsSettings
from units.models import Unit

DEMO_STARTING_TOTAL = 1_248_350
DEMO_DAYS = 60


def demo_scale(unit) -> float:
    """The province's portal is read most; a commune's by a fraction of that."""
    return 1.0 if unit.is_province else 0.1 + random.Random(unit.code).random() * 0.2


def demo_visits(day, scale=1.0) -> int:
    """Fewer visitors at weekends, a slow rise over the weeks, and day-to-day noise (same on every run)."""
    rng = random.Random(day.toordinal())
    base = 420 if day.weekday() < 5 else 190
    trend = (day.toordinal() % 365) // 20
    return max(1, round((base + trend + rng.randint(0, 160)) * scale))


@transaction.atomic
def seed_stats(unit: Unit, *, today=None) -> int:
    """Idempotent: sets the unit's starting figure once and fills its past days that have no figures yet."""
    today = today or timezone.localdate()
    scale = demo_scale(unit)
    settings = StatsSettings.objects.of(unit)
    if not settings.starting_total:
        settings.starting_total = round(DEMO_STARTING_TOTAL * scale)
        settings.save(update_fields=["starting_total"])
    created_days = 0
    for offset in range(1, DEMO_DAYS + 1):
        day = today - datetime.timedelta(days=offset)
        _, created = DailyStats.objects.get_or_create(unit=unit, day=day, defaults={"visits": demo_visits(day, scale)})
        created_days += created
    Article = apps.get_model("articles", "Article")
    articles = Article.objects.of(unit).published().values_list("pk", flat=True)
    for rank, article_id in enumerate(articles[:8]):
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
