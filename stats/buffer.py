"""Redis buffering: counting costs no database write; a flush moves the counts in one transaction.

Used when STATS_REDIS_URL (default: REDIS_URL) is set. Every decision is taken inside Redis by one Lua
script, which Redis runs atomically: ``SET … NX`` answers “first page of this visitor today?” and “first
view of this article in 30 minutes?”, and the same script adds the count to the pending hash and says
whether this request is the one (across all workers, every FLUSH_SECONDS) that flushes: one round trip.

A flush never loses or repeats a count:
1. the pending hash is renamed to a processing hash, stamped with a batch id (one atomic script; a
   batch left by a flusher that died is picked up again with its id);
2. the batch is applied in one database transaction that also records its id under a unique
   constraint: a batch already applied (the flusher died before step 3) is skipped;
3. after the commit, the processing hash is deleted if it still holds that batch.
Redis must keep its data across restarts (``appendonly yes``) for the buffer to survive one.
"""

import datetime
import hashlib
import os
import threading
import time
import uuid
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

PENDING = "stats:pending"
PROCESSING = "stats:processing"
ONLINE = "stats:online"
FLUSH_DUE = "stats:flush-due"
BATCH_FIELD = "__batch__"
# A visit key lives past the day's end so that a late request of the same day is still recognised.
VISIT_TTL = 2 * 24 * 3600
FLUSH_SECONDS = 30

# KEYS: the visitor's key of the day, the pending hash, the online set, the prefix of the visitor's
# article keys, the flush-due key. ARGV: day, now, visitor, visit TTL, article id ('' for none), view
# window, flush interval. The article key is named inside the script: a cached page's article is
# only known there (CACHED_PAGE).
RECORD_FUNCTION = """
local function record(article)
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
  local new_visit = 0
  if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
    redis.call('HINCRBY', KEYS[2], 'visits:' .. ARGV[1], 1)
    new_visit = 1
  end
  local counted = 0
  if article ~= '' and redis.call('SET', KEYS[4] .. article, '1', 'NX', 'EX', ARGV[6]) then
    redis.call('HINCRBY', KEYS[2], 'article:' .. article .. ':' .. ARGV[1], 1)
    counted = 1
  end
  local flush = 0
  if redis.call('SET', KEYS[5], '1', 'NX', 'EX', ARGV[7]) then
    flush = 1
    -- Visitors not seen for five minutes leave the online set: ZCOUNT skips them meanwhile.
    redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[2] - 300)
  end
  return {new_visit, counted, flush}
end
"""
RECORD = RECORD_FUNCTION + "return record(ARGV[5])"
# A page from the page cache, and its visit, in one round trip. KEYS[6] is the content generation and
# KEYS[7] the page's entry, a hash (core/pagecache.py). An entry of another generation is a miss and
# counts nothing: the page is built afresh and counted afterwards. Only HTML pages are counted
# (stats.middleware.counted_response), and an article page counts a view of its article.
CACHED_PAGE = (
    RECORD_FUNCTION
    + """
local current = redis.call('GET', KEYS[6])
local entry = redis.call('HMGET', KEYS[7], 'generation', 'article', 'content_type', 'response')
if not current or entry[1] ~= current then
  return false
end
local counts = {0, 0, 0}
if string.sub(entry[3], 1, 9) == 'text/html' then
  counts = record(entry[2])
end
return {entry[4], entry[2], counts[3]}
"""
)
SHA = {script: hashlib.sha1(script.encode()).hexdigest() for script in (RECORD, CACHED_PAGE)}

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


# After Redis fails, counting goes to the database for this long before Redis is tried again.
RETRY_AFTER_SECONDS = 30
_down_until = {}  # Redis URL → time.monotonic() before which it is not tried


def enabled() -> bool:
    """Counting goes through Redis: configured, and not failed in the last RETRY_AFTER_SECONDS."""
    url = getattr(settings, "STATS_REDIS_URL", "")
    return bool(url) and time.monotonic() >= _down_until.get(url, 0.0)


def mark_down() -> None:
    """Redis did not answer: count in the database for a while rather than wait on it each request."""
    _down_until[settings.STATS_REDIS_URL] = time.monotonic() + RETRY_AFTER_SECONDS


def _client(url):
    """The portal's client for ``url``: its connections share the Redis breaker (core/breaker.py)."""
    from core.breaker import redis_client

    return redis_client(url)


def client():
    return _client(settings.STATS_REDIS_URL)


@lru_cache(maxsize=16)
def _registered(url, script):
    return _client(url).register_script(script)


def _script(script):
    """A Lua script run by its SHA1 (EVALSHA): its text crosses the network only the first time."""
    return _registered(settings.STATS_REDIS_URL, script)


class _CountingLink(threading.local):
    """This thread's own connection to Redis for RECORD or CACHED_PAGE, which every counted page sends.

    Through the redis-py client a command also takes a connection out of the pool and checks it for
    unread data, goes through the retry wrapper and the metrics hooks, and goes back into the pool:
    measured here, that took about twice the client's CPU time for RECORD alone (100–160 µs against
    60–110 µs), and counting is the only Redis command of a cached page besides reading it. The connection is made
    like the pool's (same address, timeouts and database) and belongs to one process and thread.
    """

    connection = None
    owner = None  # (process id, Redis URL): a forked worker or another URL makes a connection of its own


_link = _CountingLink()


def _counting_connection():
    owner = (os.getpid(), settings.STATS_REDIS_URL)
    if _link.owner != owner:
        pool = client().connection_pool
        _link.connection, _link.owner = pool.connection_class(**pool.connection_kwargs), owner
    return _link.connection


def _run(script, keys, args):
    """EVALSHA of ``script`` on this thread's connection; the script is loaded if Redis does not know it.

    A connection Redis closed (a restart) is opened again and the command sent once more, as the
    redis-py client does; a timeout is not retried: Redis may have run the command.
    """
    import redis

    command = ("EVALSHA", SHA[script], len(keys), *keys, *args)
    connection = _counting_connection()
    try:
        connection.send_command(*command, check_health=False)
        return connection.read_response()
    except redis.exceptions.NoScriptError:
        client().script_load(script)
    except redis.exceptions.ConnectionError:  # not a TimeoutError, which goes to the caller
        connection.disconnect()
    connection.send_command(*command, check_health=False)
    return connection.read_response()


def _keys(visitor, day_text):
    return [f"stats:visit:{day_text}:{visitor}", PENDING, ONLINE, f"stats:seen:{visitor}:", FLUSH_DUE]


def _args(visitor, day_text, now, article):
    return [day_text, now.timestamp(), visitor, VISIT_TTL, article, settings.STATS_VIEW_WINDOW_SECONDS, FLUSH_SECONDS]


def record(*, visitor: str, day, now, article_id=None) -> tuple[bool, bool, bool]:
    """Count a page in Redis: (new visit, counted article view, this caller should flush now)."""
    day_text = day.isoformat()
    article = "" if article_id is None else str(int(article_id))
    new_visit, counted, flush_now = _run(RECORD, _keys(visitor, day_text), _args(visitor, day_text, now, article))
    return bool(new_visit), bool(counted), bool(flush_now)


@dataclass(frozen=True)
class CachedPage:
    response: bytes  # the entry's pickled response
    article: bytes  # the id of the article it shows, or b""
    flush_now: bool


def record_cached_page(*, generation_key: str, page_key: str, visitor: str, day, now) -> CachedPage | None:
    """The page cache's entry ``page_key``, read and counted as a visit of ``visitor`` by one script.

    None when the entry is missing or of another generation: nothing was counted.
    """
    day_text = day.isoformat()
    keys = [*_keys(visitor, day_text), generation_key, page_key]
    found = _run(CACHED_PAGE, keys, _args(visitor, day_text, now, ""))
    if found is None:
        return None
    response, article, flush_now = found
    return CachedPage(response, article, bool(flush_now))


def online(*, now) -> int:
    return client().zcount(ONLINE, now.timestamp() - 300, "+inf")


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
    from stats.services import increment

    Article = apps.get_model("articles", "Article")
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
                increment(DailyStats, key={"day": datetime.date.fromisoformat(rest)}, field="visits", by=value)
            elif kind == "article":
                article_id, _, day = rest.partition(":")
                Article.objects.filter(pk=int(article_id)).update(view_count=F("view_count") + value)
                increment(
                    ArticleDailyViews,
                    key={"article_id": int(article_id), "day": datetime.date.fromisoformat(day)},
                    field="views",
                    by=value,
                )
        # Deleted only once the counts are in the database for good.
        transaction.on_commit(lambda: _release(batch))
    return 1
