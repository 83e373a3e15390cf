"""Create or update units from a CSV file (format: README, “Đơn vị / Units”)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.importer import import_units


class Command(BaseCommand):
    help = _(
        "Tạo hoặc cập nhật đơn vị từ tệp CSV (cột: code,name,short_name,level,parent_code,host). "
        "Chạy lại cùng tệp không thay đổi gì. Định dạng: README, mục “Đơn vị / Units”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Đường dẫn tệp .csv (UTF-8)"))

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(
                _("Không mở được tệp %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
            ) from None
        report = import_units(data)
        for number, reason in report.errors:
            self.stderr.write(_("Dòng %(number)d: %(reason)s") % {"number": number, "reason": reason})
        for unit in report.created:
            self.stdout.write(
                _("Đã tạo: %(code)s %(name)s — https://%(host)s/")
                % {"code": unit.code, "name": unit.short_name, "host": unit.host}
            )
        for unit in report.updated:
            self.stdout.write(_("Đã cập nhật: %(code)s %(name)s") % {"code": unit.code, "name": unit.short_name})
        summary = _("Tạo mới: %(created)d, cập nhật: %(updated)d, không đổi: %(unchanged)d, lỗi: %(errors)d.") % {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": report.unchanged,
            "errors": len(report.errors),
        }
        if not report.changed and not report.errors:
            summary += " " + _("Không có gì thay đổi.")
        self.stdout.write(self.style.WARNING(summary) if report.errors else self.style.SUCCESS(summary))
