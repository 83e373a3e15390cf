"""A meeting in the formats other systems read: Open Civic Data JSON, schema.org Event, iCalendar."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from meetings.models import Attendee, Meeting

# Open Civic Data's event statuses, from ours.
OCD_STATUS = {
    Meeting.Status.SCHEDULED: "tentative",
    Meeting.Status.HELD: "passed",
    Meeting.Status.POSTPONED: "tentative",
    Meeting.Status.CANCELLED: "cancelled",
}
SCHEMA_ORG_STATUS = {
    Meeting.Status.SCHEDULED: "https://schema.org/EventScheduled",
    Meeting.Status.HELD: "https://schema.org/EventScheduled",
    Meeting.Status.POSTPONED: "https://schema.org/EventPostponed",
    Meeting.Status.CANCELLED: "https://schema.org/EventCancelled",
}
ICALENDAR_STATUS = {
    Meeting.Status.SCHEDULED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.POSTPONED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def ocd_event(meeting, url, request):
    """The meeting with the keys of an Open Civic Data event (opencivicdata.readthedocs.io)."""
    return {
        "name": meeting.title,
        "description": meeting.summary,
        "classification": meeting.get_kind_display(),
        "start_date": _iso(meeting.starts_at),
        "end_date": _iso(meeting.ends_at),
        "timezone": settings.TIME_ZONE,
        "status": OCD_STATUS[meeting.status],
        "all_day": False,
        "location": {"name": meeting.location, "note": "", "coordinates": None},
        "participants": [
            {
                "name": attendee.name,
                "entity_type": "person",
                "note": attendee.get_role_display(),
                "position": attendee.position,
                "organization": attendee.office,
                "attendance": attendee.attendance,
                "represents": attendee.represents,
            }
            for attendee in meeting.attendees.all()
        ],
        "agenda": [
            {
                "order": str(position),
                "description": item.title,
                "notes": [note for note in (item.summary, item.outcome) if note],
                "subjects": [item.number] if item.number else [],
                "related_entities": (
                    [{"name": item.presenter.name, "entity_type": "person", "note": _presenter_note(item)}]
                    if item.presenter
                    else []
                ),
                "media": [_document(document, request) for document in item.public_documents],
            }
            for position, item in enumerate(meeting.public_agenda, start=1)
        ],
        "conclusion": strip_tags(meeting.conclusion).strip(),
        "tasks": [
            {
                "description": task.description,
                "responsible_office": task.responsible_office,
                "deadline": task.deadline.isoformat() if task.deadline else None,
                "status": "overdue" if task.is_overdue else task.status,
            }
            for task in meeting.tasks.all()
        ],
        "documents": [_document(document, request) for document in meeting.meeting_documents],
        "sources": [{"url": url, "note": "web"}],
    }


def _presenter_note(item):
    return ", ".join(str(part) for part in (Attendee.Role.PRESENTER.label, item.presenter_office) if part)


def _document(link, request):
    document = link.document
    return {
        "note": document.summary,
        "classification": link.get_kind_display(),
        "date": document.issued_on.isoformat() if document.issued_on else None,
        "links": [
            {"url": request.build_absolute_uri(document_file.download_url), "media_type": ""}
            for document_file in document.files.all()
        ],
    }


def schema_org_event(meeting, url):
    """schema.org Event, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "description": meeting.summary,
        "url": url,
        "startDate": _iso(meeting.starts_at),
        "eventStatus": SCHEMA_ORG_STATUS[meeting.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "GovernmentOrganization", "name": meeting.body},
        "inLanguage": "vi",
    }
    if meeting.ends_at:
        data["endDate"] = _iso(meeting.ends_at)
    if meeting.location:
        data["location"] = {"@type": "Place", "name": meeting.location, "address": meeting.location}
    return data


def icalendar_feed(meetings, unit, request):
    """VCALENDAR bytes: one VEVENT per meeting, with a stable UID so that updates replace events."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{unit.short_name}//Lich hop//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Lịch họp {unit.short_name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("dtstamp", meeting.updated_at)
        event.add("last-modified", meeting.updated_at)
        event.add("summary", meeting.title)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + timedelta(hours=2))
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.summary:
            event.add("description", meeting.summary)
        event.add("status", ICALENDAR_STATUS[meeting.status])
        event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
        calendar.add_component(event)
    return calendar.to_ical()
