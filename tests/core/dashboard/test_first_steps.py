"""A new branch's first steps, as the dashboard names those not taken: each is answered by the
database as it stands (no list read whole), and only for whoever sets the branch up."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from branchguard.core.dashboard.types import FirstSteps
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.inspections.types import Cadence
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor, Role
from branchguard.core.people.types import BranchRole, PersonInput


def test_each_first_step_is_taken_when_it_is_done_and_not_before(ctx: Any) -> None:
    info = ctx.services.auth.create_first_lead("wangjg", "safe-pass-1", "王建国")
    lead = Actor(info.id, info.username, Role.LEAD)
    steps = ctx.services.dashboard.first_steps
    assert steps(lead) == FirstSteps(staff=False, accounts=False, schedules=False, drills=False)
    ctx.services.people.add_person(lead, PersonInput("李四", BranchRole.TELLER, "13800000001"))
    ctx.services.auth.add_user(lead, "auditor1", Role.AUDITOR, "audit-pass-1")
    assert steps(lead) == FirstSteps(staff=True, accounts=True, schedules=False, drills=False)
    (template, *_rest) = ctx.services.inspections.templates(lead)
    ctx.services.inspections.schedule(lead, template.code, Cadence.DAILY, "李四", datetime.now())
    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=7)))
    assert steps(lead) == FirstSteps(staff=True, accounts=True, schedules=True, drills=True)
    assert steps(lead).done()
    ctx.services.drills.cancel(lead, plan.id)
    assert not steps(lead).drills  # a cancelled drill is no plan for the year


def test_only_whoever_sets_the_branch_up_is_told(ctx: Any, auditor: Any, staff: Any) -> None:
    for actor in (auditor, staff):
        with pytest.raises(PermissionDenied):
            ctx.services.dashboard.first_steps(actor)
