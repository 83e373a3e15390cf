"""Counting visits and article views exactly, without cookies and without keeping an address.

Every write is an atomic statement that the database serialises on a unique key (``INSERT … ON
CONFLICT``), and a figure moves only when such a statement really created (or renewed) its row: no
read-modify-write in Python, no check-then-insert, no counter held in a process, so any number of
workers and instances sharing one database count exactly. On PostgreSQL a counted page costs one
statement; with Redis (stats/buffer.py) it costs no database write at all.
"""

import datetime
import enum
import hashlib
import hmac
import logging
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from core import clients, pagecache, ratelimit
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

ONLINE_WINDOW = datetime.timedelta(minutes=5)
# A visitor's last_seen is refreshed at most this often: fewer writes, ``online`` stays within a minute.
SEEN_REFRESH = datetime.timedelta(seconds=60)
FIGURES_CACHE_KEY = "stats:shared-figures"

# Today's salt, kept by each process once read: (day, secret). Only today's, never an older one.
_salt_memo: dict = {}


def local_now():
    return timezone.localtime(timezone.now())


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


def client_address(request) -> str:
    """The visitor's address, read as every limit reads it (core/clients.py)."""
    return clients.client_address(request)


def request_visitor(request, *, day) -> str:
    return visitor_hash(
        day=day, address=client_address(request), user_agent=request.META.get("HTTP_USER_AGENT", "")[:512]
    )


# --- Counting ----------------------------------------------------------------------------------


def _dt(value):
    return connection.ops.adapt_datetimefield_value(value)


def _d(value):
    return connection.ops.adapt_datefield_value(value)


def _table(model):
    return connection.ops.quote_name(model._meta.db_table)


def increment(model, *, key: dict, field: str, by: int = 1):
    """One statement that creates the row with ``by`` or adds ``by``: concurrent callers queue on the key."""
    table = _table(model)
    columns = [*key, field]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    conflict = ", ".join(connection.ops.quote_name(column) for column in key)
    column = connection.ops.quote_name(field)
    values = [_d(value) if isinstance(value, datetime.date) else value for value in key.values()]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))}) "
            f"ON CONFLICT ({conflict}) DO UPDATE SET {column} = {table}.{column} + %s",
            [*values, by, by],
        )


def record_visit(*, visitor: str, day, now) -> bool:
    """Note the visitor as seen; True when this is their first page today (a new visit)."""
    table = _table(Visitor)
    with connection.cursor() as cursor:
        # Inserted rows have first_seen = last_seen; an update moves last_seen only (at most once a minute).
        cursor.execute(
            f"INSERT INTO {table} (day, visitor, first_seen, last_seen) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT (day, visitor) DO UPDATE SET last_seen = excluded.last_seen "
            f"WHERE {table}.last_seen < %s "
            f"RETURNING first_seen = last_seen",
            [_d(day), visitor, _dt(now), _dt(now), _dt(now - SEEN_REFRESH)],
        )
        row = cursor.fetchone()
    created = bool(row and row[0])
    if created:
        increment(DailyStats, key={"day": day}, field="visits")
    return created


def record_article_view(*, visitor: str, article_id: int, day, now) -> bool:
    """Count a view unless this visitor's view of the article already counted in the last 30 minutes."""
    table = _table(ArticleSeen)
    window = datetime.timedelta(seconds=settings.STATS_VIEW_WINDOW_SECONDS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, visitor, article_id, counted_at) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT (visitor, article_id) DO UPDATE SET counted_at = excluded.counted_at, day = excluded.day "
            f"WHERE {table}.counted_at <= %s "
            f"RETURNING id",
            [_d(day), visitor, article_id, _dt(now), _dt(now - window)],
        )
        counted = cursor.fetchone() is not None
    if counted:
        Article = apps.get_model("articles", "Article")
        Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
        increment(ArticleDailyViews, key={"article_id": article_id, "day": day}, field="views")
    return counted


def count_request(request, *, article_id=None, now=None) -> None:
    """Record one counted page: the visit, and the article view when the page is an article."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    visitor = request_visitor(request, day=day)
    if buffer.enabled() and _counted_in_redis(visitor=visitor, day=day, now=now, article_id=article_id):
        return
    if connection.vendor == "postgresql":
        count_in_one_statement(visitor=visitor, day=day, now=now, article_id=article_id)
        return
    with transaction.atomic():
        record_visit(visitor=visitor, day=day, now=now)
        if article_id is not None:
            record_article_view(visitor=visitor, article_id=article_id, day=day, now=now)


def cached_page_counted(request):
    """The cached page ``request`` asks for, read and counted in one Redis round trip; None if not cached.

    Only when the page cache and the counting buffer are the same Redis; otherwise (or on a miss)
    the page is served by the middleware below and counted afterwards, as any page.
    """
    backend = pagecache.redis_cache()
    if backend is None or backend.server != settings.STATS_REDIS_URL or not buffer.enabled():
        return None
    if not pagecache.cacheable_request(request):
        return None
    now = timezone.now()
    day = timezone.localdate(now)
    generation_key, page_key = pagecache.redis_keys(backend, pagecache.cache_key(request))
    visitor = request_visitor(request, day=day)
    try:
        page = buffer.record_cached_page(
            generation_key=generation_key, page_key=page_key, visitor=visitor, day=day, now=now
        )
    except Exception:
        _redis_failed()
        return None
    if page is None:
        return None
    if page.flush_now:
        _flush_buffer()
    return pagecache.served_from_cache(request, *pagecache.entry_from_redis(page.response, page.article))


def _counted_in_redis(**page) -> bool:
    """Count through the Redis buffer; False when Redis is unreachable, so the database counts instead.

    No count is lost while Redis is down. A visitor seen both before and during an outage may be
    counted once more that day, since the two stores cannot see each other's dedup keys.
    """
    try:
        *_, flush_now = buffer.record(**page)
    except Exception:
        _redis_failed()
        return False
    if flush_now:
        _flush_buffer()
    return True


def _redis_failed():
    """Redis did not answer: counting goes to the database for a while (buffer.mark_down)."""
    logger.warning("Visitor statistics: Redis unreachable, counting in the database", exc_info=True)
    buffer.mark_down()


def _flush_buffer():
    """This request's turn to move the buffered counts into the database; a failure waits for the next turn."""
    try:
        buffer.flush()
    except Exception:
        logger.warning("Visitor statistics: the Redis buffer could not be flushed yet", exc_info=True)


def count_in_one_statement(*, visitor: str, day, now, article_id=None) -> None:
    """PostgreSQL: record_visit and record_article_view as one statement, one round trip, one write.

    Each step feeds the next through a data-modifying CTE, so a day figure or a view count moves only
    when the visitor or view row was really created (or, for views, renewed after 30 minutes).
    """
    visitor_table, daily_table = _table(Visitor), _table(DailyStats)
    params = [_d(day), visitor, _dt(now), _dt(now), _dt(now - SEEN_REFRESH), _d(day)]
    sql = (
        f"WITH seen AS ("
        f"INSERT INTO {visitor_table} (day, visitor, first_seen, last_seen) VALUES (%s, %s, %s, %s) "
        f"ON CONFLICT (day, visitor) DO UPDATE SET last_seen = excluded.last_seen "
        f"WHERE {visitor_table}.last_seen < %s RETURNING first_seen = last_seen AS created"
        f"), visit AS ("
        f"INSERT INTO {daily_table} (day, visits) SELECT %s, 1 FROM seen WHERE seen.created "
        f"ON CONFLICT (day) DO UPDATE SET visits = {daily_table}.visits + 1 RETURNING 1"
        f")"
    )
    if article_id is None:
        sql += " SELECT count(*) FROM visit"
    else:
        Article = apps.get_model("articles", "Article")
        seen_table, views_table = _table(ArticleSeen), _table(ArticleDailyViews)
        article_table = _table(Article)
        pk = connection.ops.quote_name(Article._meta.pk.column)
        window = datetime.timedelta(seconds=settings.STATS_VIEW_WINDOW_SECONDS)
        sql += (
            f", viewed AS ("
            f"INSERT INTO {seen_table} (day, visitor, article_id, counted_at) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT (visitor, article_id) DO UPDATE SET counted_at = excluded.counted_at, day = excluded.day "
            f"WHERE {seen_table}.counted_at <= %s RETURNING article_id"
            f"), article AS ("
            f"UPDATE {article_table} SET view_count = view_count + 1 WHERE {pk} IN (SELECT article_id FROM viewed) "
            f"RETURNING {pk} AS id"
            f") "
            f"INSERT INTO {views_table} (article_id, day, views) SELECT id, %s, 1 FROM article "
            f"ON CONFLICT (article_id, day) DO UPDATE SET views = {views_table}.views + 1"
        )
        params += [_d(day), visitor, article_id, _dt(now), _dt(now - window), _d(day)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


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
    visitor = visitor_hash(day=day, address=address, user_agent=agent[: clients.USER_AGENT_PREFIX])
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
