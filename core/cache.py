"""A Redis cache that never takes the portal down with it.

Django's RedisCache raises when Redis is unreachable; every page reads the cache (page cache,
visitor figures, rate limits), so one stopped Redis would answer every request with an error.
Here a failed read is a miss and a failed write is skipped, logged at most every 10 seconds, so
the portal keeps serving from the database until Redis returns, without a restart.
"""

import logging
import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)
REDIS_ERRORS = (redis.exceptions.RedisError, OSError)


def _nothing(args, kwargs):
    return None


def _forgiving(operation, fallback=_nothing):
    """The RedisCache ``operation``, answering ``fallback(args, kwargs)`` when Redis fails."""

    def method(self, *args, **kwargs):
        try:
            return getattr(RedisCache, operation)(self, *args, **kwargs)
        except REDIS_ERRORS as error:
            ForgivingRedisCache.warn(error)
            return fallback(args, kwargs)

    method.__name__ = operation
    return method


class ReusedRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django makes a new ``redis.Redis`` for every cache operation, and building one costs about a
    tenth of a millisecond (its table of response callbacks): several times per page. The object
    holds no connection of its own (the pool does), so one per pool serves every operation.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a pool → its client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ForgivingRedisCache(RedisCache):
    _last_warning = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient

    get = _forgiving("get", lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None))
    get_many = _forgiving("get_many", lambda args, kwargs: {})
    has_key = _forgiving("has_key", lambda args, kwargs: False)
    add = _forgiving("add", lambda args, kwargs: False)
    set = _forgiving("set")
    set_many = _forgiving("set_many", lambda args, kwargs: [])
    touch = _forgiving("touch", lambda args, kwargs: False)
    delete = _forgiving("delete", lambda args, kwargs: False)
    delete_many = _forgiving("delete_many")
    clear = _forgiving("clear")

    def incr(self, key, delta=1, version=None):
        """A failed increment looks like a missing key (ValueError), which callers already handle."""
        try:
            return super().incr(key, delta, version)
        except REDIS_ERRORS as error:
            self.warn(error)
            raise ValueError("Redis unreachable") from error

    @property
    def server(self):
        """The address of the Redis server written to (the first one listed)."""
        return self._servers[0]

    def redis(self):
        """The redis-py client of that server, for what Django's cache API cannot do (a hash, a Lua script)."""
        return self._cache.get_client(write=True)

    @classmethod
    def warn(cls, error):
        now = time.monotonic()
        if now - cls._last_warning > 10:
            cls._last_warning = now
            logger.warning("Cache: Redis unreachable (%s); serving without the cache", error)
