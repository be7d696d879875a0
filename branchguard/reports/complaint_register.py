"""The complaint register (客户投诉登记簿) as a landscape PDF: the filters applied, the statistics the
periodic report wants (by type, channel, category and cause; overdue, on-time rate, satisfaction),
then every listed complaint, overdue rows on a red band. Identifiers as the list gave them: masked
unless the lead asked."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import Flowable, Table

from branchguard.core.anchors.types import Stamp
from branchguard.core.complaints.types import ComplaintFilter, ComplaintInfo
from branchguard.core.incidents.text import local_stamp
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.complaint_common import (
    STAMP,
    clock_text,
    counted,
    customer_text,
    describe_filter,
    statistics,
)
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_report import pairs_table, section_heading
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
OVERDUE_BAND = colors.HexColor("#FDE2E1")  # as the hazard register's


def render_complaint_register(
    items: Sequence[ComplaintInfo],
    flt: ComplaintFilter,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
) -> tuple[bytes, int]:
    """The register of exactly `items` (the list the service returned for `flt`, in its order) as
    PDF bytes and the page count; `stamp` adds the integrity block and the anchor."""
    meta = ReportMeta(
        title=t("report.complaints.title"),
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    styles = make_styles(font)
    story = _story(styles, items, flt)
    if stamp is not None:
        story += anchoring.section(styles, stamp, record_entity=False)
    return render_pdf(meta, story, font, REGISTER_PAGE)


def build_complaint_register(
    services: Services,
    actor: Actor,
    flt: ComplaintFilter,
    out_path: Path,
    font_setting: str = "",
    unmask: bool = False,
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """List the complaints `flt` selects as `actor`, write the register PDF (whole or not at all)
    and append its signed anchor (`on_anchor` hears whether that worked); returns the font used,
    whose warning the caller shows when set."""
    items = services.complaints.list(actor, flt, unmask=unmask)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    stamp = anchoring.stamp(services, actor, "", "", "report complaints", anchoring.COMPLAINT_RECORDS)
    name = branch.name if branch else ""
    data, _pages = render_complaint_register(items, flt, font, branch_name=name, stamp=stamp)
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(styles: ReportStyles, items: Sequence[ComplaintInfo], flt: ComplaintFilter) -> list[Flowable]:
    width = content_width(REGISTER_PAGE)
    unmasked = any(not c.masked for c in items)
    story: list[Flowable] = [para(t("report.complaints.title"), styles.title)]
    stated = describe_filter(flt, unmasked)
    story += section_heading(
        styles, t("report.hazards.filters"), pairs_table(styles, stated, width, columns=min(2, len(stated)))
    )
    stats = statistics(items)
    pairs: list[tuple[str, Cell]] = [
        (t("report.complaints.total"), str(stats.total)),
        (t("report.complaints.overdue"), str(stats.overdue)),
        (t("field.complaint_kind"), counted(stats.by_kind)),
        (t("field.complaint_channel"), counted(stats.by_channel)),
        (t("field.complaint_category"), counted(stats.by_category)),
        (t("field.complaint_cause"), counted(stats.by_cause)),
        (
            t("report.complaints.listed_on_time_rate"),
            f"{stats.on_time_rate} ({stats.on_time}/{stats.answered})",
        ),
        (
            t("report.complaints.listed_satisfaction_rate"),
            f"{stats.satisfaction_rate} ({stats.satisfied}/{stats.replies})",
        ),
    ]
    story += section_heading(styles, t("report.complaints.statistics"), pairs_table(styles, pairs, width))
    body: Flowable = para(t("report.complaints.none"), styles.body)
    if items:
        body = complaint_table(styles, items, width)
    story += section_heading(styles, t("report.complaints.list"), body)
    sign_off(story, signature_lines(styles, width))  # a register sent up is signed, as every report
    return story


def complaint_table(styles: ReportStyles, items: Sequence[ComplaintInfo], width: float) -> Table:
    headers = [
        t("cli.complaint.number"),
        t("field.complaint_kind"),
        t("field.complaint_channel"),
        t("field.received_at"),
        t("field.due_date"),
        t("field.complaint_status"),
        t("field.customer_name"),
        t("field.complaint_category"),
        t("field.complaint_request"),
        t("field.handler"),
    ]
    shares = [0.09, 0.1, 0.09, 0.09, 0.11, 0.08, 0.13, 0.08, 0.15, 0.08]  # kind: "Dissatisfaction" unbroken
    rows: list[list[Cell]] = []
    bands: list[tuple[object, ...]] = []
    for i, c in enumerate(items, start=1):
        if c.overdue:
            bands.append(("BACKGROUND", (0, i), (-1, i), OVERDUE_BAND))
        rows.append(
            [
                c.number,
                c.kind.label,
                c.channel.label,
                local_stamp(c.received_at, STAMP),
                clock_text(c),
                c.status.label,
                customer_text(c),
                c.category_name,
                c.request,
                c.handler or "—",
            ]
        )
    return data_table(
        styles, headers, rows, [width * s for s in shares], extra_style=bands, valign="TOP", split_rows=True
    )
