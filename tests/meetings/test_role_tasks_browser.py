"""The secretary's main task in a real browser, from the dashboard, on a phone and a desktop: a scheduled meeting
without a programme is recorded (attendees, an agenda item and its presenter, a task, the programme attached)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from meetings.models import Meeting, MeetingDocument
from tests.documents.factories import make_document, pdf_file
from tests.meetings.factories import make_meeting, make_official
from tests.role_tasks import (
    WIDTHS,
    choose_in_autocomplete,
    choose_option_containing,
    cut_off_tables,
    message,
    panel,
    reader_page,
    sideways_scroll,
    staff_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Phiên họp thường kỳ tháng 12"
ITEM = "Kế hoạch sản xuất vụ đông xuân"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_secretary_records_a_meeting_from_the_dashboard(browser, live_server, screenshot, width):
    roles.sync_roles()
    make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND xã", office="UBND xã")
    starts_at = timezone.now().replace(hour=1, minute=0, second=0, microsecond=0) + timedelta(days=3)
    make_meeting(TITLE, starts_at=starts_at, status=Meeting.Status.SCHEDULED)
    make_document("Chương trình phiên họp thường kỳ tháng 12", files=[pdf_file("chuong-trinh.pdf")])
    page = staff_page(browser, live_server, "thuky", roles.SECRETARY, width)
    lacking = panel(page, "Cuộc họp sắp tới chưa có chương trình")
    screenshot(page, "dashboard")

    lacking.get_by_role("link", name=re.compile(TITLE)).click()
    page.wait_for_url(re.compile(r"/admin/meetings/meeting/\d+/change/"))
    choose_in_autocomplete(page, "attendees-0-official", "Hòa", "Nguyễn Văn Hòa")
    page.locator("select[name='attendees-0-role']").select_option(label="Chủ trì")
    page.locator("[name='attendees-1-name']").fill("Trần Thị Mai")
    page.locator("[name='attendees-1-position']").fill("Trưởng phòng Kinh tế")
    page.locator("[name='attendees-1-office']").fill("Phòng Kinh tế")
    page.locator("[name='agenda_items-0-number']").fill("1")
    page.locator("[name='agenda_items-0-title']").fill(ITEM)
    page.locator("[name='tasks-0-description']").fill("Rà soát diện tích gieo cấy vụ đông xuân")
    page.locator("[name='tasks-0-responsible_office']").fill("Phòng Kinh tế")
    page.locator("[name='tasks-0-deadline']").fill((starts_at + timedelta(days=14)).strftime("%d/%m/%Y"))
    page.locator("select[name='document_links-0-kind']").select_option(label="Chương trình")
    choose_in_autocomplete(page, "document_links-0-document", "Chương trình", "Chương trình phiên họp")
    screenshot(page, "form")
    page.get_by_role("button", name=re.compile("tiếp tục chỉnh sửa")).click()
    page.wait_for_url(re.compile(r"/admin/meetings/meeting/\d+/change/$"))
    assert page.locator(".messagelist .success").count() == 1, message(page)

    # The presenter is one of the attendees just saved.
    choose_option_containing(page.locator("select[name='agenda_items-0-presenter']"), "Trần Thị Mai")
    page.get_by_role("button", name=re.compile("tiếp tục chỉnh sửa")).click()
    page.wait_for_url(re.compile(r"/admin/meetings/meeting/\d+/change/$"))
    assert page.locator(".messagelist .success").count() == 1, message(page)
    screenshot(page, "saved")
    if width == 1280:  # the rule for every admin form, with every column of its tables in view
        assert sideways_scroll(page) == 0 and cut_off_tables(page) == []
    meeting = Meeting.objects.get()
    assert meeting.document_links.get().kind == MeetingDocument.Kind.PROGRAMME

    page.goto(live_server.url + "/admin/")
    assert panel(page, "Cuộc họp sắp tới chưa có chương trình").get_by_text("Không có việc nào.").is_visible()
    page.context.close()

    reader = reader_page(browser, width)
    reader.goto(live_server.url + meeting.get_absolute_url())
    item = reader.locator(".agenda-item").filter(has_text=ITEM)
    assert "Trình bày: Trần Thị Mai (Phòng Kinh tế)" in item.inner_text()
    assert reader.get_by_text("Rà soát diện tích gieo cấy vụ đông xuân").is_visible()
    assert reader.get_by_role("link", name=re.compile("chuong-trinh|Chương trình phiên họp")).first.is_visible()
    assert sideways_scroll(reader) == 0
    screenshot(reader, "public")
    reader.context.close()
