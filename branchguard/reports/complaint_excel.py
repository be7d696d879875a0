"""The complaint register as an Excel workbook: one sheet of exactly the listed complaints (real
dates, overdue rows filled red, frozen header, autofilter), a sheet of statistics and a sheet
stating the filters. Identifiers as the list gave them: masked unless the lead asked."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from branchguard import APP_NAME
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInfo
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports.complaint_common import counted, describe_filter, statistics
from branchguard.reports.hazard_excel import (
    ALERT_FONT,
    DATE_FORMAT,
    HEADER_FILL,
    HEADER_FONT,
    MAX_WIDTH,
    MIN_WIDTH,
    OVERDUE_FILL,
    TIME_FORMAT,
    TOP,
    WRAP,
    _local,
    _set,
    _text_width,
)
from branchguard.reports.template import write_atomically

if TYPE_CHECKING:
    from branchguard.core.services import Services

Value = str | int | date | datetime | None


@dataclass(frozen=True)
class _Column:
    header_key: str
    value: Callable[[ComplaintInfo], Value]
    wrap: bool = False


COLUMNS: tuple[_Column, ...] = (
    _Column("cli.complaint.number", lambda c: c.number),
    _Column("field.complaint_kind", lambda c: c.kind.label),
    _Column("field.complaint_channel", lambda c: c.channel.label),
    _Column("field.complaint_status", lambda c: c.status.label),
    _Column("report.complaints.overdue", lambda c: t("report.complaints.overdue_mark") if c.overdue else ""),
    _Column("field.received_at", lambda c: _local(c.received_at)),
    _Column("field.due_date", lambda c: c.due_date),
    _Column("report.complaints.extensions", lambda c: c.extensions),
    _Column("report.complaints.days_left", lambda c: c.days_left),
    _Column("report.complaints.stopped", lambda c: _local(c.clock_stopped_at)),
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
) -> bytes:
    generated_at = generated_at or datetime.now().astimezone().replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("report.complaints.sheet")
    _fill_register(sheet, items)
    _fill_pairs(book.create_sheet(t("report.complaints.statistics")), _statistics_rows(items))
    rows: list[tuple[str, Value]] = [
        (t("report.hazards.branch"), branch_name),
        (t("report.hazards.generated"), _local(generated_at)),
        (t("report.hazards.rows"), len(items)),
        *describe_filter(flt, any(not c.masked for c in items)),
    ]
    _fill_pairs(book.create_sheet(t("report.hazards.sheet_filters")), rows)
    book.properties.creator = APP_NAME
    book.properties.title = " - ".join(x for x in (t("report.complaints.title"), branch_name) if x)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def build_complaint_workbook(
    services: Services, actor: Actor, flt: ComplaintFilter, out_path: Path, unmask: bool = False
) -> Path:
    """List the complaints `flt` selects as `actor` and write them to `out_path` as .xlsx."""
    items = services.complaints.list(actor, flt, unmask=unmask)
    branch = services.branch.get()
    data = render_complaint_workbook(items, flt, branch_name=branch.name if branch else "")
    write_atomically(Path(out_path), data)
    return Path(out_path)


def _statistics_rows(items: Sequence[ComplaintInfo]) -> list[tuple[str, Value]]:
    stats = statistics(items)
    return [
        (t("report.complaints.total"), stats.total),
        (t("report.complaints.overdue"), stats.overdue),
        (t("field.complaint_kind"), counted(stats.by_kind)),
        (t("field.complaint_channel"), counted(stats.by_channel)),
        (t("field.complaint_category"), counted(stats.by_category)),
        (t("field.complaint_cause"), counted(stats.by_cause)),
        (
            t("report.complaints.on_time_rate"),
            f"{stats.on_time_rate} ({stats.on_time}/{stats.clock_stopped})",
        ),
        (
            t("report.complaints.satisfaction_rate"),
            f"{stats.satisfaction_rate} ({stats.satisfied}/{stats.replies})",
        ),
    ]


def _fill_register(sheet: Worksheet, items: Sequence[ComplaintInfo]) -> None:
    headers = [t(c.header_key) for c in COLUMNS]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    widths = [_text_width(h) for h in headers]
    for row, item in enumerate(items, start=2):
        for col, column in enumerate(COLUMNS, start=1):
            value = column.value(item)
            cell = sheet.cell(row=row, column=col)
            _set(cell, value)
            cell.alignment = WRAP if column.wrap else TOP
            if isinstance(value, datetime):
                cell.number_format = TIME_FORMAT
                widths[col - 1] = max(widths[col - 1], len("0000-00-00 00:00"))
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                widths[col - 1] = max(widths[col - 1], len("0000-00-00"))
            elif value is not None:
                widths[col - 1] = max(widths[col - 1], _text_width(str(value)))
            if item.overdue:
                cell.fill = OVERDUE_FILL
        if item.overdue:
            sheet.cell(row=row, column=OVERDUE_COLUMN).font = ALERT_FONT
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(items) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"


def _fill_pairs(sheet: Worksheet, rows: Sequence[tuple[str, Value]]) -> None:
    for row, (label, value) in enumerate(rows, start=1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2)
        _set(cell, value)
        cell.alignment = Alignment(horizontal="left", wrap_text=True)
        if isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
    sheet.column_dimensions["A"].width = max(MIN_WIDTH, *(_text_width(label) + 2 for label, _ in rows))
    sheet.column_dimensions["B"].width = MAX_WIDTH
