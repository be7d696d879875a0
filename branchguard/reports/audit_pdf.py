"""The exported audit trail as a landscape PDF in the house style (branch header, page X of Y,
generated-at): what the export holds, then every event newest first, its summary worded as the
Audit page words it, then the integrity block with the chain head and the signed anchor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Flowable, Spacer, Table

from branchguard.core.anchors.types import Stamp
from branchguard.core.kernel.i18n import t
from branchguard.reports import anchoring
from branchguard.reports.audit_export import EventLine, Heading
from branchguard.reports.fonts import FontChoice
from branchguard.reports.incident_report import pairs_table, section_heading
from branchguard.reports.linewrap import LineWrapper
from branchguard.reports.template import (
    PAGE_SIZE,
    Cell,
    ReportMeta,
    ReportStyles,
    content_width,
    data_table,
    make_styles,
    para,
    render_pdf,
)

PAGE = landscape(PAGE_SIZE)
TIME = "%Y-%m-%d %H:%M:%S"
ROWS_PER_TABLE = 200  # a table split across pages is re-measured at each split: kept short
# Shares of the width: no., time, user, role, action, record, summary. The summary words what changed
# (before → after); the full before and after of each event are the workbook's, a page each here.
SHARES = (0.05, 0.12, 0.1, 0.08, 0.13, 0.1, 0.42)


def render_audit_pdf(
    lines: Sequence[EventLine], heading: Heading, font: FontChoice, stamp: Stamp
) -> tuple[bytes, int]:
    """The PDF of exactly `lines` and how many events it holds."""
    meta = ReportMeta(
        title=t("report.audit.title"),
        branch_name=heading.branch_name,
        generated_at=heading.generated_at,
        keywords=anchoring.keywords(stamp),
    )
    styles = make_styles(font)
    width = content_width(PAGE)
    stated: list[tuple[str, Cell]] = [
        (t("report.audit.exported_by"), heading.exported_by),
        (t("report.audit.events"), str(len(lines))),
        *heading.filters,
    ]
    story: list[Flowable] = [para(t("report.audit.title"), styles.title)]
    story += section_heading(styles, t("report.audit.filters"), pairs_table(styles, stated, width))
    story += [Spacer(1, 4), para(t("report.audit.count_line", count=len(lines)), styles.body)]
    if not lines:
        story += section_heading(styles, t("report.audit.list"), para(t("report.audit.none"), styles.body))
    else:
        tables = event_tables(styles, lines, width)
        story += section_heading(styles, t("report.audit.list"), tables[0])
        story += tables[1:]
    story += anchoring.section(styles, stamp, record_entity=False)
    data, _pages = render_pdf(meta, story, font, PAGE)
    return data, len(lines)


_PLAIN: dict[str, Any] = {"valign": "TOP", "plain": True, "split_rows": True}


def event_tables(styles: ReportStyles, lines: Sequence[EventLine], width: float) -> list[Table]:
    """The events in tables of `ROWS_PER_TABLE`, each with the header (repeated on every page),
    text broken into lines here (plain cells: thousands of rows)."""
    widths = [width * share for share in SHARES]
    pad = 2 * 3 * styles.scale + 1
    wrapper = LineWrapper(styles.font.name, styles.cell.fontSize)

    def wrapped(text: str, column: int) -> str:
        room = widths[column] - pad
        return wrapper.wrap(text, room) if "\n" in text or wrapper.width(text) > room else text

    headers = [
        t(f"report.audit.col.{key}")
        for key in ("no", "at", "user", "role", "action", "record", "summary")
    ]
    rows: list[list[Cell]] = []
    for line in lines:
        record = f"{line.record} #{line.record_id}" if line.record_id else line.record
        texts = (
            str(line.number),
            line.at.astimezone().strftime(TIME),
            line.name,
            line.role,
            line.action,
            record,
            line.summary,
        )
        rows.append([wrapped(text, column) for column, text in enumerate(texts)])
    return [
        data_table(styles, headers, rows[i : i + ROWS_PER_TABLE], widths, **_PLAIN)
        for i in range(0, len(rows), ROWS_PER_TABLE)
    ]
