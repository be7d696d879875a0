"""The branch record and branch-wide settings (name, code, address, login lockout policy)."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.branch.types import BranchInfo
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import refuse_if_changed
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.locks import locked
from branchguard.db.models.foundation import BranchRow

DEFAULT_LOCKOUT_THRESHOLD = 5
DEFAULT_LOCKOUT_MINUTES = 15


def to_info(b: BranchRow) -> BranchInfo:
    return BranchInfo(
        id=b.id,
        name=b.name,
        code=b.code,
        address=b.address,
        lockout_threshold=b.lockout_threshold,
        lockout_minutes=b.lockout_minutes,
    )


def get_branch_row(session: Session) -> BranchRow | None:
    return session.scalars(select(BranchRow).order_by(BranchRow.id).limit(1)).first()


def locked_branch_row(session: Session) -> BranchRow | None:
    """The branch row locked until the session's transaction ends and read fresh (db/locks.py):
    a save that compares it with what its form showed is then not overtaken by another PC's save
    between the comparison and the write."""
    row = get_branch_row(session)
    return locked(session, BranchRow, row.id) if row is not None else None


class BranchService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self) -> BranchInfo | None:
        with self._sessions() as s:
            row = get_branch_row(s)
            return to_info(row) if row else None

    def update(
        self,
        actor: Actor,
        *,
        name: str,
        code: str = "",
        address: str = "",
        lockout_threshold: int = DEFAULT_LOCKOUT_THRESHOLD,
        lockout_minutes: int = DEFAULT_LOCKOUT_MINUTES,
        opened: BranchInfo | None = None,
    ) -> BranchInfo:
        """Create or change the branch record (one per database).

        Every field is written, so a form passes `opened`, the record as it showed it: when the
        record has changed since (the lockout policy set on another PC), StaleRecord is raised and
        nothing is written, rather than the form's old values silently undoing that change.
        `branch set` passes the record it read, whose values it keeps where none is given."""
        require(actor, "branch.update")
        values = branch_values(name, code, address, lockout_threshold, lockout_minutes)
        with self._sessions.begin() as s:
            return write_branch(s, actor, values, opened)


BranchValues = dict[str, str | int]


def branch_values(
    name: str,
    code: str = "",
    address: str = "",
    lockout_threshold: int = DEFAULT_LOCKOUT_THRESHOLD,
    lockout_minutes: int = DEFAULT_LOCKOUT_MINUTES,
) -> BranchValues:
    """The branch record's fields checked (ValidationError naming the first that is not right)."""
    return {
        "name": v.text(name, "field.branch_name"),
        "code": v.text(code, "field.branch_code", required=False, limit=50),
        "address": v.text(address, "field.address", required=False, limit=300),
        "lockout_threshold": v.int_range(lockout_threshold, "field.lockout_threshold", 1, 20),
        "lockout_minutes": v.int_range(lockout_minutes, "field.lockout_minutes", 1, 24 * 60),
    }


def write_branch(
    s: Session, actor: Actor, values: BranchValues, opened: BranchInfo | None = None
) -> BranchInfo:
    """Create or change the branch record in the caller's transaction, audited (`update`'s write)."""
    row = locked_branch_row(s)
    refuse_if_changed(opened, to_info(row) if row is not None else None, Message("entity.branch"))
    before = None
    if row is None:
        row = BranchRow(**values)
        s.add(row)
    else:
        before = {k: v for k, v in asdict(to_info(row)).items() if k != "id"}
        for key, value in values.items():
            setattr(row, key, value)
    s.flush()
    record(s, actor, "branch.update", "branch", row.id, before=before, after=values)
    return to_info(row)
