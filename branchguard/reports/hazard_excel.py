"""The hazard register as an Excel workbook (openpyxl): one sheet of exactly the listed hazards,
with real dates in local time, overdue rows filled red, frozen header and autofilter, and a
second sheet stating the filters and when the file was made."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from branchguard import APP_NAME
from branchguard.core.hazards.types import HazardFilter, HazardInfo
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports.hazard_common import describe_filter, description_text, source_text
from branchguard.reports.template import ACCENT, write_atomically

if TYPE_CHECKING:
    from branchguard.core.services import Services

Value = str | int | date | datetime | None

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
OVERDUE_FILL = PatternFill("solid", fgColor="FDE2E1")  # the PDF register's overdue band
HEADER_FILL = PatternFill("solid", fgColor=ACCENT.hexval()[2:].upper())
HEADER_FONT = Font(bold=True, color="FFFFFF")
ALERT_FONT = Font(bold=True, color="B71C1C")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MAX_WIDTH = 60  # characters; longer text wraps in its cell
MIN_WIDTH = 8


@dataclass(frozen=True)
class _Column:
    header_key: str
    value: Callable[[HazardInfo], Value]
    wrap: bool = False


def _local(at: datetime | None) -> datetime | None:
    """A stored UTC instant as the local wall-clock time Excel shows (it has no time zones)."""
    return at.astimezone().replace(tzinfo=None) if at else None


COLUMNS: tuple[_Column, ...] = (
    _Column("report.hazards.col.number", lambda h: h.number),
    _Column("report.hazards.col.severity", lambda h: h.severity.label),
    _Column("report.hazards.col.status", lambda h: h.status.label),
    _Column("report.hazards.col.overdue", lambda h: t("report.hazards.overdue_mark") if h.overdue else ""),
    _Column("report.hazards.col.location", lambda h: h.location, wrap=True),
    _Column("report.hazards.col.description", description_text, wrap=True),
    _Column("report.hazards.col.owner", lambda h: h.owner),
    _Column("report.hazards.col.opened", lambda h: _local(h.opened_at)),
    _Column("report.hazards.col.due", lambda h: h.due_date),
    _Column("report.hazards.col.age", lambda h: h.age_days),
    # A major hazard's policy milestones (DOMAIN.md): interim control, the plan, the report upwards.
    _Column("report.hazards.col.interim_due", lambda h: _local(h.interim_due_at)),
    _Column("report.hazards.col.plan_due", lambda h: _local(h.plan_due_at)),
    _Column(
        "report.hazards.col.head_office", lambda h: t("report.hazards.yes") if h.report_head_office else ""
    ),
    _Column("report.hazards.col.source", source_text),
    _Column("report.hazards.col.opened_by", lambda h: h.opened_by),
    _Column("report.hazards.col.remediated", lambda h: _local(h.remediated_at)),
    _Column("report.hazards.col.remediated_by", lambda h: h.remediated_by or ""),
    _Column("report.hazards.col.verified", lambda h: _local(h.verified_at)),
    _Column("report.hazards.col.verified_by", lambda h: h.verified_by or ""),
    _Column("report.hazards.col.closed", lambda h: _local(h.closed_at)),
)
OVERDUE_COLUMN = 4  # 1-based, where the mark goes in red


def render_hazard_workbook(
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
) -> bytes:
    """The .xlsx file of exactly `hazards` (the list the service returned for `hazard_filter`, in
    its order)."""
    generated_at = generated_at or datetime.now().astimezone().replace(microsecond=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = t("report.hazards.sheet")
    _fill_register(sheet, hazards)
    _fill_filters(
        book.create_sheet(t("report.hazards.sheet_filters")),
        hazards,
        hazard_filter,
        branch_name,
        generated_at,
    )
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
) -> Path:
    """Write the workbook to `path`, whole or not at all."""
    data = render_hazard_workbook(hazards, hazard_filter, branch_name=branch_name, generated_at=generated_at)
    write_atomically(Path(path), data)
    return Path(path)


def build_hazard_workbook(
    services: Services, actor: Actor, hazard_filter: HazardFilter, out_path: Path
) -> Path:
    """List the hazards `hazard_filter` selects as `actor` and write them to `out_path` as .xlsx."""
    hazards = services.hazards.list(actor, hazard_filter)
    branch = services.branch.get()
    return write_hazard_workbook(out_path, hazards, hazard_filter, branch_name=branch.name if branch else "")


def _fill_register(sheet: Worksheet, hazards: Sequence[HazardInfo]) -> None:
    headers = [t(c.header_key) for c in COLUMNS]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    widths = [_text_width(h) for h in headers]
    for row, hazard in enumerate(hazards, start=2):
        for col, column in enumerate(COLUMNS, start=1):
            value = column.value(hazard)
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
            if hazard.overdue:
                cell.fill = OVERDUE_FILL
        if hazard.overdue:
            sheet.cell(row=row, column=OVERDUE_COLUMN).font = ALERT_FONT
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = "B2"  # the header row and the hazard number stay in view
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{len(hazards) + 1}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _fill_filters(
    sheet: Worksheet,
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    branch_name: str,
    generated_at: datetime,
) -> None:
    rows: list[tuple[str, Value]] = [
        (t("report.hazards.branch"), branch_name),
        (t("report.hazards.generated"), _local(generated_at)),
        (t("report.hazards.rows"), len(hazards)),
        *describe_filter(hazard_filter),
    ]
    for row, (label, value) in enumerate(rows, start=1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        cell = sheet.cell(row=row, column=2)
        _set(cell, value)
        cell.alignment = Alignment(horizontal="left", wrap_text=True)
        if isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
    sheet.column_dimensions["A"].width = max(MIN_WIDTH, *(_text_width(label) + 2 for label, _ in rows))
    sheet.column_dimensions["B"].width = MAX_WIDTH


def _set(cell: Cell, value: Value) -> None:
    """Store a value as data: text never becomes a formula (a description starting with "=" is
    text, not a live formula), and control characters Excel cannot hold are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _text_width(text: str) -> int:
    """Excel column width for the longest line of `text`: a Chinese character takes two."""
    return max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.split("\n")), default=0)
