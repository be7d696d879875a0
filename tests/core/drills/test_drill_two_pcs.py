"""Two PCs changing one drill at once, on SQLite and PostgreSQL: the other PC's change is made after
this call read the drill and before it writes (tests/interleave_support.py interleaves them by
hand), and this call meets the refusal it would meet had it come second. Without the plan read
locked (db/locks.py) both passed the check: a drill evaluated twice (the second failing on the
stored evaluation instead of being refused), a running drill cancelled, a cancelled one moved, a
corrective action marked done twice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from branchguard.core.demo.drills import FIRE_SCORES
from branchguard.core.drills.service import DrillService
from branchguard.core.drills.types import DrillStatus, EvaluationInput
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.db.models.drills import DrillEvaluationRow
from branchguard.db.models.incidents import IncidentActionRow
from tests.core.drills.test_drills import _end, _plan, _tomorrow
from tests.interleave_support import race


def _read(plan_id: int):
    """What PC A read before PC B came: the plan."""
    return lambda s: DrillService._row(s, plan_id)


def _audited(ctx, lead, action: str) -> int:
    return sum(e.action == action for e in ctx.services.audit.list(lead))


def _refused_as(err: pytest.ExceptionInfo[ValidationError], key: str, plan_id: int) -> None:
    assert err.value.reason_message.key == key and err.value.reason_message.params["id"] == plan_id


def _ended_run(ctx, lead, staff) -> int:
    plan = _plan(ctx, lead)
    _end(ctx, lead, ctx.services.drills.run(staff, plan.id))
    return plan.id


def _evaluation(text: str) -> EvaluationInput:
    """Scores and one dated corrective action (it gets a reminder schedule)."""
    action = FollowUpInput(text, "王五", date.today() + timedelta(days=7))
    return EvaluationInput(FIRE_SCORES, actions=(action,))


def test_a_drill_evaluated_from_two_pcs_at_once_is_evaluated_once(ctx, lead, staff, monkeypatch) -> None:
    drills = ctx.services.drills
    pid = _ended_run(ctx, lead, staff)
    race(monkeypatch, drills, _read(pid), lambda: drills.evaluate(lead, pid, _evaluation("PC B 复训")))
    with pytest.raises(ValidationError) as refused:
        drills.evaluate(lead, pid, _evaluation("PC A 复训"))
    _refused_as(refused, "drill.not_running", pid)
    record = drills.record_of(lead, pid)
    assert record.plan.status == DrillStatus.EVALUATED
    assert [a.text for a in record.actions] == ["PC B 复训"]
    with ctx.sessions() as s:
        stored = select(func.count()).select_from(DrillEvaluationRow).where(DrillEvaluationRow.plan_id == pid)
        assert s.scalar(stored) == 1
    assert _audited(ctx, lead, "drill.evaluate") == 1


def test_a_drill_another_pc_ran_meanwhile_is_not_cancelled(ctx, lead, staff, monkeypatch) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    race(monkeypatch, drills, _read(plan.id), lambda: drills.run(staff, plan.id))
    with pytest.raises(ValidationError) as refused:
        drills.cancel(lead, plan.id)
    _refused_as(refused, "drill.not_planned", plan.id)
    assert drills.get(lead, plan.id).status == DrillStatus.RUNNING
    assert _audited(ctx, lead, "drill.cancel") == 0


def test_a_drill_cancelled_from_two_pcs_at_once_is_cancelled_once(ctx, lead, monkeypatch) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    race(monkeypatch, drills, _read(plan.id), lambda: drills.cancel(lead, plan.id))
    with pytest.raises(ValidationError) as refused:
        drills.cancel(lead, plan.id)
    _refused_as(refused, "drill.not_planned", plan.id)
    assert _audited(ctx, lead, "drill.cancel") == 1


def test_a_drill_another_pc_cancelled_meanwhile_is_not_moved(ctx, lead, monkeypatch) -> None:
    drills = ctx.services.drills
    plan = _plan(ctx, lead)
    race(monkeypatch, drills, _read(plan.id), lambda: drills.cancel(lead, plan.id))
    with pytest.raises(ValidationError) as refused:
        drills.move(lead, plan.id, _tomorrow() + timedelta(days=7))
    _refused_as(refused, "drill.not_planned", plan.id)
    after = drills.get(lead, plan.id)
    assert (after.status, after.planned_at) == (DrillStatus.CANCELLED, plan.planned_at)
    assert _audited(ctx, lead, "drill.move") == 0


def test_a_corrective_action_done_from_two_pcs_at_once_is_done_once(ctx, lead, staff, monkeypatch) -> None:
    drills = ctx.services.drills
    pid = _ended_run(ctx, lead, staff)
    drills.evaluate(lead, pid, _evaluation("复训"))
    [action] = drills.record_of(lead, pid).actions

    def read(s):  # PC A's read: the plan and the action, not done yet
        return DrillService._row(s, pid), s.get(IncidentActionRow, action.id)

    by_b: list = []
    race(monkeypatch, drills, read, lambda: by_b.append(drills.complete_action(lead, pid, action.id)))
    by_a = drills.complete_action(lead, pid, action.id)  # done already: nothing more to do
    [done] = drills.record_of(lead, pid).actions
    assert done.done_at is not None and by_a.done_at == done.done_at == by_b[0].done_at  # PC B's, kept
    assert _audited(ctx, lead, "drill.action_done") == 1
