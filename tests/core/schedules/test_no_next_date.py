"""A schedule "before each public holiday" has no next date past the last year a holiday table
covers; the list says why and what to do, for it alone: not for one whose rule has ended by itself,
a paused one, or one with a next date (both engines)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import set_language
from branchguard.core.schedules.next_date import no_next_date_note
from branchguard.core.schedules.types import ScheduleInput, WorkingDayPolicy

LAST = working_days.covered_years()[1]  # the last year the holiday tables cover
# 20:00 on 31 December in China: the check before New Year's Day (on the tables' last working day)
# is past, and every holiday ahead is beyond the tables
NOW = datetime(LAST, 12, 31, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def chinese_afterwards():
    yield
    set_language("zh_CN")


def _pre_holiday(ctx, lead, title: str, until: date | None = None) -> int:
    data = ScheduleInput(
        title=title,
        start=datetime(LAST, 1, 5, 9),
        owner="lead",
        rule="before_holidays",
        working_days=WorkingDayPolicy.BEFORE_HOLIDAY,
        timezone="Asia/Shanghai",
        until=until,
    )
    return ctx.services.schedules.add(lead, data).id


@pytest.mark.usefixtures("no_installed_years")
def test_only_a_pre_holiday_schedule_stopped_by_the_tables_end_says_why(ctx, lead) -> None:
    svc = ctx.services.schedules
    going_on = _pre_holiday(ctx, lead, "Pre-holiday check")
    ended = _pre_holiday(ctx, lead, "Ended pre-holiday check", until=date(LAST, 11, 30))
    listed = {s.id: s for s in svc.list(lead, NOW)}
    set_language("en")
    assert listed[going_on].next_due is None and listed[ended].next_due is None
    note = no_next_date_note(listed[going_on], NOW)
    assert note is not None and f"the holiday tables end with {LAST}" in note
    assert f"before a public holiday in {LAST + 1} is not known" in note and "`library import FILE`" in note
    assert no_next_date_note(listed[ended], NOW) is None  # its own end: nothing to explain
    assert no_next_date_note(replace(listed[going_on], active=False), NOW) is None  # paused: said as such
    earlier = datetime(LAST, 3, 1, tzinfo=UTC)  # a holiday ahead within the tables: a date, no note
    first = svc.get(lead, going_on, earlier)
    assert first.next_due is not None and no_next_date_note(first, earlier) is None
    others = [s for s in listed.values() if s.working_days is not WorkingDayPolicy.BEFORE_HOLIDAY]
    assert all(no_next_date_note(s, NOW) is None for s in others)
