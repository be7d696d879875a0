"""Complaint rows <-> records, masking applied as a record is made, and the register's filter
(no permissions, no session handling: the service does that)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.complaints import rules
from branchguard.core.complaints.types import (
    Category,
    ComplaintCause,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintEvent,
    ComplaintEventKind,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintKind,
    ComplaintStatus,
    ComplaintStep,
    Satisfaction,
    StepRecord,
)
from branchguard.core.incidents.store import action_of
from branchguard.core.kernel import validation
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.reference_search import reference_conditions
from branchguard.core.kernel.types import Actor
from branchguard.db.models.complaints import ComplaintCategoryRow, ComplaintEventRow, ComplaintRow

RUNNING = tuple(s.value for s in ComplaintStatus if s.clock_running)
OPEN = tuple(s.value for s in ComplaintStatus if s.is_open)


def categories(s: Session, active_only: bool = False) -> list[Category]:
    stmt = select(ComplaintCategoryRow).order_by(ComplaintCategoryRow.position, ComplaintCategoryRow.code)
    if active_only:
        stmt = stmt.where(ComplaintCategoryRow.active.is_(True))
    return [Category(r.code, r.name_zh, r.name_en, r.active) for r in s.scalars(stmt)]


def category_name(cat: Category | None, code: str) -> str:
    if cat is None:
        return code
    return cat.name_zh if current_language() == "zh_CN" else cat.name_en


def _classification_name(details: dict[str, Any] | None, cats: dict[str, Category]) -> str:
    code = str((details or {}).get("classification") or "")
    return category_name(cats.get(code), code) if code else ""


def refs(raw: list[dict[str, Any]] | None) -> tuple[AttachmentRef, ...]:
    return tuple(
        AttachmentRef(str(a["name"]), str(a["sha256"]), int(a["size"]), str(a["media_type"]))
        for a in raw or ()
    )


def ref_values(items: list[AttachmentRef]) -> list[dict[str, Any]]:
    return [{"name": r.name, "sha256": r.sha256, "size": r.size, "media_type": r.media_type} for r in items]


def number_of(row: ComplaintRow) -> str:
    """The register's reference: TS (投诉), the year received in China, the id (the same on every
    PC, core/kernel/china_time.py)."""
    return rules.number_received(row.received_at, row.id)


def info_of(
    row: ComplaintRow, now: datetime, zone: ZoneInfo, cats: dict[str, Category], *, masked: bool = True
) -> ComplaintInfo:
    status = ComplaintStatus(row.status)
    name, phone, id_number = row.customer_name, row.customer_phone, row.customer_id_number
    reps = tuple(row.representatives or ())
    if masked:
        name, phone = rules.mask_name(name), rules.mask_phone(phone)
        id_number = rules.mask_id_number(id_number)
        reps = tuple(rules.mask_name(r) for r in reps)
    return ComplaintInfo(
        id=row.id,
        number=number_of(row),
        kind=ComplaintKind(row.kind),
        channel=ComplaintChannel(row.channel),
        status=status,
        received_at=row.received_at,
        due_at=row.due_at,
        due_date=row.due_at.astimezone(zone).date() if row.due_at else None,
        extensions=row.extensions,
        overdue=rules.is_overdue(status, row.due_at, now),
        days_left=rules.days_left(status, row.due_at, now, zone),
        clock_stopped_at=row.clock_stopped_at,
        customer_name=name,
        customer_phone=phone,
        customer_id_number=id_number,
        masked=masked,
        representatives=reps,
        incident_id=row.incident_id,
        subject_person=row.subject_person,
        subject_post=row.subject_post,
        business_line=row.business_line,
        category=row.category,
        category_name=category_name(cats.get(row.category), row.category),
        request=row.request,
        facts=row.facts,
        first_responsible=row.first_responsible,
        handler=row.handler,
        registered_by=row.registered_by,
        cause=ComplaintCause(row.cause) if row.cause else None,
        satisfaction=Satisfaction(row.satisfaction) if row.satisfaction else None,
        on_time=rules.on_time(row.due_at, row.clock_stopped_at),
        schedule_id=row.schedule_id,
    )


def detail_of(
    row: ComplaintRow, now: datetime, zone: ZoneInfo, cats: dict[str, Category], *, masked: bool = True
) -> ComplaintDetail:
    return ComplaintDetail(
        info=info_of(row, now, zone, cats, masked=masked),
        steps=tuple(
            StepRecord(
                id=st.id,
                step=ComplaintStep(st.step),
                text=st.text,
                details={str(k): str(v) for k, v in (st.details or {}).items()},
                evidence=refs(st.evidence),
                by=st.by,
                at=st.at,
                classification_name=_classification_name(st.details, cats),
            )
            for st in row.steps
        ),
        events=tuple(
            ComplaintEvent(
                id=ev.id,
                kind=ComplaintEventKind(ev.kind),
                actor=ev.actor,
                at=ev.at,
                note=ev.note,
                details={str(k): str(v) for k, v in (ev.details or {}).items()},
            )
            for ev in row.events
        ),
        actions=tuple(action_of(a) for a in row.actions),
    )


def add_event(
    row: ComplaintRow,
    kind: ComplaintEventKind,
    actor: Actor,
    at: datetime,
    note: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """An event on the complaint's history, at the time of the change it records (the service's
    `now`: the same instant as the step or the audit event it goes with)."""
    row.events.append(
        ComplaintEventRow(kind=kind.value, actor=actor.username, at=at, note=note, details=details or {})
    )


def filtered(
    flt: ComplaintFilter, now: datetime, zone: ZoneInfo, *, full_names: bool = False
) -> Select[tuple[ComplaintRow]]:
    """The complaints `flt` selects; its text matches the customer's full name only with
    `full_names` (a reader who may see the identifiers unmasked), else the name as the register
    shows it masked (`_masked_name`)."""
    stmt = select(ComplaintRow)
    if flt.open_only:
        stmt = stmt.where(ComplaintRow.status.in_(OPEN))
    if flt.overdue_only:
        stmt = stmt.where(
            ComplaintRow.status.in_(RUNNING), ComplaintRow.due_at.is_not(None), ComplaintRow.due_at < now
        )
    if flt.status is not None:
        stmt = stmt.where(ComplaintRow.status == flt.status.value)
    if flt.kind is not None:
        stmt = stmt.where(ComplaintRow.kind == flt.kind.value)
    if flt.channel is not None:
        stmt = stmt.where(ComplaintRow.channel == flt.channel.value)
    if flt.category.strip():
        stmt = stmt.where(ComplaintRow.category == flt.category.strip())
    if flt.received_from is not None:
        stmt = stmt.where(
            ComplaintRow.received_at >= datetime.combine(flt.received_from, time(0), tzinfo=zone)
        )
    if flt.received_to is not None:
        end = datetime.combine(flt.received_to + timedelta(days=1), time(0), tzinfo=zone)
        stmt = stmt.where(ComplaintRow.received_at < end)
    text = validation.search(flt.text)
    if text:
        stmt = stmt.where(_search(text, full_names))
    return stmt


def _search(text: str, full_names: bool) -> ColumnElement[bool]:
    """The words anywhere in the request, facts or person complained about (`%` and `_` as typed),
    the customer's name (in full or masked: `filtered`), or the complaints a register reference names,
    as the hazard register reads one (core/kernel/reference_search.py): TS-2026-0007 (that year's, in
    China), 0007 or 7, TS-2026 (the year's), 2026 (the id or the year)."""
    like, esc = validation.containing(text), validation.LIKE_ESCAPE
    conds: list[ColumnElement[bool]] = [
        column.ilike(like, escape=esc)
        for column in (ComplaintRow.request, ComplaintRow.facts, ComplaintRow.subject_person)
    ]
    conds.append(ComplaintRow.customer_name.ilike(like, escape=esc) if full_names else _masked_name(text))
    conds += reference_conditions(text, "TS", ComplaintRow.id, ComplaintRow.received_at)
    return or_(*conds)


def found_by_full_name(rows: list[ComplaintRow], text: str) -> list[int]:
    """The complaints among `rows` that a search for `text` found by the customer's name in full
    and not as it shows masked: what a reader who may see the names (`filtered`'s `full_names`)
    learns by naming a person ("王芳": she complained), which a masked reader's search does not. A
    number, a date, a word of the facts or a surname alone ("王", shown as 王*) finds none."""
    needle = validation.search(text).casefold()
    if not needle:
        return []
    return [
        r.id
        for r in rows
        if needle in r.customer_name.casefold() and needle not in rules.mask_name(r.customer_name).casefold()
    ]


def _masked_name(text: str) -> ColumnElement[bool]:
    """The names whose masked form (`rules.mask_name`: 张** for 张三丰, * for a one-character name)
    contains `text`: a first character and stars ("张", "张*"), or stars alone. A name typed in full
    finds nobody, so that a reader who sees the names masked cannot confirm that a person complained."""
    length = func.length(ComplaintRow.customer_name)
    if not text.strip("*"):  # "**": the names masked with at least that many stars
        return length >= len(text) + 1 if len(text) > 1 else length >= 1  # "张" shows as "*" too
    if text[1:].strip("*"):  # a character after the first: no masked name shows one
        return false()
    first = validation.containing(text[0])[1:]  # "张%": the name starts with it
    return and_(
        ComplaintRow.customer_name.ilike(first, escape=validation.LIKE_ESCAPE),
        length >= max(2, len(text)),  # a one-character name shows only "*"
    )
