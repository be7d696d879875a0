"""Occurrences the rule promises but that are not written yet: moving one (the calendar's drag of an
item with no id) and completing the next one (a drill run before its reminder window opened)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.types import OccurrenceStatus
from tests.core.schedules.test_schedules import one_off, soon


def _promised(svc: Any, lead: Actor, schedule_id: int, days: int) -> list[Any]:
    now = soon()
    return [o for o in svc.calendar(lead, now, now + timedelta(days=days)) if o.schedule_id == schedule_id]


def test_moving_a_promised_occurrence_writes_it_and_the_earlier_ones_once(
    ctx: Any, lead: Actor, staff: Actor
) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(days=3), rule="weekly"))
    first, second, third = _promised(svc, lead, made.id, 20)[:3]
    assert (first.id, second.id, third.id) == (None, None, None)
    new_due = third.due_at + timedelta(days=1, hours=2)
    with pytest.raises(PermissionDenied):
        svc.reschedule_promised(staff, made.id, third.rule_at, new_due)
    moved = svc.reschedule_promised(lead, made.id, third.rule_at, new_due)
    assert moved.id is not None and moved.rule_at == third.rule_at and moved.due_at == new_due
    # the earlier ones are written too (catch-up writes on from the last written one), each once
    shown = _promised(svc, lead, made.id, 30)
    assert [o.rule_at for o in shown[:3]] == [first.rule_at, second.rule_at, third.rule_at]
    assert all(o.id is not None for o in shown[:3]) and shown[2].due_at == new_due
    assert shown[3].id is None  # later ones stay promised
    for days in (4, 11, 18, 40):
        svc.catch_up(lead, soon(days=days))
    written = [o for o in svc.calendar(lead, soon(), soon(days=60)) if o.schedule_id == made.id and o.id]
    assert len({o.rule_at for o in written}) == len(written)
    assert sum(1 for o in written if o.rule_at == third.rule_at) == 1
    audit = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.reschedule"))
    assert [e.entity_id for e in audit] == [str(moved.id)]


def test_a_time_that_is_not_the_rules_is_refused_and_writes_nothing(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(days=3), rule="weekly"))
    (first,) = _promised(svc, lead, made.id, 5)
    with pytest.raises(ValidationError):
        svc.reschedule_promised(lead, made.id, first.rule_at + timedelta(hours=1), first.due_at)
    with pytest.raises(ValidationError):  # a naive time
        svc.reschedule_promised(lead, made.id, first.rule_at, first.due_at.replace(tzinfo=None))
    assert all(o.id is None for o in _promised(svc, lead, made.id, 30))


def test_completing_the_next_occurrence_before_it_is_written(ctx: Any, lead: Actor, staff: Actor) -> None:
    svc = ctx.services.schedules
    once = svc.add(lead, one_off(start=soon(days=5)))
    done = svc.complete_next(staff, once.id, note="run early")
    assert done is not None and done.status is OccurrenceStatus.DONE and done.note == "run early"
    # it never falls due nor reminds afterwards, and nothing more is owed
    later = soon(days=6)
    svc.catch_up(lead, later)
    assert [o for o in svc.open_items(lead, later) if o.schedule_id == once.id] == []
    assert [r for r in svc.reminders(lead, later) if r.schedule_id == once.id] == []
    assert svc.complete_next(staff, once.id) is None
    # a recurring one: the written open item first, else the next promised one
    weekly = svc.add(lead, one_off(start=soon(hours=2), rule="weekly"))
    svc.catch_up(lead, soon(hours=1, minutes=30))
    (open_item,) = [o for o in svc.open_items(lead) if o.schedule_id == weekly.id]
    assert svc.complete_next(staff, weekly.id).id == open_item.id
    following = svc.complete_next(staff, weekly.id)
    assert following is not None and following.rule_at == open_item.rule_at + timedelta(days=7)
