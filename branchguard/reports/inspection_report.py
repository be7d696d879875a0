"""The inspection report (检查记录): overview, every checklist item with its result, the photos,
the hazards the inspection opened, amendments after submission, and the signatures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from branchguard.core.accounts.names import Names
from branchguard.core.anchors.types import Stamp
from branchguard.core.hazards.types import HazardFilter, HazardInfo
from branchguard.core.incidents.text import local_stamp
from branchguard.core.inspections.types import (
    Answer,
    InspectionDetail,
    InspectionStatus,
    ItemResult,
    SignatureRole,
)
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Actor
from branchguard.reports import anchoring
from branchguard.reports.fonts import FontChoice, find_cjk_font
from branchguard.reports.hazard_common import description_text
from branchguard.reports.hazard_register import OVERDUE_BAND, HazardMarks
from branchguard.reports.incident_report import pairs_table, section_heading
from branchguard.reports.incident_tables import ALERT, stored_picture
from branchguard.reports.template import (
    MUTED,
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

ReadPhoto = Callable[[AttachmentRef], bytes]

# Each result as a tag: √ on green, × on red, — on grey; white on each is at least 4.5:1.
RESULT_COLOURS = {
    ItemResult.PASS: colors.HexColor("#2E7D32"),
    ItemResult.FAIL: colors.HexColor("#B71C1C"),
    ItemResult.NA: colors.HexColor("#546E7A"),
}
RESULT_MARKS = {ItemResult.PASS: "√", ItemResult.FAIL: "×", ItemResult.NA: "—"}
DRAFT_COLOUR = colors.HexColor("#B71C1C")
PHOTOS_PER_ROW = 4


def render_inspection_report(
    detail: InspectionDetail,
    hazards: Sequence[HazardInfo],
    font: FontChoice,
    *,
    branch_name: str = "",
    read_photo: ReadPhoto | None = None,
    generated_at: datetime | None = None,
    stamp: Stamp | None = None,
    names: Names | None = None,
) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count (`names` shows logins as people's names).
    `hazards` are the ones this inspection opened;
    `read_photo` returns a photo's stored bytes (raising a BranchGuardError when the file is gone
    or altered); without it the photos are named but not pictured. A draft says so on every page.
    `stamp` adds the ledger heads, the key, what was proved, and the signed anchor in the Keywords."""
    info = detail.info
    draft = info.status == InspectionStatus.DRAFT
    meta = ReportMeta(
        title=t("report.inspection.header", id=info.id),
        branch_name=branch_name,
        generated_at=generated_at or datetime.now().astimezone(),
        badge=t("report.inspection.draft_badge") if draft else "",
        badge_color=DRAFT_COLOUR,
        keywords=anchoring.keywords(stamp) if stamp else "",
    )
    styles = make_styles(font, names=names)
    return render_pdf(meta, _story(styles, detail, hazards, read_photo, stamp), font)


def build_inspection_report(
    services: Services,
    actor: Actor,
    inspection_id: int,
    out_path: Path,
    font_setting: str = "",
    on_anchor: anchoring.AnchorNote | None = None,
) -> FontChoice:
    """Read inspection `inspection_id` as `actor`, write its report to `out_path` (whole or not at
    all), append its signed anchor (`on_anchor` hears whether that worked) and return the font
    used, whose warning the caller shows when set."""
    inspections = services.inspections
    detail = inspections.get(actor, inspection_id)
    hazards = services.hazards.list(actor, HazardFilter(inspection_id=inspection_id))
    branch = services.branch.get()
    font = find_cjk_font(font_setting)
    what = f"report inspection {inspection_id}"
    # printed too: the checklist version it ran, with the items whose words it prints, and the
    # hazards it opened, each with its steps and events
    printed = [("checklist_version", detail.info.template_version_id), *(("hazard", h.id) for h in hazards)]
    stamp = anchoring.stamp(services, actor, "inspection", inspection_id, what, records=printed)
    data, _pages = render_inspection_report(
        detail,
        hazards,
        font,
        branch_name=branch.name if branch else "",
        read_photo=lambda ref: inspections.photo_bytes(actor, ref.sha256),
        stamp=stamp,
        names=services.auth.names(actor),
    )
    write_atomically(Path(out_path), data)
    anchoring.finish(services, stamp, on_anchor)
    return font


def _story(
    styles: ReportStyles,
    detail: InspectionDetail,
    hazards: Sequence[HazardInfo],
    read: ReadPhoto | None,
    stamp: Stamp | None = None,
) -> list[Flowable]:
    width, info = content_width(), detail.info
    title = escape(info.template_name.text)
    if info.status == InspectionStatus.DRAFT:
        title = f"{tag(t('report.inspection.not_submitted'), DRAFT_COLOUR, colors.white)}&nbsp; {title}"
    story: list[Flowable] = [Paragraph(title, styles.title)]
    story += section_heading(styles, t("report.inspection.overview"), _overview(styles, detail, width))
    numbers = {h.id: h.number for h in hazards}
    story += section_heading(styles, t("report.inspection.items"), _items(styles, detail, numbers, width))
    photos = _photos(detail)
    if photos:
        story += section_heading(
            styles, t("report.inspection.photos"), _photo_grid(styles, photos, read, width)
        )
    hazard_body = (
        _hazards(styles, hazards, width) if hazards else para(t("report.inspection.no_hazards"), styles.body)
    )
    story += section_heading(styles, t("report.inspection.hazards"), hazard_body)
    if detail.amendments:
        story += section_heading(
            styles, t("report.inspection.amendments"), _amendments(styles, detail, width)
        )
    if stamp is not None:
        story += anchoring.section(styles, stamp)
    story.append(_signatures(styles, detail, width))
    return story


def _overview(styles: ReportStyles, detail: InspectionDetail, width: float) -> Table:
    info = detail.info
    results = [a.result for a in detail.answers]
    tally = t(
        "report.inspection.tally",
        total=len(results),
        passed=results.count(ItemResult.PASS),
        failed=results.count(ItemResult.FAIL),
        na=results.count(ItemResult.NA),
        open=results.count(None),
    )
    submitted = t("report.inspection.not_submitted")
    if info.submitted_at is not None:
        submitted = t(
            "report.inspection.at_by",
            at=local_stamp(info.submitted_at),
            who=styles.who(info.submitted_by),
        )
    template = t(
        "report.inspection.template_value",
        name=info.template_name.text,
        code=info.template_code,
        n=info.template_version,
    )
    pairs: list[tuple[str, Cell]] = [
        (t("report.inspection.number"), f"#{info.id}"),
        (t("report.inspection.status"), info.status.label),
        (t("report.inspection.template"), template),
        (t("report.inspection.location"), info.location or "—"),
        (t("report.inspection.inspector"), _signer(detail, SignatureRole.INSPECTOR)),
        (t("report.inspection.reviewer"), _signer(detail, SignatureRole.REVIEWER)),
        (
            t("report.inspection.started"),
            t("report.inspection.at_by", at=local_stamp(info.started_at), who=styles.who(info.started_by)),
        ),
        (t("report.inspection.submitted"), submitted),
    ]
    table = pairs_table(styles, pairs, width)
    summary: list[tuple[str, Cell]] = [(t("report.inspection.result"), tally)]
    if info.notes:
        summary.append((t("report.inspection.notes"), info.notes))
    return KeepTogether([table, pairs_table(styles, summary, width, columns=1)])


def _signer(detail: InspectionDetail, role: SignatureRole) -> str:
    signature = detail.signature(role)
    return signature.name if signature else t("report.inspection.not_signed")


def result_markup(result: ItemResult | None) -> str:
    """A result as a coloured tag that reads without colour too (√ / × / —); unanswered in grey text."""
    if result is None:
        return f'<font color="#{MUTED.hexval()[2:]}">{escape(t("report.inspection.unanswered"))}</font>'
    return tag(f"{RESULT_MARKS[result]} {result.label}", RESULT_COLOURS[result], colors.white)


def _items(
    styles: ReportStyles, detail: InspectionDetail, hazard_numbers: dict[int, str], width: float
) -> Table:
    """Every item: number, text with its pass criterion, category, result, and the note with the
    photo count, an amendment's earlier result and the hazard it opened. Failed rows on a red band."""
    small = ParagraphStyle(
        "criterion", parent=styles.cell, fontSize=styles.cell.fontSize * 0.9, textColor=MUTED
    )
    small.leading = small.fontSize * 1.2
    amended = {a.item_number for a in detail.amendments}
    rows: list[list[Cell]] = []
    bands: list[tuple[object, ...]] = []
    for row, a in enumerate(detail.answers, start=1):
        item: list[Flowable] = [para(a.item.text.text, styles.cell)]
        if a.item.criterion:
            item.append(para(t("report.inspection.criterion", text=a.item.criterion.text), small))
        rows.append(
            [
                str(a.number),
                item,
                a.item.category.label,
                Paragraph(result_markup(a.result), styles.cell_bold),
                _note(styles, a, a.number in amended, hazard_numbers),
            ]
        )
        if a.result == ItemResult.FAIL:
            bands.append(("BACKGROUND", (0, row), (-1, row), OVERDUE_BAND))
    headers = [
        "#",
        t("report.inspection.col.item"),
        t("report.inspection.col.category"),
        t("report.inspection.col.result"),
        t("report.inspection.col.note"),
    ]
    number_w = styles.cell.fontSize * 2 + 7
    fixed = [width * 0.13, width * 0.14, width * 0.25]
    widths = [number_w, width - number_w - sum(fixed), *fixed]
    top = [("VALIGN", (0, 1), (-1, -1), "TOP"), *bands]
    return data_table(styles, headers, rows, widths, extra_style=top, split_rows=True)


def _note(styles: ReportStyles, answer: Answer, amended: bool, hazard_numbers: dict[int, str]) -> Cell:
    lines = [escape(answer.note)] if answer.note else []
    if answer.photos:
        lines.append(escape(t("report.inspection.photo_count", count=len(answer.photos))))
    if amended and answer.original_result is not None and answer.original_result != answer.result:
        was = t("report.inspection.amended_from", result=answer.original_result.label)
        lines.append(f"<i>{escape(was)}</i>")
    if answer.hazard_id is not None:
        number = hazard_numbers.get(answer.hazard_id, f"#{answer.hazard_id}")
        lines.append(f"<b>{escape(t('report.inspection.hazard_ref', number=number))}</b>")
    if answer.incident_id is not None:  # the plan the failure started, or the open incident it joined
        lines.append(f"<b>{escape(t('inspection.escalated_to', incident=answer.incident_id))}</b>")
    return (
        Paragraph("<br/>".join(line.replace("\n", "<br/>") for line in lines), styles.cell) if lines else ""
    )


def _photos(detail: InspectionDetail) -> list[tuple[str, AttachmentRef]]:
    """Every photo with its caption, items first, then those an amendment added (each file once per item)."""
    seen: set[tuple[int, str]] = set()
    photos: list[tuple[str, AttachmentRef]] = []

    def add(number: int, ref: AttachmentRef, key: str) -> None:
        if (number, ref.sha256) not in seen:
            seen.add((number, ref.sha256))
            photos.append((t(key, n=number, name=ref.name), ref))

    for a in detail.answers:
        for ref in a.photos:
            add(a.number, ref, "report.inspection.photo_caption")
    for amendment in detail.amendments:
        for ref in amendment.photos:
            add(amendment.item_number, ref, "report.inspection.photo_caption_amended")
    return photos


def _photo_grid(
    styles: ReportStyles, photos: Sequence[tuple[str, AttachmentRef]], read: ReadPhoto | None, width: float
) -> Table:
    """Thumbnails, four to a row, each captioned with its item and file name; a photo missing from
    the store (or altered, or not an image) is named in red in its place, never skipped."""
    column = width / PHOTOS_PER_ROW
    box = column - 4 * mm
    alert = ParagraphStyle("photo_problem", parent=styles.cell_bold, textColor=ALERT)
    caption = ParagraphStyle("photo_caption", parent=styles.small, wordWrap="CJK")
    cells: list[list[Flowable]] = []
    for text, ref in photos:
        thumb, problem = stored_picture(ref.name, partial(read, ref), box) if read is not None else (None, "")
        # Every picture area is `box` tall, so the captions of a row line up.
        picture: Flowable = thumb if thumb is not None else para(problem, alert)
        filler = box - picture.wrap(box, box)[1]
        cells.append([picture, Spacer(1, max(0, filler) + 1 * mm), para(text, caption)])
    rows: list[list[Cell | list[Flowable]]] = [
        list(cells[i : i + PHOTOS_PER_ROW]) for i in range(0, len(cells), PHOTOS_PER_ROW)
    ]
    rows[-1] += [""] * (PHOTOS_PER_ROW - len(rows[-1]))
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
    ]
    table = make_table(styles, rows, [column] * PHOTOS_PER_ROW, commands)
    table.hAlign = "LEFT"
    return table


def _hazards(styles: ReportStyles, hazards: Sequence[HazardInfo], width: float) -> Table:
    """The hazards this inspection opened: number, item, severity, description, owner, due, status."""
    marks = HazardMarks(styles)
    rows: list[list[Cell]] = [
        [
            h.number,
            str(h.item_number) if h.item_number is not None else "—",
            marks.severity(h),
            description_text(h),
            h.owner or "—",
            h.due_date.isoformat(),
            marks.status(h),
        ]
        for h in sorted(hazards, key=lambda h: (h.item_number is None, h.item_number or 0, h.id))
    ]
    headers = [
        t("report.hazards.col.number"),
        t("report.inspection.col.item_no"),
        t("report.hazards.col.severity"),
        t("report.hazards.col.description"),
        t("report.hazards.col.owner"),
        t("report.hazards.col.due"),
        t("report.hazards.col.status"),
    ]
    fixed = [width * 0.15, width * 0.07, width * 0.11, width * 0.12, width * 0.12, width * 0.13]
    widths = [*fixed[:3], width - sum(fixed), *fixed[3:]]
    top = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    return data_table(styles, headers, rows, widths, extra_style=top, split_rows=True)


def _amendments(styles: ReportStyles, detail: InspectionDetail, width: float) -> Table:
    """Each correction after submission: which item, what changed, who and when, and why."""
    rows: list[list[Cell]] = []
    for a in detail.amendments:
        change = [t("report.inspection.change", before=a.old_result.label, after=a.new_result.label)]
        if a.note:
            change.append(t("report.inspection.change_note", note=a.note))
        rows.append(
            [str(a.item_number), "\n".join(change), f"{a.amended_by}\n{local_stamp(a.amended_at)}", a.reason]
        )
    headers = [
        t("report.inspection.col.item_no"),
        t("report.inspection.col.change"),
        t("report.inspection.col.by"),
        t("report.inspection.col.reason"),
    ]
    widths = [width * 0.08, width * 0.32, width * 0.22, width * 0.38]
    top = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    return data_table(styles, headers, rows, widths, extra_style=top, split_rows=True)


def _signatures(styles: ReportStyles, detail: InspectionDetail, width: float) -> Flowable:
    """The signatures recorded in BranchGuard (name, the login that recorded it, when), then lines
    for the inspector and the reviewer to sign the printed copy; kept together on one page."""
    pairs: list[tuple[str, Cell]] = []
    for role in SignatureRole:
        s = detail.signature(role)
        text = (
            t("report.inspection.signed", name=s.name, login=s.signed_by, at=local_stamp(s.signed_at))
            if s
            else t("report.inspection.not_signed")
        )
        pairs.append((role.label, text))
    lines = signature_lines(styles, width, [role.label for role in SignatureRole])
    heading = para(t("report.inspection.signatures"), styles.heading)
    return KeepTogether([heading, pairs_table(styles, pairs, width, columns=1), *lines])
