"""In a real browser, JavaScript off: the counter box and the one-click satisfaction answer."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from stats.demo import seed_stats
from stats.models import Feedback
from tests.articles.factories import make_article
from tests.conftest import second_factor_code
from tests.stats.conftest import BROWSER_UA
from units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plain_page(browser, live_server, settings):
    """A page as a citizen's browser opens it: no JavaScript, an ordinary user agent."""
    settings.ROOT_URLCONF = "tests.stats.urls_preview"
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", java_script_enabled=False, user_agent=BROWSER_UA
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_citizen_sees_the_counter_and_answers_without_javascript(plain_page, live_server, screenshot, unit):
    seed_stats(unit)
    article = make_article("Lịch tiếp công dân tháng 12")
    plain_page.goto(f"{live_server.url}/thu-thong-ke/{article.pk}/")
    box = plain_page.locator(".stats-box")
    assert box.get_by_role("heading").inner_text().lower() == "thống kê truy cập"
    total = box.locator('[data-stat="total"]').inner_text()
    assert "." in total  # Vietnamese grouping: 1.270.000
    screenshot(plain_page, "page")
    plain_page.get_by_label("Góp ý thêm (không bắt buộc)").fill("Xin đăng thêm số điện thoại đường dây nóng.")
    plain_page.wait_for_timeout(2100)  # a person reads first: answers within 2 s are refused (core/antispam.py)
    plain_page.get_by_role("button", name="Có", exact=True).click()
    assert "Cảm ơn bạn đã đánh giá" in plain_page.locator("body").inner_text()
    screenshot(plain_page, "rated")
    feedback = Feedback.objects.get()
    assert feedback.useful and not feedback.approved
    # The redirect lands on the article page itself; the answer is asked again from the test page.
    plain_page.goto(f"{live_server.url}/thu-thong-ke/{article.pk}/")
    plain_page.wait_for_timeout(2100)
    plain_page.get_by_role("button", name="Không", exact=True).click()
    assert "đã đánh giá trang này hôm nay" in plain_page.locator("body").inner_text()
    assert Feedback.objects.count() == 1


def test_the_admin_statistics_page(page, live_server, screenshot, unit):
    seed_stats(unit)
    superuser = get_user_model().objects.create_superuser("quantri-thu", password="mat-khau-dai-12345")
    code = second_factor_code(superuser)  # superusers log in with two factors
    page.goto(live_server.url + "/admin/login/?next=/admin/stats/dailystats/")
    page.get_by_label("Tên đăng nhập").fill("quantri-thu")
    page.get_by_label("Mật khẩu").fill("mat-khau-dai-12345")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Mã xác thực").fill(code)
    page.get_by_role("button", name="Xác nhận").click()
    assert page.locator("figure.stats-chart").count() == 2
    assert page.locator("figure.stats-chart rect").count() == 30 + 365
    assert screenshot(page, "admin-dashboard").exists()


@pytest.fixture
def reader_page(browser, live_server):
    """A citizen's browser with JavaScript on (a headless browser's own agent would be taken for a robot)."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN", user_agent=BROWSER_UA)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_opening_an_article_counts_one_view_and_shows_it(reader_page, live_server, screenshot):
    article = make_article("Lịch tiếp công dân tháng 12")
    reader_page.goto(live_server.url + article.get_absolute_url())
    # The beacon's answer replaces the figure the page was drawn with.
    # (Playwright's own waiting: the page's policy forbids evaluating a string as a script.)
    expect(reader_page.locator("[data-article-views]")).to_have_text("1")
    screenshot(reader_page, "counted")
    article.refresh_from_db()
    assert article.view_count == 1
    reader_page.reload()
    reader_page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.view_count == 1  # a reload within 30 minutes counts nothing


def test_without_javascript_the_noscript_image_counts(plain_page, live_server):
    article = make_article("Thông báo lịch cắt điện")
    plain_page.goto(live_server.url + article.get_absolute_url())
    plain_page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.view_count == 1


def test_the_province_statistics_page_fits_a_phone(browser, live_server, screenshot, unit):
    """The table of the province's units scrolls inside its box; the page itself does not scroll sideways."""
    unit.level, unit.name, unit.short_name = "tinh", "Ủy ban nhân dân tỉnh Sông Lam", "Tỉnh Sông Lam"
    unit.save()
    commune = Unit.objects.create(
        code="16279", name="Ủy ban nhân dân xã Hòa Bình", short_name="Xã Hòa Bình", parent=unit, host="hoabinh.test"
    )
    for each in (unit, commune):
        seed_stats(each)
    superuser = get_user_model().objects.create_superuser("quantri-tinh", password="mat-khau-dai-12345")
    code = second_factor_code(superuser)
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/?next=/admin/stats/dailystats/")
    page.get_by_label("Tên đăng nhập").fill("quantri-tinh")
    page.get_by_label("Mật khẩu").fill("mat-khau-dai-12345")
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_label("Mã xác thực").fill(code)
    page.get_by_role("button", name="Xác nhận").click()
    table = page.locator("[data-stats-units]")
    expect(table).to_contain_text("Xã Hòa Bình")
    table.scroll_into_view_if_needed()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    assert screenshot(page, "province-dashboard-360").exists()
    context.close()
