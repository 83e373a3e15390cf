"""Load articles from the old portal's JSON Lines export (format: README, “Moving from the old portal”)."""

from django.core.management.base import BaseCommand, CommandError

from articles.importer import import_lines


class Command(BaseCommand):
    help = (
        "Nhập tin bài từ tệp JSON Lines của cổng cũ (mỗi dòng một bài). "
        "Định dạng: README, mục “Moving from the old portal”."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Đường dẫn tệp .jsonl")

    def handle(self, *args, file, **options):
        try:
            with open(file, "rb") as handle:
                report = import_lines(handle)
        except OSError as error:
            raise CommandError(f"Không mở được tệp {file}: {error.strerror}") from None
        for number, reason in report.errors:
            self.stderr.write(f"Dòng {number}: {reason}")
        summary = f"Đã tạo: {report.created}, cập nhật: {report.updated}, từ chối: {report.refused}."
        self.stdout.write(self.style.SUCCESS(summary) if not report.refused else self.style.WARNING(summary))
