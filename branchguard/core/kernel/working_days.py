"""Chinese working days: public holidays and make-up workdays (调休), from the chinese-calendar package.

chinese-calendar transcribes the State Council's yearly notice, make-up workdays included, and
refuses (NotImplementedError) a year it has no notice for, so BranchGuard knows which years are
covered instead of trusting a guess. For such a year only weekends count as days off, and
`coverage_note` says so. It is a 220 KB pure-Python package without dependencies.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import chinese_calendar

from branchguard.core.kernel.i18n import t
from branchguard.core.schedules.types import WorkingDayPolicy

# A shift never needs more than the longest run of days off (Spring Festival with its weekends).
MAX_SHIFT_DAYS = 15


@cache
def covered_years() -> tuple[int, int]:
    """First and last year the holiday data covers."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return min(years), max(years)


def covers(year: int) -> bool:
    first, last = covered_years()
    return first <= year <= last


def is_working_day(day: date) -> bool:
    """A weekday that is not a public holiday, or a weekend make-up workday; weekdays only for a
    year the data does not cover."""
    if covers(day.year):
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:  # the package's own range check disagreed with ours
            pass
    return day.weekday() < 5


def holiday_name(day: date) -> str | None:
    """The festival a day off belongs to (English name from the data), or None."""
    if not covers(day.year):
        return None
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return str(name) if on_holiday and name else None


def shift(day: date, policy: WorkingDayPolicy) -> date | None:
    """The day an occurrence on `day` moves to; None when the policy drops it."""
    if policy is WorkingDayPolicy.BEFORE_HOLIDAY:
        return day if is_working_day(day) and _holiday_follows(day) else None
    if policy is WorkingDayPolicy.NONE or is_working_day(day):
        return day
    if policy is WorkingDayPolicy.SKIP:
        return None
    step = timedelta(days=1 if policy is WorkingDayPolicy.NEXT else -1)
    moved = day
    for _ in range(MAX_SHIFT_DAYS):
        moved += step
        if is_working_day(moved):
            return moved
    return day  # unreachable with real calendars; keep the date rather than lose the occurrence


def _holiday_follows(day: date) -> bool:
    """Whether the days off right after working day `day` hold a public holiday."""
    moved = day
    for _ in range(MAX_SHIFT_DAYS):
        moved += timedelta(days=1)
        if is_working_day(moved):
            return False
        if holiday_name(moved) is not None:
            return True
    return False


def coverage_note(years: set[int] | frozenset[int]) -> str | None:
    """A warning for dates in years without holiday data, or None when all are covered."""
    missing = sorted(y for y in years if not covers(y))
    if not missing:
        return None
    first, last = covered_years()
    return t(
        "working_days.uncovered",
        years=", ".join(str(y) for y in missing),
        first=first,
        last=last,
    )
