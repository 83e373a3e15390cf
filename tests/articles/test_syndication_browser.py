"""From a commune's press officer to a citizen of the province, across two hosts, in a real browser."""

import re
from urllib.parse import urlsplit

import pytest

from accounts import roles
from articles.models import Article, Category, Offer
from tests.accounts.conftest import PASSWORD, make_staff
from units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def context_for(browser, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_commune_article_reaches_the_province_and_leads_back(browser, live_server, screenshot, settings):
    # Chromium resolves every *.localhost name to the loopback address, where the live server listens.
    settings.ALLOWED_HOSTS = ["localhost", ".localhost", "testserver"]
    port = urlsplit(live_server.url).port
    province = Unit.objects.create(
        code="38", name="Ủy ban nhân dân tỉnh Thanh Hóa", short_name="Tỉnh Thanh Hóa", level="tinh",
        host="thanhhoa.localhost",
    )  # fmt: skip
    commune = Unit.objects.create(
        code="16279", name="Ủy ban nhân dân xã Hòa Bình", short_name="Xã Hòa Bình", parent=province,
        host="hoabinh.thanhhoa.localhost",
    )  # fmt: skip
    Unit.objects.create(
        code="16300", name="Ủy ban nhân dân phường Hạc Thành", short_name="Phường Hạc Thành", level="phuong",
        parent=province, host="hacthanh.thanhhoa.localhost",
    )  # fmt: skip
    province_url, commune_url = f"http://{province.host}:{port}", f"http://{commune.host}:{port}"
    roles.sync_roles()
    make_staff("bientap_hoabinh", roles.PRESS_OFFICER, commune)
    make_staff("truongban_hoabinh", roles.EDITOR_IN_CHIEF, commune)
    make_staff("truongban_tinh", roles.EDITOR_IN_CHIEF, province)
    Category.objects.create(name="Kinh tế", unit=commune)
    title = "Xã Hòa Bình ra mắt hợp tác xã nông nghiệp"

    # 1. The commune's press officer writes the article on the commune's admin and submits it.
    context, page = context_for(browser)
    log_in(page, commune_url, "bientap_hoabinh")
    page.goto(commune_url + "/admin/articles/article/add/")
    page.locator("#id_title").fill(title)
    page.locator("#id_category").select_option(label="Kinh tế")
    page.locator("#id_lead").fill("Hợp tác xã có 120 thành viên, chuyên lúa chất lượng cao.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Bà con phấn khởi góp vốn thành lập hợp tác xã.")
    page.locator("button[name=_action][value=submit]").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    article = Article.objects.get()
    assert (article.unit, article.status) == (commune, Article.Status.PENDING)
    context.close()

    # 2. The commune's editor-in-chief publishes it, then offers it from the article's page.
    context, page = context_for(browser)
    log_in(page, commune_url, "truongban_hoabinh")
    page.goto(commune_url + "/admin/articles/article/?status__exact=pending")
    page.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    page.locator("select[name=action]").select_option("publish_selected")
    page.locator("button[name=index]").click()
    page.get_by_text("Đã xuất bản 1 bài.").wait_for()
    page.goto(commune_url + f"/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Đề xuất đăng lên Cổng tỉnh").click()
    page.get_by_text("Đã đề xuất 1 bài lên Cổng tỉnh.").wait_for()
    screenshot(page, "commune-offered-1280")
    context.close()

    # 3. The province's editor-in-chief finds it among the offers and accepts it.
    for width in (360, 1280):
        context, page = context_for(browser, width)
        log_in(page, province_url, "truongban_tinh")
        page.goto(province_url + "/admin/articles/offer/")
        page.get_by_role("link", name=title).wait_for()
        screenshot(page, f"province-offers-{width}")
        page.get_by_role("link", name=title).click()
        page.get_by_text("Nhận đăng lên Cổng tỉnh").wait_for()
        screenshot(page, f"province-offer-form-{width}")
        if width == 1280:
            page.get_by_label("Nhận đăng lên Cổng tỉnh").check()
            page.locator("input[name=_save]").click()
            page.wait_for_url(re.compile(r"/admin/articles/offer/$"))
            screenshot(page, f"province-offer-accepted-{width}")
        context.close()
    assert Offer.objects.get().status == Offer.Status.ACCEPTED

    # 4. A citizen on the province's portal follows it to its one page, on the commune's host.
    for width in (360, 1280):
        context, page = context_for(browser, width)
        page.goto(province_url + "/tin-tu-xa-phuong/")
        screenshot(page, f"citizen-commune-news-{width}")
        page.goto(province_url + "/")
        block = page.locator("section.commune-news")
        block.get_by_role("link", name=title).wait_for()
        page.locator("section.unit-portals").get_by_role("link", name="Phường Hạc Thành").wait_for()
        block.scroll_into_view_if_needed()
        screenshot(page, f"citizen-province-home-{width}")
        context.close()
    context, page = context_for(browser)
    page.goto(province_url + "/")
    page.locator("section.commune-news").get_by_role("link", name=title).click()
    page.wait_for_url(commune_url + article.get_absolute_url())
    assert page.locator("h1.article-title").inner_text() == title
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == commune_url + article.get_absolute_url()
    screenshot(page, "citizen-commune-article")
    context.close()
