"""Each built-in compliance rule against drills of each plan tier and each state: a rule matches on
the tier of the plan drilled (not the drill's scope), and a drill counts only once completed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from branchguard.core.drills import compliance
from branchguard.core.drills import library as drills_data
from branchguard.core.drills.compliance import DrillFacts, working_days_before
from branchguard.core.drills.types import (
    ComplianceRule,
    ComplianceStatus,
    DrillMode,
    DrillPlan,
    DrillPlanInput,
    DrillScope,
    DrillStatus,
    EvaluationInput,
)
from branchguard.core.incidents.types import CloseInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.db.models.drills import ComplianceRuleRow

C, T, S = IncidentCategory, PlanTier, DrillStatus
NOW = datetime(2026, 6, 15, 4, 0, tzinfo=UTC)
RAN = NOW - timedelta(days=20)
RULES = {r.code: r for r in drills_data.load_defaults()[1]}

# (state, run at, incident closed) -> whether the drill counts
STATES = {
    "planned": (S.PLANNED, None, False, False),
    "cancelled": (S.CANCELLED, None, False, False),
    "running": (S.RUNNING, RAN, False, False),
    "running, incident closed": (S.RUNNING, RAN, True, True),
    "evaluated": (S.EVALUATED, RAN, True, True),
}
# A drill of each tier, with the category its starter plan has (GEN, RUN, FIRE, ROB, SUS)
DRILLS = {
    "GEN comprehensive": (T.COMPREHENSIVE, C.OTHER),
    "RUN special": (T.SPECIAL, C.BANK_RUN),
    "NAT special": (T.SPECIAL, C.NATURAL_DISASTER),
    "FIRE on-site": (T.ONSITE, C.FIRE_EVACUATION),
    "ROB on-site": (T.ONSITE, C.ROBBERY),
    "SUS on-site": (T.ONSITE, C.SUSPICIOUS_OBJECT),
}
# Which drills each rule counts (when completed), whatever scope the drill was run as.
COUNTED = {
    "FIRE_EVAC": {"FIRE on-site"},
    "ONSITE": {"FIRE on-site", "ROB on-site", "SUS on-site"},
    "COMPREHENSIVE": {"GEN comprehensive", "RUN special", "NAT special"},
    "ROBBERY": {"ROB on-site"},
    "SERVICE_INCIDENT": {"GEN comprehensive", "RUN special", "NAT special", "ROB on-site"},
}


def drill(tier: PlanTier, category: IncidentCategory, state: str, scope: DrillScope) -> DrillFacts:
    status, run_at, closed, _ = STATES[state]
    plan = DrillPlan(
        id=7, title="演练", playbook_code="X", category=category, scope=scope, mode=DrillMode.LIVE,
        announced=True, planned_at=RAN - timedelta(days=1), schedule_id=None, rule="", series_id=None,
        participants={}, observers=(), goals=(), expected_headcount=None, criteria_set="GENERAL",
        status=status, incident_id=70 if run_at else None, run_at=run_at, score=None, notes="",
        created_by="lead", created_at=RAN - timedelta(days=30),
    )  # fmt: skip
    return DrillFacts(plan, tier, closed)


@pytest.mark.parametrize("scope", list(DrillScope), ids=lambda s: s.value)
@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("which", list(DRILLS))
@pytest.mark.parametrize("code", list(COUNTED))
def test_each_rule_against_each_tier_and_state(code: str, which: str, state: str, scope: DrillScope) -> None:
    tier, category = DRILLS[which]
    (item,) = compliance.evaluate_rules([RULES[code]], [drill(tier, category, state, scope)], NOW)
    counts = which in COUNTED[code] and STATES[state][3]
    if counts:
        assert item.last_done == RAN and item.last_plan_id == 7
        assert item.status == ComplianceStatus.ON_TIME
    else:
        assert item.last_done is None and item.next_due is None
        assert item.status == ComplianceStatus.OVERDUE


def test_a_fire_drill_flagged_comprehensive_is_not_a_comprehensive_plan_drill() -> None:
    fire = drill(T.ONSITE, C.FIRE_EVACUATION, "evaluated", DrillScope.COMPREHENSIVE)
    items = {i.rule.code: i for i in compliance.evaluate_rules(list(RULES.values()), [fire], NOW)}
    assert items["COMPREHENSIVE"].status == ComplianceStatus.OVERDUE
    assert items["FIRE_EVAC"].status == ComplianceStatus.ON_TIME
    # a drill whose playbook is gone (no tier known) counts for no tier rule
    orphan = replace(fire, tier=None)
    (item,) = compliance.evaluate_rules([RULES["ONSITE"]], [orphan], NOW)
    assert item.status == ComplianceStatus.OVERDUE


def test_the_fire_notice_rule_is_regional_optional_and_counts_working_days() -> None:
    notice = RULES["FIRE_NOTICE"]
    assert notice.notice_working_days == 3 and not notice.active and notice.categories == (C.FIRE_EVACUATION,)
    assert "not verified" in notice.source
    assert compliance.evaluate_rules([notice], [], NOW) == []  # off unless a region turns it on
    on = replace(notice, active=True, region="SZ")
    # Thursday 12 March 2026: notify by Monday 9 March
    drill_at = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)
    fire = DrillFacts(
        replace(
            drill(T.ONSITE, C.FIRE_EVACUATION, "planned", DrillScope.SINGLE_TOPIC).plan, planned_at=drill_at
        ),
        T.ONSITE,
    )
    before = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    (item,) = compliance.evaluate_rules([on], [fire], before, due_soon_days=3)
    assert (item.next_due, item.next_planned) == (date(2026, 3, 9), drill_at)
    assert item.status == ComplianceStatus.ON_TIME and item.last_done is None
    (item,) = compliance.evaluate_rules([on], [fire], datetime(2026, 3, 9, 2, 0, tzinfo=UTC))
    assert item.status == ComplianceStatus.DUE_SOON
    (item,) = compliance.evaluate_rules([on], [fire], datetime(2026, 3, 10, 2, 0, tzinfo=UTC))
    assert item.status == ComplianceStatus.OVERDUE  # too late to give 3 working days' notice
    # a robbery drill needs no fire notice; nothing planned: nothing to notify
    rob = DrillFacts(replace(fire.plan, category=C.ROBBERY), T.ONSITE)
    (item,) = compliance.evaluate_rules([on], [rob], before)
    assert item.status == ComplianceStatus.ON_TIME and item.next_due is None and item.next_planned is None


def test_working_days_skip_weekends_and_public_holidays() -> None:
    assert working_days_before(date(2026, 3, 12), 3) == date(2026, 3, 9)  # Thursday -> Monday
    assert working_days_before(date(2026, 3, 16), 3) == date(2026, 3, 11)  # Monday -> Wednesday
    # National Day 2025: 1-8 October off, Sunday 28 September a make-up workday
    assert working_days_before(date(2025, 10, 9), 3) == date(2025, 9, 28)


def test_a_notice_rule_needs_a_sane_number_of_working_days() -> None:
    notice = RULES["FIRE_NOTICE"]
    for bad in (0, 23, True):
        with pytest.raises(ValidationError) as caught:
            drills_data.check_rule(replace(notice, notice_working_days=bad))
        assert caught.value.field == "field.notice_working_days"
    assert drills_data.check_rule(replace(notice, notice_working_days=5)).notice_working_days == 5


def test_a_rule_and_a_criteria_set_must_fit_their_columns() -> None:
    """A library's rule with a 5,000-character code was imported into a 32-character column."""
    from branchguard.core.drills.types import CriteriaSet, Criterion
    from branchguard.core.kernel.types import Text2

    rule = RULES["FIRE_NOTICE"]
    for bad in (replace(rule, code="X" * 33), replace(rule, name=Text2("名" * 201, "name"))):
        with pytest.raises(ValidationError) as caught:
            drills_data.check_rule(bad)
        assert caught.value.field == "field.compliance_rule"
    assert drills_data.check_rule(replace(rule, code="X" * 32)).code == "X" * 32
    whole = (Criterion("ALL", Text2("全部", "All"), 100),)
    fits = CriteriaSet("Y" * 32, Text2("评分", "Scoring"), (), whole)
    assert drills_data.check_set(fits) == fits
    for bad in (replace(fits, code="Y" * 33), replace(fits, name=Text2("评分", "n" * 201))):
        with pytest.raises(ValidationError) as caught:
            drills_data.check_set(bad)
        assert caught.value.field == "field.criteria_set"


def test_tiers_and_notice_days_round_trip_through_a_regional_rule(ctx, lead) -> None:
    drills = ctx.services.drills
    rules = {r.code: r for r in drills.compliance_rules(lead)}
    assert (
        rules["COMPREHENSIVE"].tiers == (T.COMPREHENSIVE, T.SPECIAL) and rules["COMPREHENSIVE"].scopes == ()
    )
    saved = drills.save_rule(lead, replace(rules["FIRE_NOTICE"], active=True, notice_working_days=5), "SZ")
    assert (saved.notice_working_days, saved.active) == (5, True)
    regional = {r.code: r for r in drills.compliance_rules(lead, "SZ")}
    assert regional["FIRE_NOTICE"].notice_working_days == 5
    assert "FIRE_NOTICE" in {i.rule.code for i in drills.compliance(lead, "SZ")}
    assert "FIRE_NOTICE" not in {i.rule.code for i in drills.compliance(lead)}


def test_a_special_plan_drill_counts_once_finished_and_a_fire_drill_never(ctx, lead, staff) -> None:
    drills, incidents = ctx.services.drills, ctx.services.incidents
    run_drill = drills.plan(lead, DrillPlanInput("RUN", datetime.now(), scope=DrillScope.SINGLE_TOPIC))
    fire = drills.plan(lead, DrillPlanInput("FIRE", datetime.now(), scope=DrillScope.COMPREHENSIVE))
    started = drills.run(staff, run_drill.id)
    fire_run = drills.run(staff, fire.id)
    items = {i.rule.code: i for i in drills.compliance(lead)}
    assert items["COMPREHENSIVE"].last_done is None  # RUNNING is not done
    incidents.close(lead, started.incident_id, CloseInput("演练结束"))
    items = {i.rule.code: i for i in drills.compliance(lead)}
    assert items["COMPREHENSIVE"].last_plan_id == run_drill.id
    assert items["SERVICE_INCIDENT"].last_plan_id == run_drill.id
    assert items["ONSITE"].last_done is None  # the fire drill is still running
    scores = {c.code: 90 for c in next(cs for cs in drills.criteria_sets(lead) if cs.code == "FIRE").criteria}
    incidents.close(lead, fire_run.incident_id, CloseInput("演练结束"))
    drills.evaluate(lead, fire.id, EvaluationInput(scores))
    items = {i.rule.code: i for i in drills.compliance(lead)}
    assert items["COMPREHENSIVE"].last_plan_id == run_drill.id  # a fire drill run as comprehensive: no
    assert items["ONSITE"].last_plan_id == fire.id and items["FIRE_EVAC"].last_plan_id == fire.id


def test_seeding_adds_new_built_in_rules_and_leaves_edited_ones(ctx, lead) -> None:
    """A database seeded by an older release lacks this release's rules: the next first use adds
    them, and a built-in rule the branch edited stays as edited."""
    drills = ctx.services.drills
    robbery = next(r for r in drills.compliance_rules(lead) if r.code == "ROBBERY")
    drills.save_rule(lead, replace(robbery, interval_months=3))
    with ctx.sessions.begin() as s:
        for row in s.scalars(
            select(ComplianceRuleRow).where(ComplianceRuleRow.code.in_(["SERVICE_INCIDENT", "FIRE_NOTICE"]))
        ):
            s.delete(row)
    assert drills_data.seed_defaults(ctx.sessions) is True
    assert drills_data.seed_defaults(ctx.sessions) is False
    rules = {r.code: r for r in drills.compliance_rules(lead)}
    assert {"SERVICE_INCIDENT", "FIRE_NOTICE"} <= set(rules)
    assert rules["ROBBERY"].interval_months == 3


def test_a_seeded_database_has_the_defaults_file_scanned_not_parsed(ctx, lead, monkeypatch) -> None:
    """The drills' first use at every start (the dashboard's first read) asks whether the built-in
    sets and rules are all there; when they are, the file's codes are read off its lines, and
    neither the YAML reader nor the file's parse is needed. The scan names what the parse names."""
    sets, rules = drills_data.load_defaults()
    assert drills_data.builtin_codes() == ({c.code.upper() for c in sets}, {r.code.upper() for r in rules})
    ctx.services.drills.compliance_rules(lead)  # seeded at first use

    def parsed(_path: object = None) -> None:
        raise AssertionError("the defaults file was parsed again")

    monkeypatch.setattr(drills_data, "load_defaults", parsed)
    assert drills_data.seed_defaults(ctx.sessions) is False


def test_rules_have_their_sources() -> None:
    assert all(r.source for r in RULES.values())
    assert isinstance(RULES["SERVICE_INCIDENT"], ComplianceRule)
    assert "银协发〔2009〕51号" in RULES["SERVICE_INCIDENT"].source
    assert set(RULES["SERVICE_INCIDENT"].categories) == set(list(IncidentCategory)[:11])


def test_a_notice_counted_beyond_every_holiday_table_says_so() -> None:
    """Working days in a year no table covers are counted as weekdays: the item carries the keyed
    note that says so, and has none once that year's table is installed."""
    from branchguard.core.kernel import working_days

    year = working_days.covered_years()[1] + 3
    on = replace(RULES["FIRE_NOTICE"], active=True)
    drill_at = datetime(year, 6, 10, 2, 0, tzinfo=UTC)
    plan = replace(
        drill(T.ONSITE, C.FIRE_EVACUATION, "planned", DrillScope.SINGLE_TOPIC).plan, planned_at=drill_at
    )
    fire = DrillFacts(plan, T.ONSITE)
    (item,) = compliance.evaluate_rules([on], [fire], datetime(year, 5, 1, tzinfo=UTC))
    assert item.note is not None and item.note.key == "working_days.beyond"
    assert f"{year}-06-" in item.note.text()
    try:
        working_days.install([working_days.YearTable(year, {date(year, 1, 1): "New Year's Day"})])
        (item,) = compliance.evaluate_rules([on], [fire], datetime(year, 5, 1, tzinfo=UTC))
        assert item.note is None and item.next_due is not None
    finally:
        working_days.install([])
