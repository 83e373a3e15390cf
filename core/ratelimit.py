"""Rate limits that hold whatever state the cache is in.

Events are counted in the cache, where ``add`` then ``incr`` is atomic (Redis, or the memory of the
process). When the cache does not answer (Redis refused or down), the same count is kept in the
database instead, so that a limit never switches off with Redis. The cache backends the portal uses
never raise for a failed call: a failed ``add`` answers False or None and a failed ``incr`` raises
ValueError or answers None, which is also how they report a key that is not there, so a key that
``add`` refuses and that ``incr`` and a second ``add`` cannot find means the cache is not answering.

Keys are hashed with the secret key: neither the cache nor the table holds a client's address.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.models import RateLimitCounter


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one event of ``key`` (a client) under ``scope``; True once it is past ``limit`` in ``window`` seconds.

    A window starts with a client's first event and lasts ``window`` seconds; the next event after it
    starts a new one.
    """
    scope_key = f"{scope}:{_digest(key)}"
    count = _count_in_cache(f"ratelimit:{scope_key}", window)
    if count is None:
        count = _count_in_database(scope_key, window)
    return count > limit


def _digest(key: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), key.encode(), hashlib.sha256).hexdigest()[:32]


def _count_in_cache(cache_key: str, window: int) -> int | None:
    """The count with this event, or None when the cache did not answer."""
    if cache.add(cache_key, 1, timeout=window):
        return 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # no such key (it expired just now), or the cache did not answer
        count = None
    if count is not None:
        return count
    if cache.add(cache_key, 1, timeout=window):
        return 1
    return None


def _count_in_database(scope_key: str, window: int) -> int:
    """The count with this event, kept in RateLimitCounter; its row is locked while it changes."""
    now = timezone.now()
    expires_at = now + datetime.timedelta(seconds=window)
    with transaction.atomic():
        counter, created = RateLimitCounter.objects.select_for_update().get_or_create(
            scope_key=scope_key, defaults={"expires_at": expires_at, "count": 1}
        )
        if created:
            RateLimitCounter.objects.expired(now=now).delete()
            return 1
        if counter.expires_at <= now:
            counter.expires_at, counter.count = expires_at, 1
        else:
            counter.count += 1
        counter.save(update_fields=["expires_at", "count"])
        return counter.count
