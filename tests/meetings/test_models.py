"""The meeting record: who attended in which position, what was decided, and what stays internal."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Attendee, Meeting, MeetingDocument, Task
from tests.meetings.factories import make_meeting, make_official, make_paper
from tests.units import unit_settings

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title():
    meeting = make_meeting("Phiên họp thường kỳ tháng 5/2026")
    assert meeting.slug == "phien-hop-thuong-ky-thang-52026"
    assert make_meeting("Phiên họp thường kỳ tháng 5/2026").slug == "phien-hop-thuong-ky-thang-52026-2"


def test_body_defaults_to_the_unit_in_the_site_settings():

    site = unit_settings()
    site.unit.short_name = "UBND xã Hòa Bình"
    site.save()
    site.unit.save()
    assert make_meeting().body == "UBND xã Hòa Bình"


def test_an_official_keeps_the_position_held_at_each_past_meeting():
    official = make_official("Nguyễn Văn Hòa", position="Phó Chủ tịch UBND huyện")
    meeting = make_meeting()
    attendee = Attendee.objects.create(meeting=meeting, official=official, role=Attendee.Role.CHAIR)
    official.position = "Chủ tịch UBND huyện"
    official.save()
    attendee.refresh_from_db()
    assert attendee.name == "Nguyễn Văn Hòa"
    assert attendee.position == "Phó Chủ tịch UBND huyện"
    assert meeting.chair == attendee


def test_a_guest_needs_a_name():
    guest = Attendee(meeting=make_meeting(), role=Attendee.Role.INVITED)
    with pytest.raises(ValidationError) as error:
        guest.full_clean()
    assert "Chọn một cán bộ trong danh bạ hoặc ghi họ tên khách mời." in str(error.value)


def test_end_before_start_is_explained():
    meeting = make_meeting()
    meeting.ends_at = meeting.starts_at - timezone.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in str(error.value)


def test_presenter_must_attend_the_same_meeting():
    meeting, other = make_meeting(attendees=2), make_meeting(attendees=2)
    item = AgendaItem(meeting=meeting, title="Báo cáo", presenter=other.attendees.first())
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "Người trình bày phải là người tham dự cuộc họp này." in str(error.value)


def test_presenter_office_defaults_to_the_presenters():
    meeting = make_meeting(attendees=2)
    presenter = meeting.attendees.last()
    item = AgendaItem.objects.create(meeting=meeting, title="Báo cáo", presenter=presenter)
    assert item.presenter_office == presenter.office


def test_a_task_is_overdue_from_its_deadline_until_done():
    meeting = make_meeting()
    yesterday = timezone.localdate() - timezone.timedelta(days=1)
    task = Task.objects.create(
        meeting=meeting, description="Nạo vét kênh", responsible_office="Phòng NN", deadline=yesterday
    )
    assert task.is_overdue and str(task.state_label) == "Quá hạn"
    task.status = Task.Status.DONE
    assert not task.is_overdue
    future = Task(meeting=meeting, description="x", responsible_office="y", deadline=timezone.localdate())
    assert not future.is_overdue


def test_a_meetings_papers_are_documents_and_drafts_stay_private():
    meeting = make_meeting()
    draft = make_paper(meeting, "Biên bản nháp", kind=MeetingDocument.Kind.MINUTES, is_published=False)
    published = make_paper(meeting, "Giấy mời")
    assert list(MeetingDocument.objects.public()) == [published]
    assert draft not in MeetingDocument.objects.public()
    assert published.document.unit == meeting.unit
    assert published.document.files.get().has_text


def test_a_paper_belongs_to_an_agenda_item_of_its_own_meeting():
    meeting, other = make_meeting(agenda=1), make_meeting(agenda=1)
    link = make_paper(meeting, "Báo cáo", kind=MeetingDocument.Kind.REPORT)
    link.agenda_item = other.agenda_items.get()
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "Mục chương trình này thuộc một cuộc họp khác." in str(error.value)


def test_internal_meetings_are_not_public():
    public, internal = make_meeting(), make_meeting(is_public=False)
    assert list(Meeting.objects.public()) == [public]
    assert internal not in Meeting.objects.public()


def test_upcoming_and_recent():
    now = timezone.now()
    soon = make_meeting(starts_at=now + timezone.timedelta(days=1), status=Meeting.Status.SCHEDULED)
    later = make_meeting(starts_at=now + timezone.timedelta(days=5), status=Meeting.Status.SCHEDULED)
    cancelled = make_meeting(starts_at=now + timezone.timedelta(days=2), status=Meeting.Status.CANCELLED)
    held = make_meeting(starts_at=now - timezone.timedelta(days=3))
    older = make_meeting(starts_at=now - timezone.timedelta(days=9))
    assert list(Meeting.objects.upcoming()) == [soon, later]
    assert cancelled not in Meeting.objects.upcoming()
    assert list(Meeting.objects.recent()) == [held, older]


def test_copy_as_next_meeting_keeps_attendees_and_body_with_an_empty_agenda():
    official = make_official("Trần Thị Mai", position="Phó Chủ tịch UBND huyện")
    starts = timezone.make_aware(timezone.datetime(2026, 10, 31, 8, 0))
    meeting = make_meeting(
        "Phiên họp thường kỳ tháng 10/2026", attendees=3, agenda=4, starts_at=starts, body="UBND huyện"
    )
    Attendee.objects.create(meeting=meeting, name="Ông Khách Mời", position="Giám đốc Ngân hàng", role="invited")
    Attendee.objects.create(meeting=meeting, official=official, role=Attendee.Role.MEMBER)
    official.position = "Chủ tịch UBND huyện"
    official.save()

    copy = services.copy_as_next(meeting)

    assert copy.title == "Phiên họp thường kỳ tháng 11/2026"
    assert timezone.localtime(copy.starts_at).date() == timezone.datetime(2026, 11, 30).date()
    assert copy.ends_at - copy.starts_at == meeting.ends_at - meeting.starts_at
    assert copy.status == Meeting.Status.SCHEDULED and copy.body == "UBND huyện"
    assert copy.agenda_items.count() == 0 and copy.tasks.count() == 0
    assert [a.name for a in copy.attendees.all()] == [a.name for a in meeting.attendees.all()]
    assert copy.attendees.get(official=official).position == "Chủ tịch UBND huyện"
    assert copy.chair.name == meeting.chair.name


def test_news_and_meetings_link_both_ways():
    from tests.articles.factories import make_article

    article = make_article("Tin về phiên họp")
    meeting = make_meeting()
    meeting.articles.add(article)
    assert list(article.meetings.all()) == [meeting]
