"""The portal opens in a real browser: home page and the admin log-in."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_shows_the_unit_name(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("link", name="Đăng nhập").is_visible()
    assert screenshot(page, "home").exists()


def test_admin_log_in_page_is_in_vietnamese(page, live_server, screenshot):
    page.goto(live_server.url + "/admin/login/")
    assert page.get_by_label("Tên đăng nhập").is_visible()
    assert page.get_by_label("Mật khẩu").is_visible()
    assert screenshot(page, "admin-login").exists()
