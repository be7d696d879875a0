"""A database that predates the ledger: its records are taken in once, at the next open, and verify
then passes; a login's bookkeeping is not a change of the account."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from branchguard.context import open_context
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import BranchGuardError


def test_records_from_before_the_ledger_are_adopted_once(ctx, lead, tmp_path: Path, db_url: str) -> None:
    iid = ctx.services.incidents.start(lead, "FIRE").id
    ctx.services.incidents.log(lead, iid, EntryKind.NOTE, "一条")
    with ctx.engine.begin() as conn:  # as an upgraded database is: the ledger's tables, empty
        conn.execute(text("DELETE FROM ledger_entries"))
        conn.execute(
            text("UPDATE ledger_head SET seq = 0, hash = :h, adopted = :f"), {"h": "0" * 64, "f": False}
        )
    ctx.close()
    again = open_context(tmp_path / "data", db=db_url)
    try:
        report = again.services.ledger.verify(lead)
        assert report.ok, [p.message.text("en") for p in report.problems]
        assert report.log_entries >= 2 and report.entries > report.log_entries
        with again.engine.connect() as conn:
            actions = dict(
                conn.execute(text("SELECT action, count(*) FROM ledger_entries GROUP BY action"))
                .tuples()
                .all()
            )
        assert set(actions) >= {"adopt", "append", "create"}  # create: the adoption's own audit event
        entries = report.entries
    finally:
        again.close()
    third = open_context(tmp_path / "data", db=db_url)
    try:
        assert third.services.ledger.verify(lead).entries == entries  # never adopted again
    finally:
        third.close()


def test_a_reset_adoption_mark_takes_no_edit_in_and_verify_says_so(
    ctx, lead, tmp_path: Path, db_url: str
) -> None:
    """An insider edited a record and set the ledger's "adopted" mark back: the next open (the
    auditor's own `verify`, any command) took the edit into the chain after every anchor, and
    verify passed. Only an empty ledger is adopted into now."""
    iid = ctx.services.incidents.start(lead, "FIRE", title="配电箱冒烟").id
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE incidents SET title = '无事发生' WHERE id = :i"), {"i": iid})
        conn.execute(text("UPDATE ledger_head SET adopted = :f"), {"f": False})
    ctx.close()
    again = open_context(tmp_path / "data", db=db_url)
    try:
        report = again.services.ledger.verify(lead)
        said = [p.message.text("en") for p in report.problems]
        assert not report.ok and any("title" in p for p in said), said  # the edit is still found
        assert any("never taken in" in p for p in said), said
        with again.engine.connect() as conn:
            count = text("SELECT count(*) FROM ledger_entries WHERE action = 'adopt'")
            adopted = conn.execute(count).scalar()
        assert adopted == 0
    finally:
        again.close()


def test_a_failed_login_changes_no_ledgered_account(ctx: Any, demo: Any) -> None:
    def user_entries() -> int:
        with ctx.engine.connect() as conn:
            return int(
                conn.execute(text("SELECT count(*) FROM ledger_entries WHERE entity = 'user'")).scalar()
            )

    before = user_entries()
    with pytest.raises(BranchGuardError):
        ctx.services.auth.login("staff", "wrong password")
    assert user_entries() == before
