"""The regional period report at head office: every branch's figures for one period side by side,
as a landscape PDF table or an xlsx sheet (`branchguard ho report --period P -o FILE`)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from branchguard.core.headoffice.types import PeriodRow
from branchguard.core.kernel import output
from branchguard.core.kernel.i18n import t

COLUMNS = (
    "code",
    "name",
    "packages",
    "incidents",
    "levels",
    "drills",
    "score",
    "inspections",
    "hazards_opened",
    "hazards_open",
    "complaints",
    "complaints_on_time",
    "complaints_satisfied",
    "actions_overdue",
    "compliance_overdue",
)


def _rate(part: int, whole: int, months: int) -> str:
    """ "5/6 (83%)"; "0/0" with statistics but nothing to count; "-" without statistics."""
    if not months:
        return "-"
    if not whole:
        return "0/0"
    return f"{part}/{whole} ({100 * part / whole:.0f}%)"


def _cells(r: PeriodRow) -> list[object]:
    levels = " ".join(f"{k}:{v}" for k, v in r.incidents_by_level.items()) or "-"
    score = "-" if r.drill_score_average is None else round(r.drill_score_average, 1)
    return [
        r.code,
        r.name,
        r.packages,
        r.incidents,
        levels,
        r.drills,
        score,
        r.inspections,
        r.hazards_opened,
        r.hazards_open_at_end,
        r.complaints,
        _rate(r.complaints_on_time, r.complaints_answered, r.complaint_months),
        _rate(r.complaints_satisfied, r.complaints_rated, r.complaint_months),
        r.actions_overdue,
        r.compliance_overdue,
    ]


def _headers() -> list[str]:
    return [t(f"ho.report.col.{c}") for c in COLUMNS]


def write_workbook(head_office: str, period: str, rows: Sequence[PeriodRow], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = period
    sheet.append([t("ho.report.title", name=head_office, period=period)])
    sheet.append(_headers())
    for r in rows:
        sheet.append(_cells(r))
    data = io.BytesIO()
    book.save(data)
    output.write_file(out, data.getvalue())


def write_pdf(
    head_office: str, period: str, rows: Sequence[PeriodRow], out: Path, font_setting: str = ""
) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from branchguard.reports.fonts import find_cjk_font

    font = find_cjk_font(font_setting)
    title = ParagraphStyle("title", fontName=font.bold_name, fontSize=14, leading=18, spaceAfter=8)
    cell = ParagraphStyle("cell", fontName=font.name, fontSize=8, leading=10)
    data = [[Paragraph(h, cell) for h in _headers()]]
    data += [[Paragraph(str(v), cell) for v in _cells(r)] for r in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=landscape(A4), title=t("ho.report.title", name=head_office, period=period)
    )
    doc.build([Paragraph(t("ho.report.title", name=head_office, period=period), title), table])
    output.write_file(out, buffer.getvalue())
