"""The incident report (事件报告): initial report, timeline, step timings, files, outcome, chain head."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.branch.types import place_of
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.text import elapsed_text, local_stamp, report_defaults, yuan_text
from branchguard.core.incidents.types import REPORT_FIELDS, EntryKind, IncidentDetail, IncidentStatus
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Level
from branchguard.reports import anchoring
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.incident_tables import (
    ALERT,
    ReadAttachment,
    attachments,
    level_changes,
    step_timings,
    timeline,
)
from branchguard.reports.playbook_card import LEVEL_COLOURS
from branchguard.reports.template import (
    ACCENT_LIGHT,
    MUTED,
    RULE,
    Cell,
    ReportMeta,
    ReportStyles,
    content_width,
    data_table,
    make_styles,
    make_table,
    para,
    render_pdf,
    signature_lines,
    tag,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

# A drill's own colour, the same as on screen (gui.style.DRILL); white on it is > 7:1.
DRILL_COLOUR = colors.HexColor("#6A1B9A")
HEADING_ROOM = 28 * mm  # a heading, its table's header and two rows


def drill_meta(
    title: str, branch_name: str, drill: bool, generated_at: datetime | None, keywords: str = ""
) -> ReportMeta:
    """The header every incident page carries; a drill's says 演练 DRILL in the drill colour."""
    return ReportMeta(
        title=title,
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        badge=t("incident.drill_badge") if drill else "",
        badge_color=DRILL_COLOUR,
        keywords=keywords,
    )


def render_incident_report(
    detail: IncidentDetail,
    font: FontChoice,
    *,
    branch_name: str = "",
    read_attachment: ReadAttachment | None = None,
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    names: Names | None = None,
    place: str = "",
) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count. `names` shows logins as people's names;
    `place` (the branch's name and address) stands where the incident has no place of its own.
    `read_attachment` returns an attachment entry's bytes (raising a BranchGuardError when the
    file is gone or altered); without it the files are listed but not checked or pictured.
    `stamp` adds the ledger heads, the key, what was proved, and the signed anchor in the PDF's
    Keywords."""
    summary = detail.summary
    generated_at = generated_at or datetime.now().astimezone()
    header = t("report.incident.header", id=summary.id)
    keywords = anchoring.keywords(stamp) if stamp else ""
    meta = drill_meta(header, branch_name, summary.drill, generated_at, keywords)
    styles = make_styles(font, names=names)
    story = _story(styles, detail, branch_name, read_attachment, generated_at, stamp, place)
    return render_pdf(meta, story, font)


def build_incident_report(
    services: Services,
    actor: Actor,
    incident_id: int,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read incident `incident_id` as `actor`, write its report to `out_path` (whole or not at all),
    append its signed anchor (`on_anchor` hears whether that worked) and return the font used,
    whose warning the caller shows when set."""
    incidents = services.incidents
    detail = incidents.get(actor, incident_id)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    what, plan = f"report incident {incident_id}", anchoring.plan_of(detail.summary)  # its steps printed
    stamp = anchoring.stamp(services, actor, "incident", incident_id, what, records=plan)
    data, _pages = render_incident_report(
        detail,
        font,
        branch_name=branch.name if branch else "",
        read_attachment=lambda entry: incidents.attachment_bytes(actor, entry),
        stamp=stamp,
        names=services.auth.names(actor),
        place=place_of(branch),
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(
    styles: ReportStyles,
    detail: IncidentDetail,
    branch_name: str,
    read: ReadAttachment | None,
    generated_at: datetime,
    stamp: Stamp | None = None,
    place: str = "",
) -> list[Flowable]:
    width, summary = content_width(), detail.summary
    title = escape(summary.title)
    if summary.drill:
        title = f"{drill_markup()}&nbsp; {title}"
    facts = _facts(styles, detail, generated_at, width, place)
    story: list[Flowable] = [Paragraph(title, styles.title), facts]
    story += section_heading(
        styles, t("report.incident.initial"), initial_report_table(styles, detail, branch_name, width, place)
    )
    if detail.steps:
        story += section_heading(styles, t("report.incident.steps"), step_timings(styles, detail, width))
    story += section_heading(styles, t("report.incident.levels"), level_changes(styles, detail, width))
    count = len(detail.entries)
    story += section_heading(
        styles, t("report.incident.timeline", count=count), timeline(styles, detail.entries, width)
    )
    files = [e for e in detail.entries if e.kind == EntryKind.ATTACHMENT]
    if files:
        story += section_heading(
            styles, t("report.incident.attachments"), attachments(styles, files, read, width)
        )
    story += section_heading(styles, t("report.incident.outcome"), _outcome(styles, detail, width))
    if detail.actions:
        story += section_heading(styles, t("report.incident.actions"), actions_section(styles, detail, width))
    # The chain head and the signatures close the last page together. (A KeepTogether inside
    # another claims to be endlessly tall, so the signature block goes in by its content.)
    flat = signature_lines(styles, width)
    integrity = [para(t("report.incident.integrity"), styles.heading), *chain_section(styles, detail)]
    if stamp is not None:
        integrity += anchoring.flowables(styles, stamp)
    story.append(KeepTogether([*integrity, *flat]))
    return story


def section_heading(styles: ReportStyles, heading: str, body: Flowable) -> list[Flowable]:
    """A heading that never ends a page (a new page unless a few rows fit beneath it), then its body.

    Not keepWithNext: that would measure a timeline of thousands of rows once more."""
    return [CondPageBreak(HEADING_ROOM * styles.scale), para(heading, styles.heading), body]


def pairs_table(
    styles: ReportStyles, pairs: Sequence[tuple[str, Cell]], width: float, columns: int = 2
) -> Table:
    """Label/value pairs, `columns` of them side by side, labels on a light band.

    A value taller than the room left on a page (an outcome of hundreds of lines, facts of
    thousands of characters) continues on the next one: a row that cannot split is taller than
    any page and stops the report, and with it the package it belongs to."""
    cells = [
        (para(label, styles.cell_bold), para(v, styles.cell) if isinstance(v, str) else v)
        for label, v in pairs
    ]
    while len(cells) % columns:
        cells.append(("", ""))
    rows = [[x for pair in cells[i : i + columns] for x in pair] for i in range(0, len(cells), columns)]
    pad = 2 * 3 * styles.scale + 1
    label_w = max(stringWidth(label, styles.font.bold_name, styles.cell.fontSize) for label, _ in pairs) + pad
    label_w = min(label_w, width / columns * 0.4)
    value_w = width / columns - label_w
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.4, MUTED),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * styles.scale),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * styles.scale),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8 * styles.scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4 * styles.scale),
    ]
    commands += [("BACKGROUND", (2 * c, 0), (2 * c, -1), ACCENT_LIGHT) for c in range(columns)]
    return make_table(styles, rows, [label_w, value_w] * columns, commands, splitInRow=1)


def level_markup(level: Level) -> str:
    """The level as a tag in its colour (I red, II orange, III yellow with dark text)."""
    return tag(level.label, *LEVEL_COLOURS[level])


# The four-colour warning in its own colour (yellow with dark text, as the level's III).
WARNING_COLOURS = {
    WarningLevel.BLUE: (colors.HexColor("#1565C0"), colors.white),
    WarningLevel.YELLOW: (colors.HexColor("#FBC02D"), colors.HexColor("#212121")),
    WarningLevel.ORANGE: (colors.HexColor("#C43E00"), colors.white),
    WarningLevel.RED: (colors.HexColor("#C62828"), colors.white),
}


def warning_pairs(styles: ReportStyles, detail: IncidentDetail) -> list[tuple[str, Cell]]:
    """The four-colour warning's row, for a weather or disaster incident that carries one."""
    warning = detail.summary.warning_level
    if warning is None:
        return []
    return [
        (t("field.warning_level"), Paragraph(tag(warning.label, *WARNING_COLOURS[warning]), styles.cell_bold))
    ]


def drill_markup() -> str:
    """演练 DRILL as a tag in the drill colour."""
    return tag(t("incident.drill_badge"), DRILL_COLOUR, colors.white)


def _level_tag(styles: ReportStyles, detail: IncidentDetail) -> Paragraph:
    return Paragraph(level_markup(detail.summary.level), styles.cell_bold)


def _facts(
    styles: ReportStyles, detail: IncidentDetail, generated_at: datetime, width: float, place: str = ""
) -> Table:
    s = detail.summary
    closed = s.status == IncidentStatus.CLOSED
    plan = (
        t("report.incident.plan", code=s.playbook_code, n=s.playbook_version)
        if s.playbook_code
        else t("report.incident.ad_hoc")
    )
    end = s.closed_at if closed and s.closed_at else generated_at
    duration = elapsed_text(end - s.started_at)
    pairs: list[tuple[str, Cell]] = [
        (t("report.incident.number"), f"#{s.id}"),
        (t("report.playbook.status"), s.status.label),
        (t("field.level"), _level_tag(styles, detail)),
        *warning_pairs(styles, detail),
        (t("field.category"), s.category.label),
        (t("field.playbook"), plan),
        (t("report.incident.location"), detail.location or place or "—"),
        (t("report.incident.started_by"), styles.who(s.started_by)),
        (t("report.incident.started_at"), local_stamp(s.started_at)),
        (t("report.incident.closed_by"), styles.who(detail.closed_by) or "—"),
        (t("report.incident.closed_at"), local_stamp(s.closed_at) if closed else "—"),
        (
            t("report.incident.duration"),
            duration if closed else t("report.incident.so_far", duration=duration),
        ),
        (t("report.incident.entries"), str(s.entry_count)),
    ]
    return pairs_table(styles, pairs, width)


def initial_report_table(
    styles: ReportStyles, detail: IncidentDetail, branch_name: str, width: float, place: str = ""
) -> Table:
    """The initial report to head office (上报) in its fixed order; an empty field says so. The
    place, unless filled in, is the incident's, else the branch's (`place`: name and address)."""
    s, fields = detail.summary, detail.report_fields
    missing = ParagraphStyle("missing", parent=styles.cell, textColor=MUTED)
    defaults = report_defaults(detail, place)
    pairs: list[tuple[str, Cell]] = [
        (t("report.incident.institution"), branch_name or "—"),
        (t("report.incident.time"), local_stamp(s.started_at)),
        (t("field.level"), _level_tag(styles, detail)),
        *warning_pairs(styles, detail),
    ]
    for name in REPORT_FIELDS:
        value = fields.get(name) or defaults.get(name, "")
        pairs.append((t(f"report_field.{name}"), value or para(t("report.incident.not_filled"), missing)))
    return pairs_table(styles, pairs, width, columns=1)


def _outcome(styles: ReportStyles, detail: IncidentDetail, width: float) -> Flowable:
    if detail.summary.status != IncidentStatus.CLOSED:
        return para(t("report.incident.still_open"), styles.body)
    pairs: list[tuple[str, Cell]] = [
        (t("field.outcome"), detail.outcome),
        (t("field.injuries"), detail.injuries or t("report.incident.none")),
        (t("field.losses"), yuan_text(detail.losses_cents) or t("report.incident.none")),
        (t("field.root_cause"), detail.root_cause or t("report.incident.not_filled")),
    ]
    return pairs_table(styles, pairs, width, columns=1)


def actions_section(styles: ReportStyles, detail: IncidentDetail, width: float) -> Table:
    """Follow-up actions: what, who, by when, and whether it is done (overdue in red)."""
    today = datetime.now().astimezone().date()
    overdue = ParagraphStyle("overdue", parent=styles.cell_bold, textColor=ALERT)
    rows: list[list[Cell]] = []
    for i, a in enumerate(detail.actions, start=1):
        state: Cell
        if a.done_at is not None:
            done_on = local_stamp(a.done_at, "%Y-%m-%d")
            state = t("report.incident.action_done", at=done_on, who=styles.who(a.done_by))
        elif a.overdue(today):
            state = para(t("report.incident.action_overdue"), overdue)
        else:
            state = t("report.incident.action_open")
        rows.append([str(i), a.text, a.owner, a.due.isoformat() if a.due else "—", state])
    headers = [
        "#",
        t("report.incident.col.action"),
        t("report.incident.col.owner"),
        t("report.incident.col.due"),
        t("report.incident.col.state"),
    ]
    fixed = [width * 0.14, width * 0.14, width * 0.22]
    number_w = styles.cell.fontSize * 2 + 7
    widths = [number_w, width - number_w - sum(fixed), *fixed]
    return data_table(styles, headers, rows, widths, split_rows=True)


def chain_section(styles: ReportStyles, detail: IncidentDetail) -> list[Flowable]:
    """The log's own chain head; the ledger's heads and what was proved follow it (reports/anchoring)."""
    s = detail.summary
    head = ParagraphStyle("chain", parent=styles.body, fontName=styles.font.bold_name)
    return [
        para(t("report.incident.chain", count=s.entry_count), styles.body),
        Spacer(1, 1 * mm),
        para(s.chain_head, head),
        Spacer(1, 1 * mm),
        para(t("report.incident.chain_hint"), styles.small),
    ]
