"""Units (đơn vị): the province, its communes, wards and special zones, departments, former districts.

One installation serves them all from one schema: every piece of public content belongs to a unit,
and the unit of a request is the one its host name names (units/hosts.py). A commune's portal is a
component of its province's (Decree 224/2026/NĐ-CP Art. 11), so units form a tree under the province.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

host_name_validator = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Tên miền chỉ gồm chữ thường không dấu, chữ số, dấu gạch ngang và dấu chấm, ví dụ: hoabinh.thanhhoa.gov.vn."),
)


class HostNameField(models.CharField):
    """A host name as nginx and browsers see it: lower case, no scheme, no port, no trailing dot."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 253)
        kwargs.setdefault("validators", [host_name_validator])
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalized_host(super().to_python(value))

    def get_prep_value(self, value):
        return normalized_host(super().get_prep_value(value))


def normalized_host(value):
    return value.strip().lower().rstrip(".") if isinstance(value, str) else value


class OwnedQuerySet(models.QuerySet):
    """The queryset of content that belongs to a unit: ``Article.objects.of(request.unit)``."""

    def of(self, unit):
        return self.filter(unit=unit)

    def of_units(self, unit_ids):
        """Content of any of these units: the province-wide search (units.hosts.province_family_ids)."""
        return self.filter(unit_id__in=unit_ids)


class UnitQuerySet(models.QuerySet):
    def open(self):
        """Units that publish: not the read-only archive of a former district."""
        return self.filter(archived=False)

    def components_of(self, unit):
        """The units whose portals are components of ``unit``'s: its children, for the province's directory."""
        return self.filter(parent=unit).order_by("level", "name")


class Unit(models.Model):
    """A unit with a portal: its names, place in the tree, host names and whether it still publishes."""

    class Level(models.TextChoices):
        PROVINCE = "tinh", _("Tỉnh / thành phố")
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        SPECIAL_ZONE = "dac-khu", _("Đặc khu")
        DEPARTMENT = "so-nganh", _("Sở / ban / ngành")
        FORMER_DISTRICT = "huyen-cu", _("Huyện (cũ)")

    code = models.CharField(
        _("mã đơn vị hành chính"),
        max_length=10,
        unique=True,
        validators=[RegexValidator(r"^[0-9A-Za-z.-]+$", _("Mã chỉ gồm chữ số, chữ cái không dấu, dấu chấm, gạch."))],
        help_text=_("Mã theo danh mục đơn vị hành chính Việt Nam, ví dụ: 38 (tỉnh), 16279 (xã)."),
    )
    name = models.CharField(_("tên đầy đủ"), max_length=200, help_text=_("Ví dụ: Ủy ban nhân dân xã Hòa Bình."))
    short_name = models.CharField(_("tên ngắn"), max_length=100, help_text=_("Ví dụ: Xã Hòa Bình."))
    level = models.CharField(_("cấp"), max_length=10, choices=Level, default=Level.COMMUNE)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Tỉnh của một xã, phường; để trống cho tỉnh."),
    )
    host = HostNameField(
        _("tên miền chính"),
        unique=True,
        help_text=_("Theo Nghị định 224/2026: tenphuongxa.tentinhthanh.gov.vn, viết đầy đủ, không dấu."),
    )
    archived = models.BooleanField(
        _("chỉ lưu trữ"),
        default=False,
        help_text=_("Nội dung vẫn xem và tìm được, nhưng không đăng thêm gì mới (ví dụ: cổng của huyện cũ)."),
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["parent_id", "level", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = pgettext_lazy("plural", "đơn vị")

    def __str__(self):
        return self.short_name

    def clean(self):
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Một đơn vị không thể thuộc chính nó.")})
        if self.level == self.Level.PROVINCE and self.parent_id:
            raise ValidationError({"parent": _("Tỉnh, thành phố không thuộc đơn vị nào.")})

    @property
    def is_province(self):
        return self.level == self.Level.PROVINCE

    @property
    def province(self):
        """The province whose portal this one is a component of (itself for the province)."""
        unit = self
        while unit.parent_id is not None:
            unit = unit.parent
        return unit

    def lineage_ids(self):
        """This unit's id and its ancestors': a province-wide notice shows on every unit below it."""
        ids, unit = [self.pk], self
        while unit.parent_id is not None:
            unit = unit.parent
            ids.append(unit.pk)
        return ids

    def url(self, path="/", request=None):
        """The absolute address of ``path`` on this unit's host, with the scheme and port of ``request``."""
        if request is None:
            return f"https://{self.host}{path}"
        port = request.get_port()
        default_port = "443" if request.is_secure() else "80"
        authority = self.host if port in ("", default_port) else f"{self.host}:{port}"
        return f"{request.scheme}://{authority}{path}"


class UnitAlias(models.Model):
    """Another host name of a unit: an old address that redirects to the canonical one, or one that serves."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="aliases")
    host = HostNameField(_("tên miền"), unique=True)
    redirect = models.BooleanField(
        _("chuyển về tên miền chính"),
        default=True,
        help_text=_("Bỏ chọn để tên miền này phục vụ trực tiếp (ví dụ: 127.0.0.1 khi phát triển)."),
    )

    class Meta:
        verbose_name = _("tên miền phụ")
        verbose_name_plural = pgettext_lazy("plural", "tên miền phụ")

    def __str__(self):
        return self.host

    def clean(self):
        if self.host and Unit.objects.filter(host=self.host).exists():
            raise ValidationError({"host": _("Tên miền này đã là tên miền chính của một đơn vị.")})


def primary_unit_id():
    """The unit content belongs to when none is named: the first unit at the root of the tree.

    On a portal that serves one unit (an upgraded single-unit database) it is that unit; the admin,
    the importers and the demo always name the unit.
    """
    return Unit.objects.filter(parent=None).order_by("pk").values_list("pk", flat=True).first()
