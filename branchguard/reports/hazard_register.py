"""The hazard register (隐患台账) as a landscape PDF: the filters applied, counts by severity and
status, then every listed hazard with its ageing, overdue rows on a red band."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from branchguard.core.anchors.types import Stamp
from branchguard.core.hazards.types import HazardFilter, HazardInfo, HazardSeverity, HazardStatus
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring, progress
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.hazard_common import DATE, Tally, describe_filter, description_text, tally
from branchguard.reports.incident_report import pairs_table, section_heading
from branchguard.reports.incident_tables import ALERT
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
    sign_off,
    signature_lines,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

REGISTER_PAGE = landscape(PAGE_SIZE)
# The band behind an overdue row: light enough for black text (> 15:1), plainly red beside zebra grey.
OVERDUE_BAND = colors.HexColor("#FDE2E1")
MAJOR_COLOUR = colors.HexColor("#B71C1C")
SHORT_COLOUR = colors.HexColor("#B45309")  # the window's warning orange: a waiver, not a fault


def render_hazard_register(
    hazards: Sequence[HazardInfo],
    hazard_filter: HazardFilter,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> tuple[bytes, int]:
    """The register of exactly `hazards` (the list the service returned for `hazard_filter`, in its
    order) as PDF bytes and the page count; `stamp` adds the integrity block and the anchor."""
    meta = ReportMeta(
        title=t("report.hazards.title"),
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    story = _story(make_styles(font), hazards, hazard_filter)
    if stamp is not None:
        story += anchoring.section(make_styles(font), stamp, record_entity=False)
    return render_pdf(meta, story, font, REGISTER_PAGE)


def build_hazard_register(
    services: Services,
    actor: Actor,
    hazard_filter: HazardFilter,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """List the hazards `hazard_filter` selects as `actor` and write the register PDF to `out_path`
    (whole or not at all), append its signed anchor (`on_anchor` hears whether that worked);
    returns the font used, whose warning the caller shows when set."""
    hazards = services.hazards.list(actor, hazard_filter)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    stamp = anchoring.stamp(services, actor, "", "", "report hazards", anchoring.HAZARD_RECORDS)
    data, _pages = render_hazard_register(
        hazards, hazard_filter, font, branch_name=branch.name if branch else "", stamp=stamp
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(
    styles: ReportStyles, hazards: Sequence[HazardInfo], hazard_filter: HazardFilter
) -> list[Flowable]:
    width = content_width(REGISTER_PAGE)
    counted = tally(hazards)
    story: list[Flowable] = [para(t("report.hazards.title"), styles.title)]
    filters: Flowable = para(t("report.hazards.no_filter"), styles.body)
    if hazard_filter != HazardFilter():
        stated = describe_filter(hazard_filter)
        filters = pairs_table(styles, stated, width, columns=min(2, len(stated)))
    story += section_heading(styles, t("report.hazards.filters"), filters)
    line = t("report.hazards.count_line", count=counted.total, overdue=counted.overdue_total)
    story += section_heading(styles, t("report.hazards.counts"), _counts(styles, counted, width))
    story += [Spacer(1, 2 * mm * styles.scale), para(line, styles.body)]
    if not hazards:
        story += section_heading(
            styles, t("report.hazards.list"), para(t("report.hazards.none"), styles.body)
        )
    else:
        story += section_heading(styles, t("report.hazards.list"), hazard_table(styles, hazards, width))
        if counted.overdue_total:
            story.append(para(t("report.hazards.overdue_legend"), styles.small))
        if any(h.closed_short for h in hazards):
            story.append(para(t("report.hazards.short_legend"), styles.small))
    sign_off(story, signature_lines(styles, width))  # a register sent up is signed, as every report
    return story


def _counts(styles: ReportStyles, counted: Tally, width: float) -> Table:
    """Severity by status, with totals and the overdue ones (in red when there are any)."""
    alert = ParagraphStyle("count_alert", parent=styles.cell_bold, textColor=ALERT)
    statuses = list(HazardStatus)

    def overdue(n: int) -> Cell:
        return para(str(n), alert) if n else "0"

    rows: list[list[Cell]] = [
        [
            sev.label,
            *(str(counted.cells[(sev, st)]) for st in statuses),
            para(str(counted.row_total(sev)), styles.cell_bold),
            overdue(counted.overdue[sev]),
        ]
        for sev in HazardSeverity
    ]
    rows.append(
        [
            para(t("report.hazards.total"), styles.cell_bold),
            *(para(str(counted.column_total(st)), styles.cell_bold) for st in statuses),
            para(str(counted.total), styles.cell_bold),
            overdue(counted.overdue_total),
        ]
    )
    headers = [
        t("report.hazards.col.severity"),
        *(st.label for st in statuses),
        t("report.hazards.total"),
        t("report.hazards.overdue"),
    ]
    first = width * 0.16
    rest = (width * 0.75 - first) / (len(headers) - 1)
    table = data_table(
        styles,
        headers,
        rows,
        [first, *[rest] * (len(headers) - 1)],
    )
    table.hAlign = "LEFT"
    return table


class HazardMarks:
    """A hazard's severity and status as table cells: a major one in red, an overdue one in red
    and marked as such (readable without colour too), one verified or closed with milestones
    outstanding marked as such; the rest as plain text."""

    def __init__(self, styles: ReportStyles) -> None:
        self._major = ParagraphStyle("major", parent=styles.cell_bold, textColor=MAJOR_COLOUR)
        self._late = ParagraphStyle("overdue", parent=styles.cell_bold, textColor=ALERT)
        self._mark = t("report.hazards.overdue_mark")
        self._short = ParagraphStyle("short", parent=styles.cell_bold, textColor=SHORT_COLOUR)
        self._short_mark = t("report.hazards.short_mark")

    def severity(self, hazard: HazardInfo) -> Cell:
        label = hazard.severity.label
        return para(label, self._major) if hazard.severity == HazardSeverity.MAJOR else label

    def status(self, hazard: HazardInfo) -> Cell:
        label = hazard.status.label
        if hazard.closed_short:
            return para(f"{label}\n{self._short_mark}", self._short)
        return para(f"{label}\n{self._mark}", self._late) if hazard.overdue else label


def hazard_table(styles: ReportStyles, hazards: Sequence[HazardInfo], width: float) -> Flowable:
    """One row per hazard: number, severity, location, description, owner, opened, due, age in days,
    status. Built like the incident timeline for long registers: plain text cells broken into
    lines here; only a major severity and an overdue status are Paragraphs (in red)."""
    font, bold, size = styles.font.name, styles.font.bold_name, styles.cell.fontSize
    pad = 2 * 3 * styles.scale + 1
    headers = [
        t("report.hazards.col.number"),
        t("report.hazards.col.severity"),
        t("report.hazards.col.location"),
        t("report.hazards.col.description"),
        t("report.hazards.col.owner"),
        t("report.hazards.col.opened"),
        t("report.hazards.col.due"),
        t("report.hazards.col.age"),
        t("report.hazards.col.status"),
    ]

    def natural(texts: Sequence[str], header: str) -> float:
        widest = max([2 * size, *(stringWidth(x, font, size) for x in texts)])
        # A header may wrap between its words, never inside one.
        return max(widest, *(stringWidth(word, bold, size) for word in header.split())) + pad

    number_w = natural([h.number for h in hazards], headers[0])
    severity_w = natural([s.label for s in HazardSeverity], headers[1])
    date_w = natural(["0000-00-00"], headers[5])
    age_w = natural([str(h.age_days) for h in hazards], headers[7])
    marks_w = (t("report.hazards.overdue_mark"), t("report.hazards.short_mark"))
    status_w = natural([*(st.label for st in HazardStatus), *marks_w], headers[8])
    fixed = number_w + severity_w + 2 * date_w + age_w + status_w
    location_w, owner_w = width * 0.12, width * 0.09
    text_w = width - fixed - location_w - owner_w
    widths = [number_w, severity_w, location_w, text_w, owner_w, date_w, date_w, age_w, status_w]

    wrapper = LineWrapper(font, size)

    def wrapped(text: str, column_width: float) -> str:
        room = column_width - pad
        return wrapper.wrap(text, room) if "\n" in text or wrapper.width(text) > room else text

    marks = HazardMarks(styles)
    rows: list[list[Cell]] = []
    bands: list[tuple[object, ...]] = []
    for i, h in enumerate(hazards, start=1):
        progress.step(i, len(hazards))  # ~1 s at ten years, before the pages are laid out
        if h.overdue:
            bands.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_BAND))
        rows.append(
            [
                h.number,
                marks.severity(h),
                wrapped(h.location or "—", location_w),
                wrapped(description_text(h), text_w),
                wrapped(h.owner or "—", owner_w),
                local_stamp(h.opened_at, DATE),
                h.due_date.isoformat(),
                str(h.age_days),
                marks.status(h),
            ]
        )
    return data_table(
        styles,
        headers,
        rows,
        widths,
        extra_style=bands,
        valign="TOP",
        plain=True,
        split_rows=True,
    )
