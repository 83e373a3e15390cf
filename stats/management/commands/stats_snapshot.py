"""Print the counter's figures (or one article's views) as JSON, freshly computed.

Without Redis the database's figures are printed, and the command fails (exit status 1) saying so.
"""

import json

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from stats import services
from stats.management.buffered import flush_buffer


class Command(BaseCommand):
    help = "In số liệu của ô Thống kê truy cập dưới dạng JSON; với --article SLUG, số lượt xem của tin bài."

    def add_arguments(self, parser):
        parser.add_argument("--article", metavar="SLUG", help="Đường dẫn (slug) của tin bài.")

    def handle(self, *args, **options):
        failure = flush_buffer()
        if options["article"]:
            Article = apps.get_model("articles", "Article")
            views = Article.objects.filter(slug=options["article"]).values_list("view_count", flat=True).first()
            if views is None:
                raise CommandError(f"Không có tin bài với đường dẫn “{options['article']}”.")
            result = {"views": views}
        else:
            result = services.compute_figures()
        self.stdout.write(json.dumps(result))
        if failure:  # the figures printed are the database's, without what Redis holds
            raise CommandError(failure)
