"""Due dates across time zones: a hazard's due date is a calendar date, stored as a date, so every
PC shows the same day; it is overdue once that day has ended in the branch's zone."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from branchguard.core.hazards import store as hazard_store
from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardFilter, HazardInput, HazardSeverity, SeverityRule
from branchguard.db.models.hazards import HazardRow


def _entered(description: str, due: date | None = None) -> HazardInput:
    return HazardInput(description=description, owner="李安全", due=due)


def _service(ctx, zone: str) -> HazardService:
    return HazardService(ctx.sessions, ctx.services.files, ctx.services.schedules, zone=zone)


@pytest.fixture
def pc_zone() -> Iterator[object]:
    """Set this process's zone (TZ) as a PC in that zone would have it; restored afterwards."""
    before = os.environ.get("TZ")

    def to(name: str) -> None:
        os.environ["TZ"] = name
        clock.tzset()

    yield to
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    clock.tzset()


@pytest.mark.parametrize(
    ("zone", "end_utc"),
    [
        ("Asia/Shanghai", datetime(2031, 12, 1, 15, 59, 59, tzinfo=UTC)),  # UTC+8
        ("America/New_York", datetime(2031, 12, 2, 4, 59, 59, tzinfo=UTC)),  # UTC-5 in winter
    ],
)
def test_a_due_date_is_stored_as_that_date_and_overdue_once_the_day_ends_there(
    ctx, staff, zone: str, end_utc: datetime
) -> None:
    svc = _service(ctx, zone)
    hazard = svc.create(staff, _entered("出口指示灯不亮", date(2031, 12, 1))).info
    assert hazard.due_date == date(2031, 12, 1) and hazard.due_at == end_utc
    with ctx.sessions() as s:
        assert s.scalar(select(HazardRow.due_date).where(HazardRow.id == hazard.id)) == date(2031, 12, 1)
    second = timedelta(seconds=1)
    assert not svc.get(staff, hazard.id, now=end_utc).info.overdue  # the last second still counts
    assert svc.get(staff, hazard.id, now=end_utc + second).info.overdue
    assert [h.id for h in svc.list(staff, HazardFilter(overdue_only=True), now=end_utc + second)] == [
        hazard.id
    ]
    assert svc.list(staff, HazardFilter(overdue_only=True), now=end_utc) == []
    assert svc.counts(staff, now=end_utc + second).overdue_total == 1
    assert svc.counts(staff, now=end_utc).overdue_total == 0


def test_every_zone_shows_the_same_due_date(ctx, staff) -> None:
    shanghai = _service(ctx, "Asia/Shanghai")
    hazard = shanghai.create(staff, _entered("应急灯电池失效", date(2031, 12, 1))).info
    for zone in ("America/Los_Angeles", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"):
        assert _service(ctx, zone).get(staff, hazard.id).info.due_date == date(2031, 12, 1), zone
    # the branch's zone says when the day has ended: 2031-12-01 20:00 in New York is 12-02 09:00 in
    # Shanghai, past the due date there, and not yet in New York
    evening_ny = datetime(2031, 12, 1, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert shanghai.get(staff, hazard.id, now=evening_ny).info.overdue
    assert not _service(ctx, "America/New_York").get(staff, hazard.id, now=evening_ny).info.overdue


@pytest.mark.parametrize(
    ("writer", "reader"),
    [("America/Los_Angeles", "Asia/Shanghai"), ("Asia/Shanghai", "America/Los_Angeles")],
)
def test_a_due_date_set_on_one_pc_shows_the_same_day_on_a_pc_in_another_zone(
    ctx, lead, staff, pc_zone, writer: str, reader: str
) -> None:
    """The PC's own zone (TZ) counts, as in the window: written with TZ one way, read the other."""
    pc_zone(writer)
    svc = HazardService(ctx.sessions, ctx.services.files, ctx.services.schedules)
    hazard = svc.create(staff, _entered("监控硬盘报警", date(2031, 12, 1))).info
    found = svc.create(staff, _entered("消防通道堆物")).info  # the policy's date
    pc_zone(reader)
    again = HazardService(ctx.sessions, ctx.services.files, ctx.services.schedules)
    assert again.get(staff, hazard.id).info.due_date == date(2031, 12, 1)
    assert again.get(staff, found.id).info.due_date == found.due_date
    assert [h.due_date for h in again.list(lead) if h.id == hazard.id] == [date(2031, 12, 1)]


def test_deadlines_counted_in_days_keep_local_midnight_across_a_dst_change() -> None:
    """New York leaves daylight saving on 2026-11-01: a 7-day deadline counted from 10-29 ends at
    23:59:59 local on 11-05, which is 04:59:59 UTC (not 03:59:59 as before the change)."""
    zone = ZoneInfo("America/New_York")
    opened = datetime(2026, 10, 29, 14, 0, tzinfo=UTC)  # 10:00 EDT
    rule = SeverityRule(HazardSeverity.MAJOR, fix_days=7, interim_hours=24, plan_days=3)
    due, interim, plan = hazard_store.deadlines(opened, rule, zone)
    assert due == date(2026, 11, 5)
    assert hazard_store.due_instant(due, zone) == datetime(2026, 11, 6, 4, 59, 59, tzinfo=UTC)
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
    assert hazard_store.deadlines(late, rule, zone)[0] == date(2026, 12, 8)
    assert hazard_store.deadlines(early, rule, zone)[0] == date(2026, 12, 9)

