"""The press officer's and the editor-in-chief's day in a real browser, from their dashboards, on a phone and a
desktop: an article written and sent for review; one returned with a reason, one published, a comment approved."""

import re

import pytest

from accounts import roles
from articles.models import Article, Comment
from tests.accounts.conftest import make_staff
from tests.articles.factories import image_bytes, make_article, make_category
from tests.role_tasks import WIDTHS, add_from_index, message, panel, reader_page, sideways_scroll, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Nông dân Hòa Bình thu hoạch lúa hè thu"


def write_body(page, text, picture, alt):
    """Type into CKEditor 5, upload a picture from its toolbar and give it its text alternative."""
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type(text)
    upload = page.locator(".ck-toolbar input[type=file]")
    if not upload.count():  # on a phone the toolbar folds the rest of its buttons into a "more" menu
        page.locator(".ck-toolbar__grouped-dropdown > button").click()
    upload.first.set_input_files(str(picture))
    page.locator(".ck-editor__editable img[src*='/media/editor/']").wait_for()
    page.locator(".ck-editor__editable img").first.click()
    page.locator("button[data-cke-tooltip-text='Đổi chữ alt của ảnh']").click()
    page.locator(".ck-balloon-panel_visible input[type=text]").fill(alt)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_press_officer_writes_an_article_and_sends_it_for_review(browser, live_server, screenshot, tmp_path, width):
    roles.sync_roles()
    make_category("Kinh tế")
    picture = tmp_path / "canh-dong-lua.jpg"
    picture.write_bytes(image_bytes(size=(1000, 700), color=(200, 170, 40)))
    page = signed_in(browser, live_server, make_staff("bientap", roles.PRESS_OFFICER), width)
    assert panel(page, "Bản nháp của tôi").is_visible()
    screenshot(page, "dashboard")

    add_from_index(page, "Tin bài")
    page.get_by_label("Tiêu đề:", exact=True).fill(TITLE)
    page.get_by_label("Chuyên mục:", exact=True).select_option(label="Kinh tế")
    page.get_by_label("Sapo:", exact=True).fill("Năng suất lúa vụ hè thu đạt 58 tạ mỗi héc-ta.")
    write_body(page, "Bà con phấn khởi vì được mùa được giá.", picture, "Cánh đồng lúa chín vàng")
    screenshot(page, "form")
    # The phone rule: a press officer files from a meeting on a 360 px phone.
    assert sideways_scroll(page) == 0, f"the article form scrolls sideways at {width}px"

    page.get_by_role("button", name="Gửi duyệt").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    assert "Đã gửi bài cho Trưởng ban biên tập duyệt." in message(page)
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE))
    assert "Chờ duyệt" in row.inner_text()
    screenshot(page, "sent")
    article = Article.objects.get()
    assert article.status == Article.Status.PENDING and 'alt="Cánh đồng lúa chín vàng"' in article.body
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_editor_in_chief_returns_one_article_publishes_another_and_approves_a_comment(
    browser, live_server, screenshot, width
):
    roles.sync_roles()
    author = make_staff("bientap", roles.PRESS_OFFICER)
    category = make_category("Xã hội")
    returned = make_article("Lễ ra quân vệ sinh môi trường", category=category, status=Article.Status.PENDING)
    published = make_article("Khai giảng lớp học nghề may", category=category, status=Article.Status.PENDING)
    Article.objects.update(created_by=author)
    older = make_article("Hội thi nấu ăn ngon", category=category)
    Comment.objects.create(article=older, name="Chị Lan", body="Mong xã tổ chức thêm nhiều hội thi như thế này.")

    page = signed_in(browser, live_server, make_staff("truongban", roles.EDITOR_IN_CHIEF), width)
    screenshot(page, "dashboard")
    waiting = panel(page, "Chờ duyệt")
    assert waiting.get_by_role("link", name=returned.title).is_visible()
    assert waiting.get_by_role("link", name=published.title).is_visible()

    reason = "Cần thêm số người tham gia và ảnh buổi ra quân."
    waiting.get_by_role("link", name=returned.title).click()
    page.get_by_label("Lý do trả lại", exact=True).fill(reason)
    screenshot(page, "return")
    page.get_by_role("button", name="Trả lại").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    assert "Đã trả lại bài cho người viết kèm lý do." in message(page)

    page.goto(live_server.url + "/admin/")
    panel(page, "Chờ duyệt").get_by_role("link", name=published.title).click()
    page.get_by_role("button", name="Xuất bản").click()
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    assert "Đã xuất bản bài." in message(page)

    page.goto(live_server.url + "/admin/")
    panel(page, "Nhận xét chờ duyệt").get_by_role("link", name="Nhận xét chờ duyệt").click()
    comment_row = page.get_by_role("row").filter(has_text="Mong xã tổ chức thêm")
    comment_row.get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option(label="Duyệt các nhận xét đã chọn")
    page.locator("button[name=index]").click()
    assert "Đã duyệt 1 nhận xét." in message(page)
    screenshot(page, "comments")
    page.goto(live_server.url + "/admin/")
    assert panel(page, "Chờ duyệt").get_by_text("Không có việc nào.").is_visible()
    page.context.close()

    # The author learns it on their own first screen, with the reason.
    page = signed_in(browser, live_server, author, width)
    back = panel(page, "Bài được trả lại để sửa")
    assert back.get_by_role("link", name=returned.title).is_visible() and reason in back.inner_text()
    screenshot(page, "author-dashboard")
    page.context.close()

    # A citizen reads the published one, and the approved comment under the older one.
    reader = reader_page(browser, width)
    reader.goto(live_server.url + Article.objects.get(pk=published.pk).get_absolute_url())
    assert reader.get_by_role("heading", name=published.title, level=1).is_visible()
    screenshot(reader, "published")
    reader.goto(live_server.url + older.get_absolute_url())
    assert reader.get_by_text("Mong xã tổ chức thêm nhiều hội thi như thế này.").is_visible()
    reader.context.close()
