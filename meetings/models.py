"""The committee's sessions on the record: who attended, what was on the agenda, what was decided."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import CleanImageField, NFCCharField, NFCTextField, RichTextField
from core.text import unique_slug
from core.uploads import DatedUploadTo
from units.models import OwnedQuerySet, primary_unit_id


class Official(models.Model):
    """A person in the directory that meetings draw on: leaders of the committee, heads of offices."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        default=primary_unit_id,
        related_name="+",
    )
    name = NFCCharField(_("họ và tên"), max_length=150)
    slug = models.SlugField(_("đường dẫn"), max_length=160, blank=True)
    position = NFCCharField(_("chức vụ hiện nay"), max_length=200, blank=True)
    office = NFCCharField(
        _("cơ quan, đơn vị"), max_length=200, blank=True, help_text=_("Ví dụ: Phòng Giáo dục và Đào tạo.")
    )
    photo = CleanImageField(_("ảnh"), upload_to=DatedUploadTo("officials"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước."))
    is_active = models.BooleanField(_("đang công tác"), default=True)
    # The profile's leaders page (Decree 224/2026 Art. 9(1)(c)): each leader's biography and duties.
    is_leader = models.BooleanField(
        _("lãnh đạo"), default=False, help_text=_("Chọn để người này hiện ở trang Giới thiệu → Lãnh đạo.")
    )
    position_en = models.CharField(_("chức vụ (tiếng Anh)"), max_length=200, blank=True)
    biography = RichTextField(_("tiểu sử tóm tắt"), blank=True)
    duties = RichTextField(_("nhiệm vụ đảm nhiệm"), blank=True)
    duties_en = RichTextField(_("nhiệm vụ đảm nhiệm (tiếng Anh)"), blank=True)
    phone = models.CharField(_("điện thoại công vụ"), max_length=50, blank=True)
    email = models.EmailField(_("email công vụ"), blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = pgettext_lazy("plural", "danh bạ cán bộ")
        constraints = [models.UniqueConstraint("unit", "slug", name="meetings_official_unit_slug_unique")]

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Official.objects.filter(unit_id=self.unit_id),
                self.name,
                exclude_pk=self.pk,
                max_length=160,
                fallback="can-bo",
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:official", kwargs={"slug": self.slug})


# How the unit itself was written as a meeting's body before its short name filled the field: the old
# default of the site settings ("UBND") and the committee's generic name.
GENERIC_BODIES = {"ubnd", "ủy ban nhân dân", "uỷ ban nhân dân"}


def body_key(body):
    """A body's name compared whatever its spacing and capitals."""
    return " ".join(body.split()).casefold()


def body_name(body, unit):
    """The one name of a meeting's body: the unit's short name for every way of writing the unit itself.

    So that the public filter offers one value per body, never both "UBND" and "UBND huyện Sông Lam".
    """
    name = " ".join(body.split())
    if not name or body_key(name) in GENERIC_BODIES | {body_key(unit.name), body_key(unit.short_name)}:
        return unit.short_name
    return name


class MeetingQuerySet(OwnedQuerySet):
    def public(self):
        """What citizens may see: internal meetings never reach the public site."""
        return self.filter(is_public=True)

    def upcoming(self):
        """Meetings still to come (or going on now), soonest first; cancelled ones are left out."""
        return (
            self.filter(starts_at__gte=timezone.now() - timedelta(hours=4))
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("starts_at", "pk")
        )

    def lacking_paper(self, kind):
        """Meetings without a paper of ``kind`` (the programme, the minutes): the secretary's to-do."""
        return self.exclude(document_links__kind=kind)

    def past(self):
        return self.filter(starts_at__lt=timezone.now() - timedelta(hours=4)).order_by("-starts_at", "-pk")

    def recent(self):
        """Meetings that were held, latest first."""
        return self.past().filter(status=Meeting.Status.HELD)

    def between(self, start, end):
        return self.filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at", "pk")

    def for_list(self):
        """What a list row shows: the chair's name, fetched for all rows in one query."""
        chairs = Attendee.objects.filter(role=Attendee.Role.CHAIR).order_by("order", "pk")
        return self.prefetch_related(Prefetch("attendees", queryset=chairs, to_attr="chairs")).defer(
            "conclusion", "summary"
        )

    def for_detail(self):
        """Everything the meeting page shows, in a fixed number of queries whatever its size."""
        from articles.models import Article

        public_documents = MeetingDocument.objects.public().for_list().order_by("kind", "order", "pk")
        return self.prefetch_related(
            Prefetch("attendees", queryset=Attendee.objects.select_related("official").order_by("order", "pk")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.filter(is_public=True)
                .select_related("presenter")
                .prefetch_related(Prefetch("document_links", queryset=public_documents, to_attr="public_documents")),
                to_attr="public_agenda",
            ),
            "tasks",
            Prefetch(
                "document_links",
                queryset=public_documents.filter(agenda_item__isnull=True),
                to_attr="meeting_documents",
            ),
            Prefetch(
                "articles",
                queryset=Article.objects.published().for_list().order_by("-published_at"),
                to_attr="public_articles",
            ),
        )


class Meeting(models.Model):
    """A session of the committee (or a conference it holds), from the invitation to the conclusion."""

    class Kind(models.TextChoices):
        REGULAR = "thuong-ky", _("Phiên họp thường kỳ")
        EXTRAORDINARY = "bat-thuong", _("Phiên họp bất thường")
        THEMATIC = "chuyen-de", _("Phiên họp chuyên đề")
        CONFERENCE = "hoi-nghi", _("Hội nghị")
        WORKING_SESSION = "lam-viec", _("Buổi làm việc")
        OTHER = "khac", _("Khác")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Đã lên lịch")
        HELD = "held", _("Đã họp")
        POSTPONED = "postponed", _("Hoãn")
        CANCELLED = "cancelled", _("Hủy")

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        default=primary_unit_id,
        related_name="+",
    )
    title = NFCCharField(_("tên cuộc họp"), max_length=255)
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=255,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên cuộc họp, không dấu."),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.REGULAR)
    body = NFCCharField(
        _("cơ quan tổ chức"),
        max_length=200,
        blank=True,
        help_text=_("Để trống: tên ngắn của đơn vị (ví dụ UBND xã Hòa Bình)."),
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    location = NFCCharField(_("địa điểm"), max_length=255, blank=True)
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status, default=Status.SCHEDULED)
    summary = NFCTextField(_("tóm tắt"), blank=True)
    conclusion = RichTextField(_("kết luận của chủ trì"), config_name="default", blank=True)
    is_public = models.BooleanField(
        _("công khai"), default=True, help_text=_("Bỏ chọn với cuộc họp nội bộ: không bao giờ hiện trên cổng.")
    )
    articles = models.ManyToManyField(
        "articles.Article",
        verbose_name=_("tin bài đưa tin"),
        related_name="meetings",
        blank=True,
        help_text=_("Các tin bài đã đưa tin về cuộc họp này."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("cuộc họp")
        verbose_name_plural = pgettext_lazy("plural", "cuộc họp")
        indexes = [models.Index(fields=["unit", "is_public", "starts_at"], name="meetings_unit_start_idx")]
        constraints = [models.UniqueConstraint("unit", "slug", name="meetings_meeting_unit_slug_unique")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Meeting.objects.filter(unit_id=self.unit_id),
                self.title,
                exclude_pk=self.pk,
                max_length=255,
                fallback="cuoc-hop",
            )
        self.body = body_name(self.body, self.unit)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    @property
    def chair(self):
        """The attendee with the role of chair (read from ``chairs`` when the list prefetched it)."""
        chairs = getattr(self, "chairs", None)
        if chairs is None:
            chairs = [a for a in self.attendees.all() if a.role == Attendee.Role.CHAIR]
        return chairs[0] if chairs else None


class Attendee(models.Model):
    """Someone at a meeting, with the position they held that day, kept when it later changes."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ trì")
        CO_CHAIR = "co_chair", _("Đồng chủ trì")
        MEMBER = "member", _("Thành viên")
        PRESENTER = "presenter", _("Báo cáo viên")
        INVITED = "invited", _("Khách mời")
        SECRETARY = "secretary", _("Thư ký")

    class Attendance(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        ABSENT = "absent", _("Vắng")
        EXCUSED = "excused", _("Vắng có lý do")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    official = models.ForeignKey(
        Official,
        verbose_name=_("cán bộ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        help_text=_("Chọn trong danh bạ; để trống với khách mời ngoài danh bạ."),
    )
    name = NFCCharField(_("họ và tên"), max_length=150, blank=True, help_text=_("Để trống: lấy từ danh bạ."))
    position = NFCCharField(
        _("chức vụ tại cuộc họp"), max_length=200, blank=True, help_text=_("Để trống: chức vụ hiện nay.")
    )
    office = NFCCharField(_("cơ quan, đơn vị"), max_length=200, blank=True)
    role = models.CharField(_("vai trò"), max_length=20, choices=Role, default=Role.MEMBER)
    attendance = models.CharField(_("tham dự"), max_length=20, choices=Attendance, default=Attendance.PRESENT)
    represents = NFCCharField(
        _("dự thay cho"),
        max_length=200,
        blank=True,
        help_text=_("Khi dự thay: tên và chức vụ của người được thay."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("thành phần tham dự")
        verbose_name_plural = pgettext_lazy("plural", "thành phần tham dự")
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False) | ~Q(name=""), name="meetings_attendee_has_a_name"
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.position}" if self.position else self.name

    def save(self, *args, **kwargs):
        """Copy name, position and office from the directory once, so later changes leave this record alone."""
        if self.official_id:
            self.name = self.name or self.official.name
            self.position = self.position or self.official.position
            self.office = self.office or self.official.office
        super().save(*args, **kwargs)

    def clean(self):
        if not self.official_id and not self.name:
            raise ValidationError({"name": _("Chọn một cán bộ trong danh bạ hoặc ghi họ tên khách mời.")})


class AgendaItem(models.Model):
    """An item of the agenda, in the order the secretary sets, numbered as printed ("2", "2.a")."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    number = models.CharField(_("số mục"), max_length=10, blank=True, help_text=_("Như in trên chương trình: 2, 2.a…"))
    title = NFCCharField(_("nội dung"), max_length=300)
    presenter = models.ForeignKey(
        Attendee,
        verbose_name=_("người trình bày"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presented_items",
        help_text=_("Một người trong thành phần tham dự (lưu thành phần trước rồi chọn)."),
    )
    presenter_office = NFCCharField(_("cơ quan trình bày"), max_length=200, blank=True)
    summary = NFCTextField(_("tóm tắt báo cáo"), blank=True)
    outcome = NFCTextField(_("kết quả"), blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("mục chương trình")
        verbose_name_plural = pgettext_lazy("plural", "chương trình họp")

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    def save(self, *args, **kwargs):
        if self.presenter_id and not self.presenter_office:
            self.presenter_office = self.presenter.office
        super().save(*args, **kwargs)

    def clean(self):
        if self.presenter_id and self.presenter.meeting_id != self.meeting_id:
            raise ValidationError({"presenter": _("Người trình bày phải là người tham dự cuộc họp này.")})


class TaskQuerySet(models.QuerySet):
    def overdue(self):
        """Open past their deadline, as ``Task.is_overdue`` says of one task; the oldest deadline first."""
        return self.filter(status=Task.Status.OPEN, deadline__lt=timezone.localdate()).order_by("deadline", "pk")


class Task(models.Model):
    """A follow-up task from the conclusion: what, which office, by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="tasks")
    description = NFCTextField(_("nhiệm vụ"))
    responsible_office = NFCCharField(_("cơ quan chủ trì thực hiện"), max_length=200)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    status = models.CharField(_("tình trạng"), max_length=10, choices=Status, default=Status.OPEN)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "nhiệm vụ sau cuộc họp")

    def __str__(self):
        return self.description[:80]

    @property
    def is_overdue(self):
        """Open past its deadline: derived from the date, never stored, so it cannot go stale."""
        return self.status == self.Status.OPEN and self.deadline is not None and self.deadline < timezone.localdate()

    @property
    def state_label(self):
        return _("Quá hạn") if self.is_overdue else self.get_status_display()


class MeetingDocumentQuerySet(models.QuerySet):
    def public(self):
        """Links to documents the public may see (documents.Document.is_published), files included."""
        return self.filter(document__is_published=True)

    def for_list(self):
        """What a meeting page lists of each paper: its type and files, in a fixed number of queries."""
        from documents.models import DocumentFile

        return self.select_related("document__doc_type").prefetch_related(
            Prefetch("document__files", queryset=DocumentFile.objects.order_by("order", "pk"))
        )


class MeetingDocument(models.Model):
    """A paper of the meeting (invitation, report, minutes…): a document linked to the meeting and an agenda item."""

    class Kind(models.TextChoices):
        INVITATION = "giay-moi", _("Giấy mời")
        PROGRAMME = "chuong-trinh", _("Chương trình")
        REPORT = "bao-cao", _("Báo cáo")
        MINUTES = "bien-ban", _("Biên bản")
        CONCLUSION = "thong-bao-ket-luan", _("Thông báo kết luận")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        "documents.Document", verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="meeting_links"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("thuộc mục chương trình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="document_links",
    )
    kind = models.CharField(_("vai trò trong cuộc họp"), max_length=20, choices=Kind)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = MeetingDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("văn bản cuộc họp")
        verbose_name_plural = pgettext_lazy("plural", "văn bản cuộc họp")
        constraints = [models.UniqueConstraint("meeting", "document", name="meetings_meetingdocument_unique")]

    def __str__(self):
        return str(self.document)

    def clean(self):
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("Mục chương trình này thuộc một cuộc họp khác.")})
        if self.document_id and self.meeting_id and self.document.unit_id != self.meeting.unit_id:
            raise ValidationError({"document": _("Văn bản này thuộc một đơn vị khác.")})
