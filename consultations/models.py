"""Consultations on drafts (lấy ý kiến dự thảo): Law 104/2016 Art. 17(1)(c), Law 10/2022 Art. 11–13.

A consultation's status is never typed: it follows from its opening and closing times and from the
publication of its report (tổng hợp, tiếp thu, giải trình).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Min, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import NFCCharField, NFCTextField, RichTextField
from core.text import unique_slug
from core.uploads import DatedUploadTo, get_protected_storage, validate_document
from units.models import OwnedQuerySet

COMMENT_MAX_LENGTH = 10_000


class Status(models.TextChoices):
    UPCOMING = "sap-mo", _("Sắp mở")
    OPEN = "dang-lay-y-kien", _("Đang lấy ý kiến")
    CLOSED = "da-dong", _("Đã đóng")
    REPORTED = "da-co-ket-qua", _("Đã có kết quả")


class ConsultationQuerySet(OwnedQuerySet):
    """The statuses as filters and as an annotation, computed from the times the way ``status`` is."""

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def ended(self, now=None):
        """Closed, with or without a published report."""
        return self.filter(closes_at__lte=now or timezone.now())

    def closed(self, now=None):
        now = now or timezone.now()
        return self.ended(now).exclude(report_published_at__lte=now)

    def reported(self, now=None):
        now = now or timezone.now()
        return self.ended(now).filter(report_published_at__lte=now)

    def with_status(self, now=None):
        now = now or timezone.now()
        return self.annotate(
            derived_status=Case(
                When(opens_at__gt=now, then=Value(Status.UPCOMING)),
                When(closes_at__gt=now, then=Value(Status.OPEN)),
                When(report_published_at__lte=now, then=Value(Status.REPORTED)),
                default=Value(Status.CLOSED),
                output_field=models.CharField(),
            )
        )

    def for_list(self):
        return self.only("unit_id", "title", "slug", "kind", "opens_at", "closes_at", "report_published_at")

    def for_detail(self):
        """What the public page needs, in a fixed number of queries however many comments there are."""
        from documents.models import Document

        return self.annotate(
            received_count=Count("comments", filter=~Q(comments__state=ConsultationComment.State.HIDDEN))
        ).prefetch_related(
            Prefetch("drafts", queryset=Document.objects.published().only("unit_id", "number", "slug", "summary")),
            Prefetch("comments", queryset=ConsultationComment.objects.published(), to_attr="published_comments"),
            Prefetch(
                "report_entries",
                queryset=ReportEntry.objects.prefetch_related(
                    Prefetch("comments", queryset=ConsultationComment.objects.only("pk", "name", "consultation_id"))
                ),
            ),
        )

    def next_change_time(self, now=None):
        """The next moment a consultation opens, closes or shows its report: its page changes by itself then."""
        now = now or timezone.now()
        times = self.aggregate(
            opens=Min("opens_at", filter=Q(opens_at__gt=now)),
            closes=Min("closes_at", filter=Q(closes_at__gt=now)),
            report=Min("report_published_at", filter=Q(report_published_at__gt=now)),
        )
        due = [value for value in times.values() if value]
        return min(due) if due else None


class Consultation(models.Model):
    """A unit asks the public about one or more drafts, for a period the law sets a minimum for."""

    class Kind(models.TextChoices):
        NORMATIVE = "qppl", _("Dự thảo văn bản quy phạm pháp luật")
        OTHER = "khac", _("Dự thảo văn bản, đề án, kế hoạch khác")

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    title = NFCCharField(_("tiêu đề"), max_length=300, help_text=_("Ví dụ: Lấy ý kiến dự thảo Quy chế quản lý chợ."))
    slug = models.SlugField(_("đường dẫn"), max_length=200, blank=True)
    kind = models.CharField(
        _("loại dự thảo"),
        max_length=10,
        choices=Kind,
        default=Kind.OTHER,
        help_text=_("Quyết định thời gian lấy ý kiến tối thiểu theo quy định của pháp luật."),
    )
    drafts = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("dự thảo"),
        related_name="consultations",
        help_text=_("Văn bản dự thảo đưa ra lấy ý kiến (nhập ở mục Văn bản, để công khai)."),
    )
    question = RichTextField(_("nội dung xin ý kiến"), help_text=_("Những vấn đề cần người dân, tổ chức cho ý kiến."))
    audience = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đối tượng lấy ý kiến"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Để trống nếu lấy ý kiến mọi người; chọn xã, phường nếu chỉ hỏi cư dân nơi đó."),
    )
    sections = NFCTextField(
        _("các điều, khoản, mục"),
        blank=True,
        help_text=_("Mỗi dòng một phần của dự thảo (ví dụ: Điều 3. Đối tượng áp dụng) để người góp ý chọn."),
    )
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("kết thúc lấy ý kiến"))
    moderated = models.BooleanField(
        _("duyệt ý kiến trước khi hiện"), default=True, help_text=_("Bỏ chọn để ý kiến hiện ngay khi gửi.")
    )
    issued_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("văn bản được ban hành"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_results",
        help_text=_("Văn bản chính thức ban hành sau khi lấy ý kiến; trang văn bản sẽ dẫn về kết quả lấy ý kiến."),
    )
    report = RichTextField(
        _("báo cáo tổng hợp, tiếp thu, giải trình"),
        blank=True,
        help_text=_("Phần chung của báo cáo; từng ý kiến được giải trình ở bảng bên dưới."),
    )
    report_published_at = models.DateTimeField(
        _("công bố kết quả lúc"),
        null=True,
        blank=True,
        help_text=_("Để trống đến khi công bố báo cáo; chỉ công bố được sau khi kết thúc lấy ý kiến."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("đợt lấy ý kiến")
        verbose_name_plural = pgettext_lazy("plural", "lấy ý kiến dự thảo")
        indexes = [models.Index(fields=["unit", "closes_at"], name="consult_unit_closes_idx")]
        constraints = [models.UniqueConstraint("unit", "slug", name="consultations_unit_slug_unique")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            rows = Consultation.objects.filter(unit_id=self.unit_id)
            self.slug = unique_slug(rows, self.title, exclude_pk=self.pk, fallback="lay-y-kien")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    @staticmethod
    def minimum_days(kind):
        """The legal minimum for a kind of draft: a setting, because the law has changed it before."""
        return settings.CONSULTATION_MINIMUM_DAYS.get(kind, 0)

    def clean(self):
        if not (self.opens_at and self.closes_at):
            return
        if self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu lấy ý kiến.")})
        days = self.minimum_days(self.kind)
        if self.closes_at - self.opens_at < timedelta(days=days):
            raise ValidationError(
                {
                    "closes_at": _(
                        "Thời gian lấy ý kiến đối với %(kind)s phải ít nhất %(days)d ngày "
                        "(hiện là %(actual)d ngày). Hãy lùi thời điểm kết thúc."
                    )
                    % {
                        "kind": self.get_kind_display().lower(),
                        "days": days,
                        "actual": (self.closes_at - self.opens_at).days,
                    }
                }
            )
        if self.report_published_at and self.report_published_at < self.closes_at:
            raise ValidationError({"report_published_at": _("Chỉ công bố kết quả sau khi đã kết thúc lấy ý kiến.")})

    def status_at(self, now=None):
        now = now or timezone.now()
        if self.opens_at > now:
            return Status.UPCOMING
        if self.closes_at > now:
            return Status.OPEN
        if self.report_published_at and self.report_published_at <= now:
            return Status.REPORTED
        return Status.CLOSED

    @property
    def status(self):
        return self.status_at()

    def get_status_display(self):
        return Status(self.status).label

    @property
    def is_open(self):
        return self.status == Status.OPEN

    @property
    def has_report(self):
        return self.status == Status.REPORTED

    @property
    def days_left(self):
        """Whole days left, counting the one under way (closing in 3 hours is “1 day left”)."""
        seconds = (self.closes_at - timezone.now()).total_seconds()
        return max(0, -int(-seconds // 86400))

    def report_counts(self):
        """Comments received and report entries per decision: the figures the public page shows.

        Reads ``received_count`` and the prefetched entries when the detail queryset provides them.
        """
        received = getattr(self, "received_count", None)
        if received is None:
            received = self.comments.received().count()
        decisions = [entry.decision for entry in self.report_entries.all()]
        return {
            "received": received,
            "accepted": decisions.count(ReportEntry.Decision.ACCEPTED),
            "partly": decisions.count(ReportEntry.Decision.PARTLY),
            "not_accepted": decisions.count(ReportEntry.Decision.NOT_ACCEPTED),
        }

    def section_choices(self):
        return [line.strip() for line in self.sections.splitlines() if line.strip()]


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=ConsultationComment.State.PUBLISHED)

    def received(self):
        """What the report counts as received: every comment except those hidden as spam or abuse."""
        return self.exclude(state=ConsultationComment.State.HIDDEN)

    def public(self):
        """No comment's file is public: the protected-file view serves them to the unit's staff only."""
        return self.none()


class ConsultationComment(models.Model):
    """A comment on a consultation. The contact is for the unit only: no page ever shows it; no IP is kept."""

    class State(models.TextChoices):
        PENDING = "cho-duyet", _("Chờ duyệt")
        PUBLISHED = "cong-khai", _("Công khai")
        HIDDEN = "an", _("Đã ẩn")

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("đợt lấy ý kiến"), on_delete=models.CASCADE, related_name="comments"
    )
    name = NFCCharField(_("họ tên"), max_length=100)
    organisation = NFCCharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    contact = models.CharField(
        _("điện thoại hoặc email"), max_length=254, blank=True, help_text=_("Không bao giờ hiện trên trang.")
    )
    section = NFCCharField(_("góp ý vào điều, khoản, mục"), max_length=200, blank=True)
    body = NFCTextField(_("nội dung góp ý"), max_length=COMMENT_MAX_LENGTH)
    file = models.FileField(
        _("tệp đính kèm"),
        upload_to=DatedUploadTo("consultations"),
        storage=get_protected_storage,
        validators=[validate_document],
        blank=True,
    )
    state = models.CharField(_("trạng thái"), max_length=10, choices=State, default=State.PENDING, db_index=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = pgettext_lazy("plural", "ý kiến góp ý")

    def __str__(self):
        return f"{self.name}: {self.body[:50]}"


class ReportEntry(models.Model):
    """One line of the report: a comment or a group of comments, the decision on it and why."""

    class Decision(models.TextChoices):
        ACCEPTED = "tiep-thu", _("Tiếp thu")
        PARTLY = "mot-phan", _("Tiếp thu một phần")
        NOT_ACCEPTED = "khong", _("Không tiếp thu")

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("đợt lấy ý kiến"), on_delete=models.CASCADE, related_name="report_entries"
    )
    comments = models.ManyToManyField(
        ConsultationComment,
        verbose_name=_("ý kiến"),
        blank=True,
        related_name="report_entries",
        help_text=_("Các ý kiến được giải trình chung ở dòng này (có thể để trống và chỉ tóm tắt)."),
    )
    summary = NFCTextField(_("tóm tắt ý kiến"), help_text=_("Nội dung chính của ý kiến hoặc nhóm ý kiến."))
    decision = models.CharField(_("kết quả"), max_length=10, choices=Decision)
    reason = NFCTextField(_("giải trình"), help_text=_("Tiếp thu thế nào, hoặc lý do không tiếp thu."))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("nội dung giải trình")
        verbose_name_plural = pgettext_lazy("plural", "tổng hợp, tiếp thu, giải trình")

    def __str__(self):
        return self.summary[:80]
