"""A consultation's status follows from its times and its report; its period from the law (a setting)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.models import Consultation, Status
from tests import units
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("state", "status"),
    [
        ("upcoming", Status.UPCOMING),
        ("open", Status.OPEN),
        ("closed", Status.CLOSED),
        ("reported", Status.REPORTED),
    ],
)
def test_status_is_derived_the_same_way_by_the_property_and_the_queryset(state, status):
    consultation = make_consultation(state=state)
    assert consultation.status == status
    annotated = Consultation.objects.with_status().get(pk=consultation.pk)
    assert annotated.derived_status == status
    filters = {
        Status.UPCOMING: Consultation.objects.upcoming(),
        Status.OPEN: Consultation.objects.open(),
        Status.CLOSED: Consultation.objects.closed(),
        Status.REPORTED: Consultation.objects.reported(),
    }
    assert [s for s, rows in filters.items() if rows.filter(pk=consultation.pk).exists()] == [status]


def test_a_report_scheduled_for_later_is_not_a_result_yet():
    consultation = make_consultation(state="closed", report_published_at=timezone.now() + timedelta(hours=2))
    assert consultation.status == Status.CLOSED
    assert Consultation.objects.closed().filter(pk=consultation.pk).exists()


def test_status_moves_with_the_clock():
    consultation = make_consultation(state="open")
    assert consultation.status_at(consultation.closes_at + timedelta(seconds=1)) == Status.CLOSED
    assert consultation.status_at(consultation.opens_at - timedelta(seconds=1)) == Status.UPCOMING


def test_days_left_counts_the_day_under_way():
    now = timezone.now()
    consultation = make_consultation(opens_at=now - timedelta(days=60), closes_at=now + timedelta(hours=3))
    assert consultation.days_left == 1


def period(kind, days):
    now = timezone.now()
    return Consultation(
        unit=units.unit_under_test(),
        title="Dự thảo",
        question="<p>?</p>",
        kind=kind,
        opens_at=now,
        closes_at=now + days,
    )


def test_the_minimum_period_for_a_legal_document_is_refused_in_vietnamese(settings):
    settings.CONSULTATION_MINIMUM_DAYS = {"qppl": 60, "khac": 30}
    with pytest.raises(ValidationError) as refused:
        period("qppl", timedelta(days=59, hours=23)).full_clean()
    message = refused.value.message_dict["closes_at"][0]
    assert "ít nhất 60 ngày" in message and "văn bản quy phạm pháp luật" in message
    period("qppl", timedelta(days=60)).full_clean()
    period("khac", timedelta(days=30)).full_clean()


def test_the_minimum_is_a_setting_the_law_can_change(settings):
    settings.CONSULTATION_MINIMUM_DAYS = {"qppl": 20, "khac": 10}
    period("qppl", timedelta(days=20)).full_clean()
    with pytest.raises(ValidationError, match="ít nhất 10 ngày"):
        period("khac", timedelta(days=9)).full_clean()


def test_closing_before_opening_and_a_report_before_the_end_are_refused():
    consultation = period("khac", timedelta(days=-1))
    with pytest.raises(ValidationError, match="phải sau thời điểm bắt đầu"):
        consultation.full_clean()
    consultation = period("khac", timedelta(days=40))
    consultation.report_published_at = consultation.closes_at - timedelta(days=1)
    with pytest.raises(ValidationError, match="sau khi đã kết thúc"):
        consultation.full_clean()


def test_next_change_is_the_nearest_opening_closing_or_report():
    upcoming = make_consultation("Sắp mở", state="upcoming")
    make_consultation("Đang mở", state="open", closes_at=upcoming.opens_at + timedelta(days=60))
    assert Consultation.objects.next_change_time() == upcoming.opens_at
