"""A secretary records a meeting in the admin; a citizen reads it on the site, in the same order."""

import re

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from meetings.models import Meeting
from tests.meetings.factories import make_official
from tests.units import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "MatKhau@SongLam2026"
AGENDA = [  # (order typed in the form, number, title), entered out of order on purpose
    ("3", "3", "Kế hoạch sản xuất vụ đông"),
    ("1", "1", "Tình hình kinh tế - xã hội tháng 11"),
    ("4", "4", "Chuẩn bị kỳ họp HĐND cuối năm"),
    ("2", "2", "Tiến độ giải ngân vốn đầu tư công"),
]


def choose_official(page, row, name):
    """Pick an official in the admin's autocomplete (select2) of an attendee row."""
    page.locator(f"#attendees-{row} .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(name.split()[-1])
    page.locator(".select2-results__option", has_text=name).click()


def test_secretary_records_a_meeting_and_a_citizen_reads_it(browser, live_server, screenshot):
    roles.sync_roles()
    secretary = get_user_model().objects.create_user("thuky", password=PASSWORD, is_staff=True)
    give_role(secretary, roles.SECRETARY)
    make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện", office="UBND huyện")
    make_official("Trần Thị Mai", position="Phó Chủ tịch UBND huyện", office="UBND huyện")

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Tên đăng nhập").fill("thuky")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + "/admin/meetings/meeting/add/")
    page.locator("#id_title").fill("Phiên họp thường kỳ tháng 11")
    page.locator("#id_starts_at_0").fill("27/11/2026")
    page.locator("#id_starts_at_1").fill("08:00")
    page.locator("#id_ends_at_0").fill("27/11/2026")
    page.locator("#id_ends_at_1").fill("11:30")
    page.locator("#id_location").fill("Phòng họp số 1")

    choose_official(page, 0, "Nguyễn Văn Hòa")
    page.locator("#id_attendees-0-role").select_option("chair")
    choose_official(page, 1, "Trần Thị Mai")
    page.locator("#id_attendees-2-name").fill("Ông Lê Khách Mời")
    page.locator("#id_attendees-2-position").fill("Giám đốc Chi nhánh Ngân hàng Chính sách")
    page.locator("#id_attendees-2-role").select_option("invited")

    add_item = page.locator("#agenda_items-group .add-row a")
    for index, (order, number, title) in enumerate(AGENDA):
        if index:
            add_item.click()
        page.locator(f"#id_agenda_items-{index}-order").fill(order)
        page.locator(f"#id_agenda_items-{index}-number").fill(number)
        page.locator(f"#id_agenda_items-{index}-title").fill(title)
    screenshot(page, "secretary-form")
    page.locator("input[name=_continue]").click()
    page.wait_for_url(re.compile(r"/admin/meetings/meeting/\d+/change/"))
    assert page.locator(".messagelist .success").count() == 1
    context.close()

    meeting = Meeting.objects.get()
    assert meeting.attendees.count() == 3 and meeting.agenda_items.count() == 4

    citizen = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
    page = citizen.new_page()
    page.goto(live_server.url + "/lich-hop/")
    page.get_by_role("link", name="Phiên họp thường kỳ tháng 11").click()
    page.wait_for_url(re.compile(r"/lich-hop/phien-hop-thuong-ky-thang-11/$"))
    expected = [title for _order, _number, title in sorted(AGENDA, key=lambda row: int(row[0]))]
    shown = [re.sub(r"^\S+\s+", "", text).strip() for text in page.locator(".agenda-item h3").all_inner_texts()]
    assert shown == expected
    assert "Nguyễn Văn Hòa, Chủ tịch UBND huyện" in page.locator(".meeting-facts").inner_text()
    attendees = page.locator("#attendees-title + h3, .attendee-list").all_inner_texts()
    assert any("Ông Lê Khách Mời" in text for text in attendees)
    screenshot(page, "citizen-meeting")
    citizen.close()
