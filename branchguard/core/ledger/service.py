"""The ledger's use cases: verify it, seal a record for a report, take in what existed before it.

For the anchors: `head`, `hash_at` and `record_head` read positions in the ledger on a caller's
connection; `LedgerService.verify` says exactly what it proved.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel.attachments import AttachmentStore
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import chain, rules, store
from branchguard.core.ledger import verify as checks
from branchguard.core.ledger.types import LedgerAction, LedgerHead, LedgerReport
from branchguard.db.models.incidents import LogEntryRow
from branchguard.db.snapshot import snapshot_connection

__all__ = ["LedgerHead", "LedgerService", "adopt_existing", "hash_at", "head", "record_head"]

_ADOPT_BATCH = 5000


def head(conn: Connection) -> LedgerHead:
    """The ledger's last entry (seq 0 and 64 zeros when it is empty)."""
    return chain.head(conn)


def hash_at(conn: Connection, seq: int) -> str | None:
    """The hash of entry `seq` (64 zeros for 0), None when there is no such entry."""
    return chain.hash_at(conn, seq)


def record_head(conn: Connection, entity: str, entity_id: str) -> LedgerHead:
    """The ledger position of that record's latest entry: "the record's own chain head"."""
    return chain.record_head(conn, entity, entity_id)


class LedgerService:
    def __init__(self, sessions: sessionmaker[Session], files: AttachmentStore) -> None:
        self._sessions = sessions
        self._files = files

    def verify(self, actor: Actor) -> LedgerReport:
        """Every record, log and attachment against the ledger (core/ledger/verify.py)."""
        require(actor, "ledger.verify")
        with self._sessions() as s:  # at one moment: another PC's entries are not half seen
            return checks.verify(snapshot_connection(s), self._files)

    def check_record(self, actor: Actor, entity: str, entity_id: int | str) -> LedgerReport:
        """One record with its parts, log and files against their own ledger entries, without
        walking the chain (verify.verify_record): what the record's page shows a warning of."""
        require(actor, "ledger.verify")
        with self._sessions() as s:
            return checks.verify_record(snapshot_connection(s), self._files, entity, str(entity_id))


def adopt_existing(sessions: sessionmaker[Session]) -> int:
    """Take every record that existed before the ledger did into it ("adopt" entries, and each
    incident log entry as an append), once, in one transaction; the number of entries added.
    A second process opening the database at the same time finds it done and adds nothing.
    Only into an empty ledger: with entries in it, a flag that says "not adopted" was reset by
    someone, and adopting then took every record edited outside the app into the chain, after
    every anchor, so that `verify` and the anchors passed (`verify` reports that flag instead)."""
    with sessions.begin() as s:
        conn = s.connection()
        head_table = chain.HEAD
        claimed = conn.execute(
            update(head_table)
            .where(head_table.c.id == 1, head_table.c.adopted.is_(False), head_table.c.seq == 0)
            .values(adopted=True)
        )
        if getattr(claimed, "rowcount", 0) != 1:
            return 0
        items = _unledgered(conn, LedgerAction.ADOPT)
        _append_all(conn, items)
        if items:
            record(s, Actor.system(), "ledger.adopt", "ledger", summary=f"{len(items)}")
    return len(items)


def take_in_later_kinds(sessions: sessionmaker[Session]) -> int:
    """The records of the kinds the ledger began to keep later (rules.LATER_KINDS) that a ledger
    kept before holds none of (chain.later_kinds_missing), taken in as "adopt" entries by the
    system, once, at a start before anything else is written; the number of entries added."""
    with sessions.begin() as s:
        conn = s.connection()
        chain.lock_head(conn)  # of two PCs starting at once, the second finds them taken in
        items = [
            chain.item(kind, entity_id, LedgerAction.ADOPT, state)
            for kind in chain.later_kinds_missing(conn)
            for entity_id, state in store.states(conn, store.evidence_of(kind))
        ]
        _append_all(conn, items)
        if items:
            record(s, Actor.system(), "ledger.adopt", "ledger", summary=f"{len(items)}")
    return len(items)


def record_bulk_writes(conn: Connection) -> int:
    """For the app's own bulk writers (generated history: core/demo/bulk.py), which write through
    Core where the session hook does not see them, at the end of their transaction: a "create" for
    every record the ledger does not know, a "change" for every one whose state moved, an append
    for every log entry not yet in it. Never for anything else: run over data someone altered, it
    would take the alteration in."""
    items = _unledgered(conn, LedgerAction.CREATE)
    _append_all(conn, items)
    return len(items)


def _append_all(conn: Connection, items: list[chain.Item]) -> None:
    for i in range(0, len(items), _ADOPT_BATCH):
        chain.append(conn, items[i : i + _ADOPT_BATCH], "system")


def _unledgered(conn: Connection, action: LedgerAction) -> list[chain.Item]:
    """Items for what the ledger does not hold yet: records it has no entry for (`action`), records
    whose state differs from their latest entry ("change"), and log entries not appended."""
    entries = chain.ENTRIES
    latest: dict[tuple[str, str], str] = {}
    appended: set[str] = set()
    stmt = select(entries.c.entity, entries.c.entity_id, entries.c.action, entries.c.digest).order_by(
        entries.c.seq
    )
    for entity, entity_id, done, digest in conn.execute(stmt.execution_options(yield_per=5000)):
        if done == LedgerAction.APPEND.value:
            appended.add(digest)
        else:
            latest[(entity, entity_id)] = digest
    items: list[chain.Item] = []
    for evidence in store.registry():
        for entity_id, state in store.states(conn, evidence):
            known = latest.get((evidence.entity, entity_id))
            if known is None:
                items.append(chain.item(evidence.entity, entity_id, action, state))
            elif known != rules.digest_of(state):
                items.append(chain.item(evidence.entity, entity_id, LedgerAction.CHANGE, state))
    log = LogEntryRow.__table__
    rows = conn.execute(
        select(log.c.incident_id, log.c.at, log.c.actor, log.c.hash).order_by(log.c.incident_id, log.c.seq)
    )
    items += [
        chain.Item(rules.INCIDENT, str(incident), LedgerAction.APPEND, None, digest, at, who)
        for incident, at, who, digest in rows
        if digest not in appended
    ]
    return items
