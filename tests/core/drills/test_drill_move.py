"""A planned drill's date has one truth: moved through the calendar's path (`DrillService.move`),
the Drills list, the drill's schedule and calendar entry, compliance and the report all follow;
the schedules alone cannot move it; a run or cancelled drill, a past time and staff are refused."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.schedules.types import ScheduleKind
from branchguard.reports.drill_report import render_drill_report
from branchguard.reports.fonts import find_cjk_font


def _at(days: int) -> datetime:
    return (datetime.now() + timedelta(days=days)).replace(hour=10, minute=0, second=0, microsecond=0)


def _plan(ctx, lead, days: int = 1, rrule: str = ""):
    return ctx.services.drills.plan(lead, DrillPlanInput("FIRE", _at(days), rrule=rrule))


def _calendar_item(ctx, lead, schedule_id: int, around: datetime):
    start = around.astimezone(UTC) - timedelta(days=2)
    items = ctx.services.schedules.calendar(lead, start, start + timedelta(days=4))
    return [o for o in items if o.schedule_id == schedule_id]


def test_a_drill_moved_in_the_calendar_moves_everywhere(ctx, lead, tmp_path: Path) -> None:
    drills, schedules = ctx.services.drills, ctx.services.schedules
    plan = _plan(ctx, lead)
    old = plan.planned_at
    (entry,) = _calendar_item(ctx, lead, plan.schedule_id, old)
    assert entry.kind is ScheduleKind.DRILL and entry.subject_id == plan.id and not entry.recurring
    new = _at(12)

    drills.move(lead, entry.subject_id, new)  # what the calendar's drop calls for a drill's entry

    moved = new.astimezone(UTC)
    assert [p.planned_at for p in drills.list(lead) if p.id == plan.id] == [moved]
    assert schedules.get(lead, plan.schedule_id).next_due == moved
    assert _calendar_item(ctx, lead, plan.schedule_id, old) == []
    assert [o.due_at for o in _calendar_item(ctx, lead, plan.schedule_id, moved)] == [moved]
    nexts = {i.next_planned for i in drills.compliance(lead)}
    assert moved in nexts and old not in nexts
    record = drills.record_of(lead, plan.id)
    assert record.plan.planned_at == moved
    pdf = tmp_path / "drill.pdf"
    pdf.write_bytes(render_drill_report(record, find_cjk_font())[0])
    text = re.sub(
        r"\s+", "", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    )
    assert re.sub(r"\s+", "", local_stamp(moved)) in text
    assert re.sub(r"\s+", "", local_stamp(old)) not in text
    actions = [e.action for e in ctx.services.audit.list(lead)]
    assert "drill.move" in actions


def test_the_schedules_alone_cannot_move_a_drill(ctx, lead) -> None:
    schedules = ctx.services.schedules
    plan = _plan(ctx, lead)
    (entry,) = _calendar_item(ctx, lead, plan.schedule_id, plan.planned_at)
    with pytest.raises(ValidationError) as refused:
        schedules.reschedule_promised(lead, entry.schedule_id, entry.rule_at, _at(5).astimezone(UTC))
    assert (
        refused.value.field == "field.occurrence"
        and refused.value.reason_message.key == "schedule.moved_by_drill"
    )
    assert ctx.services.drills.get(lead, plan.id).planned_at == plan.planned_at


def test_a_written_occurrence_moves_with_the_drill(ctx, lead) -> None:
    """Within the reminder window the occurrence is written: the move replaces it, not adds one."""
    schedules = ctx.services.schedules
    plan = _plan(ctx, lead)
    schedules.catch_up(lead, now=plan.planned_at)  # the reminder window has opened: written
    written = [
        o for o in schedules.open_items(lead, now=plan.planned_at) if o.schedule_id == plan.schedule_id
    ]
    assert len(written) == 1
    with pytest.raises(ValidationError):
        schedules.reschedule(lead, written[0].id, _at(3).astimezone(UTC))
    ctx.services.drills.move(lead, plan.id, _at(3))
    items = [o for o in schedules.open_items(lead, now=_at(3)) if o.schedule_id == plan.schedule_id]
    assert items == []  # none written for the old date; the new one is written when its window opens
    assert schedules.get(lead, plan.schedule_id).next_due == _at(3).astimezone(UTC)


def test_moves_refused_when_run_cancelled_past_a_series_or_by_staff(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    with pytest.raises(PermissionDenied):
        drills.move(staff, plan.id, _at(4))
    with pytest.raises(ValidationError) as past:
        drills.move(lead, plan.id, _at(-1))
    assert past.value.reason_message.key == "drill.move_past"
    series = _plan(ctx, lead, rrule="semiannual")
    with pytest.raises(ValidationError) as serial:
        drills.move(lead, series.id, _at(4))
    assert serial.value.reason_message.key == "drill.series_move"
    drills.run(staff, plan.id)
    with pytest.raises(ValidationError) as ran:
        drills.move(lead, plan.id, _at(4))
    assert ran.value.reason_message.key == "drill.not_planned"
    other = _plan(ctx, lead, days=2)
    drills.cancel(lead, other.id)
    with pytest.raises(ValidationError):
        drills.move(lead, other.id, _at(4))
    assert drills.get(lead, plan.id).planned_at == plan.planned_at


def test_moving_one_date_of_a_series_moves_that_entry_only_and_its_next_run_shows_it(ctx, lead) -> None:
    """A recurring drill's calendar entry is one occurrence of its rule: the drop moves that entry
    alone (the rule, its other dates and the series itself stay); the Drills list then shows the
    next run on the day it was moved to, read from the occurrence, not recomputed from the rule."""
    drills, schedules = ctx.services.drills, ctx.services.schedules
    series = _plan(ctx, lead, days=3, rrule="monthly")
    rule_next = series.planned_at
    start = rule_next - timedelta(days=2)
    before = [
        (o.rule_at, o.due_at)
        for o in schedules.calendar(lead, start, start + timedelta(days=100))
        if o.schedule_id == series.schedule_id
    ]
    assert len(before) >= 3 and before[0][1] == rule_next
    moved_to = rule_next + timedelta(days=2)
    schedules.reschedule_promised(lead, series.schedule_id, before[0][0], moved_to)

    after = [
        (o.rule_at, o.due_at)
        for o in schedules.calendar(lead, start, start + timedelta(days=100))
        if o.schedule_id == series.schedule_id
    ]
    assert after == [(before[0][0], moved_to), *before[1:]]  # that entry alone
    assert schedules.get(lead, series.schedule_id).rule == series.rule  # the rule is untouched
    (listed,) = [p for p in drills.list(lead) if p.id == series.id]
    assert listed.planned_at == moved_to  # the next run as the calendar shows it
    assert drills.get(lead, series.id).planned_at == moved_to
    assert moved_to in {i.next_planned for i in drills.compliance(lead)}
