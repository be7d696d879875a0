"""Recurring rules are walked from near the window asked about, not from their start: the
occurrences found are the same as walking from the start, for every preset, working-day policy,
awkward start (month ends, 29 February, DST) and window."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from branchguard.core.schedules import rules
from branchguard.core.schedules.rules import RuleSpec, slots, slots_between
from branchguard.core.schedules.types import WorkingDayPolicy

RULES = (
    *rules.PRESETS.values(),
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
    "FREQ=MONTHLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=6;BYDAY=-1FR",
    "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=15",
    "FREQ=DAILY;COUNT=500",
    "FREQ=DAILY;INTERVAL=3;UNTIL=20290101T000000Z",
)
STARTS = (  # and the zone each is in
    (datetime(2017, 1, 31, 1, 30, tzinfo=UTC), "Asia/Shanghai"),  # a month end
    (datetime(2016, 2, 29, 8, 0, tzinfo=UTC), "Asia/Shanghai"),  # 29 February
    (datetime(2019, 3, 8, 15, 0, tzinfo=UTC), "America/New_York"),  # a Friday before a DST change
)
WINDOWS = (
    (datetime(2026, 1, 20, tzinfo=UTC), timedelta(days=45)),  # Spring Festival's shifts
    (datetime(2026, 9, 25, tzinfo=UTC), timedelta(days=20)),  # National Day week
    (datetime(2017, 2, 1, tzinfo=UTC), timedelta(days=400)),  # right after the start
)


@pytest.mark.parametrize("rule", RULES)
def test_a_window_far_from_the_start_gives_what_walking_from_the_start_gives(rule: str) -> None:
    for (start, zone), policy, (at, length) in itertools.product(STARTS, list(WorkingDayPolicy), WINDOWS):
        spec = RuleSpec(rule, start, zone, policy)
        end = at + length
        walked = [s for s in slots(spec, until_due=end) if at <= s.due_at < end]
        assert slots_between(spec, at, end) == walked, (rule, start, zone, policy, at)


def test_the_next_due_of_an_old_daily_rule_is_tomorrows() -> None:
    spec = RuleSpec("FREQ=DAILY", datetime(2015, 6, 1, 1, 0, tzinfo=UTC), "Asia/Shanghai")
    now = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)
    found = rules.next_slot(spec, now)
    assert found is not None and found.due_at == datetime(2026, 6, 2, 1, 0, tzinfo=UTC)


def test_only_rules_whose_periods_move_cleanly_are_moved() -> None:
    start = datetime(2015, 6, 1, 9, 0, tzinfo=UTC)
    near = datetime(2026, 6, 1, tzinfo=UTC)
    assert rules._closer_start("FREQ=DAILY", start, near) > near - timedelta(days=40)
    assert rules._closer_start("FREQ=MONTHLY;INTERVAL=3", start, near).day == 1
    assert rules._closer_start("FREQ=DAILY;COUNT=5000", start, near) == start  # counted from the start
    month_end = datetime(2015, 1, 31, 9, 0, tzinfo=UTC)
    assert rules._closer_start("FREQ=MONTHLY", month_end, near) == month_end  # would clamp the day
