"""Head office counts its branches' days in China Standard Time, whatever the zone of the PC the
report runs on: on a server kept in UTC a robbery at 00:30 on 1 January (Beijing time) fell in
December, where the branch's own January package and report count it, and the month's complaint
statistics left January."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest

from branchguard.core.headoffice import rules


@pytest.fixture
def pc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Shanghai", "Europe/London"])
def test_a_branch_day_begins_at_beijing_midnight_on_any_pc(pc_zone, zone: str) -> None:
    pc_zone(zone)
    assert rules.day_start(date(2027, 1, 1)) == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    robbery = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 January in Beijing
    assert rules.day_start(date(2027, 1, 1)) <= robbery < rules.day_start(date(2027, 2, 1))
    # a due date is overdue from the end of the branch's day, a month's statistics from its start
    assert rules._day_end("2027-01-06") == datetime(2027, 1, 6, 16, 0, tzinfo=UTC)
    assert rules._day_start("2027-01-01") == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
