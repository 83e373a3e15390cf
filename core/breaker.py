"""Circuit breakers: a Redis or PostgreSQL that stops answering costs one timeout, not one per call.

A stuck server (or a network partition) accepts connections and never answers, so every caller would
wait out its own timeout, several per page. Each outside service has ONE breaker per process, shared
by every thread and every client of it: after a failure it is *open* for BREAKER_OPEN_SECONDS, and
every caller is refused at once, as if the connection had been refused; then one caller (and only
one) tries again, and its success closes the breaker.

The breakers sit at the connection layer of each client, through their public extension points:

- Redis: ``BreakerConnection``, a ``redis.Connection`` subclass given as ``connection_class`` to the
  cache's connection pool (django-redis, ``CONNECTION_POOL_KWARGS``) and to ``redis_client()``, used
  by the visitor counter.
- PostgreSQL: ``postgresql_connection``, psycopg2's ``connection_factory`` given in the database's
  ``OPTIONS``: Django's own backend is unchanged, and every path that connects (a view, a middleware,
  a management command) is guarded. The 500 handler (core.views.server_error) answers the refusal
  with the 503 page.

pybreaker was considered: its ``call()`` holds one lock for the whole guarded call, so every thread of
a worker would queue behind a single Redis command, and behind a hung one for its whole timeout.
"""

import logging
import threading
import time
from functools import lru_cache

import psycopg2
import psycopg2.extensions
import redis
from django.conf import settings

DEFAULT_OPEN_SECONDS = 30
logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Closed, open for ``open_seconds`` after a failure, then half-open: one thread tries, others wait.

    The trial belongs to the thread that was let through, so the nested calls of one attempt (a Redis
    connection's handshake sends commands of its own) are let through too. A trial that never reports
    (its request was cut short) lapses after ``open_seconds``, and another thread tries.
    """

    def __init__(self, name, *, open_seconds=None):
        self.name = name
        self._open_seconds = open_seconds
        self._lock = threading.Lock()
        self._retry_at = None  # None: closed; otherwise the monotonic time of the next trial
        self._trial_thread = None

    @property
    def open_seconds(self):
        if self._open_seconds is not None:
            return self._open_seconds
        return getattr(settings, "BREAKER_OPEN_SECONDS", DEFAULT_OPEN_SECONDS)

    @property
    def is_open(self):
        """True while callers are being refused (open, or half-open with a trial under way)."""
        return self._retry_at is not None

    def allow(self):
        """May the calling thread use the service now? Closed: yes; open: only the one trial thread."""
        if self._retry_at is None:  # the common case, without taking the lock
            return True
        me = threading.get_ident()
        with self._lock:
            if self._retry_at is None or self._trial_thread == me:
                return True
            if time.monotonic() < self._retry_at:
                return False
            self._retry_at = time.monotonic() + self.open_seconds
            self._trial_thread = me
            return True

    def succeeded(self):
        if self._retry_at is not None:
            with self._lock:
                self._retry_at = self._trial_thread = None

    def failed(self):
        """Open (again) for ``open_seconds``; said once in the log each time it opens, not per refusal."""
        with self._lock:
            was_closed = self._retry_at is None
            self._retry_at = time.monotonic() + self.open_seconds
            self._trial_thread = None
        if was_closed:
            logger.warning("%s did not answer: refused for %s s, then tried again", self.name, self.open_seconds)

    def reset(self):
        """Close the breaker whatever its state (tests, and an operator who knows the service is back)."""
        self.succeeded()


_breakers = {}
_breakers_lock = threading.Lock()


def breaker(name):
    """The process's one breaker called ``name`` (a service and its address), made on first use."""
    found = _breakers.get(name)
    if found is None:
        with _breakers_lock:
            found = _breakers.setdefault(name, CircuitBreaker(name))
    return found


def all_breakers():
    return list(_breakers.values())


class BreakerConnection(redis.Connection):
    """A Redis connection that refuses at once while its server's breaker is open.

    A failure is a connection that cannot be made (refused, or no answer within the connect timeout)
    or a command that times out. A connection the server closed (a Redis restart) is not one: the
    reconnection that follows decides.
    """

    @property
    def breaker(self):
        return breaker(f"redis {self.host}:{self.port}")

    def refused(self):
        return redis.ConnectionError(f"Redis at {self.host}:{self.port} did not answer lately (circuit open)")

    established = False  # True from the start of a connection's handshake until it is closed

    def connect(self):
        if self.established:  # connected, or the handshake sending its own commands
            return
        guard = self.breaker
        if not guard.allow():
            raise self.refused()
        self.established = True
        try:
            super().connect()
        except (redis.ConnectionError, redis.TimeoutError):
            self.established = False
            guard.failed()
            raise
        guard.succeeded()

    def disconnect(self, *args, **kwargs):
        self.established = False
        super().disconnect(*args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        """Every command and pipeline is sent here; a reconnection goes through the breaker too."""
        self.connect()
        self._guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._guarded(super().read_response, *args, **kwargs)

    def _guarded(self, operation, *args, **kwargs):
        guard = self.breaker
        if not guard.allow():
            self.disconnect()
            raise self.refused()
        try:
            result = operation(*args, **kwargs)
        except redis.TimeoutError:
            guard.failed()
            raise
        guard.succeeded()
        return result


def redis_cache_settings(location, *, timeout):
    """The CACHES entry of a Redis cache: django-redis, short timeouts, connections through the breaker."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "OPTIONS": {
            # A failed read is a miss and a failed write is skipped: the portal serves from the
            # database until Redis answers again, without a restart.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "CONNECTION_POOL_KWARGS": {"connection_class": BreakerConnection},
        },
    }


@lru_cache(maxsize=8)
def redis_client(url):
    """A ``redis.Redis`` for ``url`` whose connections go through the breaker of their server."""
    timeout = settings.REDIS_TIMEOUT_SECONDS
    return redis.Redis.from_url(
        url, connection_class=BreakerConnection, socket_connect_timeout=timeout, socket_timeout=timeout
    )


def postgresql_connection(dsn, *args, **kwargs):
    """psycopg2's connection factory, refusing at once while the breaker of the database server is open.

    Only connecting is guarded: a server that cannot be reached fails there, and Django opens a new
    connection after any error that made it unusable.
    """
    address = psycopg2.extensions.parse_dsn(dsn)
    guard = breaker(f"postgresql {address.get('host', '')}:{address.get('port', '')}")
    if not guard.allow():
        raise psycopg2.OperationalError("The database did not answer lately (circuit open)")
    try:
        connection = psycopg2.extensions.connection(dsn, *args, **kwargs)
    except psycopg2.OperationalError:
        guard.failed()
        raise
    guard.succeeded()
    return connection
