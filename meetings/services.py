"""Multi-step writes on meetings, kept out of the admin so that tests and commands share them."""

import re
from calendar import monthrange
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from meetings.models import Attendee, Meeting

_MONTH_IN_TITLE = re.compile(r"tháng (\d{1,2})(?:/(\d{4}))?")


def add_month(moment):
    """The same day and time a month later, on the month's last day when it is shorter (31/1 → 28/2)."""
    local = timezone.localtime(moment)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    return local.replace(year=year, month=month, day=min(local.day, monthrange(year, month)[1]))


def next_title(title, starts_at):
    """“Phiên họp thường kỳ tháng 10/2026” → “… tháng 11/2026”; other titles are kept as they are."""
    local = timezone.localtime(starts_at)

    def replace(match):
        return f"tháng {local.month}/{local.year}" if match.group(2) else f"tháng {local.month}"

    return _MONTH_IN_TITLE.sub(replace, title, count=1)


@transaction.atomic
def copy_as_next(meeting):
    """Start next month's session from this one: same body, kind, place and attendees; empty agenda.

    Officials are copied without their position of that day, so the new record takes the position
    they hold now; guests are copied as written.
    """
    starts_at = add_month(meeting.starts_at)
    duration = meeting.ends_at - meeting.starts_at if meeting.ends_at else None
    copy = Meeting.objects.create(
        title=next_title(meeting.title, starts_at),
        kind=meeting.kind,
        body=meeting.body,
        starts_at=starts_at,
        ends_at=starts_at + duration if duration else None,
        location=meeting.location,
        status=Meeting.Status.SCHEDULED,
        is_public=meeting.is_public,
    )
    attendees = []
    for attendee in meeting.attendees.select_related("official"):
        from_directory = attendee.official_id is not None
        attendees.append(
            Attendee(
                meeting=copy,
                official=attendee.official,
                name=attendee.official.name if from_directory else attendee.name,
                position=attendee.official.position if from_directory else attendee.position,
                office=attendee.official.office if from_directory else attendee.office,
                role=attendee.role,
                order=attendee.order,
            )
        )
    Attendee.objects.bulk_create(attendees)
    return copy


def week_bounds(monday):
    """Monday 00:00 to the next Monday 00:00, in the portal's time zone."""
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)
