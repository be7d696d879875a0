"""Mapping between playbook rows and plain plan content, and new plans written in bulk (takes a
session, never commits; no rules)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Row, func, insert, select
from sqlalchemy.orm import Session

from branchguard.core.kernel import versioned
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.types import Actor, Level, PlaybookStatus, Text2
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.ledger.types import LedgerAction
from branchguard.core.playbooks.types import (
    ContactRef,
    ImportItem,
    IncidentCategory,
    PlanContent,
    PlanRole,
    PlanTier,
    PlaybookSummary,
    PlaybookVersion,
    Step,
    VersionInfo,
)
from branchguard.db.base import utcnow
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow, StepRow


def content_of(row: PlaybookVersionRow, code: str) -> PlanContent:
    return PlanContent(
        code=code,
        title=Text2(row.title_zh, row.title_en),
        tier=PlanTier(row.tier),
        category=IncidentCategory(row.category),
        levels=tuple(Level(lv) for lv in row.levels),
        triggers=Text2(row.triggers_zh, row.triggers_en),
        cautions=Text2(row.cautions_zh, row.cautions_en),
        roles=tuple(PlanRole(r["code"], Text2(r.get("zh", ""), r.get("en", ""))) for r in row.roles),
        contacts=tuple(ContactRef(c["kind"], c["phone"], c.get("name", "")) for c in row.contacts),
        attachments=tuple(
            AttachmentRef(str(a["name"]), str(a["sha256"]), int(a["size"]), str(a["media_type"]))
            for a in row.attachments or ()
        ),
        steps=tuple(
            Step(
                key=s.key,
                text=Text2(s.text_zh, s.text_en),
                role=s.role,
                target_minutes=s.target_minutes,
                checkpoint=s.checkpoint,
                deadline_minutes=s.deadline_minutes,
                condition=Text2(s.condition_zh, s.condition_en),
                goto=s.goto_key,
            )
            for s in row.steps
        ),
    )


def version_values(content: PlanContent) -> dict[str, Any]:
    """The content columns of a version row."""
    return {
        "title_zh": content.title.zh,
        "title_en": content.title.en,
        "tier": content.tier.value,
        "category": content.category.value,
        "levels": [lv.value for lv in content.levels],
        "triggers_zh": content.triggers.zh,
        "triggers_en": content.triggers.en,
        "cautions_zh": content.cautions.zh,
        "cautions_en": content.cautions.en,
        "roles": [{"code": r.code, "zh": r.name.zh, "en": r.name.en} for r in content.roles],
        "contacts": [{"kind": c.kind, "phone": c.phone, "name": c.name} for c in content.contacts],
        "attachments": [
            {"name": a.name, "sha256": a.sha256, "size": a.size, "media_type": a.media_type}
            for a in content.attachments
        ],
    }


def step_values(content: PlanContent) -> list[dict[str, Any]]:
    """The step rows of a version, in order (position is 1-based)."""
    return [
        {
            "position": i + 1,
            "key": s.key,
            "text_zh": s.text.zh,
            "text_en": s.text.en,
            "role": s.role,
            "target_minutes": s.target_minutes,
            "checkpoint": s.checkpoint,
            "deadline_minutes": s.deadline_minutes,
            "condition_zh": s.condition.zh,
            "condition_en": s.condition.en,
            "goto_key": s.goto,
        }
        for i, s in enumerate(content.steps)
    ]


def fill_version(row: PlaybookVersionRow, content: PlanContent) -> None:
    """Write the content into a (draft or new) version row, replacing its steps."""
    for key, value in version_values(content).items():
        setattr(row, key, value)
    row.steps = [StepRow(**values) for values in step_values(content)]


def info_of(row: PlaybookVersionRow, playbook: PlaybookRow) -> VersionInfo:
    return VersionInfo(
        playbook_id=playbook.id,
        version_id=row.id,
        code=playbook.code,
        number=row.number,
        status=PlaybookStatus(row.status),
        builtin=playbook.builtin,
        created_by=row.created_by,
        created_at=row.created_at,
        approved_by=row.approved_by,
        approved_at=row.approved_at,
        note=row.note,
    )


def version_of(row: PlaybookVersionRow, playbook: PlaybookRow) -> PlaybookVersion:
    return PlaybookVersion(info_of(row, playbook), content_of(row, playbook.code))


def approved(playbook: PlaybookRow) -> PlaybookVersionRow | None:
    return versioned.approved(playbook.versions)


def approved_tiers(s: Session, codes: Collection[str]) -> dict[str, PlanTier]:
    """The tier of each of `codes` that has an approved version (a plan's, or a service guide's):
    what a checklist item that starts a plan on failure may name."""
    rows = s.execute(
        select(PlaybookRow.code, PlaybookVersionRow.tier)
        .join(PlaybookVersionRow, PlaybookVersionRow.playbook_id == PlaybookRow.id)
        .where(PlaybookRow.code.in_(codes), PlaybookVersionRow.status == PlaybookStatus.APPROVED.value)
    ).tuples()
    return {code: PlanTier(tier) for code, tier in rows}


def draft(playbook: PlaybookRow) -> PlaybookVersionRow | None:
    return versioned.draft(playbook.versions)


def current(playbook: PlaybookRow) -> PlaybookVersionRow | None:
    """The version staff would use: the approved one; a never-approved plan shows its draft."""
    return versioned.current(playbook.versions)


def summaries(s: Session, ids: Collection[int] | None = None) -> list[PlaybookSummary]:
    """The list rows of the plans (of `ids` when given) read as plain columns, unordered.

    The list shows one version of each plan: its versions' numbers, statuses and times decide
    which, and only that version's title, levels and step count are read. Loading every version
    with its steps as ORM rows (250 versions, 9,000 steps at ten years) took 50-80 ms of the
    Playbooks page's every list for 31 plans; this takes a few."""
    query = (
        select(
            PlaybookRow.id,
            PlaybookRow.code,
            PlaybookRow.builtin,
            PlaybookVersionRow.id.label("version_id"),
            PlaybookVersionRow.status,
            PlaybookVersionRow.created_at,
        )
        .join(PlaybookVersionRow, PlaybookVersionRow.playbook_id == PlaybookRow.id)
        .order_by(PlaybookRow.id, PlaybookVersionRow.number)
    )
    if ids is not None:
        query = query.where(PlaybookRow.id.in_(list(ids)))
    versions: dict[int, list[Row[Any]]] = {}
    for row in s.execute(query):
        versions.setdefault(row.id, []).append(row)
    shown = {plan: versioned.current(rows) for plan, rows in versions.items()}
    steps = select(func.count()).where(StepRow.version_id == PlaybookVersionRow.id).scalar_subquery()
    columns = {
        row.id: row
        for row in s.execute(
            select(
                PlaybookVersionRow.id,
                PlaybookVersionRow.number,
                PlaybookVersionRow.status,
                PlaybookVersionRow.title_zh,
                PlaybookVersionRow.title_en,
                PlaybookVersionRow.tier,
                PlaybookVersionRow.category,
                PlaybookVersionRow.levels,
                steps.label("step_count"),
            ).where(PlaybookVersionRow.id.in_([v.version_id for v in shown.values() if v is not None]))
        )
    }
    result = []
    for plan, rows in versions.items():
        first = rows[0]
        chosen = shown[plan]
        assert chosen is not None  # a plan listed here has a version
        row = columns[chosen.version_id]
        result.append(
            PlaybookSummary(
                id=plan,
                code=first.code,
                title=Text2(row.title_zh, row.title_en),
                tier=PlanTier(row.tier),
                category=IncidentCategory(row.category),
                levels=tuple(Level(lv) for lv in row.levels),
                status=PlaybookStatus(row.status),
                version=row.number,
                has_draft=versioned.draft(rows) is not None,
                builtin=first.builtin,
                step_count=row.step_count,
                updated_at=max(v.created_at for v in rows),
            )
        )
    return result


def bulk_add(s: Session, items: list[ImportItem], actor: Actor, note: str, builtin: bool) -> None:
    """New plans in three executemany INSERTs: a 500-plan library would crawl through the ORM.

    Ids are read back with one SELECT per table rather than RETURNING, which SQLite would
    answer one row at a time.
    """
    if not items:
        return
    now = utcnow()
    codes = [i.content.code for i in items]
    s.execute(insert(PlaybookRow), [{"code": c, "builtin": builtin, "created_at": now} for c in codes])
    ids = dict(
        s.execute(select(PlaybookRow.code, PlaybookRow.id).where(PlaybookRow.code.in_(codes))).tuples().all()
    )
    versions = []
    for item in items:
        is_approved = item.status == PlaybookStatus.APPROVED
        versions.append(
            {
                **version_values(item.content),
                "playbook_id": ids[item.content.code],
                "number": 1,
                "status": item.status.value,
                "note": note,
                "created_by": actor.username,
                "created_at": now,
                "approved_by": actor.username if is_approved else None,
                "approved_at": now if is_approved else None,
            }
        )
    s.execute(insert(PlaybookVersionRow), versions)
    version_ids = dict(
        s.execute(
            select(PlaybookVersionRow.playbook_id, PlaybookVersionRow.id).where(
                PlaybookVersionRow.playbook_id.in_(ids.values()), PlaybookVersionRow.number == 1
            )
        )
        .tuples()
        .all()
    )
    steps = [
        {**values, "version_id": version_ids[ids[item.content.code]]}
        for item in items
        for values in step_values(item.content)
    ]
    s.execute(insert(StepRow), steps)
    # Core INSERTs: the session did not see these records, so they are noted for the ledger here.
    ledger_recording.touch(s, "playbook", ids.values(), LedgerAction.CREATE)
    ledger_recording.touch(s, "playbook_version", version_ids.values(), LedgerAction.CREATE)
    step_ids = s.scalars(select(StepRow.id).where(StepRow.version_id.in_(version_ids.values())))
    ledger_recording.touch(s, "playbook_step", step_ids, LedgerAction.CREATE)
