"""Revision 0027: a database seeded before the defaults quoted their commas holds English criteria
cut at the comma ("Customers guided out"); the upgrade makes them whole, in the defaults and a
region's copy, leaves a criterion a lead rewrote and every evaluation's own copy of what it scored,
and ledgers the change, so `verify` stays clean."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from alembic import command

from branchguard.core.drills.types import CriteriaSet, DrillPlanInput, EvaluationInput
from branchguard.core.incidents.types import CloseInput
from branchguard.db.migrate import alembic_config

CUT = {
    "guidance": "Customers guided out",
    "no_resistance": "No resistance",
    "command": "Branch head in command",
}


def _cut(cs: CriteriaSet) -> CriteriaSet:
    """The set as a database seeded from the unquoted defaults held it."""
    cut = (replace(c, text=replace(c.text, en=CUT[c.code])) if c.code in CUT else c for c in cs.criteria)
    return replace(cs, criteria=tuple(cut))


def _texts(drills, lead, region: str = "") -> dict[tuple[str, str], str]:
    return {(cs.code, c.code): c.text.en for cs in drills.criteria_sets(lead, region) for c in cs.criteria}


def test_cut_criteria_are_made_whole_and_the_evaluations_keep_what_they_scored(ctx, lead, staff) -> None:
    drills = ctx.services.drills
    sets = {cs.code: cs for cs in drills.criteria_sets(lead)}
    for code in ("FIRE", "ROBBERY", "GENERAL"):
        drills.save_criteria_set(lead, _cut(sets[code]))
    drills.save_criteria_set(lead, _cut(sets["FIRE"]), region="GD")  # a region's copy, cut as well
    general = _cut(sets["GENERAL"])
    rewritten = tuple(
        replace(c, text=replace(c.text, en="Branch head takes command")) if c.code == "command" else c
        for c in general.criteria
    )
    drills.save_criteria_set(lead, replace(general, criteria=rewritten), region="SZ")  # a lead's own words
    plan = drills.plan(lead, DrillPlanInput("FIRE", datetime.now()))
    run = drills.run(staff, plan.id)
    ctx.services.incidents.close(lead, run.incident_id, CloseInput("演练结束"))
    scores = {c.code: 80 for c in _cut(sets["FIRE"]).criteria}
    drills.evaluate(lead, plan.id, EvaluationInput(scores))  # scored under the cut text
    assert ctx.services.ledger.verify(lead).ok

    cfg = alembic_config()
    with ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0026")
        command.upgrade(cfg, "head")

    texts = _texts(drills, lead)
    assert texts[("FIRE", "guidance")] == "Customers guided out, no lifts used"
    assert texts[("ROBBERY", "no_resistance")] == "No resistance, people kept safe"
    assert texts[("GENERAL", "command")] == "Branch head in command, roles assigned"
    assert texts[("FIRE", "alarm")] == sets["FIRE"].criteria[0].text.en  # the whole ones as they were
    assert _texts(drills, lead, "GD")[("FIRE", "guidance")] == "Customers guided out, no lifts used"
    assert _texts(drills, lead, "SZ")[("GENERAL", "command")] == "Branch head takes command"
    record = drills.record_of(lead, plan.id)
    assert record.evaluation is not None
    scored = {c.code: c.text.en for c in record.evaluation.criteria}
    assert scored["guidance"] == "Customers guided out"  # the evidence of what was scored stays
    report = ctx.services.ledger.verify(lead)
    assert report.ok, report.problems
