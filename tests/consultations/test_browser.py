"""A citizen comments on an open consultation; after it closes, the report shows (in a real browser)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Consultation, ConsultationComment, ReportEntry
from tests.consultations.factories import make_consultation, make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def shoot(browser, url, name, screenshot):
    """The page at each width: no sideways scroll on a phone; a screenshot of each."""
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.goto(url)
        assert no_sideways_scroll(page), f"{name} scrolls sideways at {width} px"
        screenshot(page, f"{name}-{width}")
        context.close()


def test_a_citizen_comments_and_later_reads_the_report(browser, live_server, screenshot):
    consultation = make_consultation(
        "Lấy ý kiến dự thảo Quy chế quản lý chợ trung tâm xã Hòa Bình năm 2027",
        drafts=[make_draft(number="Dự thảo lần 2")],
        sections="Điều 1. Phạm vi điều chỉnh\nĐiều 3. Giờ họp chợ\nĐiều 7. Phí vệ sinh",
        moderated=True,
    )
    make_consultation("Lấy ý kiến kế hoạch nạo vét kênh mương", state="upcoming")
    make_consultation("Lấy ý kiến quy hoạch bãi đỗ xe", state="closed")
    detail = live_server.url + consultation.get_absolute_url()

    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/lay-y-kien/")
    assert "còn 55 ngày" in page.locator(".consultation-row").first.inner_text()
    page.get_by_role("link", name=consultation.title).click()
    page.wait_for_url(re.compile(r"/lay-y-kien/[\w-]+/$"))
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    page.get_by_label("Cơ quan, tổ chức (không bắt buộc)").fill("Hội Phụ nữ xã")
    page.get_by_label("Điện thoại hoặc email (không bắt buộc, không hiện công khai)").fill("0987 654 321")
    page.get_by_label("Góp ý vào điều, khoản, mục (không bắt buộc)").select_option("Điều 3. Giờ họp chợ")
    page.get_by_label("Nội dung góp ý").fill("Đề nghị cho họp chợ từ 5 giờ sáng để bà con kịp đi làm đồng.")
    assert no_sideways_scroll(page)
    screenshot(page, "form-360")
    page.wait_for_timeout(2100)  # a person takes a moment: the form's time stamp refuses instant posts
    page.get_by_role("button", name="Gửi góp ý").click()
    page.get_by_text("Ý kiến sẽ hiện sau khi được duyệt").wait_for()
    context.close()

    comment = ConsultationComment.objects.get()
    assert comment.section == "Điều 3. Giờ họp chợ" and comment.contact == "0987 654 321"
    shoot(browser, live_server.url + "/lay-y-kien/", "list", screenshot)
    shoot(browser, detail, "detail", screenshot)

    # It closes (the times move in the database); the unit approves the comment and publishes its report.
    now = timezone.now()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=now - timedelta(days=70), closes_at=now - timedelta(days=1), report_published_at=now
    )
    comment.state = ConsultationComment.State.PUBLISHED
    comment.save()
    entry = ReportEntry.objects.create(
        consultation=consultation,
        summary="Đề nghị họp chợ sớm hơn.",
        decision=ReportEntry.Decision.PARTLY,
        reason="Chợ mở từ 5 giờ 30 vào mùa hè; mùa đông giữ 6 giờ.",
    )
    entry.comments.set([comment])

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(detail)
    report = page.locator("#ket-qua")
    assert "Tiếp thu một phần" in report.inner_text() and "Nguyễn Thị Lan" in report.inner_text()
    counts = dict(zip(report.locator("dt").all_inner_texts(), report.locator("dd").all_inner_texts(), strict=True))
    assert counts == {"Ý kiến nhận được": "1", "Tiếp thu": "0", "Tiếp thu một phần": "1", "Không tiếp thu": "0"}
    assert page.get_by_role("button", name="Gửi góp ý").count() == 0
    assert "0987 654 321" not in page.content()
    context.close()
    shoot(browser, detail, "report", screenshot)
