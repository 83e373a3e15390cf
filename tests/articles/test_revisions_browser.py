"""The editor-in-chief compares two versions of an article and restores one, at 1280 and on a 360 px phone."""

import pytest
import reversion
from reversion.models import Version

from accounts import roles
from articles.models import Article
from tests.accounts.conftest import make_staff
from tests.accounts.test_admin_screen_browser import overflow, signed_in
from tests.articles.factories import make_article, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = (
    "<p>Sáng 2/12, UBND xã tổ chức hội nghị tổng kết vụ lúa hè thu năm 2026.</p>"
    "<p>Năng suất bình quân đạt 60 tạ một héc-ta.</p>"
)
SECOND = (
    "<p>Sáng 2/12, UBND xã tổ chức hội nghị tổng kết vụ lúa hè thu năm 2026 với sự tham dự của các hợp tác xã.</p>"
    "<p>Năng suất bình quân đạt 65 tạ một héc-ta, cao nhất từ trước đến nay.</p><p>Giá lúa ổn định.</p>"
)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_editor_compares_two_versions_and_restores_one(browser, live_server, screenshot, width):
    roles.sync_roles()
    editor = make_staff("truongban", roles.EDITOR_IN_CHIEF)
    article = make_article("Tổng kết vụ lúa hè thu", category=make_category("Kinh tế"), body=FIRST, created_by=editor)
    for title, body in (("Tổng kết vụ lúa hè thu", FIRST), ("Tổng kết vụ lúa hè thu năm 2026", SECOND)):
        with reversion.create_revision():
            reversion.set_user(editor)
            article.title, article.body = title, body
            article.save()
    _client, context, page = signed_in(browser, live_server, editor, width)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/history/")
    screenshot(page, f"history-{width}")
    assert overflow(page) <= 0
    page.get_by_role("button", name="So sánh hai phiên bản đã chọn").click()
    page.wait_for_url("**/history/compare/**")
    assert page.locator("ins", has_text="65").count() == 1
    screenshot(page, f"compare-{width}")
    assert overflow(page) <= 0

    page.get_by_role("link", name="Khôi phục phiên bản lưu lúc").click()
    assert page.get_by_text("Bài đang hiện trên trang").is_visible()
    screenshot(page, f"restore-{width}")
    assert overflow(page) <= 0
    page.get_by_role("button", name="Khôi phục phiên bản này").click()
    page.wait_for_url(f"**/article/{article.pk}/change/")
    assert page.get_by_text("Đã khôi phục phiên bản lưu lúc").is_visible()
    article.refresh_from_db()
    assert (article.title, article.body, article.status) == ("Tổng kết vụ lúa hè thu", FIRST, Article.Status.PUBLISHED)
    assert Version.objects.get_for_object(article).count() == 3
    context.close()
