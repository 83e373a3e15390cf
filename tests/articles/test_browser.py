"""From a press officer's draft to a citizen's screen, in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from articles.models import Article, Category
from tests.articles.factories import image_bytes
from tests.units import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "MatKhau@SongLam2026"


def make_user(username, role):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    give_role(user, role)
    return user


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_press_officer_writes_editor_publishes_citizen_finds(browser, live_server, screenshot, tmp_path):
    roles.sync_roles()
    make_user("bientap", roles.PRESS_OFFICER)
    make_user("truongban", roles.EDITOR_IN_CHIEF)
    Category.objects.create(name="Kinh tế")
    picture = tmp_path / "canh-dong-lua.jpg"
    picture.write_bytes(image_bytes(size=(1000, 700), color=(200, 170, 40)))

    # 1. The press officer writes the article, with an image uploaded from CKEditor, and submits it.
    officer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = officer.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, "bientap")
    page.goto(live_server.url + "/admin/articles/article/add/")
    page.locator("#id_title").fill("Nông dân Sông Lam thu hoạch lúa hè thu")
    page.locator("#id_category").select_option(label="Kinh tế")
    page.locator("#id_lead").fill("Năng suất lúa vụ hè thu đạt 58 tạ mỗi héc-ta.")
    editable = page.locator(".ck-editor__editable").first
    editable.click()
    page.keyboard.type("Bà con phấn khởi vì được mùa được giá.")
    page.locator(".ck-toolbar input[type=file]").first.set_input_files(str(picture))
    page.locator(".ck-editor__editable img[src*='/media/editor/']").wait_for()
    # Submitting with the image undescribed is refused, and the message names the image.
    page.locator("button[name=_action][value=submit]").click()
    page.locator(".errorlist.nonfield", has_text="ảnh thứ 1").wait_for()
    assert not Article.objects.exists()
    # The editor asks for the text alternative from the image's own toolbar.
    page.locator(".ck-editor__editable img").first.click()
    page.locator("button[data-cke-tooltip-text='Đổi chữ alt của ảnh']").click()
    page.locator(".ck-balloon-panel_visible input[type=text]").fill("Cánh đồng lúa chín vàng")
    page.keyboard.press("Enter")
    screenshot(page, "press-officer-form")
    page.locator("button[name=_action][value=submit]").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    article = Article.objects.get()
    assert article.status == Article.Status.PENDING
    assert "/media/editor/" in article.body and "phấn khởi" in article.body
    officer.close()

    # 2. The editor-in-chief publishes it from the change list.
    chief = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = chief.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, "truongban")
    page.goto(live_server.url + "/admin/articles/article/?status__exact=pending")
    page.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    page.locator("select[name=action]").select_option("publish_selected")
    page.locator("button[name=index]").click()
    page.get_by_text("Đã xuất bản 1 bài.").wait_for()
    chief.close()

    # 3. A citizen finds it by searching without accents and reads it.
    citizen = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = citizen.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/")
    page.locator("#site-search").fill("nong dan thu hoach lua")
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem/"))
    page.get_by_role("link", name="Nông dân Sông Lam thu hoạch lúa hè thu").first.click()
    page.wait_for_url(re.compile(r"/tin-tuc/nong-dan-song-lam-thu-hoach-lua-he-thu/"))
    assert page.locator("h1.article-title").inner_text() == "Nông dân Sông Lam thu hoạch lúa hè thu"
    assert page.locator("[data-article-views]").count() == 1
    image = page.locator(".article-body img").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    screenshot(page, "citizen-article")
    citizen.close()
