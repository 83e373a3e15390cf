"""Counting visits and article views exactly, without cookies and without keeping an address.

A view is counted when the page's beacon calls (stats/views.py), never while the page is served, so
a cached page counts like a fresh one. The rules are written once for Redis (stats/buffer.py, one
atomic script) and once for the database (below, statements that the database serialises on a
unique key: ``INSERT … ON CONFLICT``): a figure moves only when such a step really created (or
renewed) its row, so any number of workers and servers count exactly.

- Every figure is a unit's (the unit of the host the page was read on): a visit on one unit never
  moves another's. An article belongs to one unit, so its views are simply its own.
- A visitor is an HMAC of the unit, the client's address (IPv6 by /64) and browser under the day's
  salt, so that not even the hashes tell which units one person read; an address brings a unit at
  most STATS_VISITORS_PER_ADDRESS visitors a day, its further browsers count as one (the address's
  overflow visitor).
- A visit is a visitor's first counted page of the day; a view, a visitor's first view of an article
  in STATS_VIEW_WINDOW_SECONDS.
"""

import datetime
import enum
import hashlib
import hmac
import logging
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone

from core import clients, ratelimit
from stats import buffer
from stats.models import (
    ArticleDailyViews,
    ArticleSeen,
    DailySalt,
    DailyStats,
    Feedback,
    FlushedBatch,
    Visitor,
)
from units.models import Unit

logger = logging.getLogger(__name__)

ONLINE_WINDOW = datetime.timedelta(seconds=buffer.ONLINE_SECONDS)
# A visitor's last_seen is refreshed at most this often: fewer writes, ``online`` stays within a minute.
SEEN_REFRESH = datetime.timedelta(seconds=60)
FIGURES_CACHE_KEY = "stats:shared-figures:{unit}"

# Today's salt, kept by each process once read: (day, secret). Only today's, never an older one.
_salt_memo: dict = {}
# Each unit's shared figures and until when they stand (shared_figures), kept by each process until then.
_figures_kept: dict = {}


def week_start(day):
    """Weeks start on Monday in Vietnam."""
    return day - datetime.timedelta(days=day.weekday())


# --- The day's salt and the visitor hash -------------------------------------------------------


def salt_for(day) -> str:
    """The random secret of ``day``, created once for all workers; older salts are removed."""
    memo = _salt_memo.get("today")
    if memo and memo[0] == day:
        return memo[1]
    salt, created = DailySalt.objects.get_or_create(day=day, defaults={"secret": secrets.token_hex(32)})
    if created:
        delete_old_salts(today=day)
    _salt_memo["today"] = (day, salt.secret)
    return salt.secret


def delete_old_salts(*, today) -> int:
    """Drop every salt older than yesterday: 48 hours after a day began, its hashes can't be rebuilt."""
    deleted, _ = DailySalt.objects.filter(day__lt=today - datetime.timedelta(days=1)).delete()
    return deleted


def visitor_hash(*, day, unit_id: int, address: str, user_agent: str) -> str:
    """HMAC-SHA256 of unit, address and browser under the day's salt, cut to 128 bits.

    The unit is part of the message so that one person's hashes on two units cannot be matched.
    """
    key = bytes.fromhex(salt_for(day))
    message = f"{unit_id}\n{address}\n{user_agent}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Reader:
    """Who reads one unit, as the counter knows them: hashes only, for one day."""

    unit_id: int
    visitor: str  # this address and browser
    overflow: str  # this address's visitor once it has brought its share of visitors today
    network: str  # this address alone, to count what it brought

    @classmethod
    def of(cls, request, *, unit_id, day):
        address = clients.client_key(request)
        agent = request.META.get("HTTP_USER_AGENT", "")[: clients.USER_AGENT_PREFIX]

        def hashed(user_agent):
            return visitor_hash(day=day, unit_id=unit_id, address=address, user_agent=user_agent)

        return cls(
            unit_id=unit_id, visitor=hashed(agent), overflow=hashed("\x00overflow"), network=hashed("\x00network")
        )


# --- Counting ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    new_visit: bool
    counted_view: bool
    views: int | None  # the article's total after this page, when it is known


def count_view(request, *, unit, article=None, now=None) -> Counted:
    """Count one page of ``unit`` seen by a reader, and the view of ``article`` (an id, one of the unit's)."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    reader = Reader.of(request, unit_id=unit.pk, day=day)
    if buffer.enabled():
        counted = _count_in_redis(reader=reader, day=day, now=now, article=article)
        if counted is not None:
            return counted
    return _count_in_database(reader=reader, day=day, now=now, article=article)


def _count_in_redis(*, reader, day, now, article) -> Counted | None:
    """The Redis script's answer; None when Redis fails, so the database counts instead.

    No count is lost while Redis is down. A visitor seen both before and during an outage may be
    counted once more that day, since the two stores cannot see each other's keys.
    """
    try:
        recorded = buffer.record(
            unit_id=reader.unit_id, visitor=reader.visitor, overflow=reader.overflow, network=reader.network,
            day=day, now=now, article_id=article,
        )  # fmt: skip
        views = recorded.views
        if article is not None and views is None:
            views = buffer.seed_total(article_id=article, stored=_stored_views(article))
    except Exception:
        logger.warning("Visitor statistics: Redis unreachable, counting in the database", exc_info=True)
        return None
    if recorded.flush_now:
        _flush_buffer()
    return Counted(recorded.new_visit, recorded.counted_view, views)


def _stored_views(article) -> int:
    Article = ArticleSeen.article.field.related_model
    return Article.objects.filter(pk=article).values_list("view_count", flat=True).first() or 0


def _flush_buffer():
    """This request's turn to move the buffered counts into the database; a failure waits for the next turn."""
    try:
        buffer.flush()
    except Exception:
        logger.warning("Visitor statistics: the Redis buffer could not be flushed yet", exc_info=True)


@transaction.atomic
def _count_in_database(*, reader, day, now, article) -> Counted:
    visitor, unit_id = reader.visitor, reader.unit_id
    new_visit = _record_visitor(unit_id=unit_id, visitor=visitor, network=reader.network, day=day, now=now)
    if new_visit and _brought(unit_id=unit_id, network=reader.network, day=day) > _visitors_per_address():
        Visitor.objects.filter(unit_id=unit_id, day=day, visitor=visitor).delete()
        visitor = reader.overflow
        new_visit = _record_visitor(unit_id=unit_id, visitor=visitor, network="", day=day, now=now)
    if new_visit:
        DailyStats.objects.add(unit_id=unit_id, day=day, visits=1)
    if article is None:
        return Counted(new_visit, False, None)
    counted_view = _record_article_view(visitor=visitor, article=article, day=day, now=now)
    if counted_view:
        ArticleSeen.article.field.related_model.objects.filter(pk=article).update(view_count=F("view_count") + 1)
        ArticleDailyViews.objects.add(article_id=article, day=day, views=1)
    return Counted(new_visit, counted_view, _stored_views(article))


def _brought(*, unit_id, network, day) -> int:
    return Visitor.objects.filter(unit_id=unit_id, day=day, network=network).count()


def _visitors_per_address() -> int:
    return settings.STATS_VISITORS_PER_ADDRESS


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _record_visitor(*, unit_id: int, visitor: str, network: str, day, now) -> bool:
    """Note the visitor as seen; True when this is their first page today (a new visit)."""
    table, adapt = _table(Visitor), connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        # Inserted rows have first_seen = last_seen; an update moves last_seen only (at most once a minute).
        cursor.execute(
            f"INSERT INTO {table} (unit_id, day, visitor, network, first_seen, last_seen) "
            f"VALUES (%s, %s, %s, %s, %s, %s) "
            f"ON CONFLICT (unit_id, day, visitor) DO UPDATE SET last_seen = excluded.last_seen "
            f"WHERE {table}.last_seen < %s "
            f"RETURNING first_seen = last_seen",
            [
                unit_id,
                connection.ops.adapt_datefield_value(day),
                visitor,
                network,
                adapt(now),
                adapt(now),
                adapt(now - SEEN_REFRESH),
            ],
        )
        row = cursor.fetchone()
    return bool(row and row[0])


def _record_article_view(*, visitor: str, article: int, day, now) -> bool:
    """True unless this visitor's view of the article already counted within the view window."""
    table, adapt = _table(ArticleSeen), connection.ops.adapt_datetimefield_value
    window = datetime.timedelta(seconds=settings.STATS_VIEW_WINDOW_SECONDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, visitor, article_id, counted_at) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT (visitor, article_id) DO UPDATE SET counted_at = excluded.counted_at, day = excluded.day "
            f"WHERE {table}.counted_at <= %s "
            f"RETURNING id",
            [connection.ops.adapt_datefield_value(day), visitor, article, adapt(now), adapt(now - window)],
        )
        return cursor.fetchone() is not None


# --- Figures -----------------------------------------------------------------------------------


FIGURE_NAMES = ("online", "today", "week", "month", "total")


def figures_of(unit_ids, *, now=None) -> dict[int, dict]:
    """The widget's five figures of each unit, by id, from the daily rows and the small table of today's visitors.

    The same two queries for one unit or for all the units of a province (its dashboard).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    unit_ids = list(unit_ids)
    online = None
    if buffer.enabled():
        try:
            buffer.flush()
            online = buffer.online(unit_ids=unit_ids, now=now)
        except Exception:
            # Redis unreachable: show what the database has rather than break the page.
            logger.exception("Visitor statistics: the Redis buffer could not be read")
    if online is None:
        online = dict(
            Visitor.objects.filter(unit_id__in=unit_ids, last_seen__gte=now - ONLINE_WINDOW)
            .values("unit_id")
            .annotate(online=Count("pk"))
            .values_list("unit_id", "online")
        )
    # One row per unit: its daily rows summed, and its starting total (at most one settings row).
    sums = {
        row["pk"]: row
        for row in Unit.objects.filter(pk__in=unit_ids)
        .order_by()
        .values("pk")
        .annotate(
            today=Sum("daily_stats__visits", filter=Q(daily_stats__day=today)),
            week=Sum("daily_stats__visits", filter=Q(daily_stats__day__gte=week_start(today))),
            month=Sum("daily_stats__visits", filter=Q(daily_stats__day__gte=today.replace(day=1))),
            total=Sum("daily_stats__visits"),
            starting=Max("stats_settings__starting_total"),
        )
    }
    figures = {}
    for unit_id in unit_ids:
        row = sums.get(unit_id, {})
        figures[unit_id] = {
            "online": online.get(unit_id, 0),
            "today": row.get("today") or 0,
            "week": row.get("week") or 0,
            "month": row.get("month") or 0,
            "total": (row.get("total") or 0) + (row.get("starting") or 0),
        }
    return figures


def compute_figures(unit, *, now=None) -> dict:
    """The widget's five figures of ``unit``, freshly computed."""
    return figures_of([unit.pk], now=now)[unit.pk]


def shared_figures(unit) -> tuple[dict, float]:
    """``unit``'s figures as the widget shows them, and until when (a UNIX time) they stand.

    Recomputed at most every STATS_CACHE_SECONDS (≤ 60 s) and shared through the cache, so every
    process and server shows the same figures until the same moment, and may keep them until then.
    """
    now = time.time()
    key = FIGURES_CACHE_KEY.format(unit=unit.pk)
    shared = cache.get(key)
    if shared is None or shared[1] <= now:
        timeout = min(int(getattr(settings, "STATS_CACHE_SECONDS", 60)), 60)
        shared = (compute_figures(unit), now + timeout)
        cache.set(key, shared, timeout=timeout)
    return shared


def current_figures(unit) -> dict | None:
    """``unit``'s figures for a beacon's answer; None when neither the cache nor the database answers.

    Each process keeps the shared figures until the moment they stand until, as every process shows
    the same ones until then: most beacons answer without asking the cache.
    """
    kept = _figures_kept.get(unit.pk)
    if kept is not None and kept[1] > time.time():
        return kept[0]
    try:
        _figures_kept[unit.pk] = shared = shared_figures(unit)
        return shared[0]
    except Exception:
        logger.warning("Visitor statistics: the figures could not be read", exc_info=True)
        return None


# --- Housekeeping ------------------------------------------------------------------------------


def prune(*, today=None) -> dict:
    """Delete raw rows past the retention and old salts; daily figures and view counts stay as they are."""
    today = today or timezone.localdate()
    retention = max(int(settings.STATS_RETENTION_DAYS), 2)
    cutoff = today - datetime.timedelta(days=retention)
    with transaction.atomic():
        visitors, _ = Visitor.objects.filter(day__lt=cutoff).delete()
        seen, _ = ArticleSeen.objects.filter(day__lt=cutoff).delete()
        salts = delete_old_salts(today=today)
        FlushedBatch.objects.filter(applied_at__date__lt=cutoff).delete()
    return {"visitors": visitors, "article_views": seen, "salts": salts}


# --- Satisfaction rating -----------------------------------------------------------------------


class Answer(enum.Enum):
    """What became of a satisfaction answer."""

    KEPT = "kept"
    ALREADY_GIVEN = "already-given"  # this visitor answered this page today
    REFUSED = "refused"  # an agent no browser sends, or too many answers from the client's address


def answer_feedback(*, request, obj, useful: bool, comment: str = "", day=None) -> Answer:
    """Keep the answer of ``request``'s client unless it may not give one.

    A client is its address (an IPv6 /64 as one): the limits hold per address, and its browser only
    tells apart the people who share it ("one answer per visitor"), up to STATS_RATING_PER_ADDRESS
    answers per page and day, so naming a new browser for each answer gains nothing.
    """
    day = day or timezone.localdate()
    agent = request.META.get("HTTP_USER_AGENT", "")
    address = clients.client_key(request)
    if not clients.plausible_browser(agent) or rating_rate_exceeded(address=address):
        return Answer.REFUSED
    visitor = Reader.of(request, unit_id=obj.unit_id, day=day).visitor
    if Feedback.objects.for_object(obj).filter(day=day, visitor=visitor).exists():
        return Answer.ALREADY_GIVEN
    if page_answers_exceeded(obj=obj, address=address, day=day):
        return Answer.REFUSED
    if add_feedback(obj=obj, visitor=visitor, useful=useful, comment=comment, day=day) is None:
        return Answer.ALREADY_GIVEN
    return Answer.KEPT


def rating_rate_exceeded(*, address: str) -> bool:
    """An address may send a few answers per window, whatever browsers it names; True once past that."""
    limit, window = settings.STATS_RATING_RATE
    return ratelimit.hit("stats:rating", address, limit=limit, window=window)


def page_answers_exceeded(*, obj, address: str, day) -> bool:
    """Count one more visitor of ``address`` answering ``obj`` on ``day``; True once past the cap per address."""
    key = f"{address} {obj._meta.label_lower}:{obj.pk} {day.isoformat()}"
    return ratelimit.hit("stats:rating-page", key, limit=settings.STATS_RATING_PER_ADDRESS, window=24 * 3600)


def add_feedback(*, obj, visitor: str, useful: bool, comment: str = "", day=None) -> Feedback | None:
    """Keep one anonymous answer per visitor, page and day, as the page's unit's; None when already given today."""
    day = day or timezone.localdate()
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                unit_id=obj.unit_id,
                content_type=ContentType.objects.get_for_model(obj),
                object_id=obj.pk,
                day=day,
                visitor=visitor,
                useful=useful,
                comment=comment,
                approved=False,
            )
    except IntegrityError:
        return None


@transaction.atomic
def approve_feedback(*, feedback) -> int:
    """Let editors use the comments they have read."""
    return feedback.update(approved=True)
