"""Visitor statistics kept without personal data: daily salts, hashed visitors, daily figures, ratings."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import NFCTextField
from units.models import OwnedQuerySet, primary_unit_id

# Visitor hashes are HMAC-SHA256 digests cut to 128 bits, stored as hex.
HASH_LENGTH = 32


class AddingQuerySet(models.QuerySet):
    """Figures that only grow, raised by one statement: concurrent callers queue on the row's unique key."""

    def add(self, **values):
        """Create the row with ``values`` or add the counted value to it (INSERT … ON CONFLICT DO UPDATE).

        The one counted field is the one named in ``counted_field`` of the model; the others form its key.
        """
        model = self.model
        field = model.counted_field
        key = {name: value for name, value in values.items() if name != field}
        columns = [model._meta.get_field(name).column for name in [*key, field]]
        quote = connection.ops.quote_name
        table, counted = quote(model._meta.db_table), quote(model._meta.get_field(field).column)
        params = [model._meta.get_field(name).get_db_prep_value(value, connection) for name, value in key.items()]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(quote(column) for column in columns)}) "
                f"VALUES ({', '.join(['%s'] * len(columns))}) "
                f"ON CONFLICT ({', '.join(quote(column) for column in columns[:-1])}) "
                f"DO UPDATE SET {counted} = {table}.{counted} + %s",
                [*params, values[field], values[field]],
            )


FEEDBACK_COMMENT_MAX_LENGTH = 500


def _unit_field(related_name="+"):
    """The unit a figure or an answer belongs to; rows of a single-unit portal belong to its one unit."""
    return models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        default=primary_unit_id,
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class StatsSettingsQuerySet(OwnedQuerySet):
    def of(self, unit):
        """The unit's settings, created with the defaults on first read."""
        return self.get_or_create(unit=unit)[0]


class StatsSettings(models.Model):
    """What a unit's administrator sets for its counter: the figure carried over from its old portal."""

    # Reached from the unit, so that its figures and starting total are read in one query (services.figures_of).
    unit = models.OneToOneField(
        "units.Unit",
        verbose_name=_("đơn vị"),
        default=primary_unit_id,
        on_delete=models.CASCADE,
        related_name="stats_settings",
    )
    starting_total = models.PositiveBigIntegerField(
        _("số lượt truy cập ban đầu"),
        default=0,
        help_text=_(
            "Tổng lượt truy cập của cổng cũ, cộng vào ô “Tất cả”. Ví dụ cổng cũ hiện 1.234.567 thì nhập 1234567."
        ),
    )

    objects = StatsSettingsQuerySet.as_manager()

    class Meta:
        verbose_name = _("cài đặt thống kê")
        verbose_name_plural = pgettext_lazy("plural", "cài đặt thống kê")

    def __str__(self):
        return str(_("Cài đặt thống kê"))


class DailySalt(models.Model):
    """The random key of one day's visitor hashes; deleted after 48 hours so no hash can be traced back."""

    day = models.DateField(_("ngày"), unique=True)
    secret = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khóa băm trong ngày")
        verbose_name_plural = pgettext_lazy("plural", "khóa băm trong ngày")

    def __str__(self):
        return self.day.isoformat()


class Visitor(models.Model):
    """One visitor of one unit on one day (a visit): a hash, never an address; raw row, pruned after the retention."""

    unit = _unit_field()
    day = models.DateField()
    visitor = models.CharField(max_length=HASH_LENGTH)
    # The hashed client address (IPv6 by /64): how many visitors one address brought today.
    network = models.CharField(max_length=HASH_LENGTH, default="")
    first_seen = models.DateTimeField()
    last_seen = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "day", "visitor"], name="stats_visitor_unit_day_uniq")]
        indexes = [
            models.Index(fields=["unit", "last_seen"], name="stats_visitor_unit_seen_idx"),
            models.Index(fields=["unit", "day", "network"], name="stats_visitor_unit_network_idx"),
        ]

    def __str__(self):
        return f"{self.day} {self.visitor[:8]}"


class ArticleSeen(models.Model):
    """When a visitor's view of an article last counted: the 30-minute rule; raw row, pruned."""

    day = models.DateField()
    visitor = models.CharField(max_length=HASH_LENGTH)
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    counted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["visitor", "article"], name="stats_articleseen_uniq"),
        ]
        indexes = [models.Index(fields=["day"], name="stats_articleseen_day_idx")]

    def __str__(self):
        return f"{self.day} {self.visitor[:8]} {self.article_id}"


class DailyStatsQuerySet(AddingQuerySet, OwnedQuerySet):
    def since(self, day):
        return self.filter(day__gte=day)


class DailyStats(models.Model):
    """A unit's figures of one day, kept for good: raised atomically when a new visit is recorded."""

    unit = _unit_field(related_name="daily_stats")
    day = models.DateField(_("ngày"))
    visits = models.PositiveBigIntegerField(_("lượt truy cập"), default=0)

    objects = DailyStatsQuerySet.as_manager()
    counted_field = "visits"

    class Meta:
        ordering = ["-day"]
        constraints = [models.UniqueConstraint(fields=["unit", "day"], name="stats_dailystats_unit_day_uniq")]
        verbose_name = _("thống kê truy cập")
        verbose_name_plural = pgettext_lazy("plural", "thống kê truy cập")

    def __str__(self):
        return self.day.strftime("%d/%m/%Y")


class ArticleDailyViews(models.Model):
    """How many counted views one article had on one day: the most-read lists."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField()
    views = models.PositiveBigIntegerField(default=0)

    objects = AddingQuerySet.as_manager()
    counted_field = "views"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="stats_articleday_uniq")]
        indexes = [models.Index(fields=["day"], name="stats_articleday_day_idx")]

    def __str__(self):
        return f"{self.day} {self.article_id}: {self.views}"


class FlushedBatch(models.Model):
    """A Redis batch already applied: its unique id makes applying it twice impossible."""

    batch = models.CharField(max_length=32, unique=True)
    applied_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.batch


class FeedbackQuerySet(OwnedQuerySet):
    def approved(self):
        return self.filter(approved=True)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Feedback(models.Model):
    """A visitor's anonymous answer to “Thông tin này có hữu ích với bạn không?”, kept by the page's unit."""

    unit = _unit_field()
    content_type = models.ForeignKey(ContentType, verbose_name=_("loại trang"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("mã trang"))
    page = GenericForeignKey("content_type", "object_id")
    day = models.DateField(_("ngày"))
    visitor = models.CharField(max_length=HASH_LENGTH, editable=False)
    useful = models.BooleanField(_("hữu ích"))
    comment = NFCTextField(
        _("góp ý"),
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        blank=True,
        help_text=_("Góp ý của bạn đọc; chỉ dùng nội bộ sau khi được duyệt."),
    )
    approved = models.BooleanField(
        _("đã duyệt góp ý"), default=False, help_text=_("Góp ý chỉ được dùng sau khi Ban biên tập duyệt.")
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = pgettext_lazy("plural", "đánh giá mức độ hài lòng")
        constraints = [
            models.UniqueConstraint(
                fields=["visitor", "content_type", "object_id", "day"], name="stats_feedback_once_a_day"
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="stats_feedback_page_idx"),
            models.Index(fields=["unit", "day"], name="stats_feedback_unit_day_idx"),
        ]

    def __str__(self):
        return f"{self.page} — {_('Có') if self.useful else _('Không')}"
