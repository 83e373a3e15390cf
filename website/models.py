"""Site-wide settings that administrators edit in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import generation
from core.fields import CleanImageField, NFCCharField, RichTextField
from core.uploads import DatedUploadTo
from units.models import OwnedQuerySet, primary_unit_id

# How long every process may keep a unit's settings; an edit starts a new content generation at once.
SETTINGS_SECONDS = 300


class SiteSettingsQuerySet(models.QuerySet):
    def of(self, unit):
        """The unit's settings, kept in each process for the content generation; created on first read.

        Every page reads them, so they live beside the frame's fragments rather than in the shared cache.
        """
        return generation.shared(
            f"site-settings:{unit.pk}",
            lambda: self.get_or_create(unit=unit)[0],
            seconds=SETTINGS_SECONDS,
            using=generation.process_cache(),
        )


class SiteSettings(models.Model):
    """A unit's portal identity beside its names (units.Unit): footer lines, contacts, emblem, home page."""

    unit = models.OneToOneField(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.CASCADE,
        related_name="site_settings",
    )
    portal_name = models.CharField(
        _("tên cổng thông tin"),
        max_length=200,
        default="Cổng thông tin điện tử",
        help_text=_("Dòng chữ nhỏ phía trên tên đơn vị trên băng rôn."),
    )
    governing_agency = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    editor_in_chief = models.CharField(_("trưởng Ban Biên tập"), max_length=200, blank=True)
    standing_office = models.CharField(_("cơ quan thường trực"), max_length=200, blank=True)
    address = models.CharField(_("trụ sở"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    licence = models.CharField(
        _("giấy phép"),
        max_length=200,
        blank=True,
        help_text=_("Số và ngày cấp giấy phép của cổng, ví dụ: Giấy phép số 12/GP-STTTT ngày 05/03/2024."),
    )
    emblem = CleanImageField(_("biểu trưng"), upload_to=DatedUploadTo("site"), blank=True)
    featured_category = models.ForeignKey(
        "articles.Category",
        verbose_name=_("chuyên mục nổi bật trên trang chủ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tin mới nhất của chuyên mục này được đặt lớn ở đầu trang chủ. Để trống: tin mới nhất."),
    )
    measurement_site_id = models.CharField(
        _("mã website đo lường"),
        max_length=64,
        blank=True,
        help_text=_(
            "Mã do hệ thống đo lường quốc gia cấp cho cổng. Khi điền, trang sẽ nạp mã đo lường bắt buộc; "
            "để trống để tắt."
        ),
    )
    facebook_url = models.URLField(_("trang Facebook"), blank=True)
    youtube_url = models.URLField(_("kênh YouTube"), blank=True)

    objects = SiteSettingsQuerySet.as_manager()
    # Read before it is ever edited, it is created with its defaults: no page changes (core/generation.py).
    created_on_first_read = True

    class Meta:
        verbose_name = _("cài đặt cổng thông tin")
        verbose_name_plural = pgettext_lazy("plural", "cài đặt cổng thông tin")

    def __str__(self):
        return f"{self._meta.verbose_name}: {self.unit}"


class PageQuerySet(OwnedQuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    """A simple page (Giới thiệu, Liên hệ, Sơ đồ cổng…) written by administrators."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, default=primary_unit_id, related_name="+"
    )
    title = NFCCharField(_("tiêu đề"), max_length=200)
    slug = models.SlugField(_("đường dẫn"), max_length=200, help_text=_("Phần cuối của địa chỉ: /trang/<đường dẫn>/."))
    body = RichTextField(_("nội dung"), blank=True)
    is_published = models.BooleanField(_("đang hiển thị"), default=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("trang tĩnh")
        verbose_name_plural = pgettext_lazy("plural", "trang tĩnh")
        ordering = ["title"]
        constraints = [models.UniqueConstraint("unit", "slug", name="website_page_unit_slug_unique")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("website:page", args=[self.slug])


class MenuItem(models.Model):
    """One entry of the main menu, pointing at a category, a page, a section or any address."""

    class Target(models.TextChoices):
        HOME = "home", _("Trang chủ")
        NEWS = "news", _("Tất cả tin tức")
        CATEGORY = "category", _("Một chuyên mục")
        ANNOUNCEMENTS = "announcements", _("Thông báo")
        MEETINGS = "meetings", _("Lịch họp")
        SCHEDULE = "schedule", _("Lịch công tác tuần")
        DOCUMENTS = "documents", _("Văn bản")
        PROFILE = "profile", _("Giới thiệu đơn vị")
        PROCEDURES = "procedures", _("Thủ tục hành chính")
        QUESTIONS = "questions", _("Hỏi đáp")
        CONSULTATIONS = "consultations", _("Lấy ý kiến dự thảo")
        DISCLOSURE = "disclosure", _("Danh mục thông tin công khai")
        PAGE = "page", _("Một trang tĩnh")
        URL = "url", _("Địa chỉ khác")

    SECTION_URLS = {
        Target.HOME: "website:home",
        Target.NEWS: "articles:list",
        Target.ANNOUNCEMENTS: "articles:announcements",
        Target.MEETINGS: "meetings:list",
        Target.SCHEDULE: "meetings:week",
        Target.DOCUMENTS: "documents:list",
        Target.PROFILE: "unitprofile:overview",
        Target.PROCEDURES: "procedures:list",
        Target.QUESTIONS: "questions:list",
        Target.CONSULTATIONS: "consultations:list",
        Target.DISCLOSURE: "compliance:list",
    }

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, default=primary_unit_id, related_name="+"
    )
    label = NFCCharField(_("tên hiển thị"), max_length=60)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    target = models.CharField(_("trỏ tới"), max_length=20, choices=Target, default=Target.CATEGORY)
    category = models.ForeignKey(
        "articles.Category", verbose_name=_("chuyên mục"), null=True, blank=True, on_delete=models.CASCADE
    )
    page = models.ForeignKey(Page, verbose_name=_("trang tĩnh"), null=True, blank=True, on_delete=models.CASCADE)
    url = models.CharField(
        _("địa chỉ"),
        max_length=300,
        blank=True,
        help_text=_("Chỉ khi trỏ tới địa chỉ khác: /duong-dan/ hoặc https://…"),
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mục menu")
        verbose_name_plural = pgettext_lazy("plural", "menu chính")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        if self.target == self.Target.CATEGORY:
            return self.category.get_absolute_url()
        if self.target == self.Target.PAGE:
            return self.page.get_absolute_url()
        if self.target == self.Target.URL:
            return self.url
        return reverse(self.SECTION_URLS[self.target])

    def clean(self):
        required = {self.Target.CATEGORY: "category", self.Target.PAGE: "page", self.Target.URL: "url"}
        field = required.get(self.target)
        if field and not getattr(self, field if field == "url" else f"{field}_id"):
            raise ValidationError({field: _("Hãy chọn nơi mục menu này trỏ tới.")})
        if self.target == self.Target.URL and not self.url.startswith(("/", "https://", "http://")):
            raise ValidationError({"url": _("Địa chỉ phải bắt đầu bằng /, http:// hoặc https://.")})


class MaintenanceNoticeQuerySet(models.QuerySet):
    def current(self, unit):
        """Notices to show on ``unit`` now, from when they are set until the downtime ends.

        A notice of the province for its whole territory shows on every unit below it too.
        """
        lineage = unit.lineage_ids()
        for_unit = Q(unit=unit) | Q(unit_id__in=lineage[1:], whole_province=True)
        return self.filter(for_unit, ends_at__gt=timezone.now()).order_by("starts_at")


class MaintenanceNotice(models.Model):
    """Planned downtime announced to every visitor ahead of time, as the rules require."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, default=primary_unit_id, related_name="+"
    )
    whole_province = models.BooleanField(
        _("cho mọi đơn vị trong tỉnh"),
        default=False,
        help_text=_("Thông báo của tỉnh hiện trên cổng của mọi xã, phường (ví dụ: khi cả hệ thống bảo trì)."),
    )
    starts_at = models.DateTimeField(_("bắt đầu bảo trì"))
    ends_at = models.DateTimeField(_("kết thúc bảo trì"))
    message = NFCCharField(
        _("thông điệp"),
        max_length=300,
        help_text=_("Ví dụ: Cổng tạm ngừng để nâng cấp hệ thống; mong bạn đọc thông cảm."),
    )
    force_majeure = models.BooleanField(
        _("bất khả kháng"),
        default=False,
        help_text=_(
            "Chọn khi phải ngừng cổng đột xuất (sự cố, thiên tai, tấn công mạng). Ngừng theo kế hoạch phải "
            "thông báo trước ít nhất 7 ngày làm việc."
        ),
    )

    objects = MaintenanceNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("thông báo bảo trì")
        verbose_name_plural = pgettext_lazy("plural", "thông báo bảo trì")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})
