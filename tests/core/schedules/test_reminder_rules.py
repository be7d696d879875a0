"""When a reminder shows as overdue (the notification centre's red rows)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from branchguard.core.schedules.rules import reminder_overdue
from branchguard.core.schedules.types import ReminderInfo, ReminderKind

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
