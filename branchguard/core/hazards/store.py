"""Hazard rows <-> records, the severity policy's storage, due dates in the branch's zone, and the
register's filter (no permissions, no session handling: the services do that).

Time rule: a due date is a calendar date, stored as a date (migration 0019): every PC shows the
same day, whatever its zone. It is overdue once that day has ended in the branch's zone: "today"
there is later than the due date, whatever daylight saving does that day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Row, Select, or_, select
from sqlalchemy.orm import Session, object_session

from branchguard.core.hazards.rules import outstanding_milestones
from branchguard.core.hazards.types import (
    HazardDetail,
    HazardEvent,
    HazardEventKind,
    HazardFilter,
    HazardInfo,
    HazardSeverity,
    HazardSource,
    HazardStatus,
    RemediationKind,
    RemediationStep,
    SeverityPolicy,
    SeverityRule,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.china_time import china_year
from branchguard.core.kernel.reference_search import reference_conditions
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.schedules.titles import made_title
from branchguard.db.base import utcnow
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.hazards import HazardEventRow, HazardRow, HazardStepRow, SeverityRuleRow
from branchguard.db.models.inspections import InspectionRow, TemplateVersionRow

END_OF_DAY = time(23, 59, 59)
OPEN_STATES = (HazardStatus.OPEN.value, HazardStatus.REMEDIATED.value)

# A row of the register's list: the hazard's columns as `info_of` reads them, from the ORM or as a
# plain row of INFO_COLUMNS (the list reads those without the ORM: building 5,000 ORM objects was
# a fifth of `hazard list` at ten years, and the photos' JSON, which a list never shows, as much).
HazardLike = HazardRow | Row[Any]
# Every column but those two, in the order `infos_of` unpacks them (tests/core/hazards holds the
# names to the table's columns).
INFO_NAMES = (
    "id", "title", "description", "severity", "status", "source", "location", "owner", "due_date",
    "interim_due_at", "plan_due_at", "report_head_office", "inspection_id", "item_number",
    "template_code", "opened_by", "opened_at", "remediated_by", "remediated_at", "verified_by",
    "verified_at", "closed_by", "closed_at", "schedule_id", "drill_id",
)  # fmt: skip
INFO_COLUMNS = tuple(HazardRow.__table__.c[name] for name in INFO_NAMES)
# The enums by stored value: a dictionary lookup, where calling the enum costs ~1 µs a row each.
_SEVERITIES = {m.value: m for m in HazardSeverity}
_STATUSES = {m.value: m for m in HazardStatus}
_SOURCES = {m.value: m for m in HazardSource}


# -- time ------------------------------------------------------------------------------------------
def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last second of `day` in `zone`, as an aware datetime (convert with astimezone(UTC))."""
    return datetime.combine(day, END_OF_DAY, tzinfo=zone)


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def deadlines(
    opened_at: datetime, rule: SeverityRule, zone: ZoneInfo
) -> tuple[date, datetime | None, datetime | None]:
    """(fix by, interim control by, plan by) for a hazard opened at `opened_at` under `rule`. The
    fix-by date counts local days; the plan is due at the end of its local day; the interim
    control is counted in hours."""
    opened_day = local_date(opened_at, zone)
    due = opened_day + timedelta(days=rule.fix_days)
    interim = opened_at + timedelta(hours=rule.interim_hours) if rule.interim_hours else None
    plan = end_of_day(opened_day + timedelta(days=rule.plan_days), zone) if rule.plan_days else None
    return due, interim, plan


def is_overdue(row: HazardLike, now: datetime, zone: ZoneInfo, today: date | None = None) -> bool:
    """Not yet verified (open or remediated) and its due date has ended in the branch's zone
    (`today`: the local date of `now`, when the caller has it for many rows)."""
    return row.status in OPEN_STATES and (today or local_date(now, zone)) > row.due_date


def due_instant(day: date, zone: ZoneInfo) -> datetime:
    """The last second of a due date in the branch's zone, in UTC: when its reminder falls due."""
    return end_of_day(day, zone).astimezone(UTC)


def age_days(row: HazardLike, now: datetime) -> int:
    return max(0, ((row.closed_at or now) - row.opened_at).days)


# -- policy ----------------------------------------------------------------------------------------
def policy(s: Session) -> SeverityPolicy:
    """The stored policy; a severity without a row keeps its default."""
    defaults = SeverityPolicy()
    rules = {sev: defaults.rule(sev) for sev in HazardSeverity}
    for row in s.scalars(select(SeverityRuleRow)):
        sev = HazardSeverity(row.severity)
        rules[sev] = SeverityRule(sev, row.fix_days, row.interim_hours, row.plan_days, row.report_head_office)
    return SeverityPolicy(general=rules[HazardSeverity.GENERAL], major=rules[HazardSeverity.MAJOR])


def save_policy(s: Session, value: SeverityPolicy, actor: Actor) -> None:
    for rule in (value.general, value.major):
        row = s.get(SeverityRuleRow, rule.severity.value) or SeverityRuleRow(severity=rule.severity.value)
        row.fix_days, row.interim_hours, row.plan_days = rule.fix_days, rule.interim_hours, rule.plan_days
        row.report_head_office = rule.report_head_office
        row.updated_by, row.updated_at = actor.username, utcnow()
        s.add(row)


# -- records ---------------------------------------------------------------------------------------
def refs(raw: list[dict[str, Any]] | None) -> tuple[AttachmentRef, ...]:
    return tuple(
        AttachmentRef(str(a["name"]), str(a["sha256"]), int(a["size"]), str(a["media_type"]))
        for a in raw or ()
    )


def ref_values(items: tuple[AttachmentRef, ...] | list[AttachmentRef]) -> list[dict[str, Any]]:
    return [{"name": r.name, "sha256": r.sha256, "size": r.size, "media_type": r.media_type} for r in items]


def number_of(row: HazardLike) -> str:
    return number_opened(row.opened_at, row.id)


def number_opened(opened_at: datetime, hazard_id: int) -> str:
    """The register's reference: YH (隐患), the year it opened in China, the id (the same on
    every PC, core/kernel/china_time.py)."""
    return f"YH-{china_year(opened_at)}-{hazard_id:04d}"


def info_of(row: HazardLike, now: datetime, zone: ZoneInfo, today: date | None = None) -> HazardInfo:
    return infos_of([[getattr(row, name) for name in INFO_NAMES]], now, zone, today)[0]


def infos_of(
    rows: Iterable[Sequence[Any]], now: datetime, zone: ZoneInfo, today: date | None = None
) -> list[HazardInfo]:
    """The register's records of rows holding INFO_NAMES' values in that order (plain rows of
    INFO_COLUMNS). Unpacked by position, the enums looked up and each due date's instant computed
    once: reading 24 attributes by name from each of 5,100 rows, calling the enums and converting
    each due date was over half of `hazard list` at ten years, besides the query."""
    today = today or local_date(now, zone)
    due_at_of: dict[date, datetime] = {}
    infos = []
    for (
        id_, title, description, severity, status, source, location, owner, due_date, interim_due_at,
        plan_due_at, report_head_office, inspection_id, item_number, template_code, opened_by,
        opened_at, remediated_by, remediated_at, verified_by, verified_at, closed_by, closed_at,
        schedule_id, drill_id,
    ) in rows:  # fmt: skip
        due_at = due_at_of.get(due_date)
        if due_at is None:
            due_at = due_at_of[due_date] = due_instant(due_date, zone)
        infos.append(
            HazardInfo(
                id=id_,
                number=number_opened(opened_at, id_),
                title=title,
                description=description,
                severity=_SEVERITIES[severity],
                status=_STATUSES[status],
                source=_SOURCES[source],
                location=location,
                owner=owner,
                due_at=due_at,
                due_date=due_date,
                interim_due_at=interim_due_at,
                plan_due_at=plan_due_at,
                report_head_office=report_head_office,
                inspection_id=inspection_id,
                item_number=item_number,
                template_code=template_code,
                opened_by=opened_by,
                opened_at=opened_at,
                remediated_by=remediated_by,
                remediated_at=remediated_at,
                verified_by=verified_by,
                verified_at=verified_at,
                closed_by=closed_by,
                closed_at=closed_at,
                schedule_id=schedule_id,
                drill_id=drill_id,
                overdue=status in OPEN_STATES and today > due_date,  # as is_overdue
                age_days=max(0, ((closed_at or now) - opened_at).days),  # as age_days
            )
        )
    return infos


def outstanding_of(row: HazardRow) -> tuple[RemediationKind, ...]:
    """The hazard's policy milestones with no step of their kind (rules.outstanding_milestones)."""
    kinds = [st.kind for st in row.steps]
    return outstanding_milestones(
        row.severity, row.interim_due_at, row.plan_due_at, row.report_head_office, kinds
    )


def outstanding_of_majors(s: Session) -> dict[int, tuple[RemediationKind, ...]]:
    """`outstanding_of` for every major hazard owing any, in two queries (the register's; a few
    hundred major hazards at ten years, with no list of ids to bind)."""
    majors = s.execute(
        select(HazardRow.id, HazardRow.interim_due_at, HazardRow.plan_due_at, HazardRow.report_head_office)
        .where(HazardRow.severity == HazardSeverity.MAJOR.value)
    ).all()
    kinds: dict[int, list[str]] = {}
    found = s.execute(
        select(HazardStepRow.hazard_id, HazardStepRow.kind)
        .join(HazardRow, HazardRow.id == HazardStepRow.hazard_id)
        .where(HazardRow.severity == HazardSeverity.MAJOR.value)
        .distinct()
    )
    for hazard_id, kind in found.tuples():
        kinds.setdefault(hazard_id, []).append(kind)
    owed = {
        id_: outstanding_milestones(HazardSeverity.MAJOR, interim, plan, report, kinds.get(id_, ()))
        for id_, interim, plan, report in majors
    }
    return {id_: missing for id_, missing in owed.items() if missing}


def detail_of(row: HazardRow, now: datetime, zone: ZoneInfo) -> HazardDetail:
    return HazardDetail(
        info=replace(info_of(row, now, zone), outstanding=outstanding_of(row)),
        photos=refs(row.photos),
        steps=tuple(
            RemediationStep(
                id=st.id,
                kind=RemediationKind(st.kind),
                text=st.text,
                evidence=refs(st.evidence),
                added_by=st.added_by,
                added_at=st.added_at,
            )
            for st in row.steps
        ),
        events=tuple(
            HazardEvent(
                id=ev.id,
                kind=HazardEventKind(ev.kind),
                actor=ev.actor,
                at=ev.at,
                note=made_title(ev.note),
                changes={k: (str(v[0]), str(v[1])) for k, v in (ev.changes or {}).items()},
            )
            for ev in row.events
        ),
        verification_note=made_title(row.verification_note),
        checklist=_checklist_of(row),
        drill_title=_drill_title_of(row),
    )


def _checklist_of(row: HazardRow) -> Text2:
    """The name of the checklist version the hazard's inspection ran on (nothing for a hazard
    entered by hand): the detail names it where the list shows its code."""
    s = object_session(row)
    if row.inspection_id is None or s is None:
        return Text2()
    found = s.execute(
        select(TemplateVersionRow.name_zh, TemplateVersionRow.name_en)
        .join(InspectionRow, InspectionRow.version_id == TemplateVersionRow.id)
        .where(InspectionRow.id == row.inspection_id)
    ).first()
    return Text2(*found) if found is not None else Text2()


def _drill_title_of(row: HazardRow) -> str:
    """The title of the drill that found the hazard ("" for any other): the detail names it."""
    s = object_session(row)
    if row.drill_id is None or s is None:
        return ""
    return s.scalar(select(DrillPlanRow.title).where(DrillPlanRow.id == row.drill_id)) or ""


def add_event(
    row: HazardRow,
    kind: HazardEventKind,
    actor: Actor,
    note: str = "",
    changes: dict[str, tuple[str, str]] | None = None,
) -> None:
    row.events.append(
        HazardEventRow(
            kind=kind.value,
            actor=actor.username,
            at=utcnow(),
            note=note,
            changes={k: [a, b] for k, (a, b) in (changes or {}).items()},
        )
    )


# -- the register's filter -------------------------------------------------------------------------
def filtered(flt: HazardFilter, now: datetime, zone: ZoneInfo) -> Select[tuple[HazardRow]]:
    stmt = select(HazardRow)
    if flt.statuses:
        stmt = stmt.where(HazardRow.status.in_([st.value for st in flt.statuses]))
    if flt.open_only or flt.overdue_only:
        stmt = stmt.where(HazardRow.status.in_(OPEN_STATES))
    if flt.overdue_only:
        stmt = stmt.where(HazardRow.due_date < local_date(now, zone))
    if flt.severity is not None:
        stmt = stmt.where(HazardRow.severity == flt.severity.value)
    if flt.source is not None:
        stmt = stmt.where(HazardRow.source == flt.source.value)
    if flt.owner.strip():
        stmt = stmt.where(HazardRow.owner == flt.owner.strip())
    if flt.inspection_id is not None:
        stmt = stmt.where(HazardRow.inspection_id == flt.inspection_id)
    if flt.drill_id is not None:
        stmt = stmt.where(HazardRow.drill_id == flt.drill_id)
    if flt.opened_from is not None:
        start = datetime.combine(flt.opened_from, time(0), tzinfo=zone)
        stmt = stmt.where(HazardRow.opened_at >= start)
    if flt.opened_to is not None:
        end = datetime.combine(flt.opened_to + timedelta(days=1), time(0), tzinfo=zone)
        stmt = stmt.where(HazardRow.opened_at < end)
    text = validation.search(flt.text)
    if text:
        like, esc = validation.containing(text), validation.LIKE_ESCAPE
        conds: list[ColumnElement[bool]] = [
            HazardRow.title.ilike(like, escape=esc),
            HazardRow.description.ilike(like, escape=esc),
            HazardRow.location.ilike(like, escape=esc),
            HazardRow.owner.ilike(like, escape=esc),
        ]
        conds.extend(_number_conditions(text))
        stmt = stmt.where(or_(*conds))
    return stmt


def _number_conditions(text: str) -> list[ColumnElement[bool]]:
    """The hazards a register reference typed in the search names, as `number_of` writes it
    (core/kernel/reference_search.py): YH-2027-0007, 0007 or 7, YH-2027 (the year's), 2027 (the id or
    the year). YH-2027 found nothing in January 2027 (read as id 2027), and YH-2026-0912 found
    YH-2027-0912 (the year was ignored; `hazard show` refuses it)."""
    return reference_conditions(text, "YH", HazardRow.id, HazardRow.opened_at)
