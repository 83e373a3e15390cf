"""Load the demo content of the fictional district of Sông Lam. Running it twice changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import seed_demo_accounts
from core.demo import seed_site_settings


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (huyện Sông Lam) và tài khoản mẫu cho mỗi vai trò. Chạy lại không thay đổi gì."

    def handle(self, *args, **options):
        with transaction.atomic():
            seed_site_settings()
            accounts = seed_demo_accounts()
        self.stdout.write(self.style.SUCCESS("Nội dung mẫu đã sẵn sàng. Tài khoản mẫu (đăng nhập tại /admin/):"))
        for account in accounts:
            self.stdout.write(f"  {account.role.group_name:<22} {account.username:<10} {account.password}")
