"""The ledger head is the last lock a transaction takes on PostgreSQL: a session that appends an
incident log entry and then writes more rows does not hold the head while it waits for their row
locks (two such transactions could otherwise each hold what the other waits for). The entry is
ledgered at commit, in order, and dropped with a rollback."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import EntryKind
from branchguard.core.ledger.service import head


def _head_is_free(ctx: Any) -> bool:
    """Whether another transaction can lock the ledger head right now (PostgreSQL)."""
    with ctx.engine.connect() as other:
        try:
            other.execute(text("SELECT seq FROM ledger_head WHERE id = 1 FOR UPDATE NOWAIT"))
        except OperationalError:
            return False
        finally:
            other.rollback()
    return True


def test_a_session_append_takes_the_ledger_head_only_at_commit(ctx: Any, lead: Any) -> None:
    if ctx.engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes its one write lock at BEGIN IMMEDIATE: there is no order to keep")
    iid = ctx.services.incidents.start(lead, "FIRE").id
    with ctx.engine.connect() as conn:
        before = head(conn)
    with ctx.sessions.begin() as s:
        first = incident_log.append(s, iid, lead.username, EntryKind.NOTE, "one")
        second = incident_log.append(s, iid, lead.username, EntryKind.NOTE, "two")
        s.execute(text("UPDATE branch SET name = name"))  # another row lock, after the appends
        assert _head_is_free(ctx)  # not held while this transaction goes on writing rows
    with ctx.engine.connect() as conn:
        after = head(conn)
        rows = conn.execute(
            text("SELECT entity_id, digest FROM ledger_entries WHERE seq > :seq ORDER BY seq"),
            {"seq": before.seq},
        ).all()
    assert [tuple(r) for r in rows if r[1] in (first.hash, second.hash)] == [
        (str(iid), first.hash),
        (str(iid), second.hash),
    ]
    assert after.seq > before.seq
    assert ctx.services.ledger.verify(lead).ok


def test_a_rolled_back_session_ledgers_none_of_its_appends(ctx: Any, lead: Any) -> None:
    iid = ctx.services.incidents.start(lead, "FIRE").id
    with ctx.engine.connect() as conn:
        before = head(conn)

    s = ctx.sessions()
    s.begin()
    incident_log.append(s, iid, lead.username, EntryKind.NOTE, "never")
    s.rollback()
    s.close()
    with ctx.engine.connect() as conn:
        assert head(conn) == before
    ctx.services.incidents.log(lead, iid, EntryKind.NOTE, "kept")
    assert ctx.services.ledger.verify(lead).ok

