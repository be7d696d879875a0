"""What is worked out in China Standard Time whatever the zone of the PC (core/kernel/china_time.py):
head office's count of its branches' days (on a server kept in UTC a robbery at 00:30 on 1 January,
Beijing time, fell in December, where the branch's own January package counts it, and the month's
complaint statistics left January), and a record's reference (its year)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from branchguard.core.headoffice import rules


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Shanghai", "Europe/London"])
def test_a_branch_day_begins_at_beijing_midnight_on_any_pc(pc_zone, zone: str) -> None:
    pc_zone(zone)
    assert rules.day_start(date(2027, 1, 1)) == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)
    robbery = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 January in Beijing
    assert rules.day_start(date(2027, 1, 1)) <= robbery < rules.day_start(date(2027, 2, 1))
    # a due date is overdue from the end of the branch's day, a month's statistics from its start
    assert rules._day_end("2027-01-06") == datetime(2027, 1, 6, 16, 0, tzinfo=UTC)
    assert rules._day_start("2027-01-01") == datetime(2026, 12, 31, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Shanghai"])
def test_a_reference_takes_the_year_in_china_on_any_pc(pc_zone, zone: str) -> None:
    """TS-2027-0010 in Shanghai read TS-2026-0010 on a PC set to UTC (its reminder: TS-2027-0010)."""
    from branchguard.core.complaints import store as complaints
    from branchguard.core.hazards import store as hazards
    from branchguard.db.models.complaints import ComplaintRow
    from branchguard.db.models.hazards import HazardRow

    pc_zone(zone)
    new_year = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 January in Beijing
    assert complaints.number_of(ComplaintRow(id=10, received_at=new_year)) == "TS-2027-0010"
    assert hazards.number_of(HazardRow(id=4, opened_at=new_year)) == "YH-2027-0004"
