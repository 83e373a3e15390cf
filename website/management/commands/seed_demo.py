"""Load the demo content of the fictional district of Sông Lam. Running it twice changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import seed_demo_accounts, two_factor_note
from accounts.roles import sync_roles
from articles.demo import seed_articles
from articles.models import Category
from meetings.demo import seed_meetings
from stats.demo import seed_stats
from website.demo import seed_menu, seed_pages, seed_site_settings, seed_unit


class Command(BaseCommand):
    help = "Nạp nội dung mẫu (huyện Sông Lam) và tài khoản mẫu cho mỗi vai trò. Chạy lại không thay đổi gì."

    def handle(self, *args, **options):
        with transaction.atomic():
            sync_roles()  # the groups exist after migrate; this also restores them after a flush
            unit = seed_unit()
            accounts = seed_demo_accounts()
            seed_articles()
            seed_meetings()
            seed_site_settings(unit)
            seed_pages()
            seed_menu(Category.objects.in_menu())
            seed_stats()
        self.stdout.write(self.style.SUCCESS("Nội dung mẫu đã sẵn sàng. Tài khoản mẫu (đăng nhập tại /admin/):"))
        for account in accounts:
            self.stdout.write(f"  {account.role.group_name:<22} {account.username:<10} {account.password}")
        self.stdout.write(two_factor_note())
