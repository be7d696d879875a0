"""The periods of head office's regional report: a month, a quarter or a year, read as the branch's
periodic report reads them (core/dashboard/rules.parse_period), and the package periods each is
made of. Packages cover months and quarters; a year is counted from its months' and its quarters'
packages, as a quarter is from its months' and its own. Pure: no session, no clock."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from branchguard.core.dashboard.rules import Period, PeriodKind, parse_period
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message


def report_period(text: str, today: date) -> Period:
    """2026-11, 2026-Q4 or 2026, refused naming the field when it is none or has not begun on
    `today` (the branches' day): the words of the branch's own report."""
    period = parse_period((text or "").strip())
    if period.start > today:  # its figures would be nothing but the state of today
        raise ValidationError("field.period", Message("dashboard.period.future", period=period.code))
    return period


def months(period: Period) -> list[Period]:
    """The period's months, in order."""
    first = period.start.month
    return [Period(PeriodKind.MONTH, period.year, first + i) for i in range(period.months)]


def quarter_of(month: Period) -> Period:
    return Period(PeriodKind.QUARTER, month.year, (month.number - 1) // 3 + 1)


def within(period: Period) -> list[str]:
    """The names of the package periods inside `period`: itself, its quarters (a year's) and its
    months. A package of any of them counts among the period's."""
    names = [period.code]
    if period.kind == PeriodKind.YEAR:
        names += [Period(PeriodKind.QUARTER, period.year, n).code for n in range(1, 5)]
    names += [m.code for m in months(period) if m.code != period.code]
    return names


def sending(period: Period) -> list[str]:
    """The names of the package periods that send a month of `period`: those within it, and a
    month's quarter (a quarter's package sends its months)."""
    names = within(period)
    return names + [q for q in dict.fromkeys(quarter_of(m).code for m in months(period)) if q not in names]


def ending(period: Period) -> list[str]:
    """The names of the package periods that end when `period` does: itself, its last month and
    its last month's quarter (a quarter's last month, a quarter, a year: December and Q4). A
    package carries the drill rules as of its period's end, so any of these tells how they stood
    at the end of `period`."""
    last = months(period)[-1]
    names = {period.code, last.code, quarter_of(last).code}
    return sorted(name for name in names if parse_period(name).end == period.end)


def missing_months(period: Period, sent: Collection[str], today: date) -> list[str]:
    """The months of `period` over by `today` (the branches' day) of which no package came: neither
    the month's own nor its quarter's. A month still running is not missing yet."""
    return [
        m.code
        for m in months(period)
        if m.end <= today and m.code not in sent and quarter_of(m).code not in sent
    ]


def months_over(period: Period, today: date) -> int:
    """How many of the period's months are over by `today`."""
    return sum(1 for m in months(period) if m.end <= today)


def latest(names: Collection[str]) -> str:
    """The package period of `names` that ends last (of a month and its quarter, the quarter): how
    far a branch has sent, whatever order its packages came in; "" for none."""
    if not names:
        return ""
    return max(names, key=lambda name: (parse_period(name).end, parse_period(name).months))
