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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard.core.anchors.rules import grouped
from branchguard.core.anchors.types import Stamp
from branchguard.core.headoffice.rules import heads_digest
from branchguard.core.headoffice.types import HeldHead, PeriodRow, RegionalPeriod
from branchguard.core.kernel import output
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring

if TYPE_CHECKING:
    from openpyxl import Workbook

    from branchguard.core.services import Services
    from branchguard.reports.workbook import Column

# (column, its heading's message key): a figure the branch's periodic report shows too is headed
# with the report's own words, so that the two documents name one figure alike
COLUMNS = (
    ("code", "ho.report.col.code"),
    ("name", "ho.report.col.name"),
    ("packages", "ho.report.col.packages"),
    ("incidents", "summary.fig.incidents"),
    ("levels", "ho.report.col.levels"),
    ("drills", "ho.report.col.drills"),  # the summary's drills run, and those recorded afterwards
    ("score", "summary.fig.drill_score"),
    ("inspections", "summary.fig.inspections_submitted"),
    ("hazards_opened", "summary.fig.hazards_opened"),
    ("hazards_open", "summary.fig.hazards_open_at_end"),
    ("majors_waived", "summary.fig.majors_waived"),
    ("complaints", "summary.fig.complaints"),
    ("complaints_on_time", "ho.report.col.complaints_on_time"),
    ("complaints_satisfied", "ho.report.col.complaints_satisfied"),
    ("actions_overdue", "summary.fig.actions_overdue"),
    ("compliance_overdue", "ho.report.col.compliance_overdue"),
)
# a line of the comparison's sheet: branch code and name, the figure, now, before, months sent before
Line = tuple[str, str, str, float | None, float | None, str]
# The PDF's column widths, in parts of the page's width: the figures narrow, the two rates wider
# (a share over its counts, two lines), the name widest (it wraps).
WEIGHTS = (7, 12, 5, 5, 7, 5, 5, 6, 6, 6, 7, 6, 7, 7, 6, 6)


def _rate(part: int, whole: int, months: int) -> str:
    """ "83%" over "(5/6)"; "0/0" with statistics but nothing to count; "-" without statistics."""
    if not months:
        return "-"
    if not whole:
        return "0/0"
    return f"{100 * part / whole:.0f}%\n({part}/{whole})"


def _levels(r: PeriodRow) -> str:
    return " ".join(f"{k}:{v}" for k, v in r.incidents_by_level.items()) or "-"


def _cells(r: PeriodRow) -> list[str | int | float]:
    score = "-" if r.drill_score_average is None else round(r.drill_score_average, 1)
    return [
        r.code,
        r.name,
        r.packages,
        r.incidents,
        _levels(r),
        r.drills,
        score,
        r.inspections,
        r.hazards_opened,
        r.hazards_open_at_end,
        r.majors_waived,
        r.complaints,
        _rate(r.complaints_on_time, r.complaints_answered, r.complaint_months),
        _rate(r.complaints_satisfied, r.complaints_rated, r.complaint_months),
        r.actions_overdue,
        "-" if r.compliance_overdue is None else r.compliance_overdue,  # no package ends with the period
    ]


def _headers() -> list[str]:
    return [t(key) for _column, key in COLUMNS]


def _sheet_columns() -> tuple[Column[PeriodRow], ...]:
    """The period's sheet: the PDF's columns as numbers Excel sorts and sums; each rate a share
    (PERCENT, empty without statistics or with nothing to count) after the counts it is made of."""
    from branchguard.reports.workbook import PERCENT, Column, share

    def counted(field: str) -> Callable[[PeriodRow], int | None]:
        return lambda r: getattr(r, field) if r.complaint_months else None  # no statistics: not a zero

    return (
        Column("ho.report.col.code", lambda r: r.code),
        Column("ho.report.col.name", lambda r: r.name),
        Column("ho.report.col.packages", lambda r: r.packages),
        Column("summary.fig.incidents", lambda r: r.incidents),
        Column("ho.report.col.levels", lambda r: _levels(r) if r.incidents_by_level else None),
        Column("ho.report.col.drills", lambda r: r.drills),
        Column("summary.fig.drill_score", lambda r: r.drill_score_average, number_format="0.0"),
        Column("summary.fig.inspections_submitted", lambda r: r.inspections),
        Column("summary.fig.hazards_opened", lambda r: r.hazards_opened),
        Column("summary.fig.hazards_open_at_end", lambda r: r.hazards_open_at_end),
        Column("summary.fig.majors_waived", lambda r: r.majors_waived),
        Column("summary.fig.complaints", lambda r: r.complaints),
        Column("summary.col.complaints_answered", counted("complaints_answered")),
        Column("summary.col.complaints_on_time", counted("complaints_on_time")),
        Column(
            "ho.report.col.complaints_on_time",
            lambda r: share(r.complaints_on_time, r.complaints_answered),
            number_format=PERCENT,
        ),
        Column("summary.col.complaints_rated", counted("complaints_rated")),
        Column("summary.col.complaints_satisfied", counted("complaints_satisfied")),
        Column(
            "ho.report.col.complaints_satisfied",
            lambda r: share(r.complaints_satisfied, r.complaints_rated),
            number_format=PERCENT,
        ),
        Column("summary.fig.actions_overdue", lambda r: r.actions_overdue),
        Column("ho.report.col.compliance_overdue", lambda r: r.compliance_overdue),
        Column("ho.report.missing.heading", lambda r: t("incident.list_sep").join(r.months_missing) or None),
    )


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
    report = hos.regional(actor, period_text)
    period = report.period.code
    heads = hos.held_heads(actor)
    stamp = anchoring.stamp(services, actor, "", "", what(period, heads_digest(heads)))
    if Path(out).suffix.lower() == ".xlsx":
        write_workbook(hos.name(), period, report.rows, heads, stamp, Path(out), compared=report)
    else:
        write_pdf(hos.name(), report, heads, stamp, Path(out), font_setting)
    anchoring.finish(services, stamp, on_anchor)
    return period


def write_workbook(
    head_office: str,
    period: str,
    rows: Sequence[PeriodRow],
    heads: Sequence[HeldHead],
    stamp: Stamp,
    out: Path,
    compared: RegionalPeriod | None = None,
) -> None:
    """The period's sheet (its title above a register: widths, frozen header, filter, numbers),
    with `compared`'s period before: the comparison's sheet (fill_comparison), the ledger heads'
    sheet, the integrity sheet. Every cell through the shared writer: a head
    office's or branch's name or code such as "=HYPERLINK(…)" is stored as text, never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from branchguard import APP_NAME
    from branchguard.reports.regional_sections import titles
    from branchguard.reports.workbook import Column, fill_integrity, fill_register, set_cell

    def never(_row: object) -> bool:
        return False

    # titled as its PDF is: a year's is the annual summary (年度网点安全管理工作汇总)
    title = titles(head_office, compared)[0] if compared is not None else t(
        "ho.report.title", name=head_office, period=period
    )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = period
    set_cell(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    fill_register(sheet, _sheet_columns(), rows, never, 1, header_row=3)
    if compared is not None and compared.previous is not None:
        fill_comparison(book, compared)
    held = book.create_sheet(t("ho.report.heads.sheet"))
    set_cell(held.cell(row=1, column=1), t("ho.report.heads.heading"))
    held.cell(row=1, column=1).font = Font(bold=True)
    set_cell(held.cell(row=2, column=1), t("ho.report.heads.proof", digest=heads_digest(heads)))
    def nth(n: int) -> Callable[[HeldHead], str | int]:
        return lambda h: _head_cells(h)[n]

    head_columns = tuple(Column[HeldHead](key, nth(n)) for n, key in enumerate(HEAD_COLUMNS))
    fill_register(held, head_columns, heads, never, 1, header_row=4)
    fill_integrity(book, stamp)
    book.properties.creator = APP_NAME
    book.properties.title = title
    data = io.BytesIO()
    book.save(data)
    output.write_file(out, data.getvalue())


def fill_comparison(book: Workbook, report: RegionalPeriod) -> None:
    """The PDF's comparison as a sheet head office can filter: a row per branch and figure, this
    period's value, the period before's and the change as numbers (empty where head office holds
    nothing of the period before), and the months of it sent."""
    from openpyxl.styles import Font

    from branchguard.reports.regional_sections import COMPARED, months_sent
    from branchguard.reports.workbook import Column, fill_register, set_cell

    before = report.previous
    assert before is not None
    now_words, then_words = report.period.message().text(), before.period.message().text()
    lines: list[Line] = []
    for row in report.rows:
        held = report.held_before(row.code)
        sent = months_sent(held, before.months_over) if held else t("ho.report.before.none")
        for name, key, _places in COMPARED:
            now = getattr(row, name)
            then = getattr(held, name) if held else None
            lines.append((row.code, row.name, t(key), now, then, sent))

    def change(line: Line) -> float | None:
        now, then = line[3], line[4]
        return None if now is None or then is None else round(now - then, 1)

    columns: tuple[Column[Line], ...] = (
        Column("ho.report.col.code", lambda r: r[0]),
        Column("ho.report.col.name", lambda r: r[1]),
        Column("ho.report.col.figure", lambda r: r[2]),
        Column("summary.fig.this", lambda r: r[3]),
        Column("summary.fig.previous", lambda r: r[4]),
        Column("summary.fig.change", change),
        Column("ho.report.col.months_sent_before", lambda r: r[5]),
    )
    sheet = book.create_sheet(t("ho.report.before.heading", period=then_words)[:31])
    set_cell(sheet.cell(row=1, column=1), t("ho.report.before.heading", period=then_words))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    set_cell(sheet.cell(row=2, column=1), t("ho.report.before.sheet_note", now=now_words, before=then_words))
    fill_register(sheet, columns, lines, lambda _line: False, 1, header_row=4)


def write_pdf(
    head_office: str,
    report: RegionalPeriod,
    heads: Sequence[HeldHead],
    stamp: Stamp,
    out: Path,
    font_setting: str = "",
) -> None:
    """A landscape report with the header and footer every report has (head office's name, the
    title, page X of Y): the period's table, the months not sent, a year against the year before,
    the ledger heads, the integrity block."""
    from reportlab.lib.pagesizes import landscape
    from reportlab.platypus import CondPageBreak, Flowable

    from branchguard.reports import regional_sections as sections
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.template import (
        PAGE_SIZE,
        ReportMeta,
        content_width,
        data_table,
        make_styles,
        para,
        render_pdf,
    )

    page = landscape(PAGE_SIZE)
    font = find_cjk_font(font_setting)
    styles = make_styles(font, scale=0.9)
    width = content_width(page)
    widths = [width * w / sum(WEIGHTS) for w in WEIGHTS]
    cells = [[str(v) for v in _cells(r)] for r in report.rows]
    table = data_table(styles, _headers(), cells, widths, valign="TOP")
    # a hash does not break at spaces: printed in two halves, one under the other
    head_widths = [width * w / 28 for w in (2, 3, 3, 2, 2, 2, 7, 7)]
    heads_table = data_table(
        styles,
        [t(key) for key in HEAD_COLUMNS],
        [[_halves(v) for v in _head_cells(h)] for h in heads],
        head_widths,
        valign="TOP",
    )
    title, short_title = sections.titles(head_office, report)
    story: list[Flowable] = [
        para(title, styles.title),
        para(sections.subtitle(report), styles.body),
        table,
        CondPageBreak(90),
        *sections.missing(styles, report, width),
        CondPageBreak(120),
        *sections.comparison(styles, report, width),
        CondPageBreak(60),
        para(t("ho.report.heads.heading"), styles.heading),
        para(t("ho.report.heads.proof", digest=heads_digest(heads)), styles.body),
        heads_table,
        CondPageBreak(120),
        *anchoring.section(styles, stamp, record_entity=False),
    ]
    meta = ReportMeta(title=short_title, branch_name=head_office,
                      keywords=anchoring.keywords(stamp))  # fmt: skip
    data, _pages = render_pdf(meta, story, font, page)
    output.write_file(out, data)


def _halves(value: object) -> str:
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        return f"{text[:32]}\n{text[32:]}"
    return text
