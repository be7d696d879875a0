"""Overdue across time zones: a due date is the end of that day in the branch's zone, stored as a
UTC instant; "overdue" compares it with now in UTC, whatever zone the PC reading it is in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from branchguard.core.hazards import store as hazard_store
from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity, SeverityRule


def _service(ctx, zone: str) -> HazardService:
    return HazardService(ctx.sessions, ctx.services.files, ctx.services.schedules, zone=zone)


@pytest.mark.parametrize(
    ("zone", "end_utc"),
    [
        ("Asia/Shanghai", datetime(2026, 12, 1, 15, 59, 59, tzinfo=UTC)),  # UTC+8
        ("America/New_York", datetime(2026, 12, 2, 4, 59, 59, tzinfo=UTC)),  # UTC-5 in winter
    ],
)
def test_a_due_date_is_the_end_of_that_day_in_the_branchs_zone(
    ctx, staff, zone: str, end_utc: datetime
) -> None:
    svc = _service(ctx, zone)
    hazard = svc.create(staff, HazardInput(description="出口指示灯不亮", due=date(2026, 12, 1))).info
    assert hazard.due_at == end_utc and hazard.due_date == date(2026, 12, 1)
    second = timedelta(seconds=1)
    assert not svc.get(staff, hazard.id, now=end_utc).info.overdue  # the last second still counts
    assert svc.get(staff, hazard.id, now=end_utc + second).info.overdue
    assert [h.id for h in svc.list(staff, HazardFilter(overdue_only=True), now=end_utc + second)] == [
        hazard.id
    ]
    assert svc.list(staff, HazardFilter(overdue_only=True), now=end_utc) == []
    assert svc.counts(staff, now=end_utc + second).overdue_total == 1


def test_the_same_hazard_is_overdue_at_the_same_instant_whatever_zone_reads_it(ctx, staff) -> None:
    shanghai, new_york = _service(ctx, "Asia/Shanghai"), _service(ctx, "America/New_York")
    hazard = shanghai.create(staff, HazardInput(description="应急灯电池失效", due=date(2026, 12, 1))).info
    # 2026-12-01 20:00 in New York is already 12-02 09:00 in Shanghai: past the Shanghai due date
    evening_ny = datetime(2026, 12, 1, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    for svc in (shanghai, new_york):
        assert svc.get(staff, hazard.id, now=evening_ny).info.overdue
    # and 10:00 New York time on 12-01 is 23:00 in Shanghai: not yet
    morning_ny = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    for svc in (shanghai, new_york):
        assert not svc.get(staff, hazard.id, now=morning_ny).info.overdue
    # a reader in another zone shows the instant in its own calendar
    assert new_york.get(staff, hazard.id).info.due_date == date(2026, 12, 1)  # 10:59:59 New York time
    assert _service(ctx, "Pacific/Kiritimati").get(staff, hazard.id).info.due_date == date(2026, 12, 2)


def test_deadlines_counted_in_days_keep_local_midnight_across_a_dst_change() -> None:
    """New York leaves daylight saving on 2026-11-01: a 7-day deadline counted from 10-29 ends at
    23:59:59 local on 11-05, which is 04:59:59 UTC (not 03:59:59 as before the change)."""
    zone = ZoneInfo("America/New_York")
    opened = datetime(2026, 10, 29, 14, 0, tzinfo=UTC)  # 10:00 EDT
    rule = SeverityRule(HazardSeverity.MAJOR, fix_days=7, interim_hours=24, plan_days=3)
    due, interim, plan = hazard_store.deadlines(opened, rule, zone)
    assert due == datetime(2026, 11, 6, 4, 59, 59, tzinfo=UTC)
    assert due.astimezone(zone).replace(tzinfo=None) == datetime(2026, 11, 5, 23, 59, 59)
    assert interim == opened + timedelta(hours=24)  # hours are hours, DST or not
    assert plan == datetime(2026, 11, 2, 4, 59, 59, tzinfo=UTC)  # 11-01 23:59:59 EST
    # spring forward (2027-03-14): the end of that day is 03:59:59 UTC the next day (EDT)
    assert hazard_store.end_of_day(date(2027, 3, 14), zone).astimezone(UTC) == datetime(
        2027, 3, 15, 3, 59, 59, tzinfo=UTC
    )


def test_an_opening_just_before_local_midnight_counts_from_the_local_day(ctx, staff) -> None:
    """Opened at 23:30 in Shanghai (15:30 UTC the same day) the 7 days count from that local day;
    opened at 00:30 Shanghai (16:30 UTC the day before) they count from the new local day."""
    zone = ZoneInfo("Asia/Shanghai")
    rule = SeverityRule(HazardSeverity.GENERAL, fix_days=7)
    late = datetime(2026, 12, 1, 23, 30, tzinfo=zone)
    early = datetime(2026, 12, 2, 0, 30, tzinfo=zone)
    assert hazard_store.deadlines(late, rule, zone)[0].astimezone(zone).date() == date(2026, 12, 8)
    assert hazard_store.deadlines(early, rule, zone)[0].astimezone(zone).date() == date(2026, 12, 9)
