"""Counting in Redis: one atomic script per counted page, a flush into the database every 30 seconds.

Used when STATS_REDIS_URL (default: REDIS_URL) is set and Redis answers. The script RECORD applies
the counting rules, the same as the database's (stats/services.py), in one step that Redis runs
atomically, so any number of workers and servers count exactly:

- every key of a visitor, an address and the online set names the unit, and so does each day's
  count in the pending hash: a visit on one unit never moves another's figures;
- a visitor is new today when ``SET … NX`` creates their day key; an address that already brought
  a unit STATS_VISITORS_PER_ADDRESS new visitors today brings no more: its further browsers count as one;
- a view counts when ``SET … NX`` creates the visitor's key for the article, which lives 30 minutes;
- the count goes into the pending hash, and the article's live total moves with it;
- one caller every FLUSH_SECONDS, across all servers, is told to flush.

A flush never loses or repeats a count:
1. the pending hash is renamed to a processing hash, stamped with a batch id (one atomic script; a
   batch left by a flusher that died is picked up again with its id);
2. the batch is applied in one database transaction that also records its id under a unique
   constraint: a batch already applied (the flusher died before step 3) is skipped;
3. after the commit, the processing hash is deleted if it still holds that batch.
Redis must keep its data across restarts (``appendonly yes``) for the buffer to survive one.
"""

import datetime
import uuid
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from core.breaker import breaker, redis_client

PENDING = "stats:pending"
PROCESSING = "stats:processing"
ONLINE = "stats:online:{unit}"
FLUSH_DUE = "stats:flush-due"
BATCH_FIELD = "__batch__"
# A day key lives past the day's end so that a late request of the same day is still recognised.
DAY_TTL = 2 * 24 * 3600
FLUSH_SECONDS = 30
ONLINE_SECONDS = 300
# An article's live total is seeded from the database again ten minutes after it was, so that a total
# seeded while a flush was moving the counts is off for no longer.
TOTAL_TTL = 600

# KEYS: 1 the visitor's day key, 2 the pending hash, 3 the unit's online set, 4 the visitor's
# article-key prefix, 5 the flush-due key, 6 the address's day counter, 7 and 8 the day key and
# article-key prefix of the address's overflow visitor, 9 the article's live total.
# ARGV: 1 day, 2 now, 3 visitor, 4 day TTL, 5 article id ('' for none), 6 view window, 7 flush
# interval, 8 visitors per address, 9 overflow visitor, 10 online window, 11 unit id.
RECORD = """
local visit_key, seen_prefix, member = KEYS[1], KEYS[4], ARGV[3]
if redis.call('EXISTS', visit_key) == 0 then
  local brought = redis.call('INCR', KEYS[6])
  redis.call('EXPIRE', KEYS[6], ARGV[4])
  if brought > tonumber(ARGV[8]) then
    visit_key, seen_prefix, member = KEYS[7], KEYS[8], ARGV[9]
  end
end
redis.call('ZADD', KEYS[3], ARGV[2], member)
-- Each unit's set loses its readers gone for the online window as the unit's own pages are read.
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[2] - ARGV[10])
local new_visit = 0
if redis.call('SET', visit_key, '1', 'NX', 'EX', ARGV[4]) then
  redis.call('HINCRBY', KEYS[2], 'visits:' .. ARGV[11] .. ':' .. ARGV[1], 1)
  new_visit = 1
end
local counted, views = 0, false
if ARGV[5] ~= '' then
  if redis.call('SET', seen_prefix .. ARGV[5], '1', 'NX', 'EX', ARGV[6]) then
    redis.call('HINCRBY', KEYS[2], 'article:' .. ARGV[5] .. ':' .. ARGV[1], 1)
    counted = 1
    if redis.call('EXISTS', KEYS[9]) == 1 then
      redis.call('INCR', KEYS[9])
    end
  end
  views = redis.call('GET', KEYS[9])
end
local flush = 0
if redis.call('SET', KEYS[5], '1', 'NX', 'EX', ARGV[7]) then
  flush = 1
end
return {new_visit, counted, flush, views}
"""

# An article's live total, seeded from the database's figure plus what is buffered and not yet in it.
# KEYS: 1 the live total, 2 the pending hash, 3 the processing hash. ARGV: 1 the database's figure,
# 2 the article id, 3 TTL.
SEED_TOTAL = """
local total = tonumber(ARGV[1])
local prefix = 'article:' .. ARGV[2] .. ':'
for _, hash in ipairs({KEYS[2], KEYS[3]}) do
  local fields = redis.call('HGETALL', hash)
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, #prefix) == prefix then
      total = total + tonumber(fields[i + 1])
    end
  end
end
redis.call('SET', KEYS[1], total, 'NX', 'EX', ARGV[3])
return redis.call('GET', KEYS[1])
"""

CLAIM = """
if redis.call('EXISTS', KEYS[2]) == 1 then
  return redis.call('HGET', KEYS[2], ARGV[2])
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
return ARGV[1]
"""

RELEASE = """
if redis.call('HGET', KEYS[1], ARGV[2]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


def enabled() -> bool:
    """Counting goes through Redis: configured, and its circuit breaker lets this caller try (core/breaker.py).

    While the breaker is open, counting goes to the database without waiting on Redis.
    """
    if not settings.STATS_REDIS_URL:
        return False
    server = client().connection_pool.connection_kwargs
    return breaker(f"redis {server.get('host')}:{server.get('port')}").allow()


def _client(url):
    """The portal's client for ``url``: its connections share the Redis breaker (core/breaker.py)."""
    return redis_client(url)


def client():
    return _client(settings.STATS_REDIS_URL)


@lru_cache(maxsize=16)
def _registered(url, script):
    return _client(url).register_script(script)


def _script(script):
    """A Lua script run by its SHA1 (EVALSHA): its text crosses the network only the first time."""
    return _registered(settings.STATS_REDIS_URL, script)


@dataclass(frozen=True)
class Recorded:
    new_visit: bool
    counted_view: bool
    flush_now: bool
    views: int | None  # the article's live total, None when not seeded yet (or no article)


def total_key(article_id) -> str:
    return f"stats:views:{int(article_id)}"


def record(*, unit_id: int, visitor: str, overflow: str, network: str, day, now, article_id=None) -> Recorded:
    """Count a page of unit ``unit_id`` in Redis under the rules above; one round trip."""
    day_text, unit = day.isoformat(), int(unit_id)
    article = "" if article_id is None else str(int(article_id))
    keys = [
        f"stats:visit:{unit}:{day_text}:{visitor}",
        PENDING,
        ONLINE.format(unit=unit),
        f"stats:seen:{unit}:{visitor}:",
        FLUSH_DUE,
        f"stats:network:{unit}:{day_text}:{network}",
        f"stats:visit:{unit}:{day_text}:{overflow}",
        f"stats:seen:{unit}:{overflow}:",
        total_key(article or 0),
    ]
    args = [
        day_text,
        now.timestamp(),
        visitor,
        DAY_TTL,
        article,
        settings.STATS_VIEW_WINDOW_SECONDS,
        FLUSH_SECONDS,
        settings.STATS_VISITORS_PER_ADDRESS,
        overflow,
        ONLINE_SECONDS,
        unit,
    ]
    new_visit, counted, flush_now, views = _script(RECORD)(keys=keys, args=args)
    return Recorded(bool(new_visit), bool(counted), bool(flush_now), None if views is None else int(views))


def seed_total(*, article_id, stored: int) -> int:
    """The article's live total, starting from ``stored`` (the database's view count) if not kept yet."""
    keys = [total_key(article_id), PENDING, PROCESSING]
    return int(_script(SEED_TOTAL)(keys=keys, args=[stored, int(article_id), TOTAL_TTL]))


def online(*, unit_ids, now) -> dict[int, int]:
    """How many readers each unit had in the online window, by unit id; one round trip for any number of units."""
    pipeline = client().pipeline(transaction=False)
    for unit_id in unit_ids:
        pipeline.zcount(ONLINE.format(unit=int(unit_id)), now.timestamp() - ONLINE_SECONDS, "+inf")
    return dict(zip(unit_ids, pipeline.execute(), strict=True))


def flush(*, max_batches: int = 10) -> int:
    """Move everything buffered into the database; returns how many batches this call applied."""
    applied = 0
    for _ in range(max_batches):
        batch = _script(CLAIM)(keys=[PENDING, PROCESSING], args=[uuid.uuid4().hex, BATCH_FIELD])
        if batch is None:
            break
        batch = batch.decode() if isinstance(batch, bytes) else batch
        counts = {
            key.decode(): int(value)
            for key, value in client().hgetall(PROCESSING).items()
            if key.decode() != BATCH_FIELD
        }
        done = _apply(batch, counts)
        if not done:
            _release(batch)
        applied += done
    return applied


def _release(batch):
    _script(RELEASE)(keys=[PROCESSING], args=[batch, BATCH_FIELD])


def _apply(batch: str, counts: dict) -> int:
    """Apply one batch in one transaction, or nothing if its id is already recorded."""
    from stats.models import ArticleDailyViews, DailyStats, FlushedBatch
    from units.models import primary_unit_id

    Article = ArticleDailyViews.article.field.related_model
    with transaction.atomic():
        try:
            with transaction.atomic():
                FlushedBatch.objects.create(batch=batch)
        except IntegrityError:
            # Another flusher (or an earlier try of this batch) committed it: only the deletion is left.
            return 0
        for key, value in sorted(counts.items()):
            if value <= 0:
                continue
            kind, _, rest = key.partition(":")
            if kind == "visits":
                unit_id, _, day = rest.rpartition(":")
                # A count buffered before units existed ("visits:<day>") is the one unit's of that portal.
                unit_id = int(unit_id) if unit_id else primary_unit_id()
                DailyStats.objects.add(unit_id=unit_id, day=datetime.date.fromisoformat(day), visits=value)
            elif kind == "article":
                article_id, _, day = rest.partition(":")
                Article.objects.filter(pk=int(article_id)).update(view_count=F("view_count") + value)
                ArticleDailyViews.objects.add(
                    article_id=int(article_id), day=datetime.date.fromisoformat(day), views=value
                )
        # Deleted only once the counts are in the database for good.
        transaction.on_commit(lambda: _release(batch))
    return 1
