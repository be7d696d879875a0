"""The periods a periodic safety report covers: a month (2026-11), a quarter (2026-Q4) or a year
(2026), its local-day bounds and the period before it (the headline's comparison)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import LabelledEnum

FIRST_YEAR, LAST_YEAR = 2000, 2099
_PATTERN = re.compile(r"^\s*(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])))?\s*$")


class PeriodKind(LabelledEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @classmethod
    def _prefix(cls) -> str:
        return "period_kind"


@dataclass(frozen=True)
class Period:
    """[start, end) in local days: `end` is the day after the last."""

    kind: PeriodKind
    year: int
    number: int = 1  # the month (1-12) or the quarter (1-4); 1 for a year

    @property
    def start(self) -> date:
        return date(self.year, self._first_month(), 1)

    @property
    def end(self) -> date:
        return _add_months(self.start, self.months)

    @property
    def months(self) -> int:
        return {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[self.kind]

    def _first_month(self) -> int:
        if self.kind == PeriodKind.MONTH:
            return self.number
        if self.kind == PeriodKind.QUARTER:
            return 3 * (self.number - 1) + 1
        return 1

    def previous(self) -> Period:
        if self.kind == PeriodKind.YEAR:
            return Period(self.kind, self.year - 1)
        last = 12 if self.kind == PeriodKind.MONTH else 4
        if self.number == 1:
            return Period(self.kind, self.year - 1, last)
        return Period(self.kind, self.year, self.number - 1)

    @property
    def code(self) -> str:
        """As typed on the command line: 2026-11, 2026-Q4, 2026."""
        if self.kind == PeriodKind.MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}"

    def message(self) -> Message:
        """The period in words: 2026年11月 / November 2026, 2026年第四季度 / Q4 2026, 2026年度 / 2026."""
        if self.kind == PeriodKind.YEAR:
            return Message("dashboard.period.year", year=self.year)
        key = "dashboard.period.month" if self.kind == PeriodKind.MONTH else "dashboard.period.quarter"
        return Message(key, year=self.year, n=self.number)


def parse_period(text: str) -> Period:
    """2026-11, 2026-Q4 or 2026; anything else is refused naming the field `period`."""
    match = _PATTERN.match(text or "")
    if match is None:
        raise ValidationError("field.period", Message("dashboard.period.bad", value=text))
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            "field.period", Message("dashboard.period.year_range", first=FIRST_YEAR, last=LAST_YEAR)
        )
    month, quarter = match.group(2), match.group(3)
    if month is not None:
        number = int(month)
        if not 1 <= number <= 12:
            raise ValidationError("field.period", Message("dashboard.period.bad", value=text))
        return Period(PeriodKind.MONTH, year, number)
    if quarter is not None:
        return Period(PeriodKind.QUARTER, year, int(quarter))
    return Period(PeriodKind.YEAR, year)


def year_marks(starts: Sequence[date]) -> list[str]:
    """The year to print under each month of a trend: under the first month and each January, ""
    elsewhere (the report's charts and the dashboard's: twelve months that span two years)."""
    return [str(d.year) if i == 0 or d.month == 1 else "" for i, d in enumerate(starts)]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# ageing bands of the hazards still open at a period's end: (lowest age in days, message key)
AGEING_BANDS: tuple[tuple[int, str], ...] = (
    (0, "dashboard.ageing.under_30"),
    (30, "dashboard.ageing.under_90"),
    (90, "dashboard.ageing.under_180"),
    (180, "dashboard.ageing.over_180"),
)


def ageing_band(age_days: int) -> int:
    """The index in AGEING_BANDS of a hazard open `age_days` days."""
    return max(i for i, (low, _key) in enumerate(AGEING_BANDS) if age_days >= low)
