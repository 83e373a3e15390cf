"""Deadlines in working days: Monday to Friday, without the public holidays."""

import datetime

import pytest

from questions.workdays import add_working_days, is_working_day

D = datetime.date
# Tết 2027 (Nguyên đán): Friday 5 February to Wednesday 10 February, say; and Reunification Day.
TET = {D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9), D(2027, 2, 10)}


@pytest.mark.parametrize(
    ("start", "n", "holidays", "due"),
    [
        (D(2026, 12, 7), 1, (), D(2026, 12, 8)),  # Monday + 1 → Tuesday
        (D(2026, 12, 11), 1, (), D(2026, 12, 14)),  # Friday + 1 → Monday, over the weekend
        (D(2026, 12, 12), 1, (), D(2026, 12, 14)),  # asked on Saturday: Monday is the first day
        (D(2026, 12, 7), 5, (), D(2026, 12, 14)),  # one working week
        (D(2026, 12, 7), 10, (), D(2026, 12, 21)),  # two working weeks
        (D(2027, 2, 4), 1, TET, D(2027, 2, 11)),  # Thursday before Tết: next open day is Thursday after
        (D(2027, 2, 3), 3, TET, D(2027, 2, 12)),  # Thu 4, (Tết), Thu 11, Fri 12
        (D(2027, 4, 29), 1, {D(2027, 4, 30)}, D(2027, 5, 3)),  # 30/4 on a Friday, then the weekend
        (D(2026, 12, 12), 0, (), D(2026, 12, 14)),  # zero days: the next working day
        (D(2026, 12, 9), 0, (), D(2026, 12, 9)),
    ],
)
def test_add_working_days(start, n, holidays, due):
    assert add_working_days(start, n, holidays) == due


def test_a_holiday_on_a_weekend_changes_nothing():
    assert add_working_days(D(2026, 12, 11), 1, {D(2026, 12, 12)}) == D(2026, 12, 14)


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(D(2026, 12, 7), -1)


def test_is_working_day():
    assert is_working_day(D(2026, 12, 7))
    assert not is_working_day(D(2026, 12, 6))
    assert not is_working_day(D(2027, 2, 8), TET)


@pytest.mark.django_db
def test_the_service_counts_the_listed_holidays(unit):
    from questions.models import PublicHoliday
    from questions.services import due_date

    PublicHoliday.objects.create(date=D(2027, 2, 8), name="Tết Nguyên đán")
    assert due_date(start=D(2027, 2, 5), days=1) == D(2027, 2, 9)
