"""The checklists, complaint categories, roster, contacts, schedules and their items are evidence
too (core/ledger/rules.py LATER_KINDS): a new database ledgers them as it writes them; a ledger kept
before it kept them takes their records in at its next start, once, before anything is written;
afterwards an item's words or a number rewritten outside the app are named by `verify`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from branchguard.context import open_context
from branchguard.core.ledger import recording, rules, store
from branchguard.core.ledger.types import LedgerAction
from branchguard.core.schedules.types import ScheduleInput
from branchguard.db.engine import sqlite_url
from branchguard.db.models.ledger import LedgerEntryRow
from tests.conftest import SQLITE_FILE, _actor


def _seeded(ctx) -> None:
    """The built-in checklists and categories, written on first use as every start's first read does;
    a daily schedule and its first item, which the catch-up writes (a Core INSERT)."""
    lead = _actor(ctx, "lead")
    assert ctx.services.inspections.templates(lead) and ctx.services.complaints.categories(lead)
    start = datetime.now(UTC) + timedelta(hours=1)
    ctx.services.schedules.add(lead, ScheduleInput("每日巡查", start, rule="daily", timezone="Asia/Shanghai"))
    assert len(ctx.services.schedules.catch_up(lead).occurrences) == 1


def _kept(ctx, kinds: tuple[str, ...]) -> dict[str, set[str]]:
    """Per kind, the actions of its entries."""
    stmt = select(LedgerEntryRow.entity, LedgerEntryRow.action).where(LedgerEntryRow.entity.in_(kinds))
    found: dict[str, set[str]] = {}
    with ctx.engine.connect() as conn:
        for entity, action in conn.execute(stmt).tuples():
            found.setdefault(entity, set()).add(action)
    return found


def _older_ledger(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A demo branch whose ledger was kept by a version that did not keep the later kinds."""
    later = set(rules.LATER_KINDS)
    touch = recording.touch
    with monkeypatch.context() as older:
        older.setattr(rules, "LATER_KINDS", ())
        # nor did it note the Core writes of those kinds (a catch-up's items)
        older.setattr(recording, "touch", lambda s, entity, *a: entity in later or touch(s, entity, *a))
        older.setattr(store, "_TABLES", {k: v for k, v in store._TABLES.items() if k not in later})
        older.setattr(
            rules, "ENTITY_OF_TABLE", {t: v for t, v in rules.ENTITY_OF_TABLE.items() if v[0] not in later}
        )
        db_file = folder / SQLITE_FILE
        ctx = open_context(folder / "data", db=sqlite_url(db_file))
        try:
            ctx.services.demo.fill()
            _seeded(ctx)
            assert _kept(ctx, tuple(later)) == {}
        finally:
            ctx.close()
    return db_file


def test_a_new_database_ledgers_its_checklists_and_categories_as_it_writes_them(ctx, lead) -> None:
    _seeded(ctx)
    kept = _kept(ctx, rules.LATER_KINDS)
    assert kept == {kind: {LedgerAction.CREATE.value} for kind in rules.LATER_KINDS}
    assert ctx.services.ledger.verify(lead).problems == ()


def test_an_older_ledger_takes_them_in_once_and_then_finds_an_items_words_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = _older_ledger(tmp_path, monkeypatch)
    ctx = open_context(tmp_path / "data", db=sqlite_url(db_file))
    try:
        kept = _kept(ctx, rules.LATER_KINDS)
        assert kept == {kind: {LedgerAction.ADOPT.value} for kind in rules.LATER_KINDS}
        lead = _actor(ctx, "lead")
        assert ctx.services.ledger.verify(lead).problems == ()
        with ctx.engine.connect() as conn:
            entries = conn.scalar(select(func.count()).select_from(LedgerEntryRow))
    finally:
        ctx.close()
    ctx = open_context(tmp_path / "data", db=sqlite_url(db_file))  # a later start adds nothing
    try:
        with ctx.engine.begin() as conn:
            assert conn.scalar(select(func.count()).select_from(LedgerEntryRow)) == entries
            conn.execute(text("UPDATE inspection_template_items SET text_zh = '无需检查' WHERE id = 1"))
        problems = [p.message.text("en") for p in ctx.services.ledger.verify(_actor(ctx, "lead")).problems]
        assert len(problems) == 1, problems
        assert problems[0].startswith("checklist item 1: text_zh is 无需检查, ledger says")
    finally:
        ctx.close()


def test_an_older_ledger_opened_read_only_is_not_called_tampered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read-only, nothing is taken in: those kinds wait, said once as a warning, not 136 records
    "added outside the app"."""
    db_file = _older_ledger(tmp_path, monkeypatch)
    ctx = open_context(tmp_path / "data", db=sqlite_url(db_file), read_only=True)
    try:
        report = ctx.services.ledger.verify(_actor(ctx, "auditor"))
        assert report.problems == ()
        assert [w.message.key for w in report.warnings] == ["ledger.warning.not_taken_in"]
    finally:
        ctx.close()


def test_a_rewritten_emergency_number_or_mobile_is_named(ctx, lead) -> None:
    """The console dials the contacts' numbers and the roster's mobiles: one rewritten with sqlite3
    (the police's 110 made a private number) is named by `verify`, with what the ledger says."""
    from branchguard.core.people.types import PersonInput

    new = PersonInput(name="王五", branch_role="teller", mobile="13800000001")
    person = ctx.services.people.add_person(lead, new)
    police = next(c for c in ctx.services.people.list_contacts(lead) if c.phone == "110")
    assert ctx.services.ledger.verify(lead).problems == ()
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE contacts SET phone = '13912345678' WHERE id = :id"), {"id": police.id})
        conn.execute(text("UPDATE people SET mobile = '13900000000' WHERE id = :id"), {"id": person.id})
    problems = sorted(p.message.text("en") for p in ctx.services.ledger.verify(lead).problems)
    assert problems == [
        f'emergency contact {police.id}: phone is 13912345678, ledger says 110',
        f'person on the roster {person.id}: mobile is 13900000000, ledger says 13800000001',
    ]
