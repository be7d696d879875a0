"""Inspection rows -> records: answers with their amendments applied, signatures, the list row;
and what publishing a checklist version checks and changes beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from branchguard.core.hazards.store import refs
from branchguard.core.inspections.library import content_of, params_of
from branchguard.core.inspections.types import (
    Amendment,
    Answer,
    Correction,
    InspectionDetail,
    InspectionInfo,
    InspectionStatus,
    ItemResult,
    Signature,
    SignatureRole,
    TemplateItem,
)
from branchguard.core.kernel import versioned as ver
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.playbooks.store import approved_tiers
from branchguard.core.playbooks.types import PlanTier
from branchguard.core.schedules.renaming import rename_made_titles
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleKind
from branchguard.db.locks import begin_on_sqlite
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.inspections import AnswerRow, InspectionRow, TemplateRow, TemplateVersionRow
from branchguard.db.models.schedules import OccurrenceRow, ScheduleRow


@dataclass(frozen=True)
class Effective:
    """An item as it stands after the amendments: what the report and the hazard rules use."""

    result: ItemResult | None
    note: str
    photos: tuple[AttachmentRef, ...]


def effective(answer: AnswerRow, inspection: InspectionRow) -> Effective:
    result = ItemResult(answer.result) if answer.result else None
    note, photos = answer.note, refs(answer.photos)
    for am in inspection.amendments:
        if am.number == answer.number:
            result = ItemResult(am.new_result)
            note = am.note or note
            photos += refs(am.photos)
    return Effective(result, note, photos)


def loaded() -> Select[tuple[InspectionRow]]:
    return select(InspectionRow).options(
        selectinload(InspectionRow.answers),
        selectinload(InspectionRow.amendments),
        selectinload(InspectionRow.corrections),
        selectinload(InspectionRow.escalations),
    )


def rendered_items(version: TemplateVersionRow) -> list[TemplateItem]:
    """The version's items with their `{param}` fields filled in."""
    content = content_of(version, "")
    return [
        replace(item, text=content.render(item.text), criterion=content.render(item.criterion))
        for item in content.items
    ]


class Context:
    """The template rows an inspection needs, fetched once for one or many inspections."""

    def __init__(self, s: Session, rows: Sequence[InspectionRow]) -> None:
        version_ids = {r.version_id for r in rows}
        versions = s.scalars(
            select(TemplateVersionRow)
            .where(TemplateVersionRow.id.in_(version_ids))
            .options(selectinload(TemplateVersionRow.items))
        )
        self.versions = {v.id: v for v in versions}
        template_ids = {v.template_id for v in self.versions.values()}
        self.codes = dict(
            s.execute(select(TemplateRow.id, TemplateRow.code).where(TemplateRow.id.in_(template_ids)))
            .tuples()
            .all()
        )
        ids = [r.id for r in rows]
        self.hazards: dict[tuple[int, int], int] = {
            (insp, num): hid
            for hid, insp, num in s.execute(
                select(HazardRow.id, HazardRow.inspection_id, HazardRow.item_number).where(
                    HazardRow.inspection_id.in_(ids)
                )
            )
            .tuples()
            .all()
            if insp is not None and num is not None
        }
        self.hazard_counts: dict[int, int] = {}
        for insp, _num in self.hazards:
            self.hazard_counts[insp] = self.hazard_counts.get(insp, 0) + 1


def info_of(row: InspectionRow, ctx: Context) -> InspectionInfo:
    version = ctx.versions[row.version_id]
    results = [effective(a, row).result for a in row.answers]
    return InspectionInfo(
        id=row.id,
        template_code=ctx.codes[version.template_id],
        template_name=Text2(version.name_zh, version.name_en),
        template_version=version.number,
        template_version_id=version.id,
        status=InspectionStatus(row.status),
        location=row.location,
        notes=row.notes,
        started_by=row.started_by,
        started_at=row.started_at,
        submitted_by=row.submitted_by,
        submitted_at=row.submitted_at,
        occurrence_id=row.occurrence_id,
        total=len(row.answers),
        answered=sum(r is not None for r in results),
        failed=sum(r == ItemResult.FAIL for r in results),
        hazard_count=ctx.hazard_counts.get(row.id, 0),
        amendment_count=len(row.amendments),
    )


def answer_of(row: AnswerRow, inspection: InspectionRow, item: TemplateItem, ctx: Context) -> Answer:
    now = effective(row, inspection)
    return Answer(
        number=row.number,
        item=item,
        result=now.result,
        note=now.note,
        photos=now.photos,
        answered_by=row.answered_by,
        answered_at=row.answered_at,
        original_result=ItemResult(row.result) if row.result else None,
        hazard_id=ctx.hazards.get((inspection.id, row.number)),
        correction=next(
            (Correction(c.text, c.corrected_by, c.corrected_at) for c in inspection.corrections
             if c.number == row.number),
            None,
        ),
        incident_id=next((e.incident_id for e in inspection.escalations if e.number == row.number), None),
    )


def signatures_of(row: InspectionRow) -> tuple[Signature, ...]:
    out = []
    if row.inspector_name and row.inspector_signed_by and row.inspector_signed_at:
        out.append(
            Signature(
                SignatureRole.INSPECTOR, row.inspector_name, row.inspector_signed_by, row.inspector_signed_at
            )
        )
    if row.reviewer_name and row.reviewer_signed_by and row.reviewer_signed_at:
        out.append(
            Signature(
                SignatureRole.REVIEWER, row.reviewer_name, row.reviewer_signed_by, row.reviewer_signed_at
            )
        )
    return tuple(out)


def detail_of(row: InspectionRow, ctx: Context) -> InspectionDetail:
    version = ctx.versions[row.version_id]
    items = rendered_items(version)
    return InspectionDetail(
        info=info_of(row, ctx),
        params=params_of(version),
        answers=tuple(answer_of(a, row, items[a.number - 1], ctx) for a in row.answers),
        signatures=signatures_of(row),
        amendments=tuple(
            Amendment(
                id=am.id,
                inspection_id=row.id,
                item_number=am.number,
                old_result=ItemResult(am.old_result),
                new_result=ItemResult(am.new_result),
                note=am.note,
                photos=refs(am.photos),
                reason=am.reason,
                amended_by=am.amended_by,
                amended_at=am.amended_at,
                hazard_id=am.hazard_id,
            )
            for am in row.amendments
        ),
    )


# -- lookups and rules the service's methods share ---------------------------------------------------
def inspection_row(s: Session, inspection_id: int, *, lock: bool = False) -> InspectionRow:
    """The inspection; `lock` holds it until commit, read fresh once held, so answers, signatures,
    submit and amendments of one inspection never interleave (db/locks.py). SQLite ignored the
    `FOR UPDATE` alone: two processes each decided on what they had read before either wrote (an
    answer saved into a submitted inspection, one of two photos lost, an amendment "from pass"
    of an item another had just amended)."""
    stmt = loaded().where(InspectionRow.id == inspection_id)
    if lock:
        begin_on_sqlite(s, InspectionRow, inspection_id)
        stmt = stmt.with_for_update(of=InspectionRow).execution_options(populate_existing=True)
    row = s.scalar(stmt)
    if row is None:
        raise NotFound(Message("inspection.not_found", id=inspection_id))
    return row


def answer_row(row: InspectionRow, number: int) -> AnswerRow:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(row.answers):
        raise ValidationError("field.item", Message("inspection.no_item", n=number, total=len(row.answers)))
    return row.answers[number - 1]


def check_occurrence(s: Session, occurrence_id: int, template_id: int) -> None:
    """An open occurrence of one of this template's inspection schedules."""
    found = s.execute(
        select(OccurrenceRow, ScheduleRow)
        .join(ScheduleRow, OccurrenceRow.schedule_id == ScheduleRow.id)
        .where(OccurrenceRow.id == occurrence_id)
    ).first()
    if found is None:
        raise NotFound(Message("schedule.no_occurrence", id=occurrence_id))
    occ, sched = found
    if sched.kind != ScheduleKind.INSPECTION.value or sched.subject_id != template_id:
        raise ValidationError("field.occurrence", Message("inspection.occurrence_other", id=occurrence_id))
    if occ.status != OccurrenceStatus.OPEN.value:
        raise ValidationError(
            "field.occurrence",
            Message("schedule.occurrence_closed", status=OccurrenceStatus(occ.status)),
        )


def hazard_values(row: InspectionRow, version: TemplateVersionRow, number: int, note: str) -> dict[str, str]:
    """The fields of the hazard a failed item opens: titled by what the inspector saw (the note's
    first line), else by the item; the description names template, item and note."""
    item = rendered_items(version)[number - 1]
    name = Text2(version.name_zh, version.name_en).text
    description = t("inspection.hazard_description", template=name, n=number, item=item.text.text)
    if note:
        description += "\n" + t("inspection.hazard_note", note=note)
    finding = note.strip().splitlines()[0] if note.strip() else ""
    return {
        "title": (finding or t("inspection.hazard_title", item=item.text.text))[:200],
        "description": description,
        "severity": item.severity_on_fail.value,
        "location": row.location,
        "owner": row.inspector_name or row.started_by,
    }


# -- publishing a version ----------------------------------------------------------------------------
def publish(s: Session, actor: Actor, template: TemplateRow, row: TemplateVersionRow) -> int:
    """Put `row` in force (the approved version before it is retired), as the lead's approval and a
    head-office library do alike: refused while an item starts a plan not in force; the checklist's
    schedules titled after an earlier name take the new one (how many: the caller tells the
    schedules' listeners after commit). The caller audits the approval."""
    check_plans(s, template.code, row)
    ver.publish(template.versions, row, actor)
    s.flush()
    return rename_schedules(s, actor, template, row)


def check_plans(s: Session, code: str, row: TemplateVersionRow) -> None:
    """Every plan an item of `row` starts on failure has an approved version, and is a plan, not a
    service guide: escalating a failed item starts the plan's approved version, and a plan that is
    only a draft (or a draft since discarded) or a guide (never started as an incident) would fail
    then, in front of the device found tampered with, not at approval."""
    wanted = {item.on_fail_playbook for item in row.items if item.on_fail_playbook}
    if not wanted:
        return
    tiers = approved_tiers(s, wanted)
    for item in sorted(row.items, key=lambda i: i.position):
        plan = item.on_fail_playbook
        if not plan:
            continue
        if plan not in tiers:
            refusal = Message("inspection.on_fail_not_in_force", code=code, plan=plan)
        elif tiers[plan] == PlanTier.SERVICE:
            refusal = Message("inspection.on_fail_guide", code=code, plan=plan)
        else:
            continue
        raise ValidationError(Message("field.item_n", n=item.position), refusal)


def rename_schedules(s: Session, actor: Actor, template: TemplateRow, row: TemplateVersionRow) -> int:
    """The checklist's schedules whose title the program made for a name an earlier version had
    ("检查：<old name>") are titled after `row`'s name (schedules.renaming). How many."""
    schedules = select(ScheduleRow).where(
        ScheduleRow.kind == ScheduleKind.INSPECTION.value, ScheduleRow.subject_id == template.id
    )
    names = (Text2(v.name_zh, v.name_en) for v in template.versions)
    new = Text2(row.name_zh, row.name_en)
    return rename_made_titles(s, actor, schedules, "inspection.schedule_title", "name", names, new)
