"""PostgreSQL as Django's backend has it, with the health check skipped for a connection that just worked.

With CONN_HEALTH_CHECKS, Django runs ``SELECT 1`` before the first query of every request, so that a
connection PostgreSQL dropped (a restart, a network cut) is replaced instead of failing the request.
Under load that doubles the round trips of a page that needs one query. A connection that served a
request without error less than HEALTHY_FOR_SECONDS ago is taken as it is, as HikariCP does
(``aliveBypassWindowMs``). If PostgreSQL went away within that half second, one request fails with the
503 page and Django closes the connection after it; the next request connects again.
"""

import time

from django.db.backends.postgresql import base

HEALTHY_FOR_SECONDS = 0.5


class DatabaseWrapper(base.DatabaseWrapper):
    _worked_at = float("-inf")  # time.monotonic() at the end of the last request it served without error

    def close_if_health_check_failed(self):
        if self.connection is not None and time.monotonic() - self._worked_at < HEALTHY_FOR_SECONDS:
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def close_if_unusable_or_obsolete(self):
        """At the start and end of each request: note when the connection last did its work cleanly."""
        used_cleanly = self.connection is not None and self.health_check_done and not self.errors_occurred
        super().close_if_unusable_or_obsolete()
        if used_cleanly and self.connection is not None:
            self._worked_at = time.monotonic()
