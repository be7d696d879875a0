"""After the PC was off for a fortnight the bell held one row per missed slot (173, 57 of them the
same two-hourly fire patrol). A schedule's missed occurrences fold into one row, its latest due
first with the rest behind it; dismissing that row dismisses every one of them at once, and the
occurrences stay open on the overdue lists (dismissing a reminder completes nothing)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.rules import fold_missed
from branchguard.core.schedules.types import DueFilter, DueWindow, ReminderKind, ScheduleInput

NOW = datetime(2026, 12, 21, 1, 0, tzinfo=UTC)
MISSED = 14 * 2 + 1  # twice a day for a fortnight, and the one due now


def _add(ctx: Any, lead: Actor, title: str, start: datetime, rule: str = "") -> None:
    """Added the day before the fortnight began, as the PC did before it was off: a schedule
    catches up only on what fell due since it was added (on this test's real day, NOW - 14 days,
    the first patrol fell before a schedule added now)."""
    spec = ScheduleInput(title=title, start=start, rule=rule, lead_minutes=60, timezone="UTC")
    with mock.patch("branchguard.core.schedules.service.utcnow", return_value=NOW - timedelta(days=15)):
        ctx.services.schedules.add(lead, spec)


def test_a_schedules_missed_reminders_fold_into_one_row_and_are_dismissed_together(
    ctx: Any, lead: Actor
) -> None:
    svc = ctx.services.schedules
    _add(ctx, lead, "Fire patrol", NOW - timedelta(days=14), rule="FREQ=DAILY;BYHOUR=1,13")
    _add(ctx, lead, "Test the alarm button", NOW - timedelta(days=3))
    _add(ctx, lead, "Check the extinguishers", NOW + timedelta(minutes=30))  # coming up
    svc.catch_up(lead, NOW)
    flat = svc.reminders(lead, NOW)
    assert len(flat) == MISSED + 1 + 1  # nothing lost: one reminder per missed slot

    rows = fold_missed(flat, NOW)
    assert [(r.title, len(r.folded)) for r in rows] == [
        ("Test the alarm button", 1),
        ("Fire patrol", MISSED),
        ("Check the extinguishers", 1),
    ]
    patrol = rows[1]
    dues = [r.due_at for r in patrol.folded]
    assert dues == sorted(dues, reverse=True) and patrol.due_at == NOW  # the latest first
    assert patrol.earlier[-1].due_at == NOW - timedelta(days=14)  # missed since
    assert rows[2].kind is ReminderKind.AHEAD and not rows[2].earlier
    assert fold_missed(rows, NOW) == rows  # folding the bell's rows again changes nothing

    svc.dismiss_many(lead, [r.id for r in patrol.folded], NOW)
    assert [r.title for r in svc.reminders(lead, NOW)] == ["Test the alarm button", "Check the extinguishers"]
    # the missed patrols are still owed: evidence on the overdue list, not done by a dismissal
    overdue = svc.due_items(lead, DueFilter(DueWindow.OVERDUE), NOW)
    assert sum(1 for o in overdue if o.title == "Fire patrol") == MISSED
