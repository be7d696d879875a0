"""Rescheduling an occurrence (the calendar's drag): new due, same identity, reminders follow, audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import ReminderKind
from tests.core.schedules.test_schedules import one_off, soon


def test_reschedule_moves_due_keeps_identity_and_retimes_reminders(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(hours=2), lead_minutes=60, rule="weekly"))
    now = soon(hours=1, minutes=30)  # inside the lead window: written, ahead-reminder showing
    svc.catch_up(lead, now)
    (occ,) = [o for o in svc.open_items(lead, now) if o.schedule_id == made.id]
    (rem,) = svc.reminders(lead, now)
    svc.dismiss(lead, rem.id, now)
    assert svc.reminders(lead, now) == []

    new_due = occ.due_at + timedelta(days=2)
    with pytest.raises(PermissionDenied):
        svc.reschedule(staff, occ.id, new_due, now)
    moved = svc.reschedule(lead, occ.id, new_due, now)
    assert moved.id == occ.id and moved.due_at == new_due and moved.rule_at == occ.rule_at
    # the dismissed ahead-reminder comes back at the new time, not before
    assert svc.reminders(lead, now) == []
    (ahead,) = svc.reminders(lead, new_due - timedelta(minutes=30))
    assert ahead.kind is ReminderKind.AHEAD and ahead.fire_at == new_due - timedelta(hours=1)
    (late,) = svc.reminders(lead, new_due + timedelta(minutes=1))
    assert late.kind is ReminderKind.OVERDUE
    # a later catch-up does not write the moved occurrence again
    svc.catch_up(lead, new_due + timedelta(minutes=1))
    items = [o for o in svc.open_items(lead, new_due) if o.rule_at == occ.rule_at]
    assert [o.id for o in items] == [occ.id]
    # the calendar shows it once, on the new day
    shown = [o for o in svc.calendar(lead, occ.due_at - timedelta(days=1), new_due + timedelta(days=1), now)
             if o.rule_at == occ.rule_at]
    assert [(o.id, o.due_at) for o in shown] == [(occ.id, new_due)]
    (entry,) = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.reschedule"))
    assert entry.entity_id == str(occ.id) and entry.actor == lead.username


def test_reschedule_refuses_closed_far_and_naive(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off(start=soon(hours=2), lead_minutes=180))
    now = soon(hours=1)
    svc.catch_up(lead, now)
    (occ,) = svc.open_items(lead, now)
    with pytest.raises(ValidationError):
        svc.reschedule(lead, occ.id, occ.due_at + timedelta(days=400), now)
    with pytest.raises(ValidationError):
        svc.reschedule(lead, occ.id, occ.due_at.replace(tzinfo=None), now)
    with pytest.raises(ValidationError) as past:  # overdue at once: the calendar once took the drag
        svc.reschedule(lead, occ.id, now - timedelta(days=3), now)
    assert past.value.is_about("field.due_at")
    assert past.value.reason == Message("schedule.move_into_past").text()
    svc.complete(lead, occ.id, now=now)
    with pytest.raises(ValidationError):
        svc.reschedule(lead, occ.id, occ.due_at + timedelta(days=1), now)
