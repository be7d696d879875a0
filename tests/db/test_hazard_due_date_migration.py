"""Revision 0019: a hazard's due date becomes a DATE, each stored instant read as the date it falls
on in its schedule's zone; the ledger gains the converted states, so `verify` stays clean, but a
hazard altered behind the ledger's back is still named after the upgrade."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import text

from branchguard.core.hazards.service import HazardService
from branchguard.core.hazards.types import HazardInput, RemediationKind
from branchguard.db.migrate import alembic_config


def _instant(conn, hazard_id: int) -> datetime:
    value = conn.execute(text("SELECT due_at FROM hazards WHERE id = :id"), {"id": hazard_id}).scalar_one()
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def _count(conn, table: str) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_down_to_instants_and_up_to_dates_keeps_the_days_and_the_ledger(ctx, lead) -> None:
    made: dict[int, date] = {}
    for zone, due in (("Asia/Shanghai", date(2031, 12, 1)), ("America/Los_Angeles", date(2031, 12, 3))):
        svc = HazardService(ctx.sessions, ctx.services.files, ctx.services.schedules, zone=zone)
        hazard = svc.create(lead, HazardInput(description=f"隐患 {zone}", owner="李安全", due=due)).info
        svc.add_step(lead, hazard.id, RemediationKind.ACTION, "已更换")
        made[hazard.id] = due
    tampered = ctx.services.hazards.create(
        lead, HazardInput(description="被改的隐患", owner="李安全", due=date(2031, 12, 9))
    )
    assert ctx.services.ledger.verify(lead).ok
    cfg = alembic_config()
    with ctx.engine.begin() as conn:
        kept = {t: _count(conn, t) for t in ("hazard_steps", "hazard_events")}
        assert kept["hazard_steps"] == 2
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0018")  # the revision before due dates
        # an instant is the end of its due date in the zone it was counted in
        assert _instant(conn, min(made)) == datetime(2031, 12, 1, 15, 59, 59, tzinfo=UTC)
        assert _instant(conn, max(made)) == datetime(2031, 12, 4, 7, 59, 59, tzinfo=UTC)
        # someone moves a due date in the file, behind the ledger's back
        conn.execute(
            text("UPDATE hazards SET due_at = :at WHERE id = :id"),
            {"at": datetime(2026, 12, 20, 15, 59, 59, tzinfo=UTC), "id": tampered.info.id},
        )
        command.upgrade(cfg, "head")
        assert {t: _count(conn, t) for t in kept} == kept  # steps and history kept through the rebuild
    for hazard_id, due in made.items():
        assert ctx.services.hazards.get(lead, hazard_id).info.due_date == due
    assert ctx.services.hazards.get(lead, tampered.info.id).info.due_date == date(2026, 12, 20)
    report = ctx.services.ledger.verify(lead)
    assert {(p.entity, p.entity_id) for p in report.problems} == {("hazard", str(tampered.info.id))}
