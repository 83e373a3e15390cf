"""A secretary types the attendees of a new meeting and picks one of them as a presenter, before saving."""

import re

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from meetings.models import Meeting
from tests.conftest import signed_in_browser
from tests.meetings.factories import make_official
from tests.meetings.test_browser import choose_official
from tests.units import give_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def secretarys_page(browser, live_server, width):
    roles.sync_roles()
    secretary = get_user_model().objects.create_user("thuky", password="x", is_staff=True)
    give_role(secretary, roles.SECRETARY)
    _client, context, page = signed_in_browser(browser, live_server, secretary, width)
    return context, page


def presenter_names(page, row):
    return page.locator(f"#id_agenda_items-{row}-presenter option").all_inner_texts()


@pytest.mark.parametrize("width", [360, 1280])
def test_secretary_picks_an_attendee_typed_in_as_presenter_before_saving(browser, live_server, screenshot, width):
    make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện", office="UBND huyện")
    context, page = secretarys_page(browser, live_server, width)
    page.goto(live_server.url + "/admin/meetings/meeting/add/")
    page.locator("#id_title").fill("Phiên họp thường kỳ tháng 12")
    page.locator("#id_starts_at_0").fill("15/12/2026")
    page.locator("#id_starts_at_1").fill("08:00")
    page.locator("#id_location").fill("Phòng họp số 1")
    assert presenter_names(page, 0) == ["---------"]
    assert page.get_by_role("combobox", name="Cán bộ", exact=True).count() == 3  # select2, named by its label

    choose_official(page, 0, "Nguyễn Văn Hòa")
    page.locator("#id_attendees-0-role").select_option("chair")
    assert page.get_by_role("combobox", name="Cán bộ Nguyễn Văn Hòa (Chủ tịch UBND huyện)").count() == 1
    page.locator("#id_attendees-1-name").fill("Bà Lê Thị Hoa")
    page.locator("#id_attendees-1-position").fill("Trưởng phòng Tài chính - Kế hoạch")
    page.locator("#id_attendees-1-office").fill("Phòng Tài chính - Kế hoạch")
    assert presenter_names(page, 0) == [
        "---------",
        "Nguyễn Văn Hòa (Chủ tịch UBND huyện)",
        "Bà Lê Thị Hoa, Trưởng phòng Tài chính - Kế hoạch",
    ]

    page.locator("#id_agenda_items-0-title").fill("Tiến độ giải ngân vốn đầu tư công")
    page.locator("#id_agenda_items-0-presenter").select_option(
        label="Bà Lê Thị Hoa, Trưởng phòng Tài chính - Kế hoạch"
    )
    page.locator("#agenda_items-group .add-row a").click()
    page.locator("#id_agenda_items-1-title").fill("Kế hoạch sản xuất vụ đông")
    page.locator("#id_agenda_items-1-presenter").select_option(label="Nguyễn Văn Hòa (Chủ tịch UBND huyện)")
    page.locator("#id_attendees-1-name").fill("Bà Lê Thị Hoa Mai")
    assert page.locator("#id_agenda_items-0-presenter option:checked").inner_text().startswith("Bà Lê Thị Hoa Mai")
    page.locator("#agenda_items-group").scroll_into_view_if_needed()
    screenshot(page, f"presenter-{width}")

    page.locator("input[name=_continue]").click()
    page.wait_for_url(re.compile(r"/admin/meetings/meeting/\d+/change/"))
    context.close()
    first, second = Meeting.objects.get().agenda_items.order_by("pk")
    assert (first.presenter.name, first.presenter_office) == ("Bà Lê Thị Hoa Mai", "Phòng Tài chính - Kế hoạch")
    assert second.presenter.name == "Nguyễn Văn Hòa"
