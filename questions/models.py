"""Citizens' questions (hỏi đáp): asked on the portal, answered by an office, published by the editor-in-chief.

A question is private until its answer is approved: only then has it a slug and a public page. The
asker's contact (phone or e-mail) is for the office alone, never on a page, and is erased a set
number of days after the answer (``QUESTION_CONTACT_DAYS``, ``purge_question_contacts``).
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import search_terms
from core.fields import NFCCharField, NFCTextField
from core.text import fold
from core.uploads import DatedUploadTo, get_protected_storage, validate_document
from units.models import OwnedQuerySet


class PublicHolidayQuerySet(models.QuerySet):
    def dates_between(self, start, end):
        """The holidays from ``start`` to ``end``, as dates: what ``add_working_days`` skips."""
        return set(self.filter(date__gte=start, date__lte=end).values_list("date", flat=True))


class PublicHoliday(models.Model):
    """A day offices are closed (Tết, 30/4, 2/9…), listed by the administrators for working-day deadlines."""

    date = models.DateField(_("ngày"), unique=True)
    name = NFCCharField(_("tên ngày nghỉ"), max_length=150, help_text=_("Ví dụ: Tết Nguyên đán, Quốc khánh."))

    objects = PublicHolidayQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = pgettext_lazy("plural", "ngày nghỉ lễ")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


class Office(models.Model):
    """An office of the unit that answers questions (phòng, ban: Phòng Kinh tế, Văn phòng HĐND và UBND…)."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    name = NFCCharField(_("tên phòng, ban"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("phòng, ban trả lời")
        verbose_name_plural = pgettext_lazy("plural", "phòng, ban trả lời")
        constraints = [models.UniqueConstraint("unit", "name", name="questions_office_unit_name_unique")]

    def __str__(self):
        return self.name


class Status(models.TextChoices):
    RECEIVED = "moi", _("Mới nhận, chờ phân công")
    ASSIGNED = "dang-xu-ly", _("Đang được phòng, ban trả lời")
    ANSWERED = "cho-duyet", _("Đã có trả lời, chờ duyệt")
    PUBLISHED = "da-tra-loi", _("Đã trả lời và công khai")
    DECLINED = "tu-choi", _("Không tiếp nhận")


# Where a question still waits on somebody: its deadline can pass.
OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED, Status.ANSWERED)


class QuestionQuerySet(OwnedQuerySet):
    def published(self):
        """What the public may see: questions whose answer the editor-in-chief approved."""
        return self.filter(status=Status.PUBLISHED, published_at__isnull=False)

    def public(self):
        """Files anyone may download (website/media.py asks): none, the asker's file is for the staff alone."""
        return self.none()

    def for_list(self):
        """A row of the public list: pinned first, then newest; the field and office joined, the long text left."""
        return (
            self.select_related("field", "office")
            .defer("search_text", "phone", "email", "file")
            .order_by("-pinned", "-published_at", "-pk")
        )

    def in_field(self, field):
        return self.filter(field=field)

    def search(self, query):
        """Accent- and case-free match of every word in the title, question and answer (trigram-indexed)."""
        words = search_terms(query)
        if not words:
            return self.none()
        matches = models.Q()
        for word in words:
            matches &= models.Q(search_text__contains=word)
        return self.filter(matches)

    def overdue(self, today=None):
        """Questions still open whose deadline has passed: what the admin marks red."""
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, due_on__lt=today)

    def near_deadline(self, days=3, today=None):
        """Open questions due within ``days`` calendar days, or already overdue, soonest first."""
        today = today or timezone.localdate()
        due = self.filter(status__in=OPEN_STATUSES, due_on__lte=today + datetime.timedelta(days=days))
        return due.order_by("due_on", "pk")

    def contacts_to_purge(self, *, days, now=None):
        """Closed questions (answered or declined) more than ``days`` ago that still hold a contact."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
        closed = models.Q(status=Status.PUBLISHED, published_at__lt=cutoff)
        closed |= models.Q(status=Status.DECLINED, declined_at__lt=cutoff)
        return self.filter(closed).exclude(phone="", email="")


class Question(models.Model):
    """A citizen's question, its progress through the offices and, once approved, its public answer."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, editable=False)
    slug = models.SlugField(_("đường dẫn"), max_length=200, blank=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    # The asker: the name may be shown with the answer; the contact never is.
    name = NFCCharField(_("họ và tên người hỏi"), max_length=100)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    field = models.ForeignKey(
        "documents.Field", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="questions"
    )
    title = NFCCharField(_("tiêu đề"), max_length=200)
    body = NFCTextField(_("nội dung câu hỏi"))
    file = models.FileField(
        _("tệp đính kèm"),
        upload_to=DatedUploadTo("questions"),
        storage=get_protected_storage,
        validators=[validate_document],
        blank=True,
        help_text=_("Chỉ cán bộ xử lý xem được; không bao giờ công khai."),
    )
    office = models.ForeignKey(
        Office,
        verbose_name=_("phòng, ban trả lời"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
    )
    assigned_at = models.DateTimeField(_("phân công lúc"), null=True, blank=True, editable=False)
    due_on = models.DateField(_("hạn trả lời"), null=True, blank=True, editable=False)
    answer = NFCTextField(_("nội dung trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    decline_reason = NFCTextField(
        _("lý do không tiếp nhận"), blank=True, help_text=_("Người hỏi đọc được lý do này khi tra cứu bằng mã.")
    )
    declined_at = models.DateTimeField(_("từ chối lúc"), null=True, blank=True, editable=False)
    pinned = models.BooleanField(
        _("câu hỏi thường gặp"), default=False, help_text=_("Ghim lên đầu danh sách hỏi đáp.")
    )
    contact_purged_at = models.DateTimeField(_("đã xóa liên hệ lúc"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # Folded (accent-free, lower-case) title, question and answer, for search; filled when published.
    search_text = models.TextField(default="", editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("câu hỏi")
        verbose_name_plural = pgettext_lazy("plural", "hỏi đáp")
        permissions = [("publish_question", _("Duyệt và công khai câu trả lời"))]
        indexes = [models.Index(fields=["unit", "status", "-published_at"], name="questions_unit_published_idx")]
        constraints = [
            models.UniqueConstraint(
                "unit", "slug", condition=~models.Q(slug=""), name="questions_question_unit_slug_unique"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("questions:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED and self.published_at is not None

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status in OPEN_STATUSES and self.due_on is not None and self.due_on < today

    def folded_text(self):
        return fold(" ".join((self.title, self.body, self.answer)))
