"""Planned downtime is announced 7 working days ahead, unless it is force majeure (Decree 224/2026 Art. 13)."""

import datetime

import pytest
from django.utils import timezone

from questions.models import PublicHoliday
from website.admin import MaintenanceNoticeForm
from website.maintenance import earliest_planned_start
from website.models import MaintenanceNotice


@pytest.mark.django_db
def test_working_days_skip_the_weekend_and_the_listed_holidays():
    friday = datetime.date(2026, 7, 10)
    assert earliest_planned_start(friday) == datetime.date(2026, 7, 21)  # Tuesday, 7 working days on
    saturday = datetime.date(2026, 7, 11)
    assert earliest_planned_start(saturday) == datetime.date(2026, 7, 21)
    PublicHoliday.objects.create(date=datetime.date(2026, 7, 14), name="Ngày nghỉ bù")
    assert earliest_planned_start(friday) == datetime.date(2026, 7, 22)  # a holiday is no notice


def form(unit, starts_on, *, force_majeure=False, instance=None):
    starts = timezone.make_aware(datetime.datetime.combine(starts_on, datetime.time(22, 0)))
    data = {
        "unit": unit.pk,
        "starts_at_0": starts.strftime("%d/%m/%Y"),
        "starts_at_1": "22:00",
        "ends_at_0": (starts + datetime.timedelta(hours=4)).strftime("%d/%m/%Y"),
        "ends_at_1": "02:00",
        "message": "Cổng tạm ngừng để nâng cấp hệ thống.",
        "force_majeure": "on" if force_majeure else "",
    }
    return MaintenanceNoticeForm(data=data, instance=instance)


def as_fields(form):
    """The admin splits a date-time in two: do the same here (the form's own widget)."""
    from django.contrib.admin.widgets import AdminSplitDateTime
    from django.forms import SplitDateTimeField

    for name in ("starts_at", "ends_at"):
        form.fields[name] = SplitDateTimeField(widget=AdminSplitDateTime)
    return form


@pytest.mark.django_db
def test_a_planned_downtime_announced_too_late_is_refused(unit):
    today = timezone.localdate()
    too_soon = as_fields(form(unit, earliest_planned_start(today) - datetime.timedelta(days=1)))
    assert not too_soon.is_valid()
    assert "ít nhất 7 ngày làm việc" in str(too_soon.errors["starts_at"])
    in_time = as_fields(form(unit, earliest_planned_start(today)))
    assert in_time.is_valid(), in_time.errors


@pytest.mark.django_db
def test_force_majeure_may_start_at_once(unit):
    tonight = as_fields(form(unit, timezone.localdate(), force_majeure=True))
    assert tonight.is_valid(), tonight.errors


@pytest.mark.django_db
def test_editing_an_old_notice_without_moving_it_is_not_refused(unit):
    starts = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(22, 0)))
    notice = MaintenanceNotice.objects.create(
        unit=unit, starts_at=starts, ends_at=starts + datetime.timedelta(hours=4), message="Cũ"
    )
    edited = as_fields(form(unit, timezone.localdate(), instance=notice))
    assert edited.is_valid(), edited.errors


@pytest.mark.django_db
def test_the_admin_refuses_a_short_notice(admin_client, unit):
    starts = timezone.localdate() + datetime.timedelta(days=1)
    response = admin_client.post(
        "/admin/website/maintenancenotice/add/",
        {
            "whole_province": "",
            "starts_at_0": starts.strftime("%d/%m/%Y"),
            "starts_at_1": "22:00",
            "ends_at_0": (starts + datetime.timedelta(days=1)).strftime("%d/%m/%Y"),
            "ends_at_1": "02:00",
            "message": "Cổng tạm ngừng để nâng cấp hệ thống.",
        },
    )
    assert response.status_code == 200
    assert "ít nhất 7 ngày làm việc" in response.content.decode()
    assert not MaintenanceNotice.objects.exists()
