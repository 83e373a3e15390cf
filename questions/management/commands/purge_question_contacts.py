"""Erase the askers' phone numbers and e-mails once their questions are closed; run daily (cron, systemd timer)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from questions import services


class Command(BaseCommand):
    help = "Xóa điện thoại, email của người hỏi sau QUESTION_CONTACT_DAYS ngày kể từ khi câu hỏi được trả lời."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help=f"Số ngày giữ liên hệ (mặc định {settings.QUESTION_CONTACT_DAYS})."
        )

    def handle(self, *args, days=None, **options):
        count = services.purge_contacts(days=days)
        self.stdout.write(f"Đã xóa liên hệ của {count} câu hỏi.")
