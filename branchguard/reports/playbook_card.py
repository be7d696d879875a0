"""The playbook card (预案处置卡): one plan version on one A4 page, two for long plans."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor, Level, PlaybookStatus
from branchguard.core.people.types import ContactKind
from branchguard.core.playbooks.text import (
    contact_label,
    deadline_text,
    jump_numbers,
    jump_text,
    role_names,
    status_text,
    target_text,
)
from branchguard.core.playbooks.types import PlanContent, PlaybookVersion
from branchguard.reports import anchoring
from branchguard.reports.contact_card import KIND_COLOURS, OTHER_COLOUR
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.template import (
    ACCENT_LIGHT,
    MUTED,
    RULE,
    ReportMeta,
    ReportStyles,
    content_width,
    data_table,
    frame_height,
    make_styles,
    make_table,
    para,
    render_pdf,
    sign_off,
    signature_lines,
    story_height,
    tag,
    write_atomically,
)

if TYPE_CHECKING:
    from branchguard.core.services import Services

# Text sizes tried, largest first. Below the smallest one-page size the type gets too small to
# read in a hurry, so a long plan goes onto a second page at a readable size instead.
ONE_PAGE_SCALES = (1.4, 1.3, 1.2, 1.12, 1.04, 0.97, 0.91, 0.86)
TWO_PAGE_SCALES = (1.04, 0.97, 0.91, 0.86, 0.8, 0.74)
MAX_PAGES = 2

# Level colours of the service-incident scheme: I red, II orange, III yellow (dark text on yellow).
# White on the red and orange keeps a contrast ratio of at least 4.5:1.
LEVEL_COLOURS = {
    Level.I: (colors.HexColor("#C62828"), colors.white),
    Level.II: (colors.HexColor("#C43E00"), colors.white),
    Level.III: (colors.HexColor("#FBC02D"), colors.HexColor("#212121")),
}
DRAFT_RED = colors.HexColor("#B71C1C")
RETIRED_GREY = colors.HexColor("#546E7A")
CAUTION_BG = colors.HexColor("#FFF4E5")
CHECKPOINT_BG = colors.HexColor("#FFE9D6")
JUMP_BLUE = "#0D47A1"
CONTACTS_PER_ROW = 4


def render_playbook_card(
    version: PlaybookVersion,
    font: FontChoice,
    *,
    branch_name: str = "",
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    names: Names | None = None,
) -> tuple[bytes, int]:
    """The card as PDF bytes and its page count: one page when readable type allows, else two.
    `stamp` adds the integrity lines in small type and the signed anchor in the Keywords; `names`
    shows the approver's login as their name."""
    meta = _meta(version, branch_name, generated_at, anchoring.keywords(stamp) if stamp else "")
    for pages, scales in ((1, ONE_PAGE_SCALES), (MAX_PAGES, TWO_PAGE_SCALES)):
        for scale in scales:
            story = _story(make_styles(font, scale, names), version, stamp)
            # Measuring is much cheaper than rendering: only a likely fit is rendered to check.
            if _height(story) > pages * frame_height():
                continue
            data, count = render_pdf(meta, story, font)
            if count <= pages:
                return data, count
    # Far longer than any real plan: let it run on at the smallest size.
    return render_pdf(meta, _story(make_styles(font, TWO_PAGE_SCALES[-1], names), version, stamp), font)


def build_playbook_card(
    services: Services,
    actor: Actor,
    code: str,
    out_path: Path,
    font_setting: str = "",
    number: int | None = None,
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read plan `code` (version `number`, else its current one) as `actor`, write its card to
    `out_path` (whole or not at all), append its signed anchor (`on_anchor` hears whether that
    worked) and return the font used, whose warning the caller shows."""
    version = services.playbooks.get(actor, code, number)
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    what = f"playbook card {version.info.code} v{version.info.number}"
    stamp = anchoring.stamp(services, actor, "playbook_version", version.info.version_id, what)
    names = services.auth.names(actor)
    data, _pages = render_playbook_card(
        version, font, branch_name=branch.name if branch else "", stamp=stamp, names=names
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _height(story: Sequence[Flowable]) -> float:
    """How tall the story is in one endless frame. A KeepTogether (the signature block) claims
    to be endlessly tall to force a page break, so what it holds is measured instead."""
    flat: list[Flowable] = []
    for flowable in story:
        flat += flowable._content if isinstance(flowable, KeepTogether) else [flowable]
    return story_height(flat, content_width())


def _meta(
    version: PlaybookVersion, branch_name: str, generated_at: datetime | None, keywords: str = ""
) -> ReportMeta:
    badge, colour = "", DRAFT_RED
    if version.info.status == PlaybookStatus.DRAFT:
        badge = t("report.playbook.draft_badge")
    elif version.info.status == PlaybookStatus.RETIRED:
        badge, colour = t("report.playbook.retired_badge"), RETIRED_GREY
    return ReportMeta(
        title=t("report.playbook.header", code=version.content.code),
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        badge=badge,
        badge_color=colour,
        keywords=keywords,
    )


def _story(styles: ReportStyles, version: PlaybookVersion, stamp: Stamp | None = None) -> list[Flowable]:
    content, width = version.content, content_width()
    story: list[Flowable] = [para(content.title.text, styles.title), _facts(styles, version, width)]
    if content.triggers:
        story += [para(t("report.playbook.triggers"), styles.heading)]
        story.append(para(content.triggers.text, styles.body))
    if content.cautions:
        story += [Spacer(1, 3 * mm * styles.scale), _cautions(styles, content.cautions.text, width)]
    story += [para(t("field.steps"), styles.heading), _steps(styles, content, width)]
    if content.contacts:
        story += [para(t("report.playbook.contacts"), styles.heading), _contacts(styles, content, width)]
    if content.attachments:
        story += [para(t("report.playbook.attachments"), styles.heading), _attachments(styles, content)]
    note = t("report.playbook.reprint", code=content.code, number=version.info.number)
    story += [Spacer(1, 2 * mm * styles.scale), para(note, styles.small)]
    if stamp is not None:
        story += [Spacer(1, 1 * mm * styles.scale), anchoring.compact(styles, stamp)]
    sign_off(story, signature_lines(styles, width))
    return story


def _facts(styles: ReportStyles, version: PlaybookVersion, width: float) -> Table:
    """Code, tier, category, levels, version and status, as label/value pairs in two columns."""
    content, info = version.content, version.info
    status_colour = {PlaybookStatus.DRAFT: DRAFT_RED, PlaybookStatus.RETIRED: RETIRED_GREY}.get(info.status)
    status_style = styles.cell_bold
    if status_colour is not None:
        status_style = ParagraphStyle("status", parent=styles.cell_bold, textColor=status_colour)
    pairs: list[tuple[str, Any]] = [
        (t("field.code"), para(content.code, styles.cell_bold)),
        (t("field.tier"), para(content.tier.label, styles.cell)),
        (t("field.category"), para(content.category.label, styles.cell)),
        (t("field.levels"), _level_badges(styles, content.levels)),
        (t("report.playbook.version"), para(t("report.playbook.version_n", n=info.number), styles.cell)),
        (t("report.playbook.status"), para(status_text(version, styles.who), status_style)),
    ]
    rows = [
        [para(a, styles.cell_bold), x, para(b, styles.cell_bold), y]
        for (a, x), (b, y) in zip(pairs[::2], pairs[1::2], strict=True)
    ]
    pad = 3 * styles.scale
    label = max(stringWidth(p[0], styles.font.bold_name, styles.cell.fontSize) for p in pairs) + 2 * pad + 1
    # The right-hand values (levels, the approval line) run longer than the left-hand ones.
    left = (width - 2 * label) * 0.4
    right = width - 2 * label - left
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (0, -1), ACCENT_LIGHT),
        ("BACKGROUND", (2, 0), (2, -1), ACCENT_LIGHT),
        ("BOX", (0, 0), (-1, -1), 0.4, MUTED),
        ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
    ]
    return make_table(styles, rows, [label, left, label, right], commands)


def _level_badges(styles: ReportStyles, levels: Sequence[Level]) -> Paragraph:
    """Each level as a coloured tag on one line, e.g. a red "I级（特大）"."""
    tags = [tag(level.label, *LEVEL_COLOURS[level]) for level in levels]
    return Paragraph("&nbsp; ".join(tags), styles.cell_bold)


def _cautions(styles: ReportStyles, text: str, width: float) -> Table:
    """The cautions in a box nobody overlooks: red frame, warm background, heading inside."""
    heading = ParagraphStyle(
        "caution_head", parent=styles.heading, textColor=DRAFT_RED, spaceBefore=0, spaceAfter=styles.scale
    )
    body = ParagraphStyle("caution_body", parent=styles.body)
    cell = [para(t("report.playbook.cautions"), heading), para(text, body)]
    pad = 5 * styles.scale
    return make_table(
        styles,
        [[cell]],
        [width],
        [
            ("BOX", (0, 0), (-1, -1), 1.6, DRAFT_RED),
            ("BACKGROUND", (0, 0), (-1, -1), CAUTION_BG),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.4),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.4),
        ],
    )


def _steps(styles: ReportStyles, content: PlanContent, width: float) -> Table:
    """The numbered steps: text with its jump, responsible role, target time and reporting deadline."""
    numbers, roles = jump_numbers(content), role_names(content)
    size, bold = styles.cell.fontSize, styles.font.bold_name
    centred = ParagraphStyle("centred", parent=styles.cell_bold, alignment=TA_CENTER)
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    times: list[str] = []
    for index, step in enumerate(content.steps, start=1):
        text = escape(step.text.text).replace("\n", "<br/>")
        jump = jump_text(step, numbers)
        if jump:
            text += f'<br/><font color="{JUMP_BLUE}"><b>{escape(jump)}</b></font>'
        when = [escape(target_text(step.target_minutes))]
        if step.checkpoint:
            deadline = deadline_text(step.deadline_minutes)
            times.append(f"\xa0{deadline}\xa0")
            # White on dark red: the one thing in the row that must not be missed.
            when.append(tag(deadline, DRAFT_RED, colors.white))
            extra.append(("BACKGROUND", (0, index), (-1, index), CHECKPOINT_BG))
        times.append(target_text(step.target_minutes))
        rows.append(
            [
                para(str(index), centred),
                Paragraph(text, styles.cell),
                para(roles.get(step.role, step.role), styles.cell),
                Paragraph("<br/>".join(w for w in when if w), styles.cell),
            ]
        )
    headers = ["#", t("report.playbook.step"), t("report.playbook.role"), t("report.playbook.time")]
    pad = 2 * 3 * styles.scale + 2  # the cell's padding, and a little air
    number_w = max(stringWidth(str(len(rows)), bold, size), size) + pad
    time_w = max([2 * size, *(stringWidth(x, bold, size) for x in [*times, headers[3]])]) + pad
    role_w = min(
        max([2 * size, *(stringWidth(r, styles.font.name, size) for r in roles.values())]) + pad,
        width * 0.24,
    )
    widths = [number_w, width - number_w - role_w - time_w, role_w, time_w]
    extra.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
    return data_table(styles, headers, rows, widths, extra_style=extra)


def _attachments(styles: ReportStyles, content: PlanContent) -> Paragraph:
    """The files kept with the plan, by name; the short hash tells two printed copies' files apart."""
    lines = [
        f"{escape(ref.name)} &nbsp;<font color='#{MUTED.hexval()[2:]}'>SHA-256 {ref.sha256[:12]}</font>"
        for ref in content.attachments
    ]
    return Paragraph("<br/>".join(lines), styles.cell)


def _contacts(styles: ReportStyles, content: PlanContent, width: float) -> Table:
    """The numbers the plan calls, as coloured boxes: what it is on top, the number large beneath."""
    label = ParagraphStyle(
        "contact_label", parent=styles.cell_bold, alignment=TA_CENTER, textColor=colors.white
    )
    number = ParagraphStyle(
        "contact_number", parent=label, fontSize=16 * styles.scale, leading=19 * styles.scale
    )
    per_row = min(CONTACTS_PER_ROW, len(content.contacts))
    cells: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3 * styles.scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * styles.scale),
    ]
    for i, ref in enumerate(content.contacts):
        row, col = divmod(i, per_row)
        if col == 0:
            cells.append([""] * per_row)
        cells[row][col] = [para(contact_label(ref.kind, ref.name), label), para(ref.phone, number)]
        try:
            colour = KIND_COLOURS.get(ContactKind(ref.kind), OTHER_COLOUR)
        except ValueError:
            colour = OTHER_COLOUR
        commands.append(("BACKGROUND", (col, row), (col, row), colour))
        # White gaps keep neighbouring numbers apart at a glance.
        commands.append(("BOX", (col, row), (col, row), 3, colors.white))
    return make_table(styles, cells, [width / per_row] * per_row, commands)
