"""A record's own check (LedgerService.check_record, what its page warns of): the record and its
parts against their own ledger entries, read by the record index, in the same words as `verify`;
another record's rewrite is not this record's, and the chain is not walked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from branchguard.core.hazards.types import RemediationKind
from tests.core.ledger.test_ledger_tamper import a_day, sql, verify


def check(ctx: Any, lead: Any, entity: str, entity_id: int) -> list[str]:
    report = ctx.services.ledger.check_record(lead, entity, entity_id)
    return [p.message.text("en") for p in report.problems]


def test_an_untouched_record_checks_clean_reading_only_its_own_entries(ctx, lead, tmp_path: Path) -> None:
    made = a_day(ctx, lead, tmp_path)
    report = ctx.services.ledger.check_record(lead, "hazard", made["hazard"])
    assert report.ok
    with ctx.engine.connect() as conn:
        own = conn.execute(
            text(
                "SELECT count(*) FROM ledger_entries WHERE (entity = 'hazard' AND entity_id = :h)"
                " OR (entity IN ('hazard_step', 'hazard_event') AND entity_id IN"
                " (SELECT CAST(id AS VARCHAR(64)) FROM hazard_steps WHERE hazard_id = :i"
                "  UNION SELECT CAST(id AS VARCHAR(64)) FROM hazard_events WHERE hazard_id = :i))"
            ),
            {"h": str(made["hazard"]), "i": made["hazard"]},
        ).scalar_one()
        every = conn.execute(text("SELECT count(*) FROM ledger_entries")).scalar_one()
    assert report.entries == own < every


def test_a_field_rewritten_and_a_part_deleted_are_named_as_verify_names_them(ctx, lead, tmp_path) -> None:
    made = a_day(ctx, lead, tmp_path)
    hazard = made["hazard"]
    step = ctx.services.hazards.add_step(lead, hazard, RemediationKind.ACTION, "更换门锁")
    step_id = step.id
    sql(ctx, "UPDATE hazards SET title = 'x' WHERE id = :i", i=hazard)
    sql(ctx, "DELETE FROM hazard_steps WHERE id = :i", i=step_id)
    found = check(ctx, lead, "hazard", hazard)
    assert any(p.startswith(f"hazard {hazard}: title is x, ledger says ") for p in found)
    assert f"hazard remediation step {step_id} deleted outside the app" in found
    assert sorted(found) == sorted(verify(ctx, lead))
    assert check(ctx, lead, "incident", made["incident"]) == []  # not its record


def test_an_incident_log_entry_rewritten_is_named_on_its_incident(ctx, lead, tmp_path) -> None:
    made = a_day(ctx, lead, tmp_path)
    sql(ctx, "UPDATE incident_log SET text = 'x' WHERE incident_id = :i AND seq = 2", i=made["incident"])
    found = check(ctx, lead, "incident", made["incident"])
    assert found and all(p.startswith(f"incident {made['incident']}") for p in found)
    assert check(ctx, lead, "inspection", made["inspection"]) == []
