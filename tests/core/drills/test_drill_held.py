"""A drill held without BranchGuard, recorded afterwards (core/drills/held.py): it counts towards the
compliance rules from the day it was held, says it was recorded afterwards, has no live log, and a
bad entry is refused before anything is written."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, select

from branchguard.core.drills.types import (
    ComplianceStatus,
    DrillStatus,
    EvaluationInput,
    HeldDrillInput,
)
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.foundation import AuditEventRow

FIRE_SCORES = {
    "alarm": 90, "call_119": 80, "teams": 100, "evacuation": 70,
    "guidance": 80, "cash_vault": 60, "headcount": 100, "report": 90,
}  # fmt: skip
ROB = dict.fromkeys(
    ("no_resistance", "panic_button", "features", "call_110", "victim_care", "scene", "cctv", "report"), 90
)


def _held(days_ago: int = 40, **changes) -> HeldDrillInput:
    at = datetime.combine(date.today() - timedelta(days=days_ago), time(9, 30))
    values = {
        "playbook_code": "fire",
        "held_at": at,
        "reference": "安全管理台账 2026 第 14 页",
        "evaluation": EvaluationInput(FIRE_SCORES, problems="金库人员撤离慢"),
    } | changes
    return HeldDrillInput(**values)


def _rules(ctx, lead):
    return {i.rule.code: i for i in ctx.services.drills.compliance(lead)}


def test_a_drill_held_before_the_install_satisfies_its_rules_from_the_day_it_was_held(ctx, lead) -> None:
    never = _rules(ctx, lead)["FIRE_EVAC"]  # never done, as a new branch: due six months on
    assert never.last_done is None and never.next_due == date.today() + relativedelta(months=6)
    plan = ctx.services.drills.record_held(lead, _held(40))
    assert plan.status == DrillStatus.EVALUATED and plan.recorded_afterwards
    assert plan.incident_id is None and plan.score is not None
    assert plan.playbook_code == "FIRE" and plan.notes == "安全管理台账 2026 第 14 页"
    fire = _rules(ctx, lead)["FIRE_EVAC"]
    held_on = plan.run_at.astimezone().date()
    assert held_on == _held(40).held_at.date()  # the local day it was held, whatever the zone
    assert fire.status == ComplianceStatus.ON_TIME and fire.last_plan_id == plan.id
    assert fire.next_due == held_on + relativedelta(months=6)  # from the day it was held, not today
    assert fire.first_since is None


def test_a_drill_held_longer_ago_than_its_interval_makes_a_new_branch_overdue(ctx, lead) -> None:
    """The first period counts from the day the branch began with BranchGuard only while no earlier
    drill is known: the last one held eight months ago makes the half-yearly rule overdue today."""
    plan = ctx.services.drills.record_held(lead, _held(240))
    fire = _rules(ctx, lead)["FIRE_EVAC"]
    assert fire.last_plan_id == plan.id and fire.status == ComplianceStatus.OVERDUE
    assert fire.next_due == plan.run_at.astimezone().date() + relativedelta(months=6)


def test_its_record_carries_the_evaluation_and_no_live_log(ctx, lead) -> None:
    plan = ctx.services.drills.record_held(lead, _held())
    record = ctx.services.drills.record_of(lead, plan.id)
    assert record.incident is None and record.steps == () and record.actions == ()
    assert record.evaluation is not None and record.evaluation.problems == "金库人员撤离慢"
    assert {c.code: c.score for c in record.evaluation.criteria} == FIRE_SCORES
    assert record.evaluation.score == plan.score


def test_the_audit_trail_keeps_when_it_was_held_and_where_its_paper_record_is(ctx, lead) -> None:
    plan = ctx.services.drills.record_held(lead, _held())
    with ctx.sessions() as s:
        event = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "drill.record_held")).one()
    assert event.entity_id == str(plan.id) and event.actor == "lead"
    assert event.after["held_reference"] == "安全管理台账 2026 第 14 页"
    assert event.after["scores"] == FIRE_SCORES


def test_a_planned_drill_run_live_is_not_recorded_afterwards(ctx, lead, staff) -> None:
    from branchguard.core.drills.types import DrillPlanInput

    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=1)))
    assert not plan.recorded_afterwards
    assert not ctx.services.drills.run(staff, plan.id).recorded_afterwards


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"held_at": datetime.now() + timedelta(hours=2)}, "field.held_at", id="still-ahead"),
        pytest.param({"reference": "  "}, "field.held_reference", id="no-paper-record"),
        pytest.param({"held_at": datetime(1999, 12, 31, 9, 30)}, "field.held_at", id="a-year-mistyped"),
        pytest.param({"playbook_code": "NOPE"}, None, id="unknown-plan"),
        pytest.param(
            {"evaluation": EvaluationInput({**FIRE_SCORES, "alarm": 101})}, "field.scores", id="over-100"
        ),
        pytest.param(
            {"evaluation": EvaluationInput({k: v for k, v in FIRE_SCORES.items() if k != "report"})},
            "field.scores",
            id="a-criterion-unscored",
        ),
        pytest.param(
            {"evaluation": EvaluationInput(FIRE_SCORES, actions=(FollowUpInput("换灭火器", "王", None),))},
            "field.actions",
            id="corrective-actions",
        ),
    ],
)
def test_a_bad_entry_is_refused_and_nothing_is_written(ctx, lead, changes, field) -> None:
    with pytest.raises((ValidationError, NotFound)) as caught:
        ctx.services.drills.record_held(lead, _held(**changes))
    if field is not None:
        assert isinstance(caught.value, ValidationError) and caught.value.field == field
    with ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(DrillPlanRow)) == 0
        assert s.scalar(select(func.count()).where(AuditEventRow.action == "drill.record_held")) == 0


def test_only_the_safety_lead_records_a_drill_afterwards(ctx, staff, auditor) -> None:
    for who in (staff, auditor):
        with pytest.raises(PermissionDenied):
            ctx.services.drills.record_held(who, _held())


def test_a_drill_held_earlier_today_is_taken_at_its_wall_clock_time(ctx, lead) -> None:
    at = (datetime.now() - timedelta(minutes=5)).replace(second=0, microsecond=0)
    plan = ctx.services.drills.record_held(lead, _held(held_at=at))
    assert plan.run_at is not None and plan.run_at.astimezone().replace(tzinfo=None) == at


def test_the_same_paper_drill_entered_twice_is_refused(ctx, lead) -> None:
    first = ctx.services.drills.record_held(lead, _held(20))
    later_that_day = _held(20).held_at.replace(hour=15)
    with pytest.raises(ValidationError) as caught:
        ctx.services.drills.record_held(lead, _held(20, reference="另一本台账", held_at=later_that_day))
    assert caught.value.field == "field.held_at" and f"#{first.id}" in caught.value.message
    assert [p.id for p in ctx.services.drills.list(lead)] == [first.id]
    other = _held(20, playbook_code="ROB", evaluation=EvaluationInput(ROB))  # another plan's, that hour
    assert ctx.services.drills.record_held(lead, other).id != first.id


def test_a_drill_recorded_by_mistake_is_voided_with_a_reason_and_stops_counting(ctx, lead, staff) -> None:
    plan = ctx.services.drills.record_held(lead, _held(40))
    assert _rules(ctx, lead)["FIRE_EVAC"].status == ComplianceStatus.ON_TIME
    with pytest.raises(PermissionDenied):
        ctx.services.drills.void_held(staff, plan.id, "录错了预案")
    with pytest.raises(ValidationError) as caught:
        ctx.services.drills.void_held(lead, plan.id, " ")
    assert caught.value.field == "field.reason"
    voided = ctx.services.drills.void_held(lead, plan.id, "录错了预案，应为防抢劫演练")
    assert voided.status == DrillStatus.CANCELLED and voided.recorded_afterwards
    assert _rules(ctx, lead)["FIRE_EVAC"].last_plan_id is None
    assert ctx.services.drills.record_of(lead, plan.id).evaluation is not None  # what was entered stays
    with ctx.sessions() as s:
        event = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "drill.void")).one()
    assert event.after["reason"] == "录错了预案，应为防抢劫演练"
    with pytest.raises(ValidationError):  # once
        ctx.services.drills.void_held(lead, plan.id, "再次作废")


def test_a_drill_run_is_never_voided(ctx, lead, staff) -> None:
    from branchguard.core.drills.types import DrillPlanInput

    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=1)))
    ctx.services.drills.run(staff, plan.id)
    with pytest.raises(ValidationError) as caught:
        ctx.services.drills.void_held(lead, plan.id, "不算")
    assert "not recorded afterwards" in caught.value.text("en")


def test_every_criterion_without_a_score_is_named_at_once(ctx, lead) -> None:
    """A scores file copied from paper is put right in one go, not one criterion per try."""
    partial = EvaluationInput({"alarm": 90, "call_119": 80})
    with pytest.raises(ValidationError) as caught:
        ctx.services.drills.record_held(lead, _held(evaluation=partial))
    assert caught.value.text("en").endswith(
        "6 criteria have no score: teams, evacuation, guidance, cash_vault, headcount, report"
    )


def test_a_record_voided_is_entered_anew_on_its_day(ctx, lead) -> None:
    """Voided for a wrong score: the right one is entered for the same day."""
    wrong = ctx.services.drills.record_held(lead, _held(12))
    ctx.services.drills.void_held(lead, wrong.id, "分数录错")
    right = ctx.services.drills.record_held(lead, _held(12, reference="台账第15页"))
    assert right.id != wrong.id and _rules(ctx, lead)["FIRE_EVAC"].last_plan_id == right.id
