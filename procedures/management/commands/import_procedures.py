"""Load a unit's procedures from the National Public Service Portal's export (format: README, “Thủ tục hành chính”)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from procedures.importer import import_procedures
from units.models import Unit


class Command(BaseCommand):
    help = _(
        "Nhập thủ tục hành chính từ tệp xuất của Cổng Dịch vụ công quốc gia (CSV hoặc JSON) vào một đơn vị. "
        "Chạy lại cập nhật, không nhân đôi. Định dạng: README, mục “Thủ tục hành chính”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Đường dẫn tệp .csv hoặc .json"))
        parser.add_argument("--unit", metavar="MÃ", required=True, help=_("Mã đơn vị giải quyết các thủ tục."))

    def handle(self, *args, file, unit, **options):
        target = Unit.objects.filter(code=unit).first()
        if target is None:
            raise CommandError(_("Không có đơn vị mã %(code)s (xem import_units).") % {"code": unit})
        try:
            with open(file, encoding="utf-8") as handle:
                report = import_procedures(handle, unit=target, name=Path(file).name)
        except OSError as error:
            raise CommandError(
                _("Không mở được tệp %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
            ) from None
        except UnicodeDecodeError:
            raise CommandError(_("Tệp %(file)s không phải văn bản UTF-8.") % {"file": file}) from None
        for number, reason in report.errors:
            if number:
                self.stderr.write(_("Dòng %(number)d: %(reason)s") % {"number": number, "reason": reason})
            else:
                self.stderr.write(reason)
        summary = _(
            "Thủ tục mới: %(created)d, cập nhật: %(updated)d, không đổi: %(unchanged)d, dòng lỗi: %(refused)d; "
            "lĩnh vực mới: %(fields)d. Đơn vị: %(unit)s."
        ) % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "refused": len(report.errors),
            "fields": report.new_fields,
            "unit": target.short_name,
        }
        self.stdout.write(self.style.SUCCESS(summary) if not report.errors else self.style.WARNING(summary))
