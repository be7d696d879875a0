"""Drill compliance view and the criteria sets / rules as data, edited per region."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from branchguard.core.drills import compliance
from branchguard.core.drills.types import (
    ComplianceStatus,
    Criterion,
    DrillPlanInput,
    DrillScope,
    EvaluationInput,
)
from branchguard.core.incidents.types import CloseInput
from branchguard.core.kernel.errors import PermissionDenied, ValidationError
from branchguard.core.kernel.types import Text2
from branchguard.db.base import utcnow
from tests.branch_age import in_use_since

GENERAL_SCORES = {"detect": 80, "command": 80, "people_first": 80, "steps": 80, "report": 80, "record": 80}


def _by_code(items):
    return {i.rule.code: i for i in items}


def test_a_new_branch_owes_each_drill_within_its_first_interval_not_at_once(ctx, lead) -> None:
    """Set up today, a branch has its half-yearly fire drill due in six months, counted from the day
    it began with BranchGuard; it read every rule overdue from its first day."""
    drills = ctx.services.drills
    items = _by_code(drills.compliance(lead))
    # FIRE_NOTICE is regional and optional: off in the defaults, so not checked
    assert set(items) == {"FIRE_EVAC", "ONSITE", "COMPREHENSIVE", "ROBBERY", "SERVICE_INCIDENT"}
    today = date.today()
    for item in items.values():
        assert item.status == ComplianceStatus.ON_TIME and item.last_done is None
        assert item.first_since == today
        assert item.next_due == today + relativedelta(months=item.rule.interval_months)
    later = utcnow() + relativedelta(months=6) - timedelta(days=10)
    assert _by_code(drills.compliance(lead, now=later))["FIRE_EVAC"].status == ComplianceStatus.DUE_SOON
    after = utcnow() + relativedelta(months=6) + timedelta(days=2)
    assert _by_code(drills.compliance(lead, now=after))["FIRE_EVAC"].status == ComplianceStatus.OVERDUE


def test_a_branch_in_use_for_years_without_the_drill_is_overdue(ctx, lead) -> None:
    since = datetime(2021, 3, 1, 9, tzinfo=UTC)
    in_use_since(ctx, since)
    items = _by_code(ctx.services.drills.compliance(lead))
    assert all(i.status == ComplianceStatus.OVERDUE for i in items.values())
    fire = items["FIRE_EVAC"]
    assert fire.next_due == date(2021, 9, 1) and fire.first_since == date(2021, 3, 1)


def test_a_fire_drill_run_satisfies_the_fire_rule_until_due_soon_then_overdue(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    when = datetime.now() + timedelta(days=3)
    plan = drills.plan(lead, DrillPlanInput("FIRE", when))
    in_use_since(ctx, datetime(2021, 3, 1, tzinfo=UTC))  # a branch of years that has not drilled
    item = _by_code(drills.compliance(lead))["FIRE_EVAC"]
    assert item.status == ComplianceStatus.OVERDUE and item.next_planned == plan.planned_at
    run = drills.run(staff, plan.id)
    # a drill still running is not done yet
    assert _by_code(drills.compliance(lead))["FIRE_EVAC"].status == ComplianceStatus.OVERDUE
    assert run.incident_id is not None
    ctx.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))
    now = utcnow()
    items = _by_code(drills.compliance(lead, now=now))
    fire = items["FIRE_EVAC"]
    ran_on = run.run_at.astimezone().date()
    assert fire.status == ComplianceStatus.ON_TIME and fire.last_plan_id == plan.id
    assert fire.next_due == ran_on + relativedelta(months=6) and fire.next_planned is None
    assert items["ONSITE"].status == ComplianceStatus.ON_TIME  # FIRE is an on-site plan
    assert items["COMPREHENSIVE"].status == ComplianceStatus.OVERDUE
    assert items["ROBBERY"].status == ComplianceStatus.OVERDUE
    soon = now + relativedelta(months=6) - timedelta(days=20)
    assert _by_code(drills.compliance(lead, now=soon))["FIRE_EVAC"].status == ComplianceStatus.DUE_SOON
    # the threshold is a setting: with 10 days, 20 days ahead is still on time
    late = _by_code(drills.compliance(lead, due_soon_days=10, now=soon))["FIRE_EVAC"]
    assert late.status == ComplianceStatus.ON_TIME
    after = now + relativedelta(months=6) + timedelta(days=2)
    assert _by_code(drills.compliance(lead, now=after))["FIRE_EVAC"].status == ComplianceStatus.OVERDUE


def test_status_boundaries() -> None:
    today = date(2026, 3, 1)
    assert compliance.status_for(today, today, 30) == ComplianceStatus.DUE_SOON
    assert compliance.status_for(today - timedelta(days=1), today, 30) == ComplianceStatus.OVERDUE
    assert compliance.status_for(today + timedelta(days=30), today, 30) == ComplianceStatus.DUE_SOON
    assert compliance.status_for(today + timedelta(days=31), today, 30) == ComplianceStatus.ON_TIME


def test_a_region_overrides_a_rule_without_changing_the_defaults(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    fire = next(r for r in drills.compliance_rules(lead) if r.code == "FIRE_EVAC")
    drills.save_rule(lead, replace(fire, interval_months=3), region="GD")
    plan = drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=1)))
    run = drills.run(staff, plan.id)
    ran_on = run.run_at.astimezone().date()
    ctx.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))
    assert _by_code(drills.compliance(lead, region="GD"))["FIRE_EVAC"].next_due == ran_on + relativedelta(
        months=3
    )
    assert _by_code(drills.compliance(lead))["FIRE_EVAC"].next_due == ran_on + relativedelta(months=6)
    with pytest.raises(ValidationError):
        drills.save_rule(lead, replace(fire, interval_months=0))
    with pytest.raises(PermissionDenied):
        drills.save_rule(staff, fire)


def test_criteria_sets_weights_must_add_up_to_100(ctx, lead) -> None:
    drills = ctx.services.drills
    sets = {cs.code: cs for cs in drills.criteria_sets(lead)}
    assert set(sets) == {"FIRE", "ROBBERY", "MEDICAL", "SYSTEM", "GENERAL"}
    assert all(sum(c.weight for c in cs.criteria) == 100 for cs in sets.values())
    medical = sets["MEDICAL"]
    heavier = replace(
        medical, criteria=(*medical.criteria, Criterion("aed_check", Text2("检查 AED", "AED checked"), 5))
    )
    with pytest.raises(ValidationError, match="105"):
        drills.save_criteria_set(lead, heavier)
    first = replace(medical.criteria[0], weight=medical.criteria[0].weight - 5)
    fixed = replace(heavier, criteria=(first, *heavier.criteria[1:]))
    drills.save_criteria_set(lead, fixed, region="GD")
    assert len({cs.code: cs for cs in drills.criteria_sets(lead, "GD")}["MEDICAL"].criteria) == 7
    assert len({cs.code: cs for cs in drills.criteria_sets(lead)}["MEDICAL"].criteria) == 6


def test_a_comprehensive_drill_satisfies_the_comprehensive_rule(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    plan = drills.plan(lead, DrillPlanInput("GEN", datetime.now(), scope=DrillScope.COMPREHENSIVE))
    assert plan.criteria_set == "GENERAL"
    run = drills.run(staff, plan.id)
    ctx.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))  # over: evaluated now
    drills.evaluate(lead, plan.id, EvaluationInput(GENERAL_SCORES))
    items = _by_code(drills.compliance(lead))
    assert items["COMPREHENSIVE"].status == ComplianceStatus.ON_TIME
    assert items["ONSITE"].last_done is None  # a comprehensive drill is no on-site plan's
