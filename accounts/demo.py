"""Demo accounts, one per role, for `make run` and the tests that log in as them.

``seed_demo_accounts()`` gives the four accounts their roles in the primary unit, as a single-unit
demo always had; ``create_demo_account`` makes one account with a role in any unit, for a demo that
builds a province and its communes.
"""

from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model

from accounts import roles, twofactor
from accounts.models import Membership
from units.models import Unit, primary_unit_id


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    full_name: str
    role: roles.Role


DEMO_ACCOUNTS = (
    DemoAccount("quantri", "QuanTri@SongLam2026", "Lê Minh Quân", roles.ADMINISTRATOR),
    DemoAccount("truongban", "TruongBan@SongLam2026", "Phạm Thu Hằng", roles.EDITOR_IN_CHIEF),
    DemoAccount("bientap", "BienTap@SongLam2026", "Nguyễn Văn Bình", roles.PRESS_OFFICER),
    DemoAccount("thuky", "ThuKy@SongLam2026", "Trần Thị Mai", roles.SECRETARY),
    DemoAccount("vanthu", "VanThu@SongLam2026", "Đỗ Thị Lan", roles.CLERK),
    DemoAccount("traloi", "TraLoi@SongLam2026", "Vũ Đức Minh", roles.ANSWERER),
)


def create_demo_account(*, username, password, full_name, role, unit):
    """Create the account (or leave it as it is) and give it ``role`` in ``unit``; returns the user."""
    family_name, _, given_name = full_name.rpartition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": given_name,
            "last_name": family_name,
            "is_staff": True,
            "email": f"{username}@example.gov.vn",
        },
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    Membership.objects.grant(user=user, unit=unit, role=role)
    return user


def seed_demo_accounts(unit=None, *, suffix=""):
    """Create (or leave as they are) the demo accounts with their roles in ``unit``; returns them for printing.

    ``unit`` is the primary unit when none is named; ``suffix`` makes a second set for another unit
    (``bientap.hoabinh``), with the same passwords.
    """
    unit = unit or Unit.objects.get(pk=primary_unit_id())
    accounts = [replace(a, username=f"{a.username}.{suffix}") for a in DEMO_ACCOUNTS] if suffix else DEMO_ACCOUNTS
    for account in accounts:
        create_demo_account(
            username=account.username,
            password=account.password,
            full_name=account.full_name,
            role=account.role,
            unit=unit,
        )
    return accounts


def two_factor_note():
    """What `seed_demo` prints after the accounts: who must enrol a second factor, and how."""
    User = get_user_model()
    usernames = [a.username for a in DEMO_ACCOUNTS if twofactor.required_for(User.objects.get(username=a.username))]
    return (
        f"Xác thực hai bước bắt buộc với: {', '.join(usernames)} (thêm vai trò bằng OTP_REQUIRED_ROLES).\n"
        "Lần đăng nhập đầu, trang “Đăng ký xác thực hai bước” hiện một mã QR: quét bằng ứng dụng xác thực\n"
        "(Google Authenticator, Microsoft Authenticator, FreeOTP…), nhập mã 6 chữ số ứng dụng hiện ra, rồi cất\n"
        "10 mã dự phòng (chỉ hiện một lần). Từ đó mỗi lần đăng nhập sẽ hỏi thêm mã trong ứng dụng."
    )
