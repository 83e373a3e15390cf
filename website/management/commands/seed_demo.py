"""Load the demo province of Sông Lam: its units, their content and accounts. Running it twice changes nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.demo import seed_demo_accounts, two_factor_note
from accounts.roles import sync_roles
from articles import demo as articles_demo
from consultations.demo import seed_consultation
from core.text import slugify_vi
from documents.demo import seed_disclosed_documents, seed_documents
from meetings import demo as meetings_demo
from meetings.models import Official
from procedures.demo import seed_procedures
from questions.demo import seed_questions
from stats.demo import seed_stats
from unitprofile.demo import seed_profile
from units import hosts
from website import demo
from website.demo import COMMUNES, FORMER_DISTRICT, PROVINCE, PROVINCE_ALIASES


def _user(username):
    return get_user_model().objects.get(username=username)


# Ten officials for each open unit: chair, two vice-chairs, office, finance, farming, schools, front, deputy, clerk.
ROSTERS = {
    PROVINCE.key: meetings_demo.roster(
        (
            "Nguyễn Hữu Phong",
            "Lê Thị Bích Ngọc",
            "Trần Quốc Việt",
            "Hoàng Minh Đức",
            "Phạm Văn Tài",
            "Đinh Thị Thu Trang",
            "Võ Đăng Khoa",
            "Bùi Thị Kim Oanh",
            "Cao Văn Sơn",
            "Đỗ Thị Ngân",
        ),
        level="tỉnh",
        place="Sông Lam",
        offices=meetings_demo.PROVINCE_OFFICES,
    ),
    "hoabinh": meetings_demo.roster(
        (
            "Lê Văn Thắng",
            "Nguyễn Thị Hoa",
            "Trần Văn Hùng",
            "Trịnh Văn Nam",
            "Phan Thị Lý",
            "Hồ Văn Tiến",
            "Ngô Thị Hằng",
            "Đặng Văn Bảy",
            "Lê Thị Thơm",
            "Nguyễn Văn Quý",
        ),
        level="xã",
        place="Hòa Bình",
        offices=meetings_demo.COMMUNE_OFFICES,
    ),
    "thanhxuan": meetings_demo.roster(
        (
            "Phạm Quang Trung",
            "Hồ Thị Thu",
            "Vũ Văn Long",
            "Lương Văn Đạt",
            "Trần Thị Nga",
            "Nguyễn Văn Cường",
            "Lê Thị Hiền",
            "Phan Văn Tư",
            "Bùi Thị Duyên",
            "Đoàn Văn Lực",
        ),
        level="xã",
        place="Thanh Xuân",
        offices=meetings_demo.COMMUNE_OFFICES,
    ),
    "cualam": meetings_demo.roster(
        (
            "Trần Đức Minh",
            "Nguyễn Thị Thanh",
            "Lê Hoàng Nam",
            "Phan Đình Khôi",
            "Võ Thị Mỹ",
            "Hà Văn Kiên",
            "Đặng Thị Hương",
            "Nguyễn Văn Hiếu",
            "Trương Thị Lan",
            "Mai Văn Phúc",
        ),
        level="phường",
        place="Cửa Lam",
        offices=meetings_demo.COMMUNE_OFFICES,
    ),
}


class Command(BaseCommand):
    help = _(
        "Nạp nội dung mẫu (tỉnh Sông Lam, các xã, phường và lưu trữ huyện cũ) và tài khoản mẫu cho mỗi "
        "vai trò của mỗi đơn vị. Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help=_("Cổng in trong địa chỉ của mỗi đơn vị."))

    def handle(self, *args, port, **options):
        with transaction.atomic():
            sync_roles()  # the groups exist after migrate; this also restores them after a flush
            units = demo.seed_units()
            printed = []
            for spec in (PROVINCE, *COMMUNES):
                unit = units[spec.key]
                suffix = "" if spec is PROVINCE else spec.key
                accounts = seed_demo_accounts(unit, suffix=suffix)
                printed.append((unit, accounts))
                writer, chief = (_user(f"{name}.{suffix}" if suffix else name) for name in ("bientap", "truongban"))
                if spec is PROVINCE:
                    news = articles_demo.PROVINCE_NEWS
                    announcements, unpublished = (
                        articles_demo.PROVINCE_ANNOUNCEMENTS,
                        articles_demo.PROVINCE_UNPUBLISHED,
                    )
                else:
                    news = articles_demo.COMMUNE_NEWS[spec.key]
                    announcements = articles_demo.COMMUNE_ANNOUNCEMENTS[spec.key]
                    unpublished = articles_demo.COMMUNE_UNPUBLISHED[spec.key]
                articles_demo.seed_articles(
                    unit, news=news, announcements=announcements, unpublished=unpublished, writer=writer, chief=chief
                )
                meetings_demo.seed_meetings(unit, ROSTERS[spec.key], article=slugify_vi(news[0][0]))
                seed_disclosed_documents(unit)
                demo.seed_site_settings(unit, spec)
                demo.seed_pages(unit, spec)
                demo.seed_menu(unit)
                seed_procedures(unit, province=spec is PROVINCE)
                seed_profile(unit)
                seed_stats(unit)
                place = unit.short_name[0].lower() + unit.short_name[1:]
                chair = Official.objects.of(unit).order_by("order", "pk").first()
                seed_documents(unit, symbol="UBND", place=place, chair=chair.name if chair else "")
                seed_consultation(unit, symbol="UBND", place=place)
                seed_questions(unit, chief=chief, place=place)
            archive = units[FORMER_DISTRICT.key]
            articles_demo.seed_archive(archive)
            demo.seed_site_settings(archive, FORMER_DISTRICT)
            demo.seed_pages(archive, FORMER_DISTRICT)
            demo.seed_menu(archive)
            seed_stats(archive)
            communes = [(spec.key, units[spec.key]) for spec in COMMUNES]
            articles_demo.seed_offers(communes=communes, province_chief=_user("truongban"))
        hosts.forget()
        self.stdout.write(self.style.SUCCESS(_("Nội dung mẫu đã sẵn sàng. Địa chỉ của mỗi đơn vị:")))
        for spec in (PROVINCE, *COMMUNES, FORMER_DISTRICT):
            unit = units[spec.key]
            note = _(" (lưu trữ, chỉ đọc)") if unit.archived else ""
            self.stdout.write(f"  {unit.short_name:<22} http://{unit.host}:{port}/{note}")
        self.stdout.write(
            _("  (tỉnh cũng tại %(hosts)s)") % {"hosts": ", ".join(f"http://{h}:{port}/" for h in PROVINCE_ALIASES)}
        )
        self.stdout.write(self.style.SUCCESS(_("Tài khoản mẫu (đăng nhập tại /admin/ của đơn vị):")))
        for unit, accounts in printed:
            for account in accounts:
                self.stdout.write(
                    f"  {account.role.group_name:<22} {account.username:<22} {account.password:<24} {unit.short_name}"
                )
        self.stdout.write(two_factor_note())
