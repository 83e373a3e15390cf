"""Working days (ngày làm việc): Monday to Friday, minus the public holidays administrators list.

Kept pure (no database) so that deadlines can be tested across weekends and Tết without fixtures;
the caller passes the holidays it read (``PublicHoliday.objects.dates_between``).
"""

import datetime
from collections.abc import Iterable

SATURDAY = 5


def is_working_day(day: datetime.date, holidays: Iterable[datetime.date] = ()) -> bool:
    """Whether offices are open on ``day``."""
    return day.weekday() < SATURDAY and day not in set(holidays)


def add_working_days(start: datetime.date, n: int, holidays: Iterable[datetime.date] = ()) -> datetime.date:
    """The day ``n`` working days after ``start``: the day a task given on ``start`` is due.

    ``start`` itself never counts (a question assigned on Friday with one day is due on Monday),
    as the deadlines of Vietnamese administrative procedures are counted from the day after receipt.
    ``n`` = 0 gives ``start``, or the next working day when ``start`` is not one.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    off = set(holidays)
    day = start
    if n == 0:
        while not is_working_day(day, off):
            day += datetime.timedelta(days=1)
        return day
    while n:
        day += datetime.timedelta(days=1)
        if is_working_day(day, off):
            n -= 1
    return day
