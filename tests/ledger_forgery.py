"""What a forger with the database file and the app's own hash functions can do to the ledger:
drop entries and rewrite others, then recompute every hash after them and the head, so the chain
is consistent again inside the database. The tamper tests use it to show what only an anchor
outside the database catches."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from branchguard.core.ledger import rules


class Entry:
    """One ledger row as the forger reads it; `state` and `digest` may be changed in `edit`."""

    def __init__(self, row: Any) -> None:
        self.seq, at, self.actor, self.entity, self.entity_id, self.action, state, self.digest = row
        self.at = datetime.fromisoformat(at).replace(tzinfo=UTC) if isinstance(at, str) else at
        self.state = json.loads(state) if isinstance(state, str) else state


def forge(
    conn: Connection,
    drop: Callable[[Entry], bool] = lambda e: False,
    edit: Callable[[Entry], None] = lambda e: None,
) -> None:
    """Remove the entries `drop` picks, let `edit` change the others' state or digest, renumber
    what is left and recompute every hash and the head."""
    rows = conn.execute(
        text(
            "SELECT seq, at, actor, entity, entity_id, action, state, digest FROM ledger_entries ORDER BY seq"
        )
    ).all()
    prev, seq = rules.GENESIS, 0
    for entry in map(Entry, rows):
        if drop(entry):
            conn.execute(text("DELETE FROM ledger_entries WHERE seq = :s"), {"s": entry.seq})
            continue
        before = entry.digest
        edit(entry)
        if entry.digest == before and entry.state is not None:
            entry.digest = rules.digest_of(entry.state)
        seq += 1
        new = rules.entry_hash(
            prev,
            seq,
            rules.stamp(entry.at),
            entry.actor,
            entry.entity,
            entry.entity_id,
            entry.action,
            entry.digest,
        )
        state = None if entry.state is None else rules.canonical(entry.state)
        conn.execute(
            text(
                "UPDATE ledger_entries SET seq = :n, state = :st, digest = :d, prev_hash = :p, hash = :h "
                "WHERE seq = :s"
            ),
            {"n": seq, "st": state, "d": entry.digest, "p": prev, "h": new, "s": entry.seq},
        )
        prev = new
    conn.execute(text("UPDATE ledger_head SET seq = :n, hash = :h"), {"n": seq, "h": prev})
