"""A hazard's due date is a calendar date: stored as a DATE, not as the UTC instant of the end of
that day in the branch's zone (which showed a day late on a PC in another zone).

Each instant becomes the date it falls on in the zone it was counted in: the zone of the hazard's
due-date schedule, else this PC's (the zone the app counts in). The hazards are evidence: where a
hazard's latest ledgered state is the one converted, the ledger gains a "change" entry by the
system with the converted state, so `verify` still finds every hazard as ledgered (a hazard whose
ledgered state differed before differs still). The downgrade converts back the same way.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 05:00:00.000000
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# Frozen with this revision: the tables and the ledger's hashing as they are here.
HAZARDS = sa.table(
    "hazards",
    sa.column("id", sa.Integer()),
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("due_date", sa.Date()),
    sa.column("schedule_id", sa.Integer()),
)
SCHEDULES = sa.table("schedules", sa.column("id", sa.Integer()), sa.column("timezone", sa.String()))
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
END_OF_DAY = time(23, 59, 59)
FALLBACK_ZONE = "Asia/Shanghai"


def _local_zone() -> ZoneInfo:
    try:
        import tzlocal

        name = tzlocal.get_localzone_name()
    except Exception:  # no zone configured on the machine
        name = None
    return ZoneInfo(name or FALLBACK_ZONE)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _stamp(at: datetime) -> str:
    return _utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(state: Any) -> str:
    return hashlib.sha256(_canonical(state).encode()).hexdigest()


def _entry_hash(prev: str, seq: int, at: str, actor: str, entity_id: str, digest: str) -> str:
    content = _canonical(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "entity": "hazard",
            "entity_id": entity_id,
            "action": "change",
            "digest": digest,
        }
    )
    return hashlib.sha256(f"{prev}\n{content}".encode()).hexdigest()


def _zones(conn: sa.Connection, source: str) -> dict[int, tuple[ZoneInfo, Any]]:
    """Each hazard's zone and its stored due value (the instant or the date, `source`)."""
    local = _local_zone()
    named = dict(conn.execute(sa.select(SCHEDULES.c.id, SCHEDULES.c.timezone)).tuples().all())
    out: dict[int, tuple[ZoneInfo, Any]] = {}
    column = HAZARDS.c[source]
    for hid, due, schedule_id in conn.execute(sa.select(HAZARDS.c.id, column, HAZARDS.c.schedule_id)):
        zone = local
        if schedule_id in named:
            try:
                zone = ZoneInfo(named[schedule_id])
            except Exception:  # a zone this PC's tz database does not know
                zone = local
        out[hid] = (zone, due)
    return out


def _ledger(conn: sa.Connection, changed: dict[str, tuple[str, Any, str, Any]]) -> None:
    """`changed`: hazard id -> (old field, old plain value, new field, new plain value). A "change"
    entry for each hazard whose latest ledgered state holds the old value."""
    if not changed:
        return
    head = conn.execute(sa.select(HEAD.c.seq, HEAD.c.hash).where(HEAD.c.id == 1)).first()
    if head is None:
        return
    latest: dict[str, dict[str, Any] | None] = {}
    rows = conn.execute(
        sa.select(ENTRIES.c.entity_id, ENTRIES.c.action, ENTRIES.c.state)
        .where(ENTRIES.c.entity == "hazard", ENTRIES.c.action != "append")
        .order_by(ENTRIES.c.seq)
    )
    for entity_id, action, state in rows:
        latest[entity_id] = None if action == "delete" else state
    seq, prev = head
    now = datetime.now(UTC)
    at = _stamp(now)
    values = []
    for entity_id, (old_key, old_value, new_key, new_value) in sorted(changed.items(), key=_by_id):
        state = latest.get(entity_id)
        if not state or old_key not in state or state[old_key] != old_value:
            continue  # never ledgered, or ledgered otherwise: verify says so as before
        new_state = {k: v for k, v in state.items() if k != old_key} | {new_key: new_value}
        digest = _digest(new_state)
        seq += 1
        entry = _entry_hash(prev, seq, at, "system", entity_id, digest)
        values.append(
            {
                "seq": seq,
                "at": now,
                "actor": "system",
                "entity": "hazard",
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


def _by_id(item: tuple[str, Any]) -> int:
    return int(item[0])


def _convert(
    conn: sa.Connection, write: str, old_key: str, new_key: str, change: Callable[[Any, ZoneInfo], Any]
) -> None:
    zones = _zones(conn, old_key)
    updates = [{"hid": hid, "v": change(due, zone)} for hid, (zone, due) in zones.items()]
    if updates:
        conn.execute(
            sa.update(HAZARDS).where(HAZARDS.c.id == sa.bindparam("hid")).values({write: sa.bindparam("v")}),
            updates,
        )
    changed = {str(u["hid"]): (old_key, _plain(zones[u["hid"]][1]), new_key, _plain(u["v"])) for u in updates}
    _ledger(conn, changed)


def _plain(value: Any) -> Any:
    """As the ledger keeps a value: times as UTC stamps, dates in ISO form."""
    return _stamp(value) if isinstance(value, datetime) else value.isoformat()


def _to_date(due: datetime, zone: ZoneInfo) -> date:
    return _utc(due).astimezone(zone).date()


def _to_instant(due: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(due, END_OF_DAY, tzinfo=zone).astimezone(UTC)


# What points at a hazard. On SQLite the batch rebuilds `hazards` (copy, drop, rename), and with
# foreign keys on, which cannot be turned off inside the upgrade's transaction, dropping the old
# table deletes its steps and history (ON DELETE CASCADE) and unlinks amendments (SET NULL): they
# are kept aside and put back as they were.
CHILDREN = ("hazard_steps", "hazard_events")
AMENDMENTS = sa.table(
    "inspection_amendments", sa.column("id", sa.Integer()), sa.column("hazard_id", sa.Integer())
)


@contextmanager
def _children_kept(conn: sa.Connection) -> Iterator[None]:
    if conn.dialect.name != "sqlite":
        yield
        return
    for table in CHILDREN:
        conn.exec_driver_sql(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    links = conn.execute(
        sa.select(AMENDMENTS.c.id, AMENDMENTS.c.hazard_id).where(AMENDMENTS.c.hazard_id.is_not(None))
    ).all()
    yield
    for table in CHILDREN:
        conn.exec_driver_sql(f"DELETE FROM {table}")
        conn.exec_driver_sql(f"INSERT INTO {table} SELECT * FROM kept_{table}")
        conn.exec_driver_sql(f"DROP TABLE kept_{table}")
    if links:
        relink = sa.update(AMENDMENTS).where(AMENDMENTS.c.id == sa.bindparam("aid"))
        conn.execute(relink.values(hazard_id=sa.bindparam("hid")), [{"aid": a, "hid": h} for a, h in links])


def _swap(add: sa.Column, drop: str, conn: sa.Connection, change: Callable[[Any, ZoneInfo], Any]) -> None:
    """Add `add`, fill it from `drop` converted, then drop `drop` and its index and index `add`."""
    with op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.add_column(add)
    _convert(conn, add.name, drop, add.name, change)
    with _children_kept(conn), op.batch_alter_table("hazards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f(f"ix_hazards_{drop}"))
        batch_op.drop_column(drop)
        batch_op.alter_column(add.name, existing_type=add.type, nullable=False)
        batch_op.create_index(batch_op.f(f"ix_hazards_{add.name}"), [add.name], unique=False)


def upgrade() -> None:
    _swap(sa.Column("due_date", sa.Date(), nullable=True), "due_at", op.get_bind(), _to_date)


def downgrade() -> None:
    instant = sa.Column("due_at", sa.DateTime(timezone=True), nullable=True)
    _swap(instant, "due_date", op.get_bind(), _to_instant)

