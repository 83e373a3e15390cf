"""What every app may need to store: the database side of the rate limits (core/ratelimit.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RateLimitCounterQuerySet(models.QuerySet):
    def expired(self, *, now):
        return self.filter(expires_at__lte=now)


class RateLimitCounter(models.Model):
    """One client's events under one limit, counted here while the cache does not answer (core/ratelimit.py)."""

    scope_key = models.CharField(max_length=200, unique=True)
    expires_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    objects = RateLimitCounterQuerySet.as_manager()

    class Meta:
        verbose_name = _("bộ đếm giới hạn")
        verbose_name_plural = pgettext_lazy("plural", "bộ đếm giới hạn")

    def __str__(self):
        return self.scope_key
