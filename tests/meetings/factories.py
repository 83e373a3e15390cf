"""Small builders of meetings for the tests."""

import itertools

from django.utils import timezone

from meetings.models import AgendaItem, Attendee, Meeting, MeetingDocument, Official

_numbers = itertools.count(1)


def make_official(name=None, **fields):
    number = next(_numbers)
    fields.setdefault("position", f"Trưởng phòng số {number}")
    fields.setdefault("office", f"Phòng số {number}")
    return Official.objects.create(name=name or f"Cán bộ {number}", **fields)


def make_meeting(title=None, *, attendees=0, agenda=0, starts_at=None, **fields):
    """A public meeting with ``attendees`` officials (the first one chairs) and ``agenda`` items."""
    number = next(_numbers)
    starts_at = starts_at or timezone.now() - timezone.timedelta(days=number)
    meeting = Meeting.objects.create(
        title=title or f"Phiên họp số {number}",
        starts_at=starts_at,
        ends_at=starts_at + timezone.timedelta(hours=3),
        location="Phòng họp số 1",
        status=fields.pop("status", Meeting.Status.HELD),
        **fields,
    )
    people = Attendee.objects.bulk_create(
        Attendee(
            meeting=meeting,
            official=official,
            name=official.name,
            position=official.position,
            office=official.office,
            role=Attendee.Role.CHAIR if index == 0 else Attendee.Role.MEMBER,
            order=index,
        )
        for index, official in enumerate(make_official() for _ in range(attendees))
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            order=index,
            number=str(index + 1),
            title=f"Nội dung {index + 1}",
            presenter=people[index % len(people)] if people else None,
        )
        for index in range(agenda)
    )
    return meeting


def make_paper(meeting, summary="Giấy mời", *, kind=None, agenda_item=None, is_published=True, data=None, order=0):
    """A paper of ``meeting``: a document of the meeting's unit with one PDF, linked to the meeting."""
    from tests.documents.factories import make_document, make_type
    from tests.documents.files import text_pdf

    kind = kind or MeetingDocument.Kind.INVITATION
    document = make_document(
        summary,
        unit=meeting.unit,
        doc_type=make_type(str(MeetingDocument.Kind(kind).label)),
        number="",
        is_published=is_published,
        files=[("giay-moi.pdf", data or text_pdf([summary]))],
    )
    return MeetingDocument.objects.create(
        meeting=meeting, document=document, kind=kind, agenda_item=agenda_item, order=order
    )
