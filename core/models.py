"""Site-wide settings that administrators edit in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from core.uploads import DatedUploadTo, validate_image


class SiteSettings(SingletonModel):
    """The one record of the portal's identity: names, footer lines, contacts, emblem."""

    class UnitLevel(models.TextChoices):
        PROVINCE = "tinh", _("Tỉnh / thành phố")
        DISTRICT = "huyen", _("Huyện / quận / thị xã")
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        TOWN = "thi-tran", _("Thị trấn")
        SPECIAL_ZONE = "dac-khu", _("Đặc khu")

    portal_name = models.CharField(
        _("tên cổng thông tin"),
        max_length=200,
        default="Cổng thông tin điện tử",
        help_text=_("Dòng chữ nhỏ phía trên tên đơn vị trên băng rôn."),
    )
    unit_name = models.CharField(
        _("tên đầy đủ của đơn vị"),
        max_length=200,
        default="Ủy ban nhân dân",
        help_text=_("Ví dụ: Ủy ban nhân dân xã Hòa Bình. Hiện trên băng rôn và chân trang."),
    )
    unit_short_name = models.CharField(
        _("tên viết tắt"), max_length=100, default="UBND", help_text=_("Ví dụ: UBND xã Hòa Bình.")
    )
    unit_level = models.CharField(_("cấp hành chính"), max_length=10, choices=UnitLevel, default=UnitLevel.COMMUNE)
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
    emblem = models.ImageField(
        _("biểu trưng"), upload_to=DatedUploadTo("site"), blank=True, validators=[validate_image]
    )
    facebook_url = models.URLField(_("trang Facebook"), blank=True)
    youtube_url = models.URLField(_("kênh YouTube"), blank=True)

    class Meta:
        verbose_name = _("cài đặt cổng thông tin")

    def __str__(self):
        return str(self._meta.verbose_name)
