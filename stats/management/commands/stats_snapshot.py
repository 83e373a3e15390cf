"""Print a unit's counter figures (or one of its articles' views) as JSON, freshly computed.

Without Redis the database's figures are printed, and the command fails (exit status 1) saying so.
"""

import json

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from stats import services
from stats.management.buffered import flush_buffer
from units.models import Unit, primary_unit_id


class Command(BaseCommand):
    help = (
        "In số liệu của ô Thống kê truy cập của một đơn vị dưới dạng JSON; với --article SLUG, "
        "số lượt xem của tin bài."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--unit", metavar="CODE", help="Mã đơn vị (mặc định: đơn vị gốc, tức là tỉnh hoặc cổng duy nhất)."
        )
        parser.add_argument("--article", metavar="SLUG", help="Đường dẫn (slug) của tin bài của đơn vị đó.")

    def handle(self, *args, **options):
        unit = self.unit(options["unit"])
        failure = flush_buffer()
        if options["article"]:
            Article = apps.get_model("articles", "Article")
            views = (
                Article.objects.of(unit).filter(slug=options["article"]).values_list("view_count", flat=True).first()
            )
            if views is None:
                raise CommandError(f"Không có tin bài với đường dẫn “{options['article']}” ở {unit}.")
            result = {"views": views}
        else:
            result = services.compute_figures(unit)
        self.stdout.write(json.dumps(result))
        if failure:  # the figures printed are the database's, without what Redis holds
            raise CommandError(failure)

    def unit(self, code):
        found = Unit.objects.filter(code=code).first() if code else Unit.objects.filter(pk=primary_unit_id()).first()
        if found is None:
            raise CommandError(f"Không có đơn vị với mã “{code}”." if code else "Chưa có đơn vị nào.")
        return found
