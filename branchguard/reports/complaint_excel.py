"""The complaint register as an Excel workbook: one sheet of exactly the listed complaints (real
dates, overdue rows filled red, frozen header, autofilter), a sheet of statistics and a sheet
stating the filters. Identifiers as the list gave them: masked unless the lead asked."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook

from branchguard import APP_NAME
from branchguard.core.anchors.types import Stamp
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInfo
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.complaint_common import counted, describe_filter, statistics
from branchguard.reports.template import write_atomically
from branchguard.reports.workbook import (
    Column,
    Share,
    Value,
    fill_integrity,
    fill_pairs,
    fill_register,
    local,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

_Column = Column[ComplaintInfo]


COLUMNS: tuple[_Column, ...] = (
    _Column("cli.complaint.number", lambda c: c.number),
    _Column("field.complaint_kind", lambda c: c.kind.label),
    _Column("field.complaint_channel", lambda c: c.channel.label),
    _Column("field.complaint_status", lambda c: c.status.label),
    _Column("report.complaints.overdue", lambda c: t("report.complaints.overdue_mark") if c.overdue else ""),
    _Column("field.received_at", lambda c: local(c.received_at)),
    _Column("field.due_date", lambda c: c.due_date),
    _Column("report.complaints.extensions", lambda c: c.extensions),
    _Column("report.complaints.days_left", lambda c: c.days_left),
    _Column("report.complaints.stopped", lambda c: local(c.clock_stopped_at)),
    _Column(
        "report.complaints.on_time",
        lambda c: (
            "" if c.on_time is None else t("report.hazards.yes") if c.on_time else t("report.complaints.late")
        ),
    ),
    _Column("field.customer_name", lambda c: c.customer_name),
    _Column("field.customer_phone", lambda c: c.customer_phone),
    _Column("field.id_number", lambda c: c.customer_id_number),
    _Column("field.representatives", lambda c: "、".join(c.representatives)),
    _Column("field.subject_person", lambda c: c.subject_person),
    _Column("field.subject_post", lambda c: c.subject_post),
    _Column("field.business_line", lambda c: c.business_line),
    _Column("field.complaint_category", lambda c: c.category_name),
    _Column("field.complaint_request", lambda c: c.request, wrap=True),
    _Column("field.first_responsible", lambda c: c.first_responsible),
    _Column("field.handler", lambda c: c.handler),
    _Column("field.complaint_cause", lambda c: c.cause.label if c.cause else ""),
    _Column("field.satisfaction", lambda c: c.satisfaction.label if c.satisfaction else ""),
)
OVERDUE_COLUMN = 5  # 1-based


def render_complaint_workbook(
    items: Sequence[ComplaintInfo],
    flt: ComplaintFilter,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> bytes:
    """The .xlsx file of exactly `items`; `stamp` adds the integrity sheet with the signed anchor."""
    generated_at = generated_at or datetime.now().astimezone().replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("report.complaints.sheet")
    fill_register(sheet, COLUMNS, items, lambda c: c.overdue, OVERDUE_COLUMN)
    fill_pairs(book.create_sheet(t("report.complaints.statistics")), _statistics_rows(items))
    rows: list[tuple[str, Value]] = [
        (t("report.hazards.branch"), branch_name),
        (t("report.hazards.generated"), local(generated_at)),
        (t("report.hazards.rows"), len(items)),
        *describe_filter(flt, any(not c.masked for c in items)),
    ]
    fill_pairs(book.create_sheet(t("report.hazards.sheet_filters")), rows)
    if stamp is not None:
        fill_integrity(book, stamp)
    book.properties.creator = APP_NAME
    book.properties.title = " - ".join(x for x in (t("report.complaints.title"), branch_name) if x)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_complaint_workbook(
    services: Services,
    actor: Actor,
    flt: ComplaintFilter,
    out_path: Path,
    unmask: bool = False,
    on_anchor: anchoring.AnchorNote | None = None,
) -> Path:
    """List the complaints `flt` selects as `actor`, write them to `out_path` as .xlsx and append
    the workbook's signed anchor (`on_anchor` hears whether that worked)."""
    who = services.auth.names(actor)
    items = [  # people by name, as the complaint file prints them, not their logins
        replace(c, first_responsible=who(c.first_responsible), handler=who(c.handler))
        for c in services.complaints.list(actor, flt, unmask=unmask)
    ]
    branch = services.branch.get()
    stamp = anchoring.stamp(services, actor, "", "", "export complaints xlsx", anchoring.COMPLAINT_RECORDS)
    data = render_complaint_workbook(items, flt, branch_name=branch.name if branch else "", stamp=stamp)
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return Path(out_path)


def _statistics_rows(items: Sequence[ComplaintInfo]) -> list[tuple[str, Value | Share]]:
    stats = statistics(items)
    return [
        (t("report.complaints.total"), stats.total),
        (t("report.complaints.overdue"), stats.overdue),
        (t("field.complaint_kind"), counted(stats.by_kind)),
        (t("field.complaint_channel"), counted(stats.by_channel)),
        (t("field.complaint_category"), counted(stats.by_category)),
        (t("field.complaint_cause"), counted(stats.by_cause)),
        (t("report.complaints.listed_on_time_rate"), Share(stats.on_time, stats.answered)),
        (t("report.complaints.listed_satisfaction_rate"), Share(stats.satisfied, stats.replies)),
    ]
