"""The one place where the anchors meet the ledger: `ledger_view(conn)` builds the `LedgerView` the
anchor service reads (the service is given this function by `core/services.py`).

Until the ledger over every record (`core/ledger`) is in this tree, the ledger anchored is the one
chain of evidence that exists: every incident log entry in the order it was written, entry N being
the N-th row of `incident_log` by id, its hash the entry's own chain hash. Anchors made over it
catch a log cut short, a log entry or a whole incident deleted, a log rewritten and its chain
recomputed, and an emptied or replaced database. When `core/ledger` lands, `ledger_view` returns
an adapter over `core.ledger.service.head / hash_at / record_head` and its chain check instead,
and `IncidentLogLedger` goes; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Table, func, select

from branchguard.core.anchors.types import GENESIS, Head, LedgerView
from branchguard.db.models.incidents import LogEntryRow

LedgerFactory = Callable[[Connection], LedgerView]
_LOG: Table = LogEntryRow.__table__  # type: ignore[assignment]


def ledger_view(conn: Connection) -> LedgerView:
    return IncidentLogLedger(conn)


class IncidentLogLedger:
    """Every incident log entry in written order as one sequence (see the module's note)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def head(self) -> Head:
        count = self._conn.scalar(select(func.count()).select_from(_LOG)) or 0
        if not count:
            return Head(0, GENESIS)
        last = self._conn.scalar(select(_LOG.c.hash).order_by(_LOG.c.id.desc()).limit(1))
        return Head(count, last or GENESIS)

    def hash_at(self, seq: int) -> str | None:
        if seq < 1:
            return None
        return self._conn.scalar(select(_LOG.c.hash).order_by(_LOG.c.id).limit(1).offset(seq - 1))

    def record_head(self, entity: str, entity_id: str) -> Head | None:
        if entity != "incident" or not entity_id.isdigit():
            return None
        last = self._conn.execute(
            select(_LOG.c.id, _LOG.c.hash)
            .where(_LOG.c.incident_id == int(entity_id))
            .order_by(_LOG.c.id.desc())
            .limit(1)
        ).first()
        if last is None:
            return None
        position = self._conn.scalar(select(func.count()).select_from(_LOG).where(_LOG.c.id <= last.id))
        return Head(position or 0, last.hash)

    def consistent(self) -> bool:
        from branchguard.core.incidents import log

        return log.verify(self._conn).ok
