"""A record rewritten outside the app and then changed in it is not laundered (core/ledger/outside.py):
the change found is ledgered as found before the app's own entry, and `verify` names it for good,
with each field as the ledger had it and as it was found, however often the app changes the record
afterwards. An untouched record changed in the app adds nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from branchguard.core.hazards.types import RemediationKind
from branchguard.core.incidents.types import CloseInput, EntryKind
from branchguard.core.inspections.types import Cadence
from branchguard.core.ledger.types import LedgerAction
from branchguard.db.models.ledger import LedgerEntryRow
from tests.core.inspections.inspection_helpers import run_inspection
from tests.core.ledger.test_ledger_tamper import a_day, sql, verify


def _altered_entries(ctx) -> list[tuple[str, str]]:
    with ctx.engine.connect() as conn:
        rows = conn.execute(
            select(LedgerEntryRow.entity, LedgerEntryRow.entity_id).where(
                LedgerEntryRow.action == LedgerAction.ALTERED.value
            )
        )
        return [(entity, entity_id) for entity, entity_id in rows.tuples()]


def test_a_field_rewritten_outside_then_changed_in_the_app_is_named_for_good(ctx, lead, tmp_path) -> None:
    hazard = a_day(ctx, lead, tmp_path)["hazard"]
    location = ctx.services.hazards.get(lead, hazard).info.location
    sql(ctx, "UPDATE hazards SET location = '已迁出' WHERE id = :i", i=hazard)
    hazards = ctx.services.hazards
    hazards.add_step(lead, hazard, RemediationKind.ACTION, "更换门锁")
    hazards.remediate(lead, hazard, "已整改")  # the insider's rewrite, taken in by an app change
    hazards.reopen(lead, hazard, "复查未通过")  # and again: the finding stays
    problems = verify(ctx, lead)
    assert len(problems) == 2, problems
    found, field = problems
    assert found.startswith(f"hazard {hazard} was changed outside the app before lead changed it in the app")
    assert field == f"hazard {hazard}: location was {location} in the ledger, found 已迁出 outside the app"
    assert _altered_entries(ctx) == [("hazard", str(hazard))]


def test_a_row_added_outside_then_changed_in_the_app_is_named(ctx, lead, tmp_path: Path) -> None:
    iid = a_day(ctx, lead, tmp_path)["incident"]
    sql(
        ctx,
        "INSERT INTO incident_actions (id, incident_id, text, owner) VALUES (9999, :i, '补写的措施', '王五')",
        i=iid,
    )
    ctx.services.incidents.complete_action(lead, 9999)
    problems = verify(ctx, lead)
    assert len(problems) == 1, problems
    assert problems[0].startswith("follow-up action 9999 was added outside the app; lead changed it")


def test_a_record_changed_only_in_the_app_adds_no_finding(ctx, lead, tmp_path: Path) -> None:
    day = a_day(ctx, lead, tmp_path)
    ctx.services.hazards.add_step(lead, day["hazard"], RemediationKind.ACTION, "更换门锁")
    ctx.services.hazards.remediate(lead, day["hazard"], "已整改")
    (action,) = ctx.services.incidents.get(lead, day["incident"]).actions
    ctx.services.incidents.complete_action(lead, action.id)
    assert verify(ctx, lead) == [] and _altered_entries(ctx) == []


def test_the_incident_itself_is_not_laundered_by_its_close(ctx, lead) -> None:
    """Its log's appends are entries of its own: the record's latest state is the entry before them."""
    incidents = ctx.services.incidents
    iid = incidents.start(lead, "ROB").id
    incidents.log(lead, iid, EntryKind.NOTE, "嫌疑人已离开")
    sql(ctx, "UPDATE incidents SET title = '改写的标题' WHERE id = :i", i=iid)
    incidents.close(lead, iid, CloseInput("结束"))
    problems = verify(ctx, lead)
    assert any(p.startswith(f"incident {iid} was changed outside the app") for p in problems), problems
    assert any(p.startswith(f"incident {iid}: title was ") and "found 改写的标题" in p for p in problems)


def _draft_of_an_occurrence(ctx, lead, staff) -> tuple[int, int]:
    """An inspection draft started from its schedule's occurrence: (the schedule, the draft)."""
    inspections = ctx.services.inspections
    start = datetime.now(UTC) - timedelta(hours=3)
    schedule = inspections.schedule(lead, "CCTV", Cadence.DAILY, "李安全", start, "Asia/Shanghai")
    ctx.services.schedules.catch_up(lead)
    occurrence = next(o for o in inspections.due(lead) if o.schedule_id == schedule.id).id
    return schedule.id, run_inspection(ctx, staff, "CCTV", occurrence_id=occurrence, submit=False).info.id


def test_a_reference_the_database_empties_itself_is_ledgered_with_the_change(ctx, lead, staff) -> None:
    """Pausing a schedule deletes its open occurrence, and the database empties the inspection
    draft's reference to it (ON DELETE SET NULL): the pause ledgers that, so `verify` is clean at
    once and the draft's submit finds nothing altered."""
    schedule, draft = _draft_of_an_occurrence(ctx, lead, staff)
    ctx.services.schedules.set_active(lead, schedule, False)
    assert verify(ctx, lead) == []
    ctx.services.inspections.submit(staff, draft)
    assert _altered_entries(ctx) == [] and verify(ctx, lead) == []


def test_such_a_reference_emptied_by_hand_is_named(ctx, lead, staff) -> None:
    """The occurrence still there: the database did not empty it, someone did."""
    _schedule, draft = _draft_of_an_occurrence(ctx, lead, staff)
    sql(ctx, "UPDATE inspections SET occurrence_id = NULL WHERE id = :i", i=draft)
    ctx.services.inspections.submit(staff, draft)
    assert _altered_entries(ctx) == [("inspection", str(draft))]
    assert any(p.startswith(f"inspection {draft}: occurrence_id was ") for p in verify(ctx, lead))
