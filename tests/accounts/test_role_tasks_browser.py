"""The administrator's main tasks in a real browser, from the dashboard, on a phone and a desktop: an account
created with its role in the unit (which can then sign in), a locked-out account unlocked, the compliance check."""

import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model

from accounts import roles
from tests.accounts.conftest import make_staff
from tests.role_tasks import WIDTHS, add_from_index, message, panel, reader_page, sideways_scroll, staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Hoa-Binh-bien-tap-2026"
OWN_PASSWORD = "Lua-chin-vang-dong-2026"
LOCKED = "Tài khoản đang bị khóa đăng nhập"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_administrator_creates_an_account_unlocks_another_and_sees_the_compliance_check(
    browser, live_server, screenshot, width
):
    roles.sync_roles()
    make_staff("tranthilan", roles.SECRETARY)
    AccessAttempt.objects.create(
        username="tranthilan",
        ip_address="203.0.113.9",
        user_agent="Firefox",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )
    page = staff_page(browser, live_server, "quantri", roles.ADMINISTRATOR, width)
    assert panel(page, LOCKED).get_by_role("link", name="tranthilan").is_visible()
    screenshot(page, "dashboard")

    add_from_index(page, "Người sử dụng")
    page.get_by_label("Tên đăng nhập:", exact=True).fill("nguyenvanbinh")
    page.get_by_label("Họ:", exact=True).fill("Nguyễn Văn")
    page.get_by_label("Tên:", exact=True).fill("Bình")
    page.get_by_label("Vai trò:", exact=True).select_option(label="Biên tập viên")
    page.get_by_label("Mật khẩu:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Xác nhận mật khẩu:", exact=True).fill(NEW_PASSWORD)
    screenshot(page, "new-account")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/auth/user/(\d+/change/)?$"))
    assert "nguyenvanbinh" in message(page)
    screenshot(page, "created")
    assert get_user_model().objects.get(username="nguyenvanbinh").memberships.get().role.name == "Biên tập viên"

    page.goto(live_server.url + "/admin/")
    panel(page, LOCKED).get_by_role("link", name="tranthilan").click()
    page.get_by_role("link", name="Xóa").click()
    page.get_by_role("button", name=re.compile("chắc chắn")).click()
    page.wait_for_url(re.compile(r"/admin/axes/accessattempt/$"))
    screenshot(page, "unlocked")
    page.goto(live_server.url + "/admin/")
    assert panel(page, LOCKED).get_by_text("Không có việc nào.").is_visible()
    assert not AccessAttempt.objects.filter(username="tranthilan").exists()

    page.get_by_role("link", name=re.compile("Kiểm tra tuân thủ")).click()
    assert page.locator(".compliance-summary").is_visible()
    assert sideways_scroll(page) == 0
    screenshot(page, "compliance")
    page.context.close()

    # The new account signs in with the password it was given and starts from a press officer's own work.
    newcomer = reader_page(browser, width)
    newcomer.goto(live_server.url + "/admin/login/")
    newcomer.get_by_label("Tên đăng nhập").fill("nguyenvanbinh")
    newcomer.get_by_label("Mật khẩu").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="Đăng nhập").click()
    # A password an administrator chose is replaced by one only its owner knows, before anything else.
    newcomer.wait_for_url(re.compile(r"/admin/password_change/"))
    screenshot(newcomer, "first-password")
    newcomer.get_by_label("Mật khẩu cũ").fill(NEW_PASSWORD)
    newcomer.get_by_label("Mật khẩu mới", exact=False).first.fill(OWN_PASSWORD)
    newcomer.get_by_label(re.compile("^Xác nhận mật khẩu")).fill(OWN_PASSWORD)
    newcomer.get_by_role("button", name=re.compile("mật khẩu", re.IGNORECASE)).click()
    newcomer.wait_for_url(re.compile(r"/admin/password_change/done/"))
    newcomer.goto(live_server.url + "/admin/")
    assert panel(newcomer, "Bản nháp của tôi").is_visible()
    screenshot(newcomer, "newcomer")
    newcomer.context.close()
