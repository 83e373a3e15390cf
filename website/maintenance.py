"""Planned downtime is announced at least seven working days ahead (Decree 224/2026 Art. 13).

Working days are Monday to Friday here. TODO(lead): the questions app adds the public holidays
(PublicHoliday) and its own working-day arithmetic; once merged, make ``add_working_days`` skip
those holidays too (or call the questions app's function), so Tết does not count as notice.
"""

import datetime

NOTICE_WORKING_DAYS = 7


def is_working_day(day):
    return day.weekday() < 5


def add_working_days(day, count):
    """The date ``count`` working days after ``day`` (``day`` itself not counted)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def earliest_planned_start(announced_on):
    """The first day a downtime announced on ``announced_on`` may begin without force majeure."""
    return add_working_days(announced_on, NOTICE_WORKING_DAYS)
