"""An item of a schedule paused (or deleted) since the calendar was read is not moved: a move wrote
it back, open and reminding, on the lists, the bell and the agenda of a schedule that owes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.db.models.schedules import OccurrenceRow
from tests.core.schedules.test_schedules import one_off, soon


def _written(ctx: Any, schedule_id: int) -> int:
    with ctx.sessions() as s:
        stmt = select(func.count()).select_from(OccurrenceRow).where(OccurrenceRow.schedule_id == schedule_id)
        return int(s.scalar(stmt) or 0)


def test_a_promised_item_of_a_paused_schedule_is_not_moved_back_to_life(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off("Weekly patrol", start=soon(days=10), rule="weekly", lead_minutes=60))
    [promised, *_] = svc.calendar(lead, soon(), soon(days=30))
    assert promised.id is None and promised.schedule_id == made.id
    svc.set_active(lead, made.id, False)  # on another PC, after this calendar was read
    new_due = promised.due_at + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        svc.reschedule_promised(lead, made.id, promised.rule_at, new_due)
    assert refused.value.is_about("field.occurrence")
    assert refused.value.reason == Message("schedule.paused_no_move", title="Weekly patrol").text()
    assert _written(ctx, made.id) == 0
    later = new_due + timedelta(hours=1)
    assert [o for o in svc.open_items(lead, later) if o.schedule_id == made.id] == []
    assert svc.reminders(lead, later) == []
    assert not svc.get(lead, made.id).active


def test_a_written_item_of_a_paused_schedule_is_not_moved_either(ctx: Any, lead: Actor) -> None:
    """Pausing keeps what was overdue already; moving it to a coming day would owe it again."""
    svc = ctx.services.schedules
    made = svc.add(lead, one_off("Alarm test", start=soon(hours=-1), lead_minutes=0))  # due already
    svc.catch_up(lead)
    svc.set_active(lead, made.id, False)
    [overdue] = [o for o in svc.open_items(lead) if o.schedule_id == made.id]
    with pytest.raises(ValidationError) as refused:
        svc.reschedule(lead, overdue.id, soon(days=2))
    assert refused.value.reason == Message("schedule.paused_no_move", title="Alarm test").text()
    [still] = [o for o in svc.open_items(lead) if o.schedule_id == made.id]
    assert still.due_at == overdue.due_at


def test_an_item_of_a_deleted_schedule_says_there_is_no_such_schedule(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(days=10), rule="weekly"))
    [promised, *_] = svc.calendar(lead, soon(), soon(days=30))
    svc.remove(lead, made.id)
    with pytest.raises(NotFound):
        svc.reschedule_promised(lead, made.id, promised.rule_at, promised.due_at + timedelta(days=1))
