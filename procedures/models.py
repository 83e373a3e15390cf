"""Administrative procedures (thủ tục hành chính) a unit handles (Decree 224/2026 Art. 9(1)(a)).

The National Public Service Portal (dichvucong.gov.vn) is where a procedure is defined and where a
citizen applies online; the portal here lists the unit's procedures from that portal's export
(import_procedures) and links each one back to it. The fields (lĩnh vực) are the documents' list,
so a reader moves from a procedure's field to the documents of the same field.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from articles.models import search_terms
from core.fields import NFCCharField, NFCTextField
from core.text import fold
from units.models import OwnedQuerySet

# The national portal and its subdomains: the only place the "apply online" button may send a citizen.
NATIONAL_PORTAL_HOST = "dichvucong.gov.vn"


def validate_national_portal_url(value):
    """An address on the National Public Service Portal, over HTTPS: never a look-alike host."""
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not (host == NATIONAL_PORTAL_HOST or host.endswith("." + NATIONAL_PORTAL_HOST)):
        raise ValidationError(
            _("Địa chỉ phải là một trang https:// của Cổng Dịch vụ công quốc gia (%(host)s)."),
            params={"host": NATIONAL_PORTAL_HOST},
            code="not_national_portal",
        )


class Level(models.TextChoices):
    """Where a procedure is carried out, as the national portal says (two levels of local government since 2025)."""

    PROVINCE = "cap-tinh", _("Cấp tỉnh")
    COMMUNE = "cap-xa", _("Cấp xã")


class ProcedureQuerySet(OwnedQuerySet):
    def published(self):
        """What citizens see: procedures not withdrawn by the unit."""
        return self.filter(is_published=True)

    def for_list(self):
        """What a row needs: the field joined, the folded text and the fees left unread."""
        return self.select_related("field").defer("search_text", "fees")

    def search(self, query):
        """Every word of ``query``, accent- and case-free, in the code, name or field (trigram index: 0002)."""
        words = search_terms(query)
        if not words:
            return self.none()
        matches = Q()
        for word in words:
            matches &= Q(search_text__contains=word)
        return self.filter(matches)


class Procedure(models.Model):
    """A procedure as the national portal publishes it: code, name, field, level, time, fees, address."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    code = models.CharField(
        _("mã thủ tục"),
        max_length=60,
        help_text=_("Mã trên Cổng Dịch vụ công quốc gia, ví dụ: 1.001612."),
        validators=[
            # The code is the last part of the procedure's address here: letters, digits, dots and dashes.
            RegexValidator(r"^[\w.\-]+$", _("Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch."))
        ],
    )
    name = NFCCharField(_("tên thủ tục"), max_length=500)
    field = models.ForeignKey(
        "documents.Field", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField(_("cấp thực hiện"), max_length=20, choices=Level.choices)
    processing_time = NFCCharField(
        _("thời hạn giải quyết"), max_length=300, blank=True, help_text=_("Ví dụ: 03 ngày làm việc.")
    )
    fees = NFCTextField(_("phí, lệ phí"), blank=True, help_text=_("Ví dụ: Không thu phí. Hoặc: 50.000 đồng/hồ sơ."))
    national_url = models.URLField(
        _("địa chỉ trên Cổng Dịch vụ công quốc gia"),
        max_length=500,
        validators=[validate_national_portal_url],
        help_text=_("Trang của thủ tục trên dichvucong.gov.vn, nơi người dân nộp hồ sơ trực tuyến."),
    )
    is_published = models.BooleanField(
        _("công khai"), default=True, help_text=_("Bỏ chọn khi đơn vị không còn giải quyết thủ tục này.")
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # Folded (accent-free, lower-case) code, name and field, for search.
    search_text = models.TextField(default="", editable=False)

    objects = ProcedureQuerySet.as_manager()

    class Meta:
        ordering = ["field__name", "name", "pk"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = pgettext_lazy("plural", "thủ tục hành chính")
        indexes = [models.Index(fields=["unit", "is_published", "field"], name="procedures_unit_field_idx")]
        constraints = [models.UniqueConstraint("unit", "code", name="procedures_procedure_unit_code_unique")]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        # Derived from the row itself: kept in step on every save, from the admin or the import alike.
        self.search_text = fold(" ".join((self.code, self.name, self.field.name if self.field_id else "")))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("procedures:detail", kwargs={"code": self.code})
