"""Chinese working days: public holidays and make-up workdays (调休), one table per year.

Two sources, and nothing else: the chinese-calendar package, which transcribes the State Council's
yearly notices up to the release it came with (and refuses a year it has no notice for), and the
years head office sends down in its signed library (core/library_sync), read from the database and
installed here (`install`) when the schedule engine is first built and after each import. An
installed year replaces the package's for that year (head office may correct it).

A date in a year neither holds is beyond every table: `is_working_day` then counts weekdays but
the fixed-date holidays (FIXED_HOLIDAYS), so a schedule keeps its occurrences, and every place
that shows such a date says so (`coverage_note`, `beyond`); `check` refuses it outright where a
wrong answer would be silent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

import chinese_calendar

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.schedules.types import WorkingDayPolicy

# A shift never needs more than the longest run of days off (Spring Festival with its weekends).
MAX_SHIFT_DAYS = 15
BUILT_IN = "chinese-calendar"


@dataclass(frozen=True)
class YearTable:
    """One year's days off (`holidays`: date → festival name; weekends inside a holiday period
    included) and make-up workdays (weekend days that are worked). Any other day: Monday to Friday
    work, weekends off. `source` says where the year came from."""

    year: int
    holidays: Mapping[date, str] = field(default_factory=dict)
    workdays: frozenset[date] = frozenset()
    source: str = ""

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def same_days(self, other: YearTable) -> bool:
        """The same days off and workdays (names included), wherever each came from."""
        return (self.year, dict(self.holidays), self.workdays) == (
            other.year,
            dict(other.holidays),
            other.workdays,
        )


class BeyondTable(BranchGuardError):
    """A date in a year no holiday table covers, where a weekday guess would be wrong silently."""


_installed: Mapping[int, YearTable] = MappingProxyType({})
_generation = 0  # counts installs: what was worked out with the tables before is out of date


def install(tables: Iterable[YearTable]) -> None:
    """Make `tables` the installed years (replacing every year installed before)."""
    global _installed, _generation
    _installed = MappingProxyType({table.year: table for table in tables})
    _generation += 1


def generation() -> int:
    """Which install of the tables is in force (0: none since start)."""
    return _generation


def installed_years() -> tuple[int, ...]:
    return tuple(sorted(_installed))


@cache
def built_in_years() -> frozenset[int]:
    """The years the chinese-calendar package holds notices for."""
    return frozenset(
        {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    )


@cache
def built_in_table(year: int) -> YearTable | None:
    if year not in built_in_years():
        return None
    return YearTable(
        year=year,
        holidays=MappingProxyType(
            {d: str(name) for d, name in sorted(chinese_calendar.holidays.items()) if d.year == year}
        ),
        workdays=frozenset(d for d in chinese_calendar.workdays if d.year == year),
        source=BUILT_IN,
    )


def table_for(year: int) -> YearTable | None:
    """The table in force for `year`: the installed one, else the package's, else None."""
    return _installed.get(year) or built_in_table(year)


def covered() -> frozenset[int]:
    return built_in_years() | frozenset(_installed)


def covered_years() -> tuple[int, int]:
    """First and last year any table covers."""
    years = covered()
    return min(years), max(years)


def covers(year: int) -> bool:
    return year in covered()


def spans(years: Iterable[int]) -> str:
    """Years as runs, the way people read them: "2004–2026, 2028"."""
    runs: list[list[int]] = []
    for year in sorted(set(years)):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


# The public holidays on fixed dates of the calendar (《全国年节及纪念日放假办法》, as revised in
# 2024): New Year's Day, Labour Day (two days) and National Day (three). Days off in every year,
# before the State Council's notice for it says how the weekends around them are shifted; the
# lunar holidays (Spring Festival, Dragon Boat, Mid-Autumn) and Qingming need that notice.
FIXED_HOLIDAYS = frozenset({(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)})


def is_working_day(day: date) -> bool:
    """A working day by the year's table; for a year beyond every table, a weekday that is not a
    fixed-date public holiday (said by `coverage_note` wherever such a date is shown): a monthly
    check moved to the next working day fell on New Year's Day 2027."""
    table = table_for(day.year)
    if table is not None:
        return table.is_working_day(day)
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def holiday_name(day: date) -> str | None:
    """The festival a day off belongs to (English name from the data), or None."""
    table = table_for(day.year)
    return table.holidays.get(day) if table is not None else None


def holiday_label(name: str) -> str:
    """A festival's name in the language shown: chinese-calendar names its holidays in English
    ("National Day", 国庆节), and a name that is none of those is shown as it was written."""
    from chinese_calendar.constants import Holiday

    from branchguard.core.kernel.i18n import current_language

    if current_language() != "zh_CN":
        return name
    return next((h.chinese for h in Holiday if h.value == name), name)


def beyond(days: Iterable[date]) -> Message | None:
    """The keyed message for dates beyond every table, or None when every one is covered."""
    missing = sorted({d for d in days if not covers(d.year)})
    if not missing:
        return None
    shown = ", ".join(d.isoformat() for d in missing[:3]) + (" …" if len(missing) > 3 else "")
    return Message("working_days.beyond", dates=shown, covered=spans(covered()))


def check(day: date) -> YearTable:
    """The table for `day`'s year; BeyondTable (a keyed message naming the date and the years
    covered) when there is none."""
    table = table_for(day.year)
    if table is None:
        message = beyond([day])
        assert message is not None
        raise BeyondTable(message)
    return table


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
    """Whether the days off right after working day `day` hold a public holiday: a table's, or a
    fixed-date one in a year no table covers right after a day that one does (New Year's Day after
    the tables' last year, whose eve that year's table settles). Without it the check before New
    Year's Day 2027 had no date on 31 December 2026: the pre-holiday checklist never came."""
    moved = day
    for _ in range(MAX_SHIFT_DAYS):
        moved += timedelta(days=1)
        if is_working_day(moved):
            return False
        if holiday_name(moved) is not None or _fixed_after_tables(moved, day):
            return True
    return False


def _fixed_after_tables(day: date, before: date) -> bool:
    """A fixed-date public holiday beyond every table, reached from a working day a table covers."""
    return (day.month, day.day) in FIXED_HOLIDAYS and covers(before.year) and not covers(day.year)


def tables_end_note() -> str:
    """Why a date that needs the holidays themselves (the working day before each one) cannot be
    worked out past the last year covered, and how head office's table gets here
    (core/schedules/next_date.py says it for each schedule that has no next date for that reason)."""
    last = covered_years()[1]
    return t("working_days.tables_end", last=last, next=last + 1)


def coverage_note(years: set[int] | frozenset[int]) -> str | None:
    """A warning for dates in years without holiday data, or None when all are covered."""
    missing = sorted(y for y in years if not covers(y))
    if not missing:
        return None
    return t(
        "working_days.uncovered",
        years=", ".join(str(y) for y in missing),
        covered=spans(covered()),
    )
