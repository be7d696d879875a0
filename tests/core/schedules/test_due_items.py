"""Open schedule items by due window (`schedule due`, the dashboard's tiles, the inspections due
list, the calendar's next 7 days) on SQLite and PostgreSQL: overdue as written, later today and the
next seven days as the calendar shows them (promised ones too), narrowed by kind."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from branchguard.core.schedules.rules import local_zone_name, zone
from branchguard.core.schedules.types import (
    DueFilter,
    DueWindow,
    OccurrenceStatus,
    ScheduleInput,
    ScheduleKind,
)


def test_windows_and_kinds(ctx, lead) -> None:
    schedules, tz = ctx.services.schedules, zone(local_zone_name())
    now = datetime.combine(datetime.now(tz).date(), time(12), tzinfo=tz)  # noon, local
    today = now.date()

    def at(days: int, hour: int) -> datetime:
        return datetime.combine(today + timedelta(days=days), time(hour))

    inspection = ScheduleKind.INSPECTION
    schedules.add(lead, ScheduleInput("昨日巡查", at(-1, 9), inspection))
    schedules.add(lead, ScheduleInput("今晨巡查", at(0, 9), inspection))
    schedules.add(lead, ScheduleInput("今晚检查", at(0, 20), inspection, lead_minutes=60))
    schedules.add(lead, ScheduleInput("三天后培训", at(3, 10), lead_minutes=60))
    schedules.add(lead, ScheduleInput("第六天演练", at(6, 23)))
    schedules.add(lead, ScheduleInput("第七天演练", at(7, 0)))
    schedules.catch_up(lead, now)

    def titles(window: DueWindow, *kinds: ScheduleKind) -> list[str]:
        items = schedules.due_items(lead, DueFilter(window, kinds), now=now, zone=tz)
        assert all(i.status == OccurrenceStatus.OPEN for i in items)
        return [i.title for i in items]

    assert titles(DueWindow.OVERDUE) == ["昨日巡查", "今晨巡查"]
    assert titles(DueWindow.TODAY) == ["今晚检查"]
    assert titles(DueWindow.NEXT_7_DAYS) == ["今晚检查", "三天后培训", "第六天演练", "第七天演练"]
    assert titles(DueWindow.NEXT_7_DAYS, inspection) == ["今晚检查"]
    assert titles(DueWindow.OVERDUE, ScheduleKind.DRILL) == []
    # the dashboard reads the three windows at once: the same lists as one window at a time
    filters = [DueFilter(w, k) for w in DueWindow for k in ((), (inspection,), (ScheduleKind.DRILL,))]
    together = schedules.due_lists(lead, filters, now=now, zone=tz)
    assert together == [schedules.due_items(lead, f, now=now, zone=tz) for f in filters]
    assert [len(x) for x in together[:3]] == [2, 2, 0]  # overdue: all, inspections, drills
    # counted (the dashboard), the names inside made titles are not looked up: the same items
    counted = schedules.due_lists(lead, filters, now=now, zone=tz, named=False)

    def keys(lists: list[list]) -> list[list[tuple]]:
        return [[(i.schedule_id, i.id, i.rule_at, i.due_at, i.status) for i in items] for items in lists]

    assert keys(counted) == keys(together)
