"""python manage.py check_compliance --unit CODE: the admin's compliance check, for cron and CI."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from compliance import checks
from units.models import Unit

MARKS = {checks.OK: "✓", checks.OUTDATED: "!", checks.MISSING: "✗"}


class Command(BaseCommand):
    help = _("Kiểm tra cổng của một đơn vị có đủ thông tin pháp luật yêu cầu; lỗi khi còn thiếu hoặc chưa cập nhật.")

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help=_("Mã đơn vị hành chính, ví dụ: 99001."))

    def handle(self, *args, unit, **options):
        try:
            unit = Unit.objects.get(code=unit)
        except Unit.DoesNotExist:
            raise CommandError(_("Không có đơn vị mã %(code)s.") % {"code": unit}) from None
        findings = checks.check_unit(unit)
        for finding in findings:
            line = f"{MARKS[finding.status]} {finding.status_label}: {finding.label}"
            if finding.detail:
                line += f" ({finding.detail})"
            self.stdout.write(line)
        failing = [finding for finding in findings if finding.failing]
        if failing:
            raise CommandError(
                _("%(unit)s: %(count)d mục còn thiếu hoặc chưa cập nhật.") % {"unit": unit, "count": len(failing)}
            )
        self.stdout.write(self.style.SUCCESS(_("%(unit)s: đủ các mục đã kiểm tra.") % {"unit": unit.short_name}))
