"""The drill service refuses a role the table refuses before it looks at anything: the drill's state,
whether it exists, or what is asked of it. An auditor asking for a planned drill's headcount was
told the drill "has not been run yet", as if running it would have let them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from branchguard.core.drills.types import DrillPlanInput, EvaluationInput
from branchguard.core.kernel.errors import PermissionDenied

MISSING = 999_999  # no drill has this id


def _tomorrow() -> datetime:
    return (datetime.now() + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


def test_the_headcount_of_a_planned_drill_is_refused_to_an_auditor_as_a_role(ctx, lead, auditor) -> None:
    drills = ctx.services.drills
    planned = drills.plan(lead, DrillPlanInput("FIRE", _tomorrow(), expected_headcount=12))
    with pytest.raises(PermissionDenied) as refused:
        drills.record_headcount(auditor, planned.id, 11)
    assert refused.value.action == "drill.run"
    with pytest.raises(PermissionDenied):  # nor told that a drill does not exist
        drills.record_headcount(auditor, MISSING, 11)


def test_every_change_is_refused_as_a_role_whatever_it_asks(ctx, lead, staff, auditor) -> None:
    """Each call would fail for its input or its drill too; the role is said first."""
    drills = ctx.services.drills
    fire_set = next(cs for cs in drills.criteria_sets(lead) if cs.code == "FIRE")
    unbalanced = replace(fire_set, criteria=fire_set.criteria[1:])  # weights no longer add up to 100
    fire_rule = next(r for r in drills.compliance_rules(lead) if r.code == "FIRE_EVAC")
    never = replace(fire_rule, interval_months=0)
    calls = {
        "plan": lambda who: drills.plan(who, DrillPlanInput("NOPE", _tomorrow(), expected_headcount=-3)),
        "move": lambda who: drills.move(who, MISSING, _tomorrow()),
        "cancel": lambda who: drills.cancel(who, MISSING),
        "run": lambda who: drills.run(who, MISSING),
        "record_headcount": lambda who: drills.record_headcount(who, MISSING, -1),
        "evaluate": lambda who: drills.evaluate(who, MISSING, EvaluationInput({"nope": 500})),
        "complete_action": lambda who: drills.complete_action(who, MISSING, MISSING),
        "save_criteria_set": lambda who: drills.save_criteria_set(who, unbalanced),
        "save_rule": lambda who: drills.save_rule(who, never),
    }
    refused = []
    for name, call in calls.items():
        for who in (auditor, staff):
            try:
                call(who)
            except PermissionDenied:
                refused.append((name, who.username))
            except Exception as exc:
                refused.append((name, f"{who.username}: {type(exc).__name__}"))
    assert refused == [
        ("plan", "auditor"),
        ("plan", "staff"),
        ("move", "auditor"),
        ("move", "staff"),
        ("cancel", "auditor"),
        ("cancel", "staff"),
        ("run", "auditor"),
        ("run", "staff: NotFound"),  # staff run drills: this one is not there
        ("record_headcount", "auditor"),
        ("record_headcount", "staff: NotFound"),
        ("evaluate", "auditor"),
        ("evaluate", "staff"),
        ("complete_action", "auditor"),
        ("complete_action", "staff"),
        ("save_criteria_set", "auditor"),
        ("save_criteria_set", "staff"),
        ("save_rule", "auditor"),
        ("save_rule", "staff"),
    ]
