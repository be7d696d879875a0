"""Audit trail: recording inside the caller's unit of work, and reading it back with filters."""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, String, and_, func, literal, or_, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.audit.clock import ClockBehind, clock_behind
from branchguard.core.audit.types import AuditRecord
from branchguard.core.kernel import paging, validation
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import AuditEventRow, UserRow

if TYPE_CHECKING:
    from branchguard.core.audit.server_clock import ClockOff

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
# Events an export reads at a time: ten years' trail (200,000 events) is never held at once.
EXPORT_CHUNK = 2000

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
# A record's id as the list orders it: left-padded with zeros, so "9" comes before "10" (ids are
# numbers but for a few names) on both engines, which have no common lpad.
_ID_ORDER = func.substr(
    literal("0" * 64, String) + AuditEventRow.entity_id, func.length(AuditEventRow.entity_id) + 1
)
# The audit list's columns a window can be sorted by, in SQL over every event the filter selects.
# Time, user and action walk their indexes (ix_audit_events_at, _actor, _action); the kind of
# record, the record's id and the summary have none, and are sorted by the database each read.
LIST_SORTS: dict[str, paging.Column] = {
    "time": AuditEventRow.at,
    "user": AuditEventRow.actor,
    "action": AuditEventRow.action,
    "entity": AuditEventRow.entity,
    "id": _ID_ORDER,
    "summary": AuditEventRow.summary,
}


def _filtered(flt: AuditFilter) -> Select[Any]:
    """The events `flt` selects, as the columns a record is made of (not ORM objects)."""
    query = select(*_COLUMNS)
    if flt.actor:
        query = query.where(AuditEventRow.actor == flt.actor)
    if flt.action_prefix:
        query = query.where(AuditEventRow.action.startswith(flt.action_prefix, autoescape=True))
    if flt.entity:
        query = query.where(AuditEventRow.entity == flt.entity)
    if flt.since:
        query = query.where(AuditEventRow.at >= flt.since)
    if flt.until:
        query = query.where(AuditEventRow.at < flt.until)
    if text := validation.search(flt.text):
        query = query.where(_summary_says(text))
    return query


def _summary_says(text: str) -> ColumnElement[bool]:
    """The summary holds `text` as the reader sees it: as typed, or in a stored form of a field or
    value the reader's words name (core/audit/search.py: 重大 finds "severity: major → general")."""
    from branchguard.core.audit.search import stored_forms  # it reads the words of core/audit/text

    said = [AuditEventRow.summary.contains(text, autoescape=True)]
    for form in stored_forms(text):
        like = AuditEventRow.summary.like(form.pattern, escape=validation.LIKE_ESCAPE)
        said.append(like if form.entity is None else and_(AuditEventRow.entity == form.entity, like))
    return or_(*said)


def _records(s: Session, query: Select[Any]) -> builtins.list[AuditRecord]:
    return [
        AuditRecord(id_, at, who, action, entity, entity_id, summary, before or {}, after or {})
        for id_, at, who, action, entity, entity_id, summary, before, after in s.execute(query).tuples()
    ]


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

    def clock_behind(self, now: datetime | None = None) -> ClockBehind | None:
        """Whether this PC's clock is behind the newest record (core/audit/clock.py): said to
        whoever logs in, before they write, so it asks for no role (it tells a time, not a record)."""
        with self._sessions() as s:
            return clock_behind(s, now)

    def record_clock_off(self, actor: Actor, off: ClockOff) -> None:
        """Record, under the user logged in on this PC, that its clock is off the database server's
        (core/audit/server_clock.py): which PC, by how much. Once per start; it asks for no role."""
        from branchguard.core.faults.holders import host_name

        with self._sessions.begin() as s:
            record(s, actor, "user.pc_clock_off", "user", actor.user_id, summary=off.summary(host_name()))

    def list(self, actor: Actor, flt: AuditFilter | None = None) -> builtins.list[AuditRecord]:
        """The newest events matching the filter, at most `flt.limit`."""
        require(actor, "audit.list")
        flt = flt or AuditFilter()
        query = _filtered(flt).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(flt.limit)
        with self._sessions() as s:
            return _records(s, query)

    def count(self, actor: Actor, flt: AuditFilter | None = None) -> int:
        """How many events match the filter, whatever `flt.limit` (what a list cut short leaves out)."""
        require(actor, "audit.list")
        with self._sessions() as s:
            return s.scalar(paging.count(_filtered(flt or AuditFilter()))) or 0

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
        query = _filtered(flt or AuditFilter())
        if after is not None:
            query = query.where(
                or_(
                    AuditEventRow.at < after.at,
                    and_(AuditEventRow.at == after.at, AuditEventRow.id < after.id),
                )
            )
        query = query.order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(limit)
        with self._sessions() as s:
            return _records(s, query)

    def window(self, actor: Actor, flt: AuditFilter, window: Window) -> Slice[AuditRecord]:
        """One window of the events `flt` selects (newest first unless `window.sort` names a
        column of `LIST_SORTS`) and the count of all of them, both in SQL (`flt.limit` aside)."""
        require(actor, "audit.list")
        query = _filtered(flt)
        with self._sessions() as s:
            total = s.scalar(paging.count(query)) or 0
            page = paging.ordered(query, window, LIST_SORTS, (AuditEventRow.at,), AuditEventRow.id)
            return Slice(_records(s, page), total)

    def actors(self, actor: Actor) -> builtins.list[str]:
        require(actor, "audit.list")
        with self._sessions() as s:
            return paging.distinct_values(s, AuditEventRow.actor)

    def actions(self, actor: Actor) -> builtins.list[str]:
        """Every action the trail holds (the window's filter by kind of change offers them)."""
        require(actor, "audit.list")
        with self._sessions() as s:
            return paging.distinct_values(s, AuditEventRow.action)

    # -- export: the trail taken away as evidence (reports/audit_export.py) -----------------------
    def export_count(self, actor: Actor, flt: AuditFilter) -> int:
        """How many events an export of `flt` holds (`flt.limit` aside: an export holds them all)."""
        require(actor, "audit.export")
        with self._sessions() as s:
            return s.scalar(paging.count(_filtered(flt))) or 0

    def export_chunks(
        self, actor: Actor, flt: AuditFilter, size: int | None = None
    ) -> Iterator[builtins.list[AuditRecord]]:
        """Every event `flt` selects, newest first as `list` orders them, `size` (`EXPORT_CHUNK`) at
        a time (keyset pages: each chunk is one short read, none held once the caller is done)."""
        require(actor, "audit.export")
        size = size or EXPORT_CHUNK
        after: AuditCursor | None = None
        while True:
            chunk = self.page(actor, flt, after, size)
            if chunk:
                yield chunk
            if len(chunk) < size:
                return
            after = AuditCursor.after(chunk[-1])

    def roles(self, actor: Actor) -> dict[str, str]:
        """Each account's role now, by login (an export says who acted in what role, where known)."""
        require(actor, "audit.export")
        with self._sessions() as s:
            return {login: role for login, role in s.execute(select(UserRow.username, UserRow.role)).tuples()}

    def record_export(self, actor: Actor, flt: AuditFilter, fmt: str, events: int, file_name: str) -> None:
        """The export itself goes into the trail: who took which part of it away (the filters set),
        and in what file."""
        require(actor, "audit.export")
        last_day = flt.until - timedelta(days=1) if flt.until else None
        stated = {
            "since": _local_date(flt.since),
            "until": _local_date(last_day),
            "user": flt.actor or "",
            "kind": (flt.action_prefix or "").rstrip("."),
            "entity": flt.entity or "",
            "text": flt.text or "",
            "format": fmt,
            "events": events,
            "file": file_name,
        }
        after = {name: value for name, value in stated.items() if value != ""}
        with self._sessions.begin() as s:
            record(s, actor, "audit.export", "audit_trail", "", after=after)


def _local_date(at: datetime | None) -> str:
    """A filter's bound (a local midnight kept as UTC) as the local date it names, "" for none."""
    return at.astimezone().date().isoformat() if at else ""
