"""The incident report's tables: the timeline (built for thousands of entries), step timings, level
changes and attachments with thumbnails."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Table

from branchguard.core.incidents.text import (
    STAMP,
    clock_marks,
    entry_text,
    level_label,
    local_stamp,
    step_role_text,
    step_timing,
)
from branchguard.core.incidents.types import EntryKind, IncidentDetail, LogEntry
from branchguard.core.kernel.attachments import format_size
from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.playbooks.text import deadline_text, target_text
from branchguard.reports.linewrap import LineWrapper
from branchguard.reports.template import MUTED, Cell, ReportStyles, data_table, para

ReadAttachment = Callable[[LogEntry], bytes]

VERDICT_COLOURS = {
    "on_time": colors.HexColor("#2E7D32"),
    "late": colors.HexColor("#B71C1C"),
    "skipped": colors.HexColor("#B45309"),
    "pending": MUTED,
}
ALERT = colors.HexColor("#B71C1C")
THUMBNAIL = 36 * mm
THUMBNAIL_DPI = 150
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")


def _padding(styles: ReportStyles) -> float:
    """What a cell's left and right padding take from its width (as in template.data_table)."""
    return 2 * 3 * styles.scale + 1


def _muted(styles: ReportStyles) -> ParagraphStyle:
    return ParagraphStyle("muted_cell", parent=styles.cell, textColor=MUTED)


def _coloured(styles: ReportStyles, colour: colors.Color) -> ParagraphStyle:
    return ParagraphStyle(f"cell_{colour.hexval()}", parent=styles.cell_bold, textColor=colour)


# -- the timeline ------------------------------------------------------------------------------
def timeline(styles: ReportStyles, entries: Sequence[LogEntry], width: float) -> Flowable:
    """Every entry: number, time (full local date), who, type and text; a corrected entry struck
    through and naming its correction; an entry whose time is earlier than one written before it
    (the PC's clock was changed) with that said in red beneath, its time printed as written.

    Built for logs of thousands of entries: text cells are plain strings, broken into lines
    here where they need it (a Paragraph costs several times more to lay out and draw, twice
    per cell), columns are sized from the few distinct names and types rather than from every
    row, and styles are made once."""
    font, size, pad = styles.font.name, styles.cell.fontSize, _padding(styles)
    headers = [
        "#",
        t("report.incident.col.time"),
        t("report.incident.col.who"),
        t("report.incident.col.kind"),
        t("report.incident.col.text"),
    ]
    bold = styles.font.bold_name

    def natural(texts: Sequence[str], header: str) -> float:
        return max([2 * size, stringWidth(header, bold, size), *(stringWidth(x, font, size) for x in texts)])

    labels = {kind: kind.label for kind in EntryKind}
    actors = sorted({e.actor for e in entries})
    names = [styles.who(a) for a in actors]
    last = str(entries[-1].seq) if entries else "0"
    seq_w = natural([last], headers[0]) + pad
    time_w = natural(["0000-00-00 00:00:00"], headers[1]) + pad
    who_w = min(natural(names, headers[2]) + pad, width * 0.15)
    kind_w = min(natural([labels[k] for k in {e.kind for e in entries}], headers[3]) + pad, width * 0.17)
    text_w = width - seq_w - time_w - who_w - kind_w
    # A name or type too long for its capped column wraps; decided once per distinct value.
    who_cells: dict[str, Cell] = {
        a: n if stringWidth(n, font, size) + pad <= who_w else para(n, styles.cell)
        for a, n in zip(actors, names, strict=True)
    }
    kind_cells: dict[EntryKind, Cell] = {
        k: v if stringWidth(v, font, size) + pad <= kind_w else para(v, styles.cell)
        for k, v in labels.items()
    }
    room = text_w - pad
    wrapper = LineWrapper(font, size)
    struck = _muted(styles)
    went_back = clock_marks(entries)
    rows: list[list[Cell]] = []
    for e in entries:
        text = entry_text(e)  # the program's own words in the reader's language, typed text as typed
        cell: Cell = text
        if e.seq in went_back:
            style = struck if e.corrected_by else styles.cell
            cell = _clock_marked(text, e.corrected_by, went_back[e.seq], style)
        elif e.corrected_by:
            cell = _struck(text, e.corrected_by, struck)
        elif "\n" in text or (len(text) * size > room and wrapper.width(text) > room):
            cell = wrapper.wrap(text, room)
        rows.append(
            [str(e.seq), e.at.astimezone().strftime(STAMP), who_cells[e.actor], kind_cells[e.kind], cell]
        )
    return data_table(
        styles,
        headers,
        rows,
        [seq_w, time_w, who_w, kind_w, text_w],
        valign="TOP",
        # The grid separates the rows already; a band behind each of thousands costs time.
        zebra=False,
        plain=True,
        split_rows=True,  # an entry of thousands of characters is taller than a page
    )


def _struck(text: str, corrected_by: Sequence[int], style: ParagraphStyle) -> Paragraph:
    return Paragraph(_struck_markup(text, corrected_by), style)


def _struck_markup(text: str, corrected_by: Sequence[int]) -> str:
    by = t("incident.list_sep").join(str(n) for n in corrected_by)
    note = escape(t("report.incident.corrected_by", seqs=by))
    return f"<strike>{escape(text)}</strike><br/><i>{note}</i>".replace("\n", "<br/>")


def _clock_marked(text: str, corrected_by: Sequence[int], mark: str, style: ParagraphStyle) -> Paragraph:
    """The entry's text (struck through if corrected) with the clock's warning beneath in red."""
    body = _struck_markup(text, corrected_by) if corrected_by else escape(text).replace("\n", "<br/>")
    warning = f'<font color="#{ALERT.hexval()[2:]}"><b>{escape(mark)}</b></font>'
    return Paragraph(f"{body}<br/>{warning}", style)


# -- steps and levels --------------------------------------------------------------------------
def step_timings(styles: ReportStyles, detail: IncidentDetail, width: float) -> Table:
    """Each plan step: role, target, time taken from the start and the verdict in its colour."""
    started = detail.summary.started_at
    verdicts = {key: _coloured(styles, colour) for key, colour in VERDICT_COLOURS.items()}
    rows: list[list[Cell]] = []
    for step in detail.steps:
        timing = step_timing(step, started)
        target = target_text(step.target_minutes)
        if step.checkpoint:
            target = "\n".join(x for x in (target, deadline_text(step.deadline_minutes)) if x)
        who = (
            t("report.incident.step_by", who=styles.who(step.by), at=local_stamp(step.at, "%m-%d %H:%M"))
            if step.by
            else ""
        )
        rows.append(
            [
                str(step.number),
                step.text.text,
                step_role_text(step),
                target or "—",
                "\n".join(x for x in (timing.took, who) if x) or "—",
                para(timing.result, verdicts.get(timing.verdict, styles.cell)),
            ]
        )
    headers = [
        "#",
        t("report.playbook.step"),
        t("report.playbook.role"),
        t("report.playbook.time"),
        t("report.incident.col.took"),
        t("report.incident.col.result"),
    ]
    size, pad = styles.cell.fontSize, _padding(styles)
    number_w = max(stringWidth(str(len(rows)), styles.font.bold_name, size), size) + pad
    fixed = [width * 0.15, width * 0.13, width * 0.16, width * 0.16]
    widths = [number_w, width - number_w - sum(fixed), *fixed]
    return data_table(
        styles, headers, rows, widths, extra_style=[("VALIGN", (0, 1), (-1, -1), "TOP")], split_rows=True
    )


def level_changes(styles: ReportStyles, detail: IncidentDetail, width: float) -> Flowable:
    """The level at the start, then each raise or lowering with who, when and why."""
    entries = detail.entries
    start = next((e for e in entries if e.kind == EntryKind.START), None)
    initial = level_label(
        start.data.get("level", detail.summary.level.value) if start else detail.summary.level
    )
    changes = [e for e in entries if e.kind == EntryKind.LEVEL_CHANGE]
    if not changes:
        return para(t("report.incident.level_unchanged", level=initial), styles.body)
    rows: list[list[Cell]] = [
        [
            local_stamp(detail.summary.started_at),
            t("report.incident.level_initial", level=initial),
            styles.who(detail.summary.started_by),
            "",
        ]
    ]
    for e in changes:
        change = t(
            "incident.text.level", before=level_label(e.data.get("from")), after=level_label(e.data.get("to"))
        )
        if e.corrected_by:
            change = t(
                "report.incident.corrected_note", text=change, seqs=", ".join(map(str, e.corrected_by))
            )
        rows.append([local_stamp(e.at), change, styles.who(e.actor), e.text])
    headers = [
        t("report.incident.col.time"),
        t("report.incident.col.change"),
        t("report.incident.col.who"),
        t("report.incident.col.reason"),
    ]
    widths = [width * 0.2, width * 0.3, width * 0.15, width * 0.35]
    return data_table(styles, headers, rows, widths, split_rows=True)


# -- attachments -------------------------------------------------------------------------------
def attachments(
    styles: ReportStyles, entries: Sequence[LogEntry], read: ReadAttachment | None, width: float
) -> Table:
    """Each attached file: name, size, full SHA-256, who added it when, and a photo's thumbnail.
    A file missing from the store or no longer matching its hash is named, not skipped."""
    alert = _coloured(styles, ALERT)
    details = ParagraphStyle("attachment", parent=styles.cell)
    rows: list[list[Cell]] = []
    for e in entries:
        name, sha = str(e.data.get("name", "")), str(e.data.get("sha256", ""))
        lines = [
            f"<b>{escape(name)}</b> &nbsp; {escape(format_size(int(e.data.get('size') or 0)))}",
            f"SHA-256 {escape(sha)}",
            escape(t("report.incident.added_by", seq=e.seq, who=styles.who(e.actor), at=local_stamp(e.at))),
        ]
        if e.text and e.text != name:
            lines.insert(1, escape(e.text))
        if e.corrected_by:
            by = ", ".join(map(str, e.corrected_by))
            lines.append(f"<i>{escape(t('report.incident.corrected_by', seqs=by))}</i>")
        thumb, problem = stored_picture(name, partial(read, e)) if read is not None else (None, "")
        picture: Cell = thumb if thumb is not None else ""
        if problem:
            picture = para(t("report.incident.file_problem"), alert)
            lines.append(f'<font color="#{ALERT.hexval()[2:]}"><b>{escape(problem)}</b></font>')
        rows.append([picture, Paragraph("<br/>".join(lines), details)])
    widths = [THUMBNAIL + _padding(styles), width - THUMBNAIL - _padding(styles)]
    return data_table(
        styles,
        [t("report.incident.col.picture"), t("report.incident.col.file")],
        rows,
        widths,
        extra_style=[("VALIGN", (0, 1), (-1, -1), "TOP")],
    )


def stored_picture(name: str, read: Callable[[], bytes], box: float = THUMBNAIL) -> tuple[Image | None, str]:
    """A stored file's thumbnail when it is a photo, and what is wrong with it ("" when nothing):
    gone from the store or altered (`read` raises a BranchGuardError), or not a readable image.
    A file that is not a photo by its name is read (to check it) but gets no picture."""
    try:
        data = read()
    except BranchGuardError as exc:
        reason = exc.reason if isinstance(exc, ValidationError) else exc.message
        return None, t("report.incident.attachment_problem", name=name, reason=reason)
    if not name.lower().endswith(IMAGE_SUFFIXES):
        return None, ""
    thumb = thumbnail(data, box)
    if thumb is None:
        return None, t("report.incident.not_an_image", name=name)
    return thumb, ""


def thumbnail(data: bytes, box: float) -> Image | None:
    """The picture scaled to fit `box` points square, re-encoded small (a 12-megapixel photo would
    otherwise go into the PDF whole); None when the bytes are not a readable image."""
    from PIL import Image as PILImage
    from PIL import ImageOps, UnidentifiedImageError

    pixels = round(box / 72 * THUMBNAIL_DPI)
    try:
        with PILImage.open(io.BytesIO(data)) as opened:
            picture = ImageOps.exif_transpose(opened)
            picture.thumbnail((pixels, pixels))
            if picture.mode != "RGB":
                flat = PILImage.new("RGB", picture.size, "white")
                rgba = picture.convert("RGBA")
                flat.paste(rgba, mask=rgba.getchannel("A"))
                picture = flat
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=85)
    except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError, ValueError):
        return None
    w, h = picture.size
    scale = box / max(w, h)
    out.seek(0)
    return Image(out, width=w * scale, height=h * scale)
