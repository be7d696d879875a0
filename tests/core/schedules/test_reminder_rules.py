"""When a reminder shows as overdue (the notification centre's red rows), and what the agenda owes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.schedules.rules import owed_before, reminder_overdue
from branchguard.core.schedules.types import (
    OccurrenceInfo,
    OccurrenceStatus,
    ReminderInfo,
    ReminderKind,
    ScheduleKind,
)

DUE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def reminder(kind: ReminderKind) -> ReminderInfo:
    return ReminderInfo(
        id=1, occurrence_id=1, schedule_id=1, title="消防检查", owner="lead", kind=kind, due_at=DUE,
        fire_at=DUE - timedelta(days=1), snooze_until=None, notified_at=None, dismissed_at=None,
    )


def test_an_ahead_reminder_turns_overdue_at_its_due_time() -> None:
    ahead = reminder(ReminderKind.AHEAD)
    assert not reminder_overdue(ahead, DUE - timedelta(minutes=1))
    assert reminder_overdue(ahead, DUE)
    assert reminder_overdue(ahead, DUE + timedelta(days=3))


def test_an_overdue_reminder_is_overdue_whatever_the_clock_says() -> None:
    assert reminder_overdue(reminder(ReminderKind.OVERDUE), DUE - timedelta(days=1))


def occurrence(n: int, due_at: datetime, overdue: bool) -> OccurrenceInfo:
    return OccurrenceInfo(
        id=n, schedule_id=1, kind=ScheduleKind.CUSTOM, title=f"#{n}", owner="", timezone="Asia/Shanghai",
        rule_at=due_at, due_at=due_at, status=OccurrenceStatus.OPEN, overdue=overdue,
    )


def test_only_overdue_occurrences_from_before_the_day_are_owed() -> None:
    late = occurrence(1, DUE - timedelta(days=2), overdue=True)
    early_but_not_overdue = occurrence(2, DUE - timedelta(days=1), overdue=False)
    overdue_today = occurrence(3, DUE + timedelta(hours=1), overdue=True)
    assert owed_before([late, early_but_not_overdue, overdue_today], DUE) == [late]
