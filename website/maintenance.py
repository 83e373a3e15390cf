"""Planned downtime is announced at least seven working days ahead (Decree 224/2026 Art. 13).

Working days are counted as for citizens' questions: Monday to Friday, minus the public holidays
administrators list (questions.PublicHoliday), so that Tết does not count as notice.
"""

import datetime

from questions.models import PublicHoliday
from questions.workdays import add_working_days

NOTICE_WORKING_DAYS = 7
# Seven working days never span more than this many calendar days, Tết included.
LONGEST_SPAN = datetime.timedelta(days=40)


def earliest_planned_start(announced_on):
    """The first day a downtime announced on ``announced_on`` may begin without force majeure."""
    holidays = PublicHoliday.objects.dates_between(announced_on, announced_on + LONGEST_SPAN)
    return add_working_days(announced_on, NOTICE_WORKING_DAYS, holidays)
