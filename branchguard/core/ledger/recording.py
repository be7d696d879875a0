"""Recording: every change to an evidence record made through an ORM session becomes a ledger
entry in that session's transaction, without the service asking for it.

Mapper events note which records a flush inserted, changed (in an evidence column) or deleted,
cascades included; just before the transaction commits, the records noted are read back (the
state the ledger keeps is what `verify` will read) and appended. A write that bypasses the ORM
(a Core UPDATE or a bulk INSERT inside a session) calls `touch` for the records it wrote; a Core
DELETE, or a delete the database carries on (ON DELETE CASCADE, SET NULL), calls `deleting` first.
A record changed or deleted whose committed state the ledger does not hold was changed outside the
app: it is ledgered as found first (core/ledger/outside.py). The incident log's appends record
themselves (core/incidents/log.py): on a plain connection at once, inside a session through
`at_commit`.

The ledger head is bumped here, at commit, after the session's last flush: on PostgreSQL its row
lock is the last lock a transaction takes, so no two transactions wait for each other across it.

The actor of the entries is the user of the transaction's audit event (every service records
one), else "system".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, event, inspect
from sqlalchemy.orm import Mapper, Session, object_session

from branchguard.core.ledger import chain, rules
from branchguard.core.ledger.types import LedgerAction
from branchguard.db.base import Base

_PENDING = "ledger.pending"  # session.info: {(entity, id): action}, in the order first noted
_LATER = "ledger.later"  # session.info: entries made whole elsewhere (log appends), in order
_ACTOR = "ledger.actor"
SYSTEM = "system"
_installed = False


def install() -> None:
    """Listen to every mapper (evidence is told by its table) and to every session's commit, once
    per process. Nothing else is imported: a start loads the models it uses, not all of them."""
    global _installed
    if _installed:
        return
    event.listen(Base, "after_insert", _inserted, propagate=True)
    event.listen(Base, "after_update", _updated, propagate=True)
    event.listen(Base, "after_delete", _deleted, propagate=True)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_rollback", _forget)
    _installed = True


def touch(
    session: Session, entity: str, ids: Iterable[object], action: LedgerAction = LedgerAction.CHANGE
) -> None:
    """Note records written outside the ORM's unit of work (created or changed)."""
    for entity_id in ids:
        _note(session, entity, str(entity_id), action)


def _emptied_referrers(session: Session, table: str, doomed: ColumnElement[bool]) -> None:
    """Before rows of `table` that match `doomed` are deleted: note the records of evidence that
    name them through a reference the database empties on its own (ON DELETE SET NULL; an
    inspection draft's occurrence when its schedule is paused), so the ledger takes the emptied
    reference in at commit, as the app's change it is. Unnoted, `verify` named the record changed,
    and the next change found it altered outside the app."""
    from sqlalchemy import select

    from branchguard.core.ledger import store  # every model: only where rows are deleted so

    for evidence in store.registry():
        for fk in evidence.table.foreign_keys:
            if fk.column.table.name == table and (fk.ondelete or "").upper() == "SET NULL":
                naming = select(evidence.key).where(fk.parent.in_(select(fk.column).where(doomed)))
                touch(session, evidence.entity, session.scalars(naming))


def deleting(session: Session, table: str, doomed: ColumnElement[bool]) -> None:
    """Before rows of `table` that match `doomed` are deleted, by a Core DELETE (which the unit of
    work does not see) or by the ORM: note them as deleted where they are evidence, the records
    the database deletes with them (ON DELETE CASCADE: a schedule's occurrences), as deleted too,
    and those it empties a reference of (`_emptied_referrers`), down every cascade. Unnoted, `verify`
    named each record deleted outside the app."""
    from sqlalchemy import select

    from branchguard.core.ledger import store  # every model: only where rows are deleted so

    store.registry()  # every model's table in the metadata, to follow the cascades
    known = rules.ENTITY_OF_TABLE.get(table)
    target = Base.metadata.tables[table]
    if known is not None:
        (key,) = target.primary_key.columns
        touch(session, known[0], session.scalars(select(key).where(doomed)), LedgerAction.DELETE)
    _emptied_referrers(session, table, doomed)
    for child in Base.metadata.tables.values():
        for fk in child.foreign_keys:
            if fk.column.table is target and (fk.ondelete or "").upper() == "CASCADE":
                deleting(session, child.name, fk.parent.in_(select(fk.column).where(doomed)))


def delete_rows(session: Session, table: str, doomed: ColumnElement[bool]) -> None:
    """A Core DELETE of the rows of `table` that match `doomed`, noted (`deleting`): the rows
    themselves as the DELETE returns them, so that one another transaction committed between the
    note and the DELETE (on PostgreSQL: another PC's catch-up writing an item of the schedule being
    paused) is ledgered as deleted too, not found deleted outside the app."""
    from sqlalchemy import delete

    deleting(session, table, doomed)
    target = Base.metadata.tables[table]
    (key,) = target.primary_key.columns
    gone = session.execute(delete(target).where(doomed).returning(key)).scalars().all()
    known = rules.ENTITY_OF_TABLE.get(table)
    if known is not None:
        touch(session, known[0], gone, LedgerAction.DELETE)


def at_commit(session: Session, item: chain.Item) -> None:
    """Append `item` (already whole: an incident log entry's) with the session's other entries
    when it commits, in the order given; dropped if the session rolls back."""
    session.info.setdefault(_LATER, []).append(item)


def _note(session: Session, entity: str, entity_id: str, action: LedgerAction) -> None:
    pending: dict[tuple[str, str], LedgerAction] = session.info.setdefault(_PENDING, {})
    key = (entity, entity_id)
    known = pending.get(key)
    if action == LedgerAction.DELETE:
        if known == LedgerAction.CREATE:  # made and dropped in one transaction: never in the ledger
            del pending[key]
        else:
            pending[key] = action
    elif known is None or known == LedgerAction.DELETE:
        pending[key] = action


def _record_of(mapper: Mapper[Any], target: Any) -> tuple[Session, str, str] | None:
    known = rules.ENTITY_OF_TABLE.get(getattr(mapper.local_table, "name", ""))
    session = object_session(target)
    if session is None or known is None:
        return None
    (entity_id,) = mapper.primary_key_from_instance(target)
    return session, known[0], str(entity_id)


def _inserted(mapper: Mapper[Any], _conn: Any, target: Any) -> None:
    found = _record_of(mapper, target)
    if found is None:
        return
    if found[1] == "audit_event":
        found[0].info.setdefault(_ACTOR, target.actor)
    _note(*found, LedgerAction.CREATE)


def _updated(mapper: Mapper[Any], _conn: Any, target: Any) -> None:
    found = _record_of(mapper, target)
    if found is None:
        return
    leave_out = rules.ENTITY_OF_TABLE[mapper.local_table.name][1]  # type: ignore[attr-defined]
    attrs = inspect(target).attrs
    if any(attrs[c.key].history.has_changes() for c in mapper.column_attrs if c.key not in leave_out):
        _note(*found, LedgerAction.CHANGE)


def _deleted(mapper: Mapper[Any], _conn: Any, target: Any) -> None:
    found = _record_of(mapper, target)
    if found:
        _note(*found, LedgerAction.DELETE)


def _before_commit(session: Session) -> None:
    quiet = not session.dirty and not session.new and not session.deleted
    if quiet and not session.info.get(_PENDING) and not session.info.get(_LATER):
        return
    session.flush()  # the commit's own flush comes after this hook
    pending: dict[tuple[str, str], LedgerAction] = session.info.pop(_PENDING, {})
    later: list[chain.Item] = session.info.pop(_LATER, [])
    actor = session.info.pop(_ACTOR, SYSTEM)
    if not pending:
        if later:
            chain.append(session.connection(), later, actor)
        return
    from branchguard.core.ledger import outside, store  # Core: only once something is to be recorded

    conn = session.connection()
    found_altered = outside.altered(session, pending)  # before the transaction's own entries
    wanted: dict[str, list[str]] = {}
    for (entity, entity_id), action in pending.items():
        if action != LedgerAction.DELETE:
            wanted.setdefault(entity, []).append(entity_id)
    found = {
        (entity, entity_id): state
        for entity, ids in wanted.items()
        for entity_id, state in store.states(conn, store.evidence_of(entity), ids)
    }
    items = []
    for key, action in pending.items():
        state = found.get(key)
        if action == LedgerAction.DELETE or state is None:
            if action != LedgerAction.CREATE:  # a record made and gone again was never ledgered
                items.append(chain.item(*key, LedgerAction.DELETE, None))
            continue
        items.append(chain.item(*key, action, state))
    chain.append(conn, [*found_altered, *later, *items], actor)


def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_LATER, None)
    session.info.pop(_ACTOR, None)
