"""What a new rule owes and where its days off are guessed, as `schedule add` says it: the years
without holiday data its coming dates reach, a one-off already due, a recurring rule's dates
before it was added."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import set_language
from branchguard.core.schedules.rules import (
    RuleSpec,
    beyond_tables,
    normalise,
    overdue_since,
    passed_over,
    slots,
    working_days_note,
)
from branchguard.core.schedules.types import WorkingDayPolicy

SHANGHAI = "Asia/Shanghai"
NONE, SKIP, NEXT = WorkingDayPolicy.NONE, WorkingDayPolicy.SKIP, WorkingDayPolicy.NEXT
LAST = working_days.covered_years()[1]  # the last year the holiday tables cover


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    set_language("zh_CN")


def spec(rule: str, start: datetime, policy: WorkingDayPolicy = NONE, until: date | None = None) -> RuleSpec:
    body = normalise(rule, start, SHANGHAI, until=until)
    return RuleSpec(body, start.replace(tzinfo=ZoneInfo(SHANGHAI)).astimezone(UTC), SHANGHAI, policy)


def test_a_weekly_rule_from_christmas_reaches_new_years_day_beyond_the_tables() -> None:
    """Its first date is covered; a week later (1 January) is not, and would be kept."""
    now = datetime(LAST, 12, 1, tzinfo=UTC)
    weekly = spec("weekly", datetime(LAST, 12, 25, 9), SKIP)
    assert beyond_tables(weekly, now) == [LAST + 1]
    set_language("en")
    note = working_days_note(weekly, now)
    assert note is not None and f"dates in {LAST + 1} avoid only weekends and the fixed-date holidays" in note
    assert note == working_days.coverage_note({LAST + 1})  # the wording `schedule add` always had
    # ending before the new year, or keeping days off as they are: nothing to say
    assert beyond_tables(spec("weekly", datetime(LAST, 12, 25, 9), SKIP, until=date(LAST, 12, 31)), now) == []
    assert beyond_tables(spec("weekly", datetime(LAST, 12, 25, 9)), now) == []
    assert working_days_note(spec("weekly", datetime(LAST, 12, 25, 9)), now) is None


def test_only_the_coming_year_counts() -> None:
    """From now, or from the start when that is later: a monthly rule two years before the tables
    end stays within them for its coming year; one starting beyond them is named at once."""
    early = spec("monthly", datetime(LAST - 2, 1, 5, 9), NEXT)
    assert beyond_tables(early, datetime(LAST - 2, 1, 1, tzinfo=UTC)) == []
    assert beyond_tables(early, datetime(LAST, 6, 1, tzinfo=UTC)) == [LAST + 1]  # run on until then
    later = spec("yearly", datetime(LAST + 2, 3, 2, 9), NEXT)  # and again a year after its start
    assert beyond_tables(later, datetime(LAST - 1, 1, 1, tzinfo=UTC)) == [LAST + 2, LAST + 3]


def test_a_date_moved_into_the_next_year_counts_there() -> None:
    """31 December a day off: "next working day" moves it into a year no table covers."""
    once = spec("", datetime(LAST, 12, 31, 9), NEXT)
    try:
        working_days.install([working_days.YearTable(LAST, {date(LAST, 12, 31): "Test holiday"})])
        [slot] = slots(once, until_due=datetime(LAST + 1, 2, 1, tzinfo=UTC))
        assert slot.due_at.astimezone(ZoneInfo(SHANGHAI)).year == LAST + 1
        assert beyond_tables(once, datetime(LAST, 12, 1, tzinfo=UTC)) == [LAST + 1]
    finally:
        working_days.install([])
    assert beyond_tables(once, datetime(LAST, 12, 1, tzinfo=UTC)) == []


def test_a_one_off_already_due_is_owed_since_its_date() -> None:
    now = datetime(2026, 12, 6, 3, tzinfo=UTC)
    past = spec("", datetime(2026, 11, 1, 10))
    assert overdue_since(past, now) == datetime(2026, 11, 1, 2, tzinfo=UTC)
    assert overdue_since(spec("", datetime(2026, 12, 7, 9)), now) is None
    assert overdue_since(spec("weekly", datetime(2026, 11, 2, 9)), now) is None  # owes from now on
    # on National Day, moved to the first working day after the holiday week: not due yet
    holiday = spec("", datetime(2026, 10, 1, 9), NEXT)
    assert overdue_since(holiday, datetime(2026, 10, 5, tzinfo=UTC)) is None
    assert overdue_since(holiday, datetime(2026, 10, 20, tzinfo=UTC)) is not None


def test_a_recurring_rule_added_after_its_start_passes_over_its_earlier_dates() -> None:
    now = datetime(2026, 12, 6, 3, tzinfo=UTC)
    assert passed_over(spec("weekly", datetime(2026, 11, 2, 9)), now)
    assert not passed_over(spec("weekly", datetime(2026, 12, 7, 9)), now)
    assert not passed_over(spec("", datetime(2026, 11, 1, 10)), now)  # a one-off is owed instead
