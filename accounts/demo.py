"""Demo accounts, one per role, for `make run` and the tests that log in as them."""

from dataclasses import dataclass, replace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles, twofactor


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
)


def seed_demo_accounts(*, suffix=""):
    """Create (or leave as they are) the demo accounts; returns them for printing.

    ``suffix`` makes a second set, one per unit (``bientap.hoabinh``), with the same passwords.
    """
    User = get_user_model()
    accounts = [replace(a, username=f"{a.username}.{suffix}") for a in DEMO_ACCOUNTS] if suffix else DEMO_ACCOUNTS
    for account in accounts:
        family_name, _, given_name = account.full_name.rpartition(" ")
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": given_name,
                "last_name": family_name,
                "is_staff": True,
                "email": f"{account.username}@example.gov.vn",
            },
        )
        if created:
            user.set_password(account.password)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=account.role.group_name))
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
