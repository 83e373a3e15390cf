"""Cron job: flush what Redis buffered, then prune raw hashed rows and salts older than yesterday.

One run serves every unit: the retention is the same for all, and each unit's daily figures stay.

Without Redis the pruning still runs; the job then fails (exit status 1) with a line saying so.
"""

from django.core.management.base import BaseCommand, CommandError

from stats import services
from stats.management.buffered import flush_buffer


class Command(BaseCommand):
    help = (
        "Xóa các dòng thô (mã băm khách truy cập) cũ hơn STATS_RETENTION_DAYS ngày và các khóa băm đã hết hạn. "
        "Số liệu theo ngày đã được cộng dồn khi ghi nhận nên không thay đổi. Chạy mỗi ngày bằng cron."
    )

    def handle(self, *args, **options):
        failure = flush_buffer()
        result = services.prune()
        self.stdout.write(
            "Đã xóa {visitors} dòng lượt truy cập, {article_views} dòng lượt xem, {salts} khóa băm.".format(**result)
        )
        if failure:
            raise CommandError(failure)
