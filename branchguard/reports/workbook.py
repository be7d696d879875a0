"""What the registers' Excel workbooks share: cell styles, a register sheet of listed records (real
dates in local time, overdue rows filled red, frozen header, autofilter, printed landscape across
one page's width), a sheet of label–value pairs, and the integrity sheet that carries the anchor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from branchguard.core.anchors.types import Stamp
from branchguard.core.kernel.i18n import t
from branchguard.reports import anchoring, progress
from branchguard.reports.template import ACCENT

Value = str | int | float | date | datetime | None
Row = TypeVar("Row")

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT = "0%"  # a share stored as a number (0.83), which Excel sorts, filters and sums
OVERDUE_FILL = PatternFill("solid", fgColor="FDE2E1")  # the PDF registers' overdue band
HEADER_FILL = PatternFill("solid", fgColor=ACCENT.hexval()[2:].upper())
HEADER_FONT = Font(bold=True, color="FFFFFF")
ALERT_FONT = Font(bold=True, color="B71C1C")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MAX_WIDTH = 60  # characters; longer text wraps in its cell
MIN_WIDTH = 8


@dataclass(frozen=True)
class Column(Generic[Row]):
    header_key: str
    value: Callable[[Row], Value]
    wrap: bool = False
    number_format: str = ""  # for a number: PERCENT for a share


def share(done: int, due: int) -> float | None:
    """`done` of `due` as a number for a PERCENT cell; None (an empty cell) when nothing was due."""
    return round(done / due, 3) if due else None


def local(at: datetime | None) -> datetime | None:
    """A stored UTC instant as the local wall-clock time Excel shows (it has no time zones)."""
    return at.astimezone().replace(tzinfo=None) if at else None


def local_day(at: datetime | None) -> date | None:
    """A deadline kept as its day's last second (a hazard's fix-by date, a plan's due day) as the
    date it is: "2027-01-06", as the registers print it, not "2027-01-06 23:59"."""
    return at.astimezone().date() if at else None


def fill_register(
    sheet: Worksheet,
    columns: Sequence[Column[Row]],
    rows: Sequence[Row],
    overdue: Callable[[Row], bool],
    overdue_column: int,
    *,
    header_row: int = 1,
) -> None:
    """One row per record in the given order; `overdue_column` (1-based) holds the overdue mark.
    The header on `header_row`, what the caller wrote above it (a title) left as it is."""
    headers = [t(c.header_key) for c in columns]
    for col, header in enumerate(headers, start=1):
        cell = sheet.cell(row=header_row, column=col, value=header)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
    widths = [text_width(h) for h in headers]
    for number, record in enumerate(rows, start=header_row + 1):
        late = overdue(record)
        for col, column in enumerate(columns, start=1):
            value = column.value(record)
            cell = sheet.cell(row=number, column=col)
            set_cell(cell, value)
            cell.alignment = WRAP if column.wrap else TOP
            if isinstance(value, datetime):
                cell.number_format = TIME_FORMAT
                widths[col - 1] = max(widths[col - 1], len("0000-00-00 00:00"))
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                widths[col - 1] = max(widths[col - 1], len("0000-00-00"))
            elif column.number_format and isinstance(value, int | float):
                cell.number_format = column.number_format
            elif value is not None:
                widths[col - 1] = max(widths[col - 1], text_width(str(value)))
            if late:
                cell.fill = OVERDUE_FILL
        if late:
            sheet.cell(row=number, column=overdue_column).font = ALERT_FONT
        progress.step(number - header_row, len(rows))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    sheet.freeze_panes = f"B{header_row + 1}"  # the header row and the record's number stay in view
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{header_row + len(rows)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


@dataclass(frozen=True)
class Share:
    """A pair's value that is `part` of `whole`: the share as a number (PERCENT; empty when
    `whole` is 0), its counts in the next column."""

    part: int
    whole: int


def fill_pairs(sheet: Worksheet | WriteOnlyWorksheet, rows: Sequence[tuple[str, Value | Share]]) -> None:
    """A label in bold and its value, one pair a row (the filters stated, statistics); row by row,
    widths first, so a write-only (streamed) workbook's sheet takes it too."""
    sheet.column_dimensions["A"].width = max(MIN_WIDTH, *(text_width(label) + 2 for label, _ in rows))
    sheet.column_dimensions["B"].width = MAX_WIDTH
    for label, value in rows:
        cells = [data_cell(sheet, label, font=Font(bold=True))]
        if isinstance(value, Share):
            counts = data_cell(sheet, f"{value.part}/{value.whole}")
            cell = data_cell(sheet, share(value.part, value.whole), number_format=PERCENT)
            cells += [cell, counts]
        else:
            cell = data_cell(sheet, value, number_format=TIME_FORMAT if isinstance(value, datetime) else "")
            cells.append(cell)
        cell.alignment = Alignment(horizontal="left", wrap_text=True)
        sheet.append(cells)


def fill_integrity(book: Workbook, stamp: Stamp) -> None:
    """A sheet with the integrity lines (ledger head, key, what was proved) and the signed anchor
    itself; the anchor is also the workbook's Keywords, as a PDF report's is. Every workbook is about
    no single record (a register, a period): no "this record has no ledger entry yet", which every
    one of them said while its PDF did not. Row by row, so a write-only workbook takes it too."""
    sheet = book.create_sheet(t("anchor.report.sheet"))
    sheet.column_dimensions["A"].width = MAX_WIDTH * 2  # before the rows: a streamed sheet's only then
    for line in anchoring.lines(stamp, record_entity=False):
        sheet.append([data_cell(sheet, line)])
    token = anchoring.keywords(stamp)
    if token:
        sheet.append([])
        sheet.append([data_cell(sheet, t("anchor.report.anchor"), font=Font(bold=True))])
        sheet.append([data_cell(sheet, token)])
        book.properties.keywords = token


def data_cell(
    sheet: Worksheet | WriteOnlyWorksheet,
    value: Value,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    number_format: str = "",
) -> Cell:
    """A cell for `sheet.append` holding `value` as data (`set_cell`), styled as given: how a
    write-only workbook's rows are written, and any sheet takes them."""
    cell = WriteOnlyCell(sheet)  # any worksheet is its parent
    set_cell(cell, value)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    return cell


def set_cell(cell: Cell, value: Value) -> None:
    """Store a value as data: text never becomes a formula (a description starting with "=" is
    text, not a live formula), and control characters Excel cannot hold are dropped."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def text_width(text: str) -> int:
    """Excel column width for the longest line of `text`: a Chinese character takes two."""
    return max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.split("\n")), default=0)
