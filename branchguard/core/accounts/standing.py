"""Whether a login still stands when its holder writes: the account still active, in the role it
logged in with.

A window logs in once and may stay open for a whole shift; meanwhile a lead may disable the account
(someone who left) or change its role. The role check of each service (`require`) reads the role the
actor logged in with, so every write also asks the database, inside its own transaction: the audit
record of each change (core/audit/service.py `record`) by the account's id, and each incident log
entry (core/incidents/log.py) by the user name it is written under, as the log knows its writers;
a write that leaves the database (an archive, a key file, an anchor) or writes the log with a right
of its own (attach, correct another's entry) asks first (`confirm`, `check`).
A refused write writes nothing; the holder must log in again. The system and a database with no
accounts yet (`user_id` None, a name no account has) are not accounts: nothing to check.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import may
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.models.foundation import UserRow

_USERS = UserRow.__table__
_CHECKED = "branchguard.standing_checked"  # the actors a transaction has checked already
# The incident log's raw SQLite path asks with its own cursor (core/incidents/log.py).
SQLITE_WRITER = "SELECT active, role FROM users WHERE username = ?"


class AccountChanged(PermissionDenied):
    """The account was disabled, or its role changed, after its holder logged in."""


def check(target: Session | Connection, actor: Actor) -> None:
    """Refuse `actor` (AccountChanged) unless its account is still active in the role it logged in
    with; once per transaction and actor."""
    if actor.user_id is None:
        return
    # A session lives for one unit of work here; a connection's `info` outlives it (the pool's).
    session = isinstance(target, Session)
    checked: set[tuple[int, str]] = target.info.setdefault(_CHECKED, set()) if session else set()
    if (actor.user_id, actor.role.value) in checked:
        return
    query = select(_USERS.c.active, _USERS.c.role).where(_USERS.c.id == actor.user_id)
    if isinstance(target, Session):
        with target.no_autoflush:  # as the account stood before this change (a lead's own role)
            row = target.execute(query).first()
    else:
        row = target.execute(query).first()
    if row is None or not row.active:
        raise AccountChanged(Message("auth.disabled_since_login", username=actor.username))
    if row.role != actor.role.value:
        changed = Message("auth.role_changed_since_login", username=actor.username, role=Role(row.role))
        raise AccountChanged(changed)
    checked.add((actor.user_id, actor.role.value))


def confirm(sessions: sessionmaker[Session], actor: Actor) -> None:
    """`check` in a read of its own, before a write that leaves the database (an archive, a key
    file, an anchor, a restore asked for): refused first, nothing is written anywhere."""
    with sessions() as s:
        check(s, actor)


def check_log_writer(target: Session | Connection, username: str) -> None:
    """Refuse a log entry under `username` unless no account has that name (the system) or the
    account is active and its role may still write to an incident's log."""
    row = target.execute(select(_USERS.c.active, _USERS.c.role).where(_USERS.c.username == username)).first()
    refuse_log_writer(row, username)


def refuse_log_writer(row: Any, username: str) -> None:
    """The answer of `check_log_writer` for the row (active, role) read by SQLITE_WRITER, or None."""
    if row is None:
        return
    active, role = row
    if not active:
        raise AccountChanged(Message("auth.disabled_since_login", username=username))
    if not may(Actor(None, username, Role(role)), "incident.log"):
        changed = Message("auth.role_changed_since_login", username=username, role=Role(role))
        raise AccountChanged(changed)
