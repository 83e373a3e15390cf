"""When the demo's things happen: on working days (Monday to Friday), in office hours, Vietnamese time.

A demo whose articles all went out at midnight, or whose meetings fall on a Sunday, looks made up. The
times come from a ``random.Random`` seeded by the caller, so the demo is the same on every run of the
same day and the tests can count on it.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

OFFICE_OPENS = time(7, 30)
OFFICE_CLOSES = time(17, 0)


def is_working_day(day):
    return day.weekday() < 5


def working_day(offset, *, start=None):
    """The day ``offset`` days from ``start`` (today), moved off a weekend away from ``start``.

    A past day stays in the past (Sunday becomes Friday) and a coming day stays ahead (Saturday
    becomes Monday), so "last month's meeting" never turns into a future one.
    """
    start = start or timezone.localdate()
    day = start + timedelta(days=offset)
    step = timedelta(days=-1 if offset < 0 else 1)
    while not is_working_day(day):
        day += step
    return day


def on_or_before(day):
    """``day``, or the Friday before it when it is a weekend: a date something was signed on."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def at(day, moment):
    """``day`` at the local time ``moment``, as an aware date-time."""
    return timezone.make_aware(datetime.combine(day, moment))


def office_time(rng):
    """A minute of office hours, 7:30 to 17:00."""
    opens = OFFICE_OPENS.hour * 60 + OFFICE_OPENS.minute
    minute = rng.randint(opens, OFFICE_CLOSES.hour * 60 + OFFICE_CLOSES.minute)
    return time(minute // 60, minute % 60)


def publication_times(count, *, seed, now=None, gaps=(1, 3)):
    """``count`` moments before ``now``, newest first, each on a working day in office hours, ``gaps`` days apart."""
    rng = random.Random(seed)
    now = timezone.localtime(now)
    day, moments = now.date(), []
    while len(moments) < count:
        moment = at(day, office_time(rng))
        if is_working_day(day) and moment < now:
            moments.append(moment)
            day -= timedelta(days=rng.randint(*gaps))
        else:
            day -= timedelta(days=1)
    return moments
