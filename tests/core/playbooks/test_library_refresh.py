"""Library refresh: a database made before the newest built-in plans and checklists gains those it
lacks, as approved built-in versions, audited and ledgered; plans already there (edited or not) are
never touched, and a second refresh writes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from branchguard.context import open_context
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.core.playbooks.library import RefreshResult
from branchguard.db.engine import sqlite_url
from branchguard.db.migrate import alembic_config
from tests.conftest import take_snapshot

GONE_PLANS = ("HOST", "FRAUD")
GONE_TEMPLATE = "EXITS"


def forget_builtins(engine: Any) -> None:
    """The state of a database made before HOST, FRAUD and EXITS were built in."""
    with engine.begin() as conn:
        for code in GONE_PLANS:
            ids = {"c": code}
            conn.execute(
                text(
                    "DELETE FROM playbook_steps WHERE version_id IN (SELECT v.id FROM playbook_versions v "
                    "JOIN playbooks p ON p.id = v.playbook_id WHERE p.code = :c)"
                ),
                ids,
            )
            conn.execute(
                text(
                    "DELETE FROM playbook_versions WHERE playbook_id IN "
                    "(SELECT id FROM playbooks WHERE code = :c)"
                ),
                ids,
            )
            conn.execute(text("DELETE FROM playbooks WHERE code = :c"), ids)
        ids = {"c": GONE_TEMPLATE}
        conn.execute(
            text(
                "DELETE FROM inspection_template_items WHERE version_id IN (SELECT v.id FROM "
                "inspection_template_versions v JOIN inspection_templates t ON t.id = v.template_id "
                "WHERE t.code = :c)"
            ),
            ids,
        )
        conn.execute(
            text(
                "DELETE FROM inspection_template_versions WHERE template_id IN "
                "(SELECT id FROM inspection_templates WHERE code = :c)"
            ),
            ids,
        )
        conn.execute(text("DELETE FROM inspection_templates WHERE code = :c"), ids)  # fmt: skip


def test_refresh_adds_only_the_missing_builtins_once_and_keeps_edits(ctx: Any, lead: Any, staff: Any) -> None:
    plans = ctx.services.playbooks
    ctx.services.inspections.templates(lead)  # the built-in templates are written on first use
    fire = plans.get(lead, "FIRE")
    plans.save_draft(
        lead, "FIRE", replace(fire.content, cautions=replace(fire.content.cautions, zh="本行修改"))
    )
    plans.approve(lead, "FIRE")
    forget_builtins(ctx.engine)
    before = take_snapshot(ctx.engine, ["playbooks", "playbook_versions", "playbook_steps"])

    with pytest.raises(PermissionDenied):
        plans.refresh_builtins(staff)
    assert plans.refresh_builtins(lead, dry_run=True) == RefreshResult(GONE_PLANS, (GONE_TEMPLATE,))
    assert take_snapshot(ctx.engine, ["playbooks", "playbook_versions", "playbook_steps"]) == before

    added = plans.refresh_builtins(lead)
    assert added == RefreshResult(GONE_PLANS, (GONE_TEMPLATE,))
    for code in GONE_PLANS:
        version = plans.get(lead, code)
        assert version.info.status == PlaybookStatus.APPROVED and version.info.number == 1
        assert version.info.builtin
    host = next(p for p in plans.list_playbooks(lead) if p.code == "HOST")
    assert host.builtin and host.status == PlaybookStatus.APPROVED
    kept = plans.get(lead, "FIRE")
    assert kept.info.number == 2 and kept.content.cautions.zh == "本行修改"  # the branch's edit stands
    assert GONE_TEMPLATE in {t.code for t in ctx.services.inspections.templates(lead)}
    with ctx.engine.connect() as conn:
        audit = conn.execute(text("SELECT action, after FROM audit_events ORDER BY id DESC")).first()
        ledgered = conn.execute(
            text("SELECT count(*) FROM ledger_entries l JOIN playbooks p ON l.entity = 'playbook' "
                 "AND l.entity_id = CAST(p.id AS VARCHAR(20)) WHERE p.code IN ('HOST', 'FRAUD')")
        ).scalar()  # fmt: skip
    assert audit is not None and audit[0] == "library.refresh" and "HOST" in str(audit[1])
    assert ledgered == 2

    snapshot = take_snapshot(ctx.engine)
    assert plans.refresh_builtins(lead) == RefreshResult()  # idempotent: nothing more, nothing written
    assert take_snapshot(ctx.engine) == snapshot


def ledger_as_before_the_column(conn: Any) -> None:
    """Ledger the incidents' states as the version before the warning column did: without it."""
    from sqlalchemy import select

    from branchguard.core.ledger import chain, rules, store
    from branchguard.core.ledger.types import LedgerAction

    evidence = store.evidence_of("incident")
    names = [n for n in evidence.columns if n != "warning_level"]
    columns = [evidence.table.c[n] for n in names]
    items = [
        chain.item("incident", row[0], LedgerAction.CHANGE,
                   {n: rules.plain(v) for n, v in zip(names, row[1:], strict=True)})
        for row in conn.execute(select(evidence.key, *columns))
    ]  # fmt: skip
    assert items
    chain.append(conn, items, "system")


def test_an_upgraded_database_gains_the_missing_builtins_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db_file = tmp_path / "old.sqlite"
    ctx = open_context(data, db=sqlite_url(db_file))
    try:
        ctx.services.incidents.start(Actor.system(), "FIRE")  # ledgered before the warning column
        forget_builtins(ctx.engine)
        with ctx.engine.begin() as conn:  # back to the revision before the early warnings
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0017")
            ledger_as_before_the_column(conn)
    finally:
        ctx.close()
    ctx = open_context(data, db=sqlite_url(db_file))
    try:
        assert ctx.schema.action.value == "upgraded"
        codes = {p.code for p in ctx.services.playbooks.list_playbooks(Actor.system())}
        assert set(GONE_PLANS) <= codes
        with ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM inspection_templates WHERE code = :c"),
                                {"c": GONE_TEMPLATE}).scalar() == 1  # fmt: skip
        problems = ctx.services.ledger.verify(Actor.system()).problems
        # the built-ins were deleted behind the app's back (named); the incident is not
        # the incident ledgered before the warning column still has its ledgered digest (not only
        # no problem named: the same state, byte for byte)
        from branchguard.core.ledger import rules, store

        with ctx.engine.connect() as conn:
            for incident_id, state in store.states(conn, store.evidence_of("incident")):
                ledgered = conn.execute(
                    text("SELECT digest FROM ledger_entries WHERE entity = 'incident' AND entity_id = :i "
                         "AND action != 'append' ORDER BY seq DESC LIMIT 1"), {"i": incident_id}
                ).scalar()  # fmt: skip
                assert ledgered == rules.digest_of(state)
        problems = ctx.services.ledger.verify(Actor.system()).problems
        assert not [p for p in problems if "incident" in p.message.text("en").lower()], problems
    finally:
        ctx.close()


def test_an_empty_column_added_later_is_left_out_of_the_ledgered_state() -> None:
    from branchguard.core.ledger.rules import state_of

    assert state_of({"title": "火灾", "warning_level": None}, "incidents") == {"title": "火灾"}
    assert state_of({"warning_level": "red"}, "incidents") == {"warning_level": "red"}
    assert state_of({"outcome": None}, "incidents") == {"outcome": None}  # only the later columns


def test_an_upgrade_leaves_a_library_from_head_office_as_head_office_sent_it(tmp_path: Path) -> None:
    """A plan head office left out of its signed library was left out on purpose: the refresh at
    start does not bring it back (the lead's `library refresh` still can)."""
    data, db_file = tmp_path / "data", tmp_path / "old.sqlite"
    ctx = open_context(data, db=sqlite_url(db_file))
    try:
        forget_builtins(ctx.engine)
        with ctx.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO library_imports (manifest_sha256, created_at, signer, issuer, summary, "
                    "imported_by, imported_at) VALUES (:sha, :at, 'ab12cd34ef56ab78', '分行安全保卫部', "
                    "'{}', 'lead', :at)"
                ),
                {"sha": "0" * 64, "at": "2026-11-01 08:00:00.000000"},
            )
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0019")
    finally:
        ctx.close()
    ctx = open_context(data, db=sqlite_url(db_file))
    try:
        assert ctx.schema.action.value == "upgraded"
        codes = {p.code for p in ctx.services.playbooks.list_playbooks(Actor.system())}
        assert not set(GONE_PLANS) & codes
        assert ctx.services.playbooks.refresh_builtins(Actor.system()).playbooks == GONE_PLANS
    finally:
        ctx.close()
