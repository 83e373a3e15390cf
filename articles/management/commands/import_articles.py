"""Load articles from the old portal's JSON Lines export (format: README, “Moving from the old portal”)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.importer import import_lines
from units.models import Unit


def chosen_unit(code):
    """The unit named by ``--unit``; on an installation of one unit, that unit without naming it.

    With several units a missing ``--unit`` is an error rather than a guess: a former district's
    archive imported into the province's portal would have to be picked out again by hand.
    """
    if code:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(_("Không có đơn vị mã %(code)s (xem import_units).") % {"code": code})
        return unit
    units = list(Unit.objects.all()[:2])
    if not units:
        raise CommandError(_("Chưa có đơn vị nào: tạo đơn vị trước (import_units)."))
    if len(units) > 1:
        raise CommandError(_("Có nhiều đơn vị: chọn đơn vị nhận tin bài bằng --unit MÃ."))
    return units[0]


class Command(BaseCommand):
    help = _(
        "Nhập tin bài từ tệp JSON Lines của cổng cũ (mỗi dòng một bài) vào một đơn vị. "
        "Định dạng: README, mục “Moving from the old portal”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Đường dẫn tệp .jsonl"))
        parser.add_argument(
            "--unit", metavar="MÃ", help=_("Mã đơn vị nhận tin bài; bắt buộc khi có nhiều hơn một đơn vị.")
        )

    def handle(self, *args, file, unit=None, **options):
        target = chosen_unit(unit)
        try:
            with open(file, "rb") as handle:
                report = import_lines(handle, unit=target)
        except OSError as error:
            raise CommandError(
                _("Không mở được tệp %(file)s: %(reason)s") % {"file": file, "reason": error.strerror}
            ) from None
        for number, reason in report.errors:
            self.stderr.write(_("Dòng %(number)d: %(reason)s") % {"number": number, "reason": reason})
        summary = _("Đã tạo: %(created)d, cập nhật: %(updated)d, từ chối: %(refused)d. Đơn vị: %(unit)s.") % {
            "unit": target.short_name,
            "created": report.created,
            "updated": report.updated,
            "refused": report.refused,
        }
        self.stdout.write(self.style.SUCCESS(summary) if not report.refused else self.style.WARNING(summary))
