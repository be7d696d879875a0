"""The hazard register as an Excel workbook (openpyxl): one sheet of exactly the listed hazards,
with real dates in local time, overdue rows filled red, frozen header and autofilter, and a
second sheet stating the filters and when the file was made."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from branchguard import APP_NAME
from branchguard.core.anchors.types import Stamp
from branchguard.core.hazards.rules import Milestones
from branchguard.core.hazards.types import HazardFilter, HazardInfo
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.hazard_common import describe_filter, description_text, source_text
from branchguard.reports.template import write_atomically
from branchguard.reports.workbook import Column, Value, fill_integrity, fill_pairs, fill_register, local

if TYPE_CHECKING:
    from branchguard.core.services import Services

_Column = Column[HazardInfo]


COLUMNS: tuple[_Column, ...] = (
    _Column("report.hazards.col.number", lambda h: h.number),
    _Column("report.hazards.col.severity", lambda h: h.severity.label),
    _Column("report.hazards.col.status", lambda h: h.status.label),
    _Column("report.hazards.col.overdue", lambda h: t("report.hazards.overdue_mark") if h.overdue else ""),
    _Column("report.hazards.col.location", lambda h: h.location, wrap=True),
    _Column("report.hazards.col.description", description_text, wrap=True),
    _Column("report.hazards.col.owner", lambda h: h.owner),
    _Column("report.hazards.col.opened", lambda h: local(h.opened_at)),
    _Column("report.hazards.col.due", lambda h: h.due_date),
    _Column("report.hazards.col.age", lambda h: h.age_days),
    # A major hazard's policy milestones (DOMAIN.md): interim control, the plan, the report upwards.
    _Column("report.hazards.col.interim_due", lambda h: local(h.interim_due_at)),
    _Column("report.hazards.col.plan_due", lambda h: local(h.plan_due_at)),
    _Column(
        "report.hazards.col.head_office", lambda h: t("report.hazards.yes") if h.report_head_office else ""
    ),
    # verified or closed without some of them, under a reason kept in the hazard's history
    _Column("report.hazards.col.closed_short", lambda h: _short(h)),
    _Column("report.hazards.col.source", source_text),
    _Column("report.hazards.col.opened_by", lambda h: h.opened_by),
    _Column("report.hazards.col.remediated", lambda h: local(h.remediated_at)),
    _Column("report.hazards.col.remediated_by", lambda h: h.remediated_by or ""),
    _Column("report.hazards.col.verified", lambda h: local(h.verified_at)),
    _Column("report.hazards.col.verified_by", lambda h: h.verified_by or ""),
    _Column("report.hazards.col.closed", lambda h: local(h.closed_at)),
)
OVERDUE_COLUMN = 4  # 1-based, where the mark goes in red


def _short(hazard: HazardInfo) -> str:
    """The milestones a hazard was verified or closed without ("" for any other)."""
    return str(Milestones(hazard.outstanding)) if hazard.closed_short else ""


def render_hazard_workbook(
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> bytes:
    """The .xlsx file of exactly `hazards` (the list the service returned for `hazard_filter`, in
    its order); `stamp` adds the integrity sheet with the signed anchor."""
    generated_at = generated_at or datetime.now().astimezone().replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("report.hazards.sheet")
    fill_register(sheet, COLUMNS, hazards, lambda h: h.overdue, OVERDUE_COLUMN)
    _fill_filters(
        book.create_sheet(t("report.hazards.sheet_filters")),
        hazards,
        hazard_filter,
        branch_name,
        generated_at,
    )
    if stamp is not None:
        fill_integrity(book, stamp)
    book.properties.creator = APP_NAME
    book.properties.title = " - ".join(x for x in (t("report.hazards.title"), branch_name) if x)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_hazard_workbook(
    path: Path,
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> Path:
    """Write the workbook to `path`, whole or not at all."""
    data = render_hazard_workbook(
        hazards, hazard_filter, branch_name=branch_name, generated_at=generated_at, stamp=stamp
    )
    write_atomically(Path(path), data)
    return Path(path)


def build_hazard_workbook(
    services: Services,
    actor: Actor,
    hazard_filter: HazardFilter,
    out_path: Path,
    on_anchor: anchoring.AnchorNote | None = None,
) -> Path:
    """List the hazards `hazard_filter` selects as `actor`, write them to `out_path` as .xlsx and
    append the workbook's signed anchor (`on_anchor` hears whether that worked)."""
    who = services.auth.names(actor)
    hazards = [  # people by name, as in every report
        replace(
            h, opened_by=who(h.opened_by), remediated_by=who(h.remediated_by), verified_by=who(h.verified_by)
        )
        for h in services.hazards.list(actor, hazard_filter)
    ]
    branch = services.branch.get()
    stamp = anchoring.stamp(services, actor, "", "", "export hazards xlsx", anchoring.HAZARD_RECORDS)
    name = branch.name if branch else ""
    written = write_hazard_workbook(out_path, hazards, hazard_filter, branch_name=name, stamp=stamp)
    anchoring.finish(services, stamp, on_anchor)
    return written


def _fill_filters(
    sheet: Worksheet,
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    branch_name: str,
    generated_at: datetime,
) -> None:
    rows: list[tuple[str, Value]] = [
        (t("report.hazards.branch"), branch_name),
        (t("report.hazards.generated"), local(generated_at)),
        (t("report.hazards.rows"), len(hazards)),
        *describe_filter(hazard_filter),
    ]
    fill_pairs(sheet, rows)
