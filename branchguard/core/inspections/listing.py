"""The inspection list by SQL aggregates: one row per inspection with its counts of items, answers,
failures (after amendments), hazards and amendments, without loading any answer row as an object.

Measured on ten years of a busy branch (7,300 inspections, 44,000 answers, 5,000 hazards): the
list through `store.info_of` (every answer and amendment loaded through the ORM, and each
inspection's hazards counted by scanning every hazard) took 8.7 s; these aggregates take about
0.1 s. Only the few amended inspections have their answers read, to apply the amendments.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from branchguard.core.inspections.types import InspectionInfo, InspectionStatus, ItemResult
from branchguard.core.kernel import paging
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.types import Text2
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.inspections import (
    AmendmentRow,
    AnswerRow,
    InspectionRow,
    TemplateRow,
    TemplateVersionRow,
)

_FAIL = ItemResult.FAIL.value
_COLUMNS = (
    InspectionRow.id,
    InspectionRow.version_id,
    InspectionRow.status,
    InspectionRow.location,
    InspectionRow.notes,
    InspectionRow.started_by,
    InspectionRow.started_at,
    InspectionRow.submitted_by,
    InspectionRow.submitted_at,
    InspectionRow.occurrence_id,
)


# The inspection list's columns a window can be sorted by, in SQL.
LIST_SORTS: dict[str, paging.Column] = {
    "id": InspectionRow.id,
    "status": InspectionRow.status,
    "location": InspectionRow.location,
    "inspector": func.coalesce(InspectionRow.submitted_by, InspectionRow.started_by),
    "started": InspectionRow.started_at,
    "submitted": InspectionRow.submitted_at,
    "notes": InspectionRow.notes,
}


def infos(s: Session, where: Sequence[ColumnElement[bool]]) -> list[InspectionInfo]:
    """The inspections matching `where`, newest first."""
    chosen = select(InspectionRow.id).where(*where).scalar_subquery()
    rows = s.execute(
        select(*_COLUMNS).where(*where).order_by(InspectionRow.started_at.desc(), InspectionRow.id.desc())
    ).all()
    return _infos(s, rows, lambda column: column.in_(chosen))


def window(s: Session, where: Sequence[ColumnElement[bool]], window: Window) -> Slice[InspectionInfo]:
    """One window of the inspections matching `where` and the count of them all: the counts of
    answers, failures and hazards are taken for the window's rows only."""
    stmt = select(*_COLUMNS).where(*where)
    total = s.scalar(paging.count(stmt)) or 0
    rows = s.execute(
        paging.ordered(stmt, window, LIST_SORTS, (InspectionRow.started_at,), InspectionRow.id)
    ).all()
    ids = [r.id for r in rows]
    return Slice(_infos(s, rows, lambda column: paging.among(s, column, ids)), total)


# The condition that picks the listed inspections' rows out of a table, by its inspection column.
Chosen = Callable[[InstrumentedAttribute[Any]], ColumnElement[bool]]


def _infos(s: Session, rows: Sequence[Any], chosen: Chosen) -> list[InspectionInfo]:
    if not rows:
        return []
    versions = {  # with their template's code: one statement, not two (each a round trip)
        vid: (code, number, Text2(zh, en))
        for vid, code, number, zh, en in s.execute(
            select(
                TemplateVersionRow.id,
                TemplateRow.code,
                TemplateVersionRow.number,
                TemplateVersionRow.name_zh,
                TemplateVersionRow.name_en,
            )
            .join(TemplateRow, TemplateRow.id == TemplateVersionRow.template_id)
            .where(TemplateVersionRow.id.in_({r.version_id for r in rows}))
        ).tuples()
    }
    counts: dict[int, list[int]] = {
        iid: [total, answered, failed]
        for iid, total, answered, failed in s.execute(
            select(
                AnswerRow.inspection_id,
                func.count(),
                func.count(AnswerRow.result),
                func.coalesce(func.sum(case((AnswerRow.result == _FAIL, 1), else_=0)), 0),
            )
            .where(chosen(AnswerRow.inspection_id))
            .group_by(AnswerRow.inspection_id)
        ).tuples()
    }
    hazards = dict(
        s.execute(
            select(HazardRow.inspection_id, func.count())
            .where(chosen(HazardRow.inspection_id))
            .group_by(HazardRow.inspection_id)
        )
        .tuples()
        .all()
    )
    amendments = _amended(s, chosen, counts)
    return [_info(r, versions, counts, hazards, amendments) for r in rows]


def _amended(s: Session, chosen: Chosen, counts: dict[int, list[int]]) -> dict[int, int]:
    """Apply the amendments (few) to `counts`; the number of amendments per amended inspection."""
    latest: dict[tuple[int, int], str] = {}
    per_inspection: dict[int, int] = {}
    for iid, number, new in s.execute(
        select(AmendmentRow.inspection_id, AmendmentRow.number, AmendmentRow.new_result)
        .where(chosen(AmendmentRow.inspection_id))
        .order_by(AmendmentRow.id)
    ).tuples():
        latest[(iid, number)] = new
        per_inspection[iid] = per_inspection.get(iid, 0) + 1
    if latest:
        originals = s.execute(
            select(AnswerRow.inspection_id, AnswerRow.number, AnswerRow.result).where(
                AnswerRow.inspection_id.in_(per_inspection)
            )
        ).tuples()
        for iid, number, result in originals:
            amended = latest.get((iid, number))
            if amended is None or iid not in counts:
                continue
            tally = counts[iid]
            tally[1] += 1 - (result is not None)
            tally[2] += (amended == _FAIL) - (result == _FAIL)
    return per_inspection


def _info(
    r: Any,
    versions: dict[int, tuple[str, int, Text2]],
    counts: dict[int, list[int]],
    hazards: dict[int | None, int],
    amendments: dict[int, int],
) -> InspectionInfo:
    code, number, name = versions[r.version_id]
    total, answered, failed = counts.get(r.id, (0, 0, 0))
    return InspectionInfo(
        id=r.id,
        template_code=code,
        template_name=name,
        template_version=number,
        template_version_id=r.version_id,
        status=InspectionStatus(r.status),
        location=r.location,
        notes=r.notes,
        started_by=r.started_by,
        started_at=r.started_at,
        submitted_by=r.submitted_by,
        submitted_at=r.submitted_at,
        occurrence_id=r.occurrence_id,
        total=total,
        answered=answered,
        failed=failed,
        hazard_count=hazards.get(r.id, 0),
        amendment_count=amendments.get(r.id, 0),
    )
