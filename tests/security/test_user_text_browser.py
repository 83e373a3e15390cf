"""In Chromium on a phone: readers' text neither widens the page nor reorders it; the comment form's traps."""

import pytest

from articles.models import Comment
from tests.articles.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE, DESKTOP = {"width": 360, "height": 780}, {"width": 1280, "height": 900}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_a_long_token_and_a_bidi_override_stay_inside_their_comment(phone, live_server, screenshot):
    article = make_article("Khánh thành cầu Bến Đò")
    # Stored before names were cleaned, or by an import: the page must hold up all the same.
    Comment.objects.create(article=article, name="Kẻ phá \u202eđảo ngược", body="A" * 2000, approved=True)
    Comment.objects.create(article=article, name="Lan", body="https://example.vn/" + "x" * 600, approved=True)
    phone.goto(live_server.url + article.get_absolute_url())
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # The date after the name is still drawn after it: the override did not leak out of the name.
    name = phone.locator(".comment bdi").first.bounding_box()
    date = phone.locator(".comment time").first.bounding_box()
    assert date["x"] >= name["x"] + name["width"] - 1
    screenshot(phone, "360")
    phone.set_viewport_size(DESKTOP)
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]
    screenshot(phone, "1280")


def test_a_long_search_word_does_not_widen_the_page(phone, live_server):
    phone.goto(f"{live_server.url}/tim-kiem/?q={'x' * 200}")
    assert "x" * 200 in phone.locator("main").inner_text()
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_the_stamp_drawn_beside_the_remembered_form_is_sent_with_it(phone, live_server, screenshot):
    article = make_article("Khánh thành cầu Bến Đò")
    phone.goto(live_server.url + article.get_absolute_url())
    phone.get_by_label("Họ và tên").fill("Trần Thị Lan")
    phone.locator("#id_body").fill("Cầu đẹp quá, cảm ơn huyện.")
    # Without the stamp, as a robot posts: refused with the reason, the text kept, a fresh stamp drawn.
    phone.evaluate("document.querySelector('input[name=stamp][form=comment-form]').remove()")
    phone.get_by_role("button", name="Gửi nhận xét").click()
    assert "Không xác nhận được thời điểm mở biểu mẫu" in phone.locator(".form-errors").inner_text()
    assert phone.locator("#id_body").input_value() == "Cầu đẹp quá, cảm ơn huyện."
    screenshot(phone, "refused")
    phone.wait_for_timeout(2100)  # a reader takes longer than that to write
    phone.get_by_role("button", name="Gửi nhận xét").click()
    assert "Nhận xét sẽ hiện sau khi được Ban biên tập duyệt" in phone.locator("body").inner_text()
    assert Comment.objects.get().body == "Cầu đẹp quá, cảm ơn huyện."
