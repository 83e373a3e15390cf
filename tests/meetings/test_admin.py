"""The secretary records a whole meeting on one admin page; validation explains itself."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import roles
from meetings.models import AgendaItem, Meeting, MeetingDocument
from tests.meetings.factories import make_meeting, make_official
from tests.units import give_role

pytestmark = pytest.mark.django_db

INLINES = ("attendees", "agenda_items", "tasks", "document_links")


@pytest.fixture
def secretary(client):
    roles.sync_roles()
    user = get_user_model().objects.create_user("thuky", password="x", is_staff=True)
    give_role(user, roles.SECRETARY)
    client.force_login(user)
    return user


def meeting_form(**fields):
    data = {
        "title": "Phiên họp thường kỳ tháng 12",
        "kind": "thuong-ky",
        "body": "UBND huyện",
        "starts_at_0": "15/12/2026",
        "starts_at_1": "08:00",
        "ends_at_0": "15/12/2026",
        "ends_at_1": "11:00",
        "location": "Phòng họp số 1",
        "status": "scheduled",
        "is_public": "on",
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(fields)
    return data


def attendee_rows(*rows):
    data = {"attendees-TOTAL_FORMS": str(len(rows))}
    for index, (official, name, role) in enumerate(rows):
        data.update(
            {
                f"attendees-{index}-order": str(index),
                f"attendees-{index}-official": str(official.pk) if official else "",
                f"attendees-{index}-name": name,
                f"attendees-{index}-role": role,
                f"attendees-{index}-attendance": "present",
            }
        )
    return data


def test_secretary_records_a_meeting_with_attendees_and_agenda(client, secretary):
    chair, member = make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện"), make_official("Trần Thị Mai")
    data = meeting_form(**attendee_rows((chair, "", "chair"), (member, "", "member"), (None, "Ông Khách", "invited")))
    data.update({"agenda_items-TOTAL_FORMS": "2"})
    for index, title in enumerate(["Kinh tế - xã hội", "Giải ngân"]):
        data.update(
            {
                f"agenda_items-{index}-order": str(index),
                f"agenda_items-{index}-title": title,
                f"agenda_items-{index}-is_public": "on",
            }
        )
    response = client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    meeting = Meeting.objects.get()
    assert meeting.chair.name == "Nguyễn Văn Hòa" and meeting.chair.position == "Chủ tịch UBND huyện"
    assert [a.name for a in meeting.attendees.all()] == ["Nguyễn Văn Hòa", "Trần Thị Mai", "Ông Khách"]
    assert [i.title for i in meeting.agenda_items.all()] == ["Kinh tế - xã hội", "Giải ngân"]


def test_two_chairs_are_refused_with_a_reason(client, secretary):
    first, second = make_official(), make_official()
    response = client.post(
        "/admin/meetings/meeting/add/", meeting_form(**attendee_rows((first, "", "chair"), (second, "", "chair")))
    )
    assert response.status_code == 200
    assert "Một cuộc họp chỉ có một người chủ trì" in response.content.decode()
    assert not Meeting.objects.exists()


def test_end_before_start_is_refused_with_a_reason(client, secretary):
    response = client.post("/admin/meetings/meeting/add/", meeting_form(ends_at_1="07:00"))
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not Meeting.objects.exists()


def test_presenter_is_chosen_among_this_meetings_attendees(client, secretary):
    meeting, other = make_meeting(attendees=2), make_meeting(attendees=2)
    response = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    html = response.content.decode()
    for attendee in meeting.attendees.all():
        assert f'<option value="{attendee.pk}">' in html
    for attendee in other.attendees.all():
        assert f'<option value="{attendee.pk}">' not in html


def test_presenter_from_another_meeting_is_refused(client, secretary):
    other = make_meeting(attendees=1)
    data = meeting_form(
        **{
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-0-title": "Báo cáo",
            "agenda_items-0-order": "1",
            "agenda_items-0-presenter": str(other.attendees.get().pk),
        }
    )
    response = client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 200
    assert not Meeting.objects.exclude(pk=other.pk).exists()
    assert AgendaItem.objects.count() == 0


def test_copy_as_next_meeting_lands_on_the_new_meeting(client, secretary):
    meeting = make_meeting(
        "Phiên họp thường kỳ tháng 11/2026",
        attendees=3,
        agenda=4,
        starts_at=timezone.make_aware(timezone.datetime(2026, 11, 20, 8)),
    )
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "Sao chép thành cuộc họp kỳ sau" in page
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/sao-chep-ky-sau/")
    copy = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response["Location"] == f"/admin/meetings/meeting/{copy.pk}/change/"
    assert copy.title == "Phiên họp thường kỳ tháng 12/2026"
    assert copy.attendees.count() == 3 and copy.agenda_items.count() == 0
    assert client.get(f"/admin/meetings/meeting/{meeting.pk}/sao-chep-ky-sau/").status_code == 405


def test_press_officer_cannot_touch_meetings(client):
    roles.sync_roles()
    user = get_user_model().objects.create_user("bientap", password="x", is_staff=True)
    give_role(user, roles.PRESS_OFFICER)
    client.force_login(user)
    meeting = make_meeting()
    assert client.get("/admin/meetings/meeting/").status_code == 403
    assert client.post(f"/admin/meetings/meeting/{meeting.pk}/sao-chep-ky-sau/").status_code == 403
    assert Meeting.objects.count() == 1


def test_secretary_links_a_unit_document_to_the_meeting_and_never_another_units(client, secretary):
    from tests.documents.factories import make_document, pdf_file
    from units.models import Unit

    minutes = make_document("Biên bản phiên họp tháng 12", files=[pdf_file("bien-ban.pdf")])
    elsewhere = Unit.objects.create(code="02", name="Ủy ban nhân dân xã Bên", short_name="UBND xã Bên", host="xb.test")
    foreign = make_document("Biên bản của xã bên", unit=elsewhere)
    answer = client.get(
        "/admin/autocomplete/",
        {"app_label": "meetings", "model_name": "meetingdocument", "field_name": "document", "term": "Biên bản"},
    )
    assert [row["id"] for row in answer.json()["results"]] == [str(minutes.pk)]

    def link(document):
        return meeting_form(
            **{
                "document_links-TOTAL_FORMS": "1",
                "document_links-0-order": "0",
                "document_links-0-kind": MeetingDocument.Kind.MINUTES,
                "document_links-0-document": str(document.pk),
            }
        )

    response = client.post("/admin/meetings/meeting/add/", link(foreign))
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert client.post("/admin/meetings/meeting/add/", link(minutes)).status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.document_links.get().document == minutes
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").content.decode()
    assert "bien-ban.pdf" in page


def agenda_item(title, presenter):
    return {
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-0-order": "1",
        "agenda_items-0-title": title,
        "agenda_items-0-presenter": presenter,
        "agenda_items-0-is_public": "on",
    }


def test_a_presenter_entered_as_an_attendee_on_the_same_page_is_linked_in_one_save(client, secretary):
    chair = make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện", office="UBND huyện")
    data = meeting_form(
        **attendee_rows((chair, "", "chair"), (None, "Bà Lê Thị Hoa", "presenter")),
        **{"attendees-1-office": "Phòng Tài chính - Kế hoạch"},
        **agenda_item("Tiến độ giải ngân vốn đầu tư công", "new-1"),
    )
    response = client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    item = Meeting.objects.get().agenda_items.get()
    assert item.presenter.name == "Bà Lê Thị Hoa"
    assert item.presenter_office == "Phòng Tài chính - Kế hoạch"


def test_the_presenters_list_offers_the_attendees_typed_in_when_the_page_comes_back(client, secretary):
    """Without JavaScript: the page refused for another reason lists the new attendees as presenters."""
    chair = make_official("Nguyễn Văn Hòa", position="Chủ tịch UBND huyện")
    data = meeting_form(
        ends_at_1="07:00",
        **attendee_rows((chair, "", "chair"), (None, "Bà Lê Thị Hoa", "presenter")),
        **agenda_item("Tiến độ giải ngân", "new-1"),
    )
    response = client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 200 and not Meeting.objects.exists()
    html = response.content.decode()
    assert '<option value="new-0">Nguyễn Văn Hòa</option>' in html
    assert '<option value="new-1" selected>Bà Lê Thị Hoa</option>' in html


def test_a_presenter_whose_attendee_row_is_missing_is_refused_and_the_page_kept(client, secretary):
    data = meeting_form(
        **attendee_rows((None, "Bà Lê Thị Hoa", "member"), (None, "", "member")),
        **agenda_item("Tiến độ giải ngân vốn đầu tư công", "new-1"),
    )
    response = client.post("/admin/meetings/meeting/add/", data)
    assert response.status_code == 200 and not Meeting.objects.exists()
    html = response.content.decode()
    assert "Người trình bày phải là một người trong thành phần tham dự ở trên" in html
    assert 'value="Tiến độ giải ngân vốn đầu tư công"' in html and 'value="Bà Lê Thị Hoa"' in html


def test_a_presenter_removed_from_the_attendees_in_the_same_save_is_refused(client, secretary):
    meeting = make_meeting(attendees=2)
    first, second = meeting.attendees.all()
    data = meeting_form(
        **{
            "attendees-TOTAL_FORMS": "2",
            "attendees-INITIAL_FORMS": "2",
            **{
                f"attendees-{index}-{name}": value
                for index, attendee in enumerate([first, second])
                for name, value in {
                    "id": str(attendee.pk),
                    "meeting": str(meeting.pk),
                    "order": str(index),
                    "official": str(attendee.official_id),
                    "name": attendee.name,
                    "role": attendee.role,
                    "attendance": "present",
                }.items()
            },
            "attendees-1-DELETE": "on",
        },
        **agenda_item("Báo cáo tình hình", str(second.pk)),
    )
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 200
    assert "Người trình bày phải là một người trong thành phần tham dự ở trên" in response.content.decode()
    assert meeting.attendees.count() == 2 and not meeting.agenda_items.exists()
