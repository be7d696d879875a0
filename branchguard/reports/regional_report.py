"""The regional period report at head office: every branch's figures for one period side by side,
as a landscape PDF table or an xlsx sheet (`branchguard ho report --period P -o FILE`).

Like every other report it carries what can be proved (reports/anchoring.py): head office's own
ledger head and proof, and, for what the report is about, every branch's ledger head as head office
holds it (each came in a package signed by the branch's registered key, chaining from the head held
before). The list of heads is printed whole; its SHA-256 is named in the anchor, which head office's
key signs and appends to the anchor file once the report is written.

    build_regional_report(services, actor, "2026-Q4", out, font, on_anchor)
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.anchors.rules import grouped
from branchguard.core.anchors.types import Stamp
from branchguard.core.headoffice.rules import heads_digest
from branchguard.core.headoffice.types import HeldHead, PeriodRow
from branchguard.core.kernel import output
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from branchguard.core.services import Services
    from branchguard.reports.workbook import Value

# (column, its heading's message key): a figure the branch's periodic report shows too is headed
# with the report's own words, so that the two documents name one figure alike
COLUMNS = (
    ("code", "ho.report.col.code"),
    ("name", "ho.report.col.name"),
    ("packages", "ho.report.col.packages"),
    ("incidents", "summary.fig.incidents"),
    ("levels", "ho.report.col.levels"),
    ("drills", "summary.fig.drills"),
    ("score", "summary.fig.drill_score"),
    ("inspections", "summary.fig.inspections_submitted"),
    ("hazards_opened", "summary.fig.hazards_opened"),
    ("hazards_open", "summary.fig.hazards_open_at_end"),
    ("complaints", "summary.fig.complaints"),
    ("complaints_on_time", "ho.report.col.complaints_on_time"),
    ("complaints_satisfied", "ho.report.col.complaints_satisfied"),
    ("actions_overdue", "summary.fig.actions_overdue"),
    ("compliance_overdue", "ho.report.col.compliance_overdue"),
)


def _rate(part: int, whole: int, months: int) -> str:
    """ "5/6 (83%)"; "0/0" with statistics but nothing to count; "-" without statistics."""
    if not months:
        return "-"
    if not whole:
        return "0/0"
    return f"{part}/{whole} ({100 * part / whole:.0f}%)"


def _cells(r: PeriodRow) -> list[str | int | float]:
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
    return [t(key) for _column, key in COLUMNS]


HEAD_COLUMNS = (
    "ho.report.col.code",
    "ho.report.col.name",
    "ho.report.heads.col.key",
    "ho.report.col.packages",
    "ho.report.heads.col.period",
    "ho.report.heads.col.seq",
    "ho.report.heads.col.hash",
    "ho.report.heads.col.manifest",
)


def _head_cells(h: HeldHead) -> list[str | int]:
    return [
        h.code,
        h.name,
        grouped(h.fingerprint),
        h.packages,
        h.last_period or "-",
        h.ledger_seq,
        h.ledger_hash,
        h.last_manifest or "-",
    ]


def what(period: str, digest: str) -> str:
    """What the anchor was handed out for: the period and the digest of the heads printed."""
    return f"report regional {period} heads {digest}"


def build_regional_report(
    services: Services,
    actor: Actor,
    period_text: str,
    out: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> str:
    """Read the period as `actor`, write the report (.xlsx by that suffix, else PDF) whole or not
    at all, append its signed anchor (`on_anchor` hears whether that worked); the period's name."""
    hos = services.headoffice
    period, rows = hos.period_rows(actor, period_text)
    heads = hos.held_heads(actor)
    stamp = anchoring.stamp(services, actor, "", "", what(period, heads_digest(heads)))
    if Path(out).suffix.lower() == ".xlsx":
        write_workbook(hos.name(), period, rows, heads, stamp, Path(out))
    else:
        write_pdf(hos.name(), period, rows, heads, stamp, Path(out), font_setting)
    anchoring.finish(services, stamp, on_anchor)
    return period


def write_workbook(
    head_office: str,
    period: str,
    rows: Sequence[PeriodRow],
    heads: Sequence[HeldHead],
    stamp: Stamp,
    out: Path,
) -> None:
    from openpyxl import Workbook

    from branchguard.reports.workbook import fill_integrity

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = period
    _fill(
        sheet,
        [
            [t("ho.report.title", name=head_office, period=period)],
            _headers(),
            *(_cells(r) for r in rows),
        ],
    )
    _fill(
        book.create_sheet(t("ho.report.heads.sheet")),
        [
            [t("ho.report.heads.heading")],
            [t("ho.report.heads.proof", digest=heads_digest(heads))],
            [t(key) for key in HEAD_COLUMNS],
            *(_head_cells(h) for h in heads),
        ],
    )
    fill_integrity(book, stamp)
    data = io.BytesIO()
    book.save(data)
    output.write_file(out, data.getvalue())


def _fill(sheet: Worksheet, lines: Sequence[Sequence[Value]]) -> None:
    """Every cell through the shared writer: a head office's or branch's name or code such as
    "=HYPERLINK(…)" is stored as text, never as a live formula."""
    from branchguard.reports.workbook import set_cell

    for number, line in enumerate(lines, start=1):
        for column, value in enumerate(line, start=1):
            set_cell(sheet.cell(row=number, column=column), value)


def write_pdf(
    head_office: str,
    period: str,
    rows: Sequence[PeriodRow],
    heads: Sequence[HeldHead],
    stamp: Stamp,
    out: Path,
    font_setting: str = "",
) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Table, TableStyle

    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.template import make_styles, para

    font = find_cjk_font(font_setting)
    styles = make_styles(font)
    title = ParagraphStyle("title", fontName=font.bold_name, fontSize=14, leading=18, spaceAfter=8)
    cell = ParagraphStyle("cell", fontName=font.name, fontSize=8, leading=10)
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    data = [[para(h, cell) for h in _headers()]]
    data += [[para(str(v), cell) for v in _cells(r)] for r in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(grid)
    # a hash does not break at spaces: printed in two halves, one under the other
    held = [[para(t(key), cell) for key in HEAD_COLUMNS]]
    held += [[para(_halves(v), cell) for v in _head_cells(h)] for h in heads]
    heads_table = Table(held, repeatRows=1)
    heads_table.setStyle(grid)
    story: list[Flowable] = [
        para(t("ho.report.title", name=head_office, period=period), title),
        table,
        CondPageBreak(60),
        para(t("ho.report.heads.heading"), styles.heading),
        para(t("ho.report.heads.proof", digest=heads_digest(heads)), styles.body),
        heads_table,
        CondPageBreak(120),
        *anchoring.section(styles, stamp, record_entity=False),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=t("ho.report.title", name=head_office, period=period),
        keywords=anchoring.keywords(stamp),
    )
    doc.build(story)
    output.write_file(out, buffer.getvalue())


def _halves(value: object) -> str:
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return f"{text[:32]}\n{text[32:]}"
    return text
