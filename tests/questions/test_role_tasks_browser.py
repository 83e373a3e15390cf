"""The answering officer's main task in a real browser, from the admin's first screen, on a phone and a desktop:
a citizen's question given to their office is answered, and once approved the answer is on /hoi-dap/."""

import re

import pytest

from accounts import roles
from accounts.permissions import serving
from questions import services
from questions.models import Status
from tests.questions.factories import ask, editor, make_office
from tests.role_tasks import WIDTHS, message, open_list_from_index, reader_page, sideways_scroll, staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Hồ sơ xin hỗ trợ làm nhà cho hộ nghèo"
ANSWER = "Hộ gia đình nộp đơn tại Bộ phận một cửa của xã, kèm giấy xác nhận hộ nghèo."


@pytest.mark.parametrize("width", WIDTHS)
def test_the_answering_officer_answers_a_citizens_question(browser, live_server, screenshot, unit, width):
    chief = editor()
    question = ask(TITLE, body="Nhà tôi thuộc hộ nghèo, muốn xin hỗ trợ làm nhà thì cần giấy tờ gì?")
    with serving(unit):
        services.assign_question(question=question, office=make_office("Phòng Văn hóa - Xã hội"), by=chief)
    page = staff_page(browser, live_server, "traloi", roles.ANSWERER, width)
    screenshot(page, "dashboard")

    open_list_from_index(page, "Hỏi đáp")
    page.get_by_role("row").filter(has_text=TITLE).get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/admin/questions/question/\d+/change/$"))
    page.get_by_label("Nội dung trả lời:", exact=True).fill(ANSWER)
    page.get_by_label("Bước xử lý:", exact=True).select_option(label="Gửi trả lời để Trưởng ban biên tập duyệt")
    screenshot(page, "form")
    if width == 1280:
        assert sideways_scroll(page) == 0
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/questions/question/$"))
    assert "Đã lưu trả lời; câu trả lời chờ Trưởng ban biên tập duyệt." in message(page)
    screenshot(page, "answered")
    page.context.close()

    question.refresh_from_db()
    assert question.answer == ANSWER and question.status == Status.ANSWERED
    with serving(unit):
        services.publish_answer(question=question, by=chief)
    reader = reader_page(browser, width)
    reader.goto(live_server.url + "/hoi-dap/")
    reader.get_by_role("link", name=TITLE).first.click()
    assert reader.get_by_text(ANSWER).is_visible()
    assert sideways_scroll(reader) == 0
    screenshot(reader, "public")
    reader.context.close()
