"""The unit's profile (giới thiệu) that Decree 224/2026 Art. 9(1)(c) asks a province or commune to publish.

Structured rather than one free page, so that each item the law names has its own address and an
empty one shows. The leaders come from the officials directory (meetings.Official), extended with
their biography and duties, so that a name is entered once for meetings and profile alike.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.fields import CleanImageField, NFCCharField, RichTextField
from core.uploads import DatedUploadTo
from units.models import OwnedQuerySet


class Translated:
    """``obj.tr("name")``: the English field when the interface is English and it is filled, else the Vietnamese."""

    def tr(self, name):
        if (get_language() or "").startswith("en"):
            english = getattr(self, f"{name}_en", "")
            if english:
                return english
        return getattr(self, name)


class Office(Translated, models.Model):
    """An office (phòng, ban) of the committee: its functions, its head and how to reach it."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    name = NFCCharField(_("tên cơ quan"), max_length=200, help_text=_("Ví dụ: Văn phòng HĐND và UBND."))
    name_en = models.CharField(_("tên cơ quan (tiếng Anh)"), max_length=200, blank=True)
    functions = RichTextField(_("chức năng, nhiệm vụ"), blank=True)
    functions_en = RichTextField(_("chức năng, nhiệm vụ (tiếng Anh)"), blank=True)
    head = models.ForeignKey(
        "meetings.Official",
        verbose_name=_("người đứng đầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, help_text=_("Số nhỏ đứng trước."))

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cơ quan, phòng ban")
        verbose_name_plural = pgettext_lazy("plural", "cơ cấu tổ chức")

    def __str__(self):
        return self.name


class ProfileSectionQuerySet(OwnedQuerySet):
    def published(self):
        return self.filter(is_published=True)


class ProfileSection(Translated, models.Model):
    """One item of the profile the law names: the boundary map, natural conditions, history, culture, relics."""

    class Kind(models.TextChoices):
        MAP = "ban-do-hanh-chinh", _("Bản đồ địa giới hành chính")
        NATURE = "dieu-kien-tu-nhien", _("Điều kiện tự nhiên")
        HISTORY = "lich-su", _("Lịch sử")
        CULTURE = "truyen-thong-van-hoa", _("Truyền thống văn hóa")
        RELICS = "di-tich-danh-thang", _("Di tích, danh thắng")

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("mục"), max_length=30, choices=Kind.choices)
    title = NFCCharField(_("tiêu đề"), max_length=200, blank=True, help_text=_("Để trống: tên của mục."))
    title_en = models.CharField(_("tiêu đề (tiếng Anh)"), max_length=200, blank=True)
    body = RichTextField(_("nội dung"), blank=True)
    body_en = RichTextField(_("nội dung (tiếng Anh)"), blank=True)
    image = CleanImageField(
        _("ảnh chính"),
        upload_to=DatedUploadTo("profile"),
        blank=True,
        help_text=_("Với bản đồ địa giới hành chính: ảnh bản đồ (JPEG hoặc PNG)."),
    )
    image_alt = NFCCharField(_("mô tả ảnh"), max_length=300, blank=True)
    is_published = models.BooleanField(_("đang hiển thị"), default=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = ProfileSectionQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]
        verbose_name = _("mục giới thiệu")
        verbose_name_plural = pgettext_lazy("plural", "mục giới thiệu")
        constraints = [models.UniqueConstraint("unit", "kind", name="unitprofile_section_unit_kind_unique")]

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return reverse("unitprofile:section", kwargs={"kind": self.kind})

    def heading(self):
        """The title in the interface's language, or the item's name."""
        return self.tr("title") or self.get_kind_display()


class Photo(models.Model):
    """A photo of a section: a relic, a landscape, a festival."""

    section = models.ForeignKey(ProfileSection, on_delete=models.CASCADE, related_name="photos")
    image = CleanImageField(_("ảnh"), upload_to=DatedUploadTo("profile"))
    caption = NFCCharField(_("chú thích"), max_length=300, help_text=_("Cũng là mô tả cho người khiếm thị."))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("ảnh")
        verbose_name_plural = pgettext_lazy("plural", "ảnh")

    def __str__(self):
        return self.caption
