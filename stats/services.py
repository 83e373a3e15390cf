"""Counting visits and article views exactly, without cookies and without keeping an address.

A view is counted when the page's beacon calls (stats/views.py), never while the page is served, so
a cached page counts like a fresh one. The rules are written once for Redis (stats/buffer.py, one
atomic script) and once for the database (below, statements that the database serialises on a
unique key: ``INSERT … ON CONFLICT``): a figure moves only when such a step really created (or
renewed) its row, so any number of workers and servers count exactly.

- A visitor is an HMAC of the client's address (IPv6 by /64) and browser under the day's salt; an
  address brings at most STATS_VISITORS_PER_ADDRESS visitors a day, its further browsers count as
  one (the address's overflow visitor).
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
from django.db.models import F, Q, Sum
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
    StatsSettings,
    Visitor,
)

logger = logging.getLogger(__name__)

ONLINE_WINDOW = datetime.timedelta(seconds=buffer.ONLINE_SECONDS)
# A visitor's last_seen is refreshed at most this often: fewer writes, ``online`` stays within a minute.
SEEN_REFRESH = datetime.timedelta(seconds=60)
FIGURES_CACHE_KEY = "stats:shared-figures"

# Today's salt, kept by each process once read: (day, secret). Only today's, never an older one.
_salt_memo: dict = {}
# The shared figures and until when they stand (shared_figures), kept by each process until then.
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


def visitor_hash(*, day, address: str, user_agent: str) -> str:
    """HMAC-SHA256 of address and browser under the day's salt, cut to 128 bits."""
    key = bytes.fromhex(salt_for(day))
    message = f"{address}\n{user_agent}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Reader:
    """Who reads, as the counter knows them: hashes only, for one day."""

    visitor: str  # this address and browser
    overflow: str  # this address's visitor once it has brought its share of visitors today
    network: str  # this address alone, to count what it brought

    @classmethod
    def of(cls, request, *, day):
        address = clients.client_key(request)
        agent = request.META.get("HTTP_USER_AGENT", "")[: clients.USER_AGENT_PREFIX]
        return cls(
            visitor=visitor_hash(day=day, address=address, user_agent=agent),
            overflow=visitor_hash(day=day, address=address, user_agent="\x00overflow"),
            network=visitor_hash(day=day, address=address, user_agent="\x00network"),
        )


# --- Counting ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counted:
    new_visit: bool
    counted_view: bool
    views: int | None  # the article's total after this page, when it is known


def count_view(request, *, article=None, now=None) -> Counted:
    """Count one page seen by a reader, and the view of ``article`` (an id) when the page shows one."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    reader = Reader.of(request, day=day)
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
            visitor=reader.visitor, overflow=reader.overflow, network=reader.network, day=day, now=now,
            article_id=article,
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
    visitor = reader.visitor
    new_visit = _record_visitor(visitor=visitor, network=reader.network, day=day, now=now)
    if new_visit and Visitor.objects.filter(day=day, network=reader.network).count() > _visitors_per_address():
        Visitor.objects.filter(day=day, visitor=visitor).delete()
        visitor = reader.overflow
        new_visit = _record_visitor(visitor=visitor, network="", day=day, now=now)
    if new_visit:
        DailyStats.objects.add(day=day, visits=1)
    if article is None:
        return Counted(new_visit, False, None)
    counted_view = _record_article_view(visitor=visitor, article=article, day=day, now=now)
    if counted_view:
        ArticleSeen.article.field.related_model.objects.filter(pk=article).update(view_count=F("view_count") + 1)
        ArticleDailyViews.objects.add(article_id=article, day=day, views=1)
    return Counted(new_visit, counted_view, _stored_views(article))


def _visitors_per_address() -> int:
    return settings.STATS_VISITORS_PER_ADDRESS


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def _record_visitor(*, visitor: str, network: str, day, now) -> bool:
    """Note the visitor as seen; True when this is their first page today (a new visit)."""
    table, adapt = _table(Visitor), connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        # Inserted rows have first_seen = last_seen; an update moves last_seen only (at most once a minute).
        cursor.execute(
            f"INSERT INTO {table} (day, visitor, network, first_seen, last_seen) VALUES (%s, %s, %s, %s, %s) "
            f"ON CONFLICT (day, visitor) DO UPDATE SET last_seen = excluded.last_seen "
            f"WHERE {table}.last_seen < %s "
            f"RETURNING first_seen = last_seen",
            [
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


def compute_figures(*, now=None) -> dict:
    """The widget's five figures from the daily rows and the small table of today's visitors."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    online = None
    if buffer.enabled():
        try:
            buffer.flush()
            online = buffer.online(now=now)
        except Exception:
            # Redis unreachable: show what the database has rather than break the page.
            logger.exception("Visitor statistics: the Redis buffer could not be read")
    if online is None:
        online = Visitor.objects.filter(last_seen__gte=now - ONLINE_WINDOW).count()
    sums = DailyStats.objects.aggregate(
        today=Sum("visits", filter=Q(day=today)),
        week=Sum("visits", filter=Q(day__gte=week_start(today))),
        month=Sum("visits", filter=Q(day__gte=today.replace(day=1))),
        total=Sum("visits"),
    )
    return {
        "online": online,
        "today": sums["today"] or 0,
        "week": sums["week"] or 0,
        "month": sums["month"] or 0,
        "total": (sums["total"] or 0) + StatsSettings.get_solo().starting_total,
    }


def shared_figures() -> tuple[dict, float]:
    """The figures as the widget shows them, and until when (a UNIX time) they stand.

    Recomputed at most every STATS_CACHE_SECONDS (≤ 60 s) and shared through the cache, so every
    process and server shows the same figures until the same moment, and may keep them until then.
    """
    now = time.time()
    shared = cache.get(FIGURES_CACHE_KEY)
    if shared is None or shared[1] <= now:
        timeout = min(int(getattr(settings, "STATS_CACHE_SECONDS", 60)), 60)
        shared = (compute_figures(), now + timeout)
        cache.set(FIGURES_CACHE_KEY, shared, timeout=timeout)
    return shared


def current_figures() -> dict | None:
    """The widget's figures for a beacon's answer; None when neither the cache nor the database answers.

    Each process keeps the shared figures until the moment they stand until, as every process shows
    the same ones until then: most beacons answer without asking the cache.
    """
    kept = _figures_kept.get("shared")
    if kept is not None and kept[1] > time.time():
        return kept[0]
    try:
        _figures_kept["shared"] = shared = shared_figures()
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
    visitor = Reader.of(request, day=day).visitor
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
    """Keep one anonymous answer per visitor, page and day; None when this visitor already answered today."""
    day = day or timezone.localdate()
    try:
        with transaction.atomic():
            return Feedback.objects.create(
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
