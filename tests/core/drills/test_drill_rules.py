"""Which actions each drill status opens and to which role: the pure rules the Drills page enables
its buttons by (every status × every action × every role), and the service refusing every action
the page withholds, so the command line cannot do what the window does not offer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from branchguard.core.demo.drills import FIRE_SCORES
from branchguard.core.drills import rules
from branchguard.core.drills.types import (
    DrillAction,
    DrillMode,
    DrillPlan,
    DrillPlanInput,
    DrillScope,
    DrillStatus,
    EvaluationInput,
)
from branchguard.core.hazards.types import HazardInput
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.errors import BranchGuardError, NotFound, ValidationError
from branchguard.core.kernel.roles import ROLE_TABLE
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.playbooks.types import IncidentCategory

A = DrillAction
OPEN_IN: dict[DrillStatus, set[DrillAction]] = {
    DrillStatus.PLANNED: {A.RUN, A.MOVE, A.CANCEL},
    DrillStatus.RUNNING: {A.HEADCOUNT, A.EVALUATE},
    DrillStatus.EVALUATED: {A.VIEW_ACTIONS, A.COMPLETE_ACTION, A.VOID, A.RECORD_HAZARD},
    DrillStatus.CANCELLED: set(),
}
# The safety lead plans, cancels, evaluates and follows up; staff run drills, count heads and record
# the hazards a drill found (as they enter hazards); everyone reads the corrective actions.
FOR_ROLE: dict[Role, set[DrillAction]] = {
    Role.LEAD: set(DrillAction),
    Role.STAFF: {A.RUN, A.HEADCOUNT, A.VIEW_ACTIONS, A.RECORD_HAZARD},
    Role.AUDITOR: {A.VIEW_ACTIONS},
}
WHEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def person(role: Role) -> Actor:
    return Actor(user_id=None, username=role.value, role=role)


def drill(status: DrillStatus) -> DrillPlan:
    return DrillPlan(
        id=7,
        title="消防疏散演练",
        playbook_code="FIRE",
        category=IncidentCategory.FIRE_EVACUATION,
        scope=DrillScope.SINGLE_TOPIC,
        mode=DrillMode.LIVE,
        announced=True,
        planned_at=WHEN,
        schedule_id=None,
        rule="",
        series_id=None,
        participants={},
        observers=(),
        goals=(),
        expected_headcount=None,
        criteria_set="fire",
        status=status,
        incident_id=None if status in (DrillStatus.PLANNED, DrillStatus.CANCELLED) else 3,
        ended=status not in (DrillStatus.PLANNED, DrillStatus.CANCELLED),  # a run that is over
        run_at=None,
        score=None,
        notes="",
        created_by="lead",
        created_at=WHEN,
    )


@pytest.mark.parametrize("status", list(DrillStatus))
@pytest.mark.parametrize("action", list(DrillAction))
@pytest.mark.parametrize("role", list(Role))
def test_an_action_is_offered_when_the_status_opens_it_and_the_role_may(
    status: DrillStatus, action: DrillAction, role: Role
) -> None:
    expected = action in OPEN_IN[status] and action in FOR_ROLE[role]
    expected &= action is not A.VOID  # a run is never voided: only a drill recorded afterwards
    assert (action in rules.available_actions(drill(status), person(role))) is expected
    assert (action in rules.open_in(status.value)) is (action in OPEN_IN[status])
    assert rules.allowed(person(role), action) is (action in FOR_ROLE[role])


@pytest.mark.parametrize("status", list(DrillStatus))
@pytest.mark.parametrize("action", list(DrillAction))
def test_the_service_check_refuses_exactly_what_the_status_does_not_open(
    status: DrillStatus, action: DrillAction
) -> None:
    if action in OPEN_IN[status]:
        rules.expect(7, status.value, action)
    else:
        with pytest.raises(ValidationError) as refused:
            rules.expect(7, status.value, action)
        assert "#7" in refused.value.message and status.label in refused.value.message


def test_nothing_is_offered_without_a_chosen_drill() -> None:
    assert rules.available_actions(None, person(Role.LEAD)) == frozenset()


def test_every_action_is_asked_of_the_role_table() -> None:
    assert {rule.role_action for rule in rules.ACTIONS.values()} <= ROLE_TABLE.keys()
    assert set(rules.ACTIONS) == set(DrillAction)


# -- the service refuses what the window withholds -------------------------------------------------
def _in_status(ctx, lead, staff, status: DrillStatus) -> tuple[int, int | None]:
    """A one-off drill in `status`, and an action of its run's incident (None before a run)."""
    drills = ctx.services.drills
    when = (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)
    plan = drills.plan(lead, DrillPlanInput("FIRE", when, expected_headcount=9))
    if status is DrillStatus.CANCELLED:
        drills.cancel(lead, plan.id)
    if status in (DrillStatus.PLANNED, DrillStatus.CANCELLED):
        return plan.id, None
    run = drills.run(staff, plan.id)
    assert run.incident_id is not None
    if status is DrillStatus.EVALUATED:
        ctx.services.incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))
        drills.evaluate(lead, plan.id, EvaluationInput(FIRE_SCORES, actions=(FollowUpInput("复训", "赵敏"),)))
    else:  # a follow-up action filed when the run's incident closed, before any evaluation
        ctx.services.incidents.close(
            lead, run.incident_id, CloseInput(outcome="演练结束", actions=(FollowUpInput("复训", "赵敏"),))
        )
    [action] = drills.record_of(lead, plan.id).actions
    return plan.id, action.id


def test_the_service_refuses_every_action_the_status_does_not_open(ctx, lead, staff, snapshot) -> None:
    drills = ctx.services.drills
    attempts = {
        A.RUN: lambda plan_id, _action: drills.run(lead, plan_id),
        A.MOVE: lambda plan_id, _action: drills.move(lead, plan_id, datetime.now() + timedelta(days=3)),
        A.CANCEL: lambda plan_id, _action: drills.cancel(lead, plan_id),
        A.HEADCOUNT: lambda plan_id, _action: drills.record_headcount(lead, plan_id, 8),
        A.EVALUATE: lambda plan_id, _action: drills.evaluate(lead, plan_id, EvaluationInput(FIRE_SCORES)),
        # with no run there is no action of this drill to complete: not found is a refusal too
        A.COMPLETE_ACTION: lambda plan_id, action: drills.complete_action(lead, plan_id, action or 0),
        A.VOID: lambda plan_id, _action: drills.void_held(lead, plan_id, "误录"),
        A.RECORD_HAZARD: lambda plan_id, _action: ctx.services.hazards.create(
            lead, HazardInput("疏散慢", owner="李安全"), drill_id=plan_id
        ),
    }
    assert set(attempts) == set(DrillAction) - {A.VIEW_ACTIONS}  # a read: nothing to refuse
    plans = {status: _in_status(ctx, lead, staff, status) for status in DrillStatus}
    before = snapshot()
    for status, (plan_id, action_id) in plans.items():
        for action in set(attempts) - OPEN_IN[status]:
            with pytest.raises(BranchGuardError) as refused:
                attempts[action](plan_id, action_id)
            assert isinstance(refused.value, ValidationError | NotFound), (status, action)
    assert snapshot() == before
    assert {s: drills.get(lead, plan_id).status for s, (plan_id, _a) in plans.items()} == {
        s: s for s in DrillStatus
    }


def test_a_run_drill_refuses_its_corrective_actions_until_it_is_evaluated(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan_id, action_id = _in_status(ctx, lead, staff, DrillStatus.RUNNING)
    assert action_id is not None
    with pytest.raises(ValidationError, match="评估"):
        drills.complete_action(lead, plan_id, action_id)
    drills.evaluate(lead, plan_id, EvaluationInput(FIRE_SCORES))
    assert drills.complete_action(lead, plan_id, action_id).done_by == "lead"
    with pytest.raises(ValidationError, match="清点"):
        drills.record_headcount(lead, plan_id, 9)  # evaluated: the count is over
