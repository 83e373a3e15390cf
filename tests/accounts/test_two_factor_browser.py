"""Two-factor sign-in in a real browser, on a phone and a desktop: enrol, keep the codes, log in with a code."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from tests.accounts.conftest import PASSWORD, make_staff
from tests.accounts.test_two_factor import code_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()


def fits_the_screen(page):
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [360, 1280])
def test_an_administrator_enrols_and_logs_in_with_a_code(browser, live_server, screenshot, width):
    roles.sync_roles()
    make_staff("quantri", roles.ADMINISTRATOR)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    log_in(page, live_server.url)
    page.wait_for_url(re.compile(r"/admin/xac-thuc/dang-ky/"))
    assert page.get_by_role("heading", name="Đăng ký xác thực hai bước").is_visible()
    qr = page.locator("img.two-factor-qr")
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    assert fits_the_screen(page)
    screenshot(page, f"enrol-{width}")

    app = TOTPDevice.objects.get()
    page.get_by_label("Mã xác thực").fill(code_of(app))
    page.get_by_role("button", name="Xác nhận và kích hoạt").click()
    assert page.locator(".two-factor-codes li").count() == 10
    assert fits_the_screen(page)
    screenshot(page, f"recovery-codes-{width}")
    page.get_by_role("link", name="Tôi đã cất các mã, tiếp tục").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.locator("#logout-form button").click()
    log_in(page, live_server.url)
    page.wait_for_url(re.compile(r"/admin/xac-thuc/\?next="))
    assert page.get_by_role("heading", name="Xác thực hai bước").is_visible()
    assert fits_the_screen(page)
    screenshot(page, f"code-entry-{width}")
    page.get_by_label("Mã xác thực").fill(code_of(app))
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    assert not violations, violations
    context.close()
