"""A meeting's revisions hold its attendees, agenda and tasks: compared and restored with them."""

import pytest
import reversion
from reversion.models import Version

from meetings.models import Meeting
from tests.accounts.test_admin_language import english_on
from tests.meetings.factories import make_meeting
from tests.meetings.test_admin import meeting_form, secretary  # noqa: F401 - the fixture
from units.models import Unit

pytestmark = pytest.mark.django_db

BASE = "/admin/meetings/meeting"


def versions(obj):
    return list(Version.objects.get_for_object(obj).select_related("revision"))  # newest first


def rows(prefix, meeting, items):
    """An inline's form data: ``items`` as (existing row or None, fields); the rows left out are deleted."""
    existing = list(getattr(meeting, prefix).order_by("pk")) if meeting else []
    added = sum(1 for row, _fields in items if row is None)
    data = {f"{prefix}-TOTAL_FORMS": str(len(existing) + added), f"{prefix}-INITIAL_FORMS": str(len(existing))}
    kept = {row.pk for row, _fields in items if row is not None}
    index = 0
    for row in existing:
        data |= {f"{prefix}-{index}-id": str(row.pk), f"{prefix}-{index}-meeting": str(meeting.pk)}
        if row.pk not in kept:
            data[f"{prefix}-{index}-DELETE"] = "on"
        else:
            fields = next(fields for r, fields in items if r is not None and r.pk == row.pk)
            data |= {f"{prefix}-{index}-{name}": value for name, value in fields.items()}
        index += 1
    for row, fields in items:
        if row is None:
            data |= {f"{prefix}-{index}-{name}": value for name, value in fields.items()}
            index += 1
    return data


def attendee(name, order, role="member"):
    return {"name": name, "order": str(order), "role": role, "attendance": "present"}


def agenda(title, order):
    return {"title": title, "order": str(order), "is_public": "on"}


@pytest.fixture
def recorded(client, secretary):  # noqa: F811 - the fixture above
    """A meeting added in the admin, then edited: one attendee renamed, one added, its agenda item replaced."""
    data = meeting_form(
        **rows(
            "attendees", None, [(None, attendee("Nguyễn Văn Hòa", 0, "chair")), (None, attendee("Trần Thị Mai", 1))]
        ),
        **rows("agenda_items", None, [(None, agenda("Kinh tế - xã hội", 0))]),
    )
    assert client.post(f"{BASE}/add/", data).status_code == 302
    meeting = Meeting.objects.get()
    chair, member = meeting.attendees.order_by("pk")
    data = meeting_form(
        **rows(
            "attendees",
            meeting,
            [
                (chair, attendee("Nguyễn Văn Hòa", 0, "chair")),
                (member, attendee("Trần Thị Mai Anh", 1)),
                (None, attendee("Lê Văn Khách", 2)),
            ],
        ),
        **rows("agenda_items", meeting, [(None, agenda("Giải ngân vốn đầu tư công", 0))]),
        title="Phiên họp thường kỳ tháng 12 (mở rộng)",
    )
    response = client.post(f"{BASE}/{meeting.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    return meeting


def test_a_meetings_revision_holds_its_attendees_and_agenda(recorded, secretary):  # noqa: F811
    latest, first = versions(recorded)
    assert latest.revision.user == secretary
    held = sorted(v.object_repr for v in first.revision.version_set.exclude(pk=first.pk))
    assert held == ["Kinh tế - xã hội", "Nguyễn Văn Hòa", "Trần Thị Mai"]


def test_the_diff_shows_what_changed_among_the_attendees(client, recorded):
    latest, first = versions(recorded)
    response = client.get(f"{BASE}/{recorded.pk}/history/compare/?old={first.pk}&new={latest.pk}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tên cuộc họp" in page and "Thành phần tham dự" in page and "Chương trình họp" in page
    assert "Trần Thị Mai<ins> Anh</ins>" in page
    assert "<ins>Họ và tên: Lê Văn Khách" in page
    assert "Nội dung: <del>Kinh tế - xã hội</del><ins>Giải ngân vốn đầu tư công</ins>" in page
    assert english_on(page) == []


def test_restoring_brings_back_the_meeting_with_its_attendees_and_agenda(client, recorded):
    first = versions(recorded)[-1]
    preview = client.get(f"{BASE}/{recorded.pk}/history/{first.pk}/restore/").content.decode()
    assert "<del>Họ và tên: Lê Văn Khách" in preview
    assert english_on(preview) == []

    assert client.post(f"{BASE}/{recorded.pk}/history/{first.pk}/restore/").status_code == 302
    recorded.refresh_from_db()
    assert recorded.title == "Phiên họp thường kỳ tháng 12"
    assert [a.name for a in recorded.attendees.order_by("order")] == ["Nguyễn Văn Hòa", "Trần Thị Mai"]
    assert [i.title for i in recorded.agenda_items.all()] == ["Kinh tế - xã hội"]
    restored = versions(recorded)[0]
    assert restored.revision.get_comment().startswith("Khôi phục phiên bản lưu lúc")
    assert sorted(v.object_repr for v in restored.revision.version_set.exclude(pk=restored.pk)) == [
        "Kinh tế - xã hội",
        "Nguyễn Văn Hòa",
        "Trần Thị Mai",
    ]


def test_another_units_meeting_history_is_out_of_reach(client, secretary):  # noqa: F811
    sibling = Unit.objects.create(code="02", name="UBND xã Hòa Lộc", short_name="Hòa Lộc", host="hoaloc.testserver")
    theirs = make_meeting("Cuộc họp của xã Hòa Lộc", unit=sibling, attendees=2)
    for title in ("Cuộc họp của xã Hòa Lộc", "Cuộc họp của xã Hòa Lộc (sửa)"):
        with reversion.create_revision():
            theirs.title = title
            theirs.save()
    newer, older = versions(theirs)
    assert client.get(f"{BASE}/{theirs.pk}/history/compare/?old={older.pk}&new={newer.pk}").status_code == 404
    assert client.post(f"{BASE}/{theirs.pk}/history/{older.pk}/restore/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.title == "Cuộc họp của xã Hòa Lộc (sửa)"
