"""ORM models of the ledger: one hash chain over every record that is evidence, and its head.

`ledger_entries` only grows: each entry names a record (entity, id), what happened to it
(create, change, delete, adopt, or append for an incident's log entry), the record's evidence
state as it then was (JSON) and the SHA-256 of that state; `hash` chains the entry to the one
before it. `ledger_head` (one row, id 1) holds the last entry's number and hash: bumping it is what
serialises appends, so the ledger has no forks. `adopted` says the records that existed before the
ledger did have been taken in ("adopt" entries), which happens once.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import DDL, JSON, Boolean, CheckConstraint, Index, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime

LEDGER_GENESIS = "0" * 64


class LedgerEntryRow(Base):
    __tablename__ = "ledger_entries"
    # A record's entries, newest last: its own head (reports) and its latest state (a change).
    __table_args__ = (Index("ix_ledger_entries_record", "entity", "entity_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(8))
    state: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class LedgerHeadRow(Base):
    __tablename__ = "ledger_head"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    adopted: Mapped[bool] = mapped_column(Boolean)


# The head row exists from the start (here for a new database, in revision 0012 for an upgraded one).
SEED_HEAD = f"INSERT INTO ledger_head (id, seq, hash, adopted) VALUES (1, 0, '{LEDGER_GENESIS}', false)"
event.listen(LedgerHeadRow.__table__, "after_create", DDL(SEED_HEAD))
