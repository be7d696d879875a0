"""Audit trail: recording inside the caller's unit of work, and reading it back with filters."""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel import paging
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import AuditEventRow

# Recorded whatever the account's standing: a refusal is evidence too, of a stale login above all.
_WHATEVER_STANDING = frozenset({"user.refused"})


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    *,
    before: Mapping[str, object] | None = None,
    after: Mapping[str, object] | None = None,
    summary: str | Mapping[str, object] = "",
) -> None:
    """Add an audit event to the session; it commits (or rolls back) with the change itself, and
    only while the actor's login stands (core/accounts/standing.py: AccountChanged otherwise).
    A `summary` made with `saying`/`both` (core/kernel/i18n) is stored as that JSON and read in
    the reader's language (core/audit/text.summary_text); a plain one as given."""
    if action not in _WHATEVER_STANDING:
        standing.check(session, actor)
    if isinstance(summary, Mapping):
        summary = json.dumps(summary, ensure_ascii=False, sort_keys=True)
    session.add(
        AuditEventRow(
            actor=actor.username,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            summary=summary or describe_change(before, after),
            before=_jsonable(before),
            after=_jsonable(after),
        )
    )


def describe_change(before: Mapping[str, object] | None, after: Mapping[str, object] | None) -> str:
    """A one-line before → after summary of the fields that changed."""
    if before and after:
        changed = [k for k in after if before.get(k) != after.get(k)]
        return "; ".join(f"{k}: {before.get(k)!s} → {after.get(k)!s}" for k in changed)
    if after:
        return ", ".join(f"{k}={v}" for k, v in after.items() if v not in ("", None))
    if before:
        return ", ".join(f"{k}={v}" for k, v in before.items() if v not in ("", None))
    return ""


def _jsonable(values: Mapping[str, object] | None) -> dict[str, object] | None:
    if values is None:
        return None
    return json.loads(json.dumps(dict(values), default=str, ensure_ascii=False))


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action_prefix: str | None = None
    entity: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None
    limit: int = 5000


# Rows a page of the audit list holds: a screen or two; the window fetches the next as it scrolls.
PAGE = 200

_COLUMNS = (
    AuditEventRow.id,
    AuditEventRow.at,
    AuditEventRow.actor,
    AuditEventRow.action,
    AuditEventRow.entity,
    AuditEventRow.entity_id,
    AuditEventRow.summary,
    AuditEventRow.before,
    AuditEventRow.after,
)


@dataclass(frozen=True)
class AuditCursor:
    """Where a page ended: the next page starts after this event (newest first)."""

    at: datetime
    id: int

    @classmethod
    def after(cls, record: AuditRecord) -> AuditCursor:
        return cls(record.at, record.id)


class AuditService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list(self, actor: Actor, flt: AuditFilter | None = None) -> builtins.list[AuditRecord]:
        """The newest events matching the filter, at most `flt.limit`."""
        require(actor, "audit.list")
        flt = flt or AuditFilter()
        return self._read(flt, None, flt.limit)

    def page(
        self,
        actor: Actor,
        flt: AuditFilter | None = None,
        after: AuditCursor | None = None,
        limit: int = PAGE,
    ) -> builtins.list[AuditRecord]:
        """One page of events matching the filter, newest first, starting after `after` (a keyset
        page: the database walks the (at, id) order from there instead of skipping rows)."""
        require(actor, "audit.list")
        return self._read(flt or AuditFilter(), after, limit)

    def _read(self, flt: AuditFilter, after: AuditCursor | None, limit: int) -> builtins.list[AuditRecord]:
        # Plain columns, not ORM objects: a page is read row by row into frozen records.
        query = select(*_COLUMNS).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc())
        if flt.actor:
            query = query.where(AuditEventRow.actor == flt.actor)
        if flt.action_prefix:
            query = query.where(AuditEventRow.action.startswith(flt.action_prefix))
        if flt.entity:
            query = query.where(AuditEventRow.entity == flt.entity)
        if flt.since:
            query = query.where(AuditEventRow.at >= flt.since)
        if flt.until:
            query = query.where(AuditEventRow.at < flt.until)
        if flt.text:
            query = query.where(AuditEventRow.summary.contains(flt.text, autoescape=True))
        if after is not None:
            query = query.where(
                or_(
                    AuditEventRow.at < after.at,
                    and_(AuditEventRow.at == after.at, AuditEventRow.id < after.id),
                )
            )
        with self._sessions() as s:
            return [
                AuditRecord(id_, at, who, action, entity, entity_id, summary, before or {}, after_ or {})
                for id_, at, who, action, entity, entity_id, summary, before, after_ in s.execute(
                    query.limit(limit)
                ).tuples()
            ]

    def actors(self, actor: Actor) -> builtins.list[str]:
        require(actor, "audit.list")
        with self._sessions() as s:
            return paging.distinct_values(s, AuditEventRow.actor)

    def actions(self, actor: Actor) -> builtins.list[str]:
        """Every action the trail holds (the window's filter by kind of change offers them)."""
        require(actor, "audit.list")
        with self._sessions() as s:
            return paging.distinct_values(s, AuditEventRow.action)
