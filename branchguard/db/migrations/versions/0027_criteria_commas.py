"""No table changes: the built-in drill criteria whose English text was cut at a comma (unquoted in
the defaults' {zh:, en:} flow mapping until 2026-12-07: "Customers guided out, no lifts used" stored
as "Customers guided out") get their whole text, in the defaults and in any region's copy, where the
criterion still holds the cut text beside the built-in Chinese (one a lead rewrote is left as it is).

A criteria set is the form the next evaluations are scored on, not their evidence: an evaluation
keeps what it scored (code, both texts, weight, score: drill_evaluations.criteria), so a drill
already evaluated keeps the words it was scored under and its report prints them as before. The sets
are ledgered: where a set's latest ledgered state is the one corrected, the ledger gains a "change"
entry by the system with the corrected state (as 0019 does), so `verify` stays clean; a set
ledgered otherwise (changed behind the ledger's back) is corrected, and `verify` still names it.
The downgrade leaves the whole texts: no version wants the cut ones back.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 18:15:00.000000
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

# Frozen with this revision: the tables and the ledger's hashing as they are here.
SETS = sa.table(
    "drill_criteria_sets",
    sa.column("id", sa.Integer()),
    sa.column("code", sa.String()),
    sa.column("criteria", sa.JSON()),
)
ENTRIES = sa.table(
    "ledger_entries",
    sa.column("seq", sa.Integer()),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String()),
    sa.column("entity", sa.String()),
    sa.column("entity_id", sa.String()),
    sa.column("action", sa.String()),
    sa.column("state", sa.JSON()),
    sa.column("digest", sa.String()),
    sa.column("prev_hash", sa.String()),
    sa.column("hash", sa.String()),
)
HEAD = sa.table(
    "ledger_head",
    sa.column("id", sa.Integer()),
    sa.column("seq", sa.Integer()),
    sa.column("hash", sa.String()),
)
ENTITY = "drill_criteria"
# (set code, criterion code): (its built-in Chinese, the English as it was cut, as it was meant)
CUT = {
    ("FIRE", "guidance"): (
        "引导客户疏散且未使用电梯",
        "Customers guided out",
        "Customers guided out, no lifts used",
    ),
    ("ROBBERY", "no_resistance"): (
        "不反抗、保护人身安全",
        "No resistance",
        "No resistance, people kept safe",
    ),
    ("ROBBERY", "scene"): ("保护现场、留住证人", "Scene protected", "Scene protected, witnesses kept"),
    ("GENERAL", "command"): (
        "负责人到场指挥、分工明确",
        "Branch head in command",
        "Branch head in command, roles assigned",
    ),
    ("GENERAL", "record"): (
        "记录完整、现场恢复",
        "Record complete",
        "Record complete, normal service restored",
    ),
}


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(state: Any) -> str:
    return hashlib.sha256(_canonical(state).encode()).hexdigest()


def _entry_hash(prev: str, seq: int, at: str, entity_id: str, digest: str) -> str:
    content = _canonical(
        {
            "seq": seq,
            "at": at,
            "actor": "system",
            "entity": ENTITY,
            "entity_id": entity_id,
            "action": "change",
            "digest": digest,
        }
    )
    return hashlib.sha256(f"{prev}\n{content}".encode()).hexdigest()


def _whole(code: str, criteria: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The set's criteria with each cut text made whole; None when none was cut."""
    fixed, changed = [], False
    for c in criteria:
        known = CUT.get((code, str(c.get("code"))))
        if known is not None and c.get("zh") == known[0] and c.get("en") == known[1]:
            c = {**c, "en": known[2]}
            changed = True
        fixed.append(c)
    return fixed if changed else None


def _ledger(conn: sa.Connection, changed: dict[str, tuple[list[Any], list[Any]]]) -> None:
    """`changed`: set id -> (criteria before, after). A "change" entry for each set whose latest
    ledgered state holds the criteria before."""
    head = conn.execute(sa.select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1)).first()
    if head is None or not changed:
        return
    latest: dict[str, dict[str, Any] | None] = {}
    rows = conn.execute(
        sa.select(ENTRIES.c.entity_id, ENTRIES.c.action, ENTRIES.c.state)
        .where(ENTRIES.c.entity == ENTITY, ENTRIES.c.entity_id.in_(list(changed)))
        .order_by(ENTRIES.c.seq)
    )
    for entity_id, action, state in rows:
        latest[entity_id] = None if action == "delete" else state
    seq, prev = head
    now = datetime.now(UTC)
    at = _stamp(now)
    values = []
    for entity_id, (before, after) in sorted(changed.items(), key=lambda item: int(item[0])):
        state = latest.get(entity_id)
        if not state or state.get("criteria") != before:
            continue  # never ledgered, or ledgered otherwise: verify says so as before
        new_state = {**state, "criteria": after}
        digest = _digest(new_state)
        seq += 1
        entry = _entry_hash(prev, seq, at, entity_id, digest)
        values.append(
            {
                "seq": seq,
                "at": now,
                "actor": "system",
                "entity": ENTITY,
                "entity_id": entity_id,
                "action": "change",
                "state": new_state,
                "digest": digest,
                "prev_hash": prev,
                "hash": entry,
            }
        )
        prev = entry
    if values:
        conn.execute(sa.insert(ENTRIES), values)
        conn.execute(sa.update(HEAD).where(HEAD.c.id == 1).values(seq=seq, hash=prev))


def upgrade() -> None:
    conn = op.get_bind()
    codes = sorted({code for code, _criterion in CUT})
    changed: dict[str, tuple[list[Any], list[Any]]] = {}
    for set_id, code, criteria in conn.execute(
        sa.select(SETS.c.id, SETS.c.code, SETS.c.criteria).where(SETS.c.code.in_(codes))
    ):
        whole = _whole(code, list(criteria or []))
        if whole is not None:
            conn.execute(sa.update(SETS).where(SETS.c.id == set_id).values(criteria=whole))
            changed[str(set_id)] = (list(criteria), whole)
    _ledger(conn, changed)


def downgrade() -> None:
    pass
