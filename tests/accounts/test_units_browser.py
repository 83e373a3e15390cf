"""The province's administrator sees the units and the accounts of its communes, on a phone and a desk."""

import re

import pytest

from accounts import roles
from tests.accounts.conftest import PASSWORD, make_staff
from tests.accounts.units_fixtures import make_province
from tests.conftest import second_factor_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_province_administrator_s_screens(browser, live_server, screenshot, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", ".localhost", "127.0.0.1"]
    roles.sync_roles()
    province, own, sibling = make_province()
    # Chromium sends *.localhost to the loopback address: the province is reached by its own host.
    province.host = "tinh.localhost"
    province.save(update_fields=["host"])
    boss = make_staff("quantri-tinh", roles.ADMINISTRATOR, province)
    make_staff("bientap", roles.PRESS_OFFICER, own)
    make_staff("quantri-hoaloc", roles.ADMINISTRATOR, sibling)
    base = live_server.url.replace("localhost", "tinh.localhost").replace("127.0.0.1", "tinh.localhost")
    code = second_factor_code(boss)  # the device exists before the log-in, so the code is asked for
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill("quantri-tinh")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.locator("input[name=code]").fill(code)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(base + "/admin/units/unit/")
        assert "Hòa Lộc" in page.content() and "quantri-hoaloc" in page.content()
        screenshot(page, f"units-{width}")
        page.goto(base + "/admin/auth/user/")
        screenshot(page, f"users-{width}")
        page.goto(base + f"/admin/auth/user/{boss.pk}/change/")
        screenshot(page, f"user-form-{width}")
        page.goto(base + "/admin/auth/user/add/")
        screenshot(page, f"user-add-{width}")
    context.close()
