"""A recurring drill run from two PCs at once: one run of the occurrence both were shown.

Found with `drill run 1` from three processes at once: three runs, and the series' future
occurrences marked done ("Run as drill #9", "#11"), its next date two years on. A one-off plan
was claimed (the second Run refused), a series was not. Here the other PC's whole run is made
after this call read the plan and before it acts on it, as happened when both pressed at once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from branchguard.core.drills.types import DrillStatus
from branchguard.core.kernel.errors import ValidationError
from branchguard.db.models.schedules import OccurrenceRow
from tests.core.drills.test_drills import _plan


def _other_pc_runs_first(drills: Any, monkeypatch: Any, who: Any) -> list[Any]:
    """Another PC's `run` of the same plan, made once this call has read the plan (`get`)."""
    real, ran = drills.get, []

    def read_then_other_pc(actor: Any, plan_id: int) -> Any:
        shown = real(actor, plan_id)
        monkeypatch.setattr(drills, "get", real)
        ran.append(drills.run(who, plan_id))
        return shown

    monkeypatch.setattr(drills, "get", read_then_other_pc)
    return ran


def test_a_series_run_from_two_pcs_at_once_runs_its_occurrence_once(ctx, lead, staff, monkeypatch) -> None:
    drills = ctx.services.drills
    series = _plan(ctx, lead, code="ROB", rrule="semiannual")
    next_date = drills.get(lead, series.id).planned_at
    ran = _other_pc_runs_first(drills, monkeypatch, staff)
    try:
        drills.run(lead, series.id)
        refused = None
    except ValidationError as err:
        refused = err
    (run,) = ran
    assert refused is not None and refused.reason_message.key == "drill.not_planned"
    assert refused.reason_message.params["id"] == run.id
    runs = [p for p in drills.list(lead) if p.series_id == series.id]
    assert [(p.id, p.planned_at, p.status) for p in runs] == [(run.id, next_date, DrillStatus.RUNNING)]
    with ctx.sessions() as s:
        done = select(func.count()).select_from(OccurrenceRow)
        done = done.where(OccurrenceRow.schedule_id == series.schedule_id, OccurrenceRow.status == "done")
        assert s.scalar(done) == 1
    assert drills.get(lead, series.id).planned_at > next_date  # the next occurrence, once
