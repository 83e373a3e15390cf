"""Load documents (văn bản) from an old portal's JSON Lines export (format: README, “Văn bản”)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from documents.importer import import_lines
from units.models import Unit


class Command(BaseCommand):
    help = _(
        "Nhập văn bản từ tệp JSON Lines của cổng cũ (mỗi dòng một văn bản, tệp đính kèm nằm bên cạnh) "
        "vào một đơn vị. Định dạng: README, mục “Văn bản”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Đường dẫn tệp .jsonl"))
        parser.add_argument("--unit", metavar="MÃ", required=True, help=_("Mã đơn vị nhận văn bản."))

    def handle(self, *args, file, unit, **options):
        target = Unit.objects.filter(code=unit).first()
        if target is None:
            raise CommandError(_("Không có đơn vị mã %(code)s (xem import_units).") % {"code": unit})
        try:
            with open(file, "rb") as handle:
                report = import_lines(handle, unit=target, base_dir=Path(file).resolve().parent)
        except OSError as error:
            raise CommandError(
                _("Không mở được tệp %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
            ) from None
        for number, reason in report.errors:
            self.stderr.write(_("Dòng %(number)d: %(reason)s") % {"number": number, "reason": reason})
        summary = _(
            "Văn bản mới: %(created)d, cập nhật: %(updated)d, dòng lỗi: %(refused)d; "
            "tệp lưu: %(files)d, quan hệ mới: %(relations)d. Đơn vị: %(unit)s."
        ) % {
            "created": report.created,
            "updated": report.updated,
            "refused": report.refused,
            "files": report.files,
            "relations": report.relations,
            "unit": target.short_name,
        }
        self.stdout.write(self.style.SUCCESS(summary) if not report.errors else self.style.WARNING(summary))
