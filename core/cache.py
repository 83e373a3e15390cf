"""Rate limits in the cache (Redis in production: django-redis, guarded by core/breaker.py)."""

from django.core.cache import cache


def rate_limit_exceeded(key, *, limit, window):
    """Count one more event under ``key`` in a window of ``window`` seconds; True once past ``limit``.

    ``add`` then ``incr`` is atomic in Redis and in the local cache, so concurrent requests cannot
    slip through; if the key expired between the two, the count starts again at one.
    """
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        count = 1
    # None: Redis did not answer and django-redis ignored the error (IGNORE_EXCEPTIONS): nothing counted.
    return count is not None and count > limit
