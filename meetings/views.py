"""The public side of meetings: list, meeting page, weekly schedule, calendar feed, open data."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from core.pagination import CountedOnceMixin
from meetings import opendata
from meetings.filters import YEARS, MeetingFilter
from meetings.models import Attendee, Meeting, Official
from meetings.services import week_bounds


class MeetingListView(CountedOnceMixin, ListView):
    """Upcoming meetings first (the soonest few), then past ones (latest first, paginated)."""

    template_name = "meetings/meeting_list.html"
    context_object_name = "past_meetings"
    paginate_by = 20
    upcoming_count = 10  # the weekly schedule shows the rest

    def get_queryset(self):
        self.filterset = MeetingFilter(
            self.request.GET or None,
            queryset=Meeting.objects.of(self.request.unit).public().for_list(),
            request=self.request,
        )
        if self.filterset.is_bound and not self.filterset.form.is_valid():
            messages.warning(self.request, _("Một số điều kiện lọc không hợp lệ nên đã được bỏ qua."))
        return self.filterset.qs.past()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=self.filterset,
            upcoming_meetings=self.filterset.qs.upcoming()[: self.upcoming_count],
            query_string=query.urlencode(),
            crumbs=[(_("Lịch họp"), "")],
            **kwargs,
        )


def group_by_role(attendees):
    """[(role label, [attendees])] in the order of the roles: chair first, secretary last."""
    groups = {role: [] for role in Attendee.Role}
    for attendee in attendees:
        groups[Attendee.Role(attendee.role)].append(attendee)
    return [(role.label, people) for role, people in groups.items() if people]


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.of(self.request.unit).public().for_detail()

    def get_context_data(self, **kwargs):
        meeting = self.object
        url = self.request.build_absolute_uri(meeting.get_absolute_url())
        return super().get_context_data(
            attendee_groups=group_by_role(meeting.attendees.all()),
            structured_data=opendata.schema_org_event(meeting, url),
            share_url=url,
            crumbs=[(_("Lịch họp"), reverse("meetings:list")), (meeting.title, "")],
            **kwargs,
        )


def meeting_json(request, slug):
    """The meeting as open data, with the keys of an Open Civic Data event."""
    meeting = get_object_or_404(Meeting.objects.of(request.unit).public().for_detail(), slug=slug)
    data = opendata.ocd_event(meeting, request.build_absolute_uri(meeting.get_absolute_url()), request)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})


def meetings_ics(request):
    """An iCalendar feed of public meetings from a year back, that calendar apps subscribe to."""
    since = timezone.now() - timedelta(days=365)
    meetings = Meeting.objects.of(request.unit).public().filter(starts_at__gte=since).order_by("starts_at")
    calendar = opendata.icalendar_feed(meetings, request.unit, request)
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-hop.ics"'
    return response


def parse_week(value):
    """``2026-W48`` → the Monday of that ISO week, or None when the value is not a week.

    Only the years the meeting filter offers: a week at the ends of the calendar (``0001-W01``,
    ``9999-W52``) has no Sunday, or no Monday in the portal's time zone, to show.
    """
    try:
        year, week = value.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
    except (ValueError, TypeError):
        return None
    return monday if YEARS[0] <= monday.year <= YEARS[-1] else None


class WeekView(TemplateView):
    """Lịch công tác tuần: every public meeting from Monday to Sunday, with the weeks around it."""

    template_name = "meetings/week.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        requested = self.request.GET.get("tuan")
        monday = parse_week(requested) if requested else None
        if requested and monday is None:
            messages.warning(
                self.request,
                _("Tuần “%(week)s” không hợp lệ; đang hiện tuần này.") % {"week": Truncator(requested).chars(20)},
            )
        monday = monday or today - timedelta(days=today.weekday())
        start, end = week_bounds(monday)
        meetings = list(Meeting.objects.of(self.request.unit).public().for_list().between(start, end))
        days = [monday + timedelta(days=offset) for offset in range(7)]
        by_day = {day: [] for day in days}
        for meeting in meetings:
            by_day[timezone.localdate(meeting.starts_at)].append(meeting)
        return super().get_context_data(
            monday=monday,
            sunday=days[-1],
            days=list(by_day.items()),
            today=today,
            previous_week=iso_week(monday - timedelta(days=7)),
            next_week=iso_week(monday + timedelta(days=7)),
            this_week=iso_week(today),
            crumbs=[(_("Lịch công tác tuần"), "")],
            **kwargs,
        )


def iso_week(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


class OfficialDetailView(DetailView):
    """An official's page: the public meetings they attended, and those they chaired."""

    template_name = "meetings/official_detail.html"

    def get_queryset(self):
        return Official.objects.of(self.request.unit)

    def get_context_data(self, **kwargs):
        attendances = (
            Attendee.objects.filter(official=self.object, meeting__is_public=True)
            .select_related("meeting")
            .order_by("-meeting__starts_at")
        )
        return super().get_context_data(
            attendances=attendances,
            chaired=[a for a in attendances if a.role == Attendee.Role.CHAIR],
            crumbs=[(_("Lịch họp"), reverse("meetings:list")), (self.object.name, "")],
            **kwargs,
        )
