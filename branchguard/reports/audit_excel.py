"""The exported audit trail as an Excel workbook, streamed (openpyxl's write-only mode): one row per
event as it is read, so ten years' trail is never held at once; frozen header, autofilter, fixed
column widths, times as real local date-times; a sheet stating the filters, and the integrity sheet
the registers carry (reports/workbook.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import IO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from branchguard import APP_NAME
from branchguard.core.anchors.types import Stamp
from branchguard.core.kernel.i18n import t
from branchguard.reports.audit_export import EventLine, Heading
from branchguard.reports.workbook import (
    HEADER_FILL,
    HEADER_FONT,
    TOP,
    WRAP,
    Value,
    data_cell,
    fill_integrity,
    fill_pairs,
    local,
)

SECONDS = "yyyy-mm-dd hh:mm:ss"  # the page's time, to the second: two events a second apart differ
# (header key, width in characters): fixed, since a streamed sheet takes its widths before its rows
COLUMNS: tuple[tuple[str, int], ...] = (
    ("report.audit.col.no", 10),
    ("report.audit.col.at", 20),
    ("report.audit.col.user", 14),
    ("report.audit.col.name", 14),
    ("report.audit.col.role", 12),
    ("report.audit.col.action", 24),
    ("report.audit.col.record", 16),
    ("report.audit.col.id", 10),
    ("report.audit.col.summary", 60),
    ("report.audit.col.before", 36),
    ("report.audit.col.after", 36),
)


def _row(sheet: WriteOnlyWorksheet, line: EventLine) -> list[object]:
    """The event's cells: its time formatted, long text wrapped, the rest plain (a plain cell costs
    a fraction of a styled one, at 200,000 rows); text starting with "=" stays text (`data_cell`)."""
    texts = (line.user, line.name, line.role, line.action, line.record, line.record_id)
    wrapped = (line.summary, line.before, line.after)
    return [
        line.number,
        data_cell(sheet, local(line.at), alignment=TOP, number_format=SECONDS),
        *(data_cell(sheet, x) if x.startswith("=") else x or None for x in texts),
        *(data_cell(sheet, x or None, alignment=WRAP) for x in wrapped),
    ]


def write_audit_workbook(fh: IO[bytes], lines: Iterable[EventLine], heading: Heading, stamp: Stamp) -> int:
    """Write the workbook of `lines` to `fh`; how many events it holds. Should reading them stop
    (the export cancelled), the workbook's temporary files go with it."""
    book = Workbook(write_only=True)
    try:
        sheet = book.create_sheet(t("report.audit.sheet"))
        for col, (_key, width) in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "C2"  # the header, the event's number and time stay in view
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        header = {"font": HEADER_FONT, "fill": HEADER_FILL, "alignment": WRAP}
        sheet.append([data_cell(sheet, t(key), **header) for key, _w in COLUMNS])
        events = 0
        for line in lines:
            sheet.append(_row(sheet, line))
            events += 1
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{events + 1}"
        pairs: list[tuple[str, Value]] = [
            (t("report.audit.branch"), heading.branch_name),
            (t("report.audit.generated"), local(heading.generated_at)),
            (t("report.audit.exported_by"), heading.exported_by),
            (t("report.audit.events"), events),
            *heading.filters,
        ]
        fill_pairs(book.create_sheet(t("report.audit.sheet_filters")), pairs)
        fill_integrity(book, stamp)
        book.properties.creator = APP_NAME
        book.properties.title = " - ".join(x for x in (t("report.audit.title"), heading.branch_name) if x)
        book.save(fh)
    except BaseException:
        _discard(book)
        raise
    return events


def _discard(book: Workbook) -> None:
    """Remove the temporary files of a streamed workbook that will not be saved."""
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:  # no row written yet: no file
            continue
        with contextlib.suppress(Exception):
            sheet.close()  # ends the rows being streamed, then the file they go to
        with contextlib.suppress(Exception):
            writer.cleanup()
