"""The page template every PDF report shares: header band, numbered footer, styles, tables, signatures."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from branchguard import APP_NAME
from branchguard.core.accounts.names import Names
from branchguard.core.kernel.i18n import current_language, t
from branchguard.core.kernel.output import write_file
from branchguard.core.people.types import BranchRole
from branchguard.reports import progress
from branchguard.reports.cjk_paragraph import TextParagraph
from branchguard.reports.fonts import FontChoice
from branchguard.reports.latin import with_latin
from branchguard.reports.paged_table import PagedTable

ACCENT = colors.HexColor("#1F3A5F")  # dark navy: white header text on it has a contrast ratio > 11:1
ACCENT_LIGHT = colors.HexColor("#E8EEF5")
ZEBRA = colors.HexColor("#F4F6F8")
RULE = colors.HexColor("#B8C2CC")
MUTED = colors.HexColor("#4A5561")  # footer and secondary text, still > 7:1 on white
BADGE_BLUE = colors.HexColor("#1565C0")

PAGE_SIZE = A4
SIDE_MARGIN = 14 * mm
HEADER_HEIGHT = 11 * mm
HEADER_TOP = 9 * mm  # distance from the paper edge to the header band
FOOTER_HEIGHT = 12 * mm
FRAME_PADDING = 6  # ReportLab's default inside the page frame; our margins account for it
TOP_MARGIN = HEADER_TOP + HEADER_HEIGHT + 5 * mm - FRAME_PADDING
BOTTOM_MARGIN = FOOTER_HEIGHT + 6 * mm - FRAME_PADDING


@dataclass(frozen=True)
class ReportMeta:
    """What the header and footer print on every page."""

    title: str
    branch_name: str = ""
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    # A word that must be on every page, e.g. 演练 DRILL, drawn as a coloured tag in the header.
    badge: str = ""
    badge_color: colors.Color = BADGE_BLUE
    # The document's Keywords: where a report carries its signed anchor (reports/anchoring.py).
    keywords: str = ""


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles in the report font; `scale` grows or shrinks them all to fit a fixed layout;
    `who` names the people the report prints (login -> display name, core/accounts/names.py)."""

    font: FontChoice
    scale: float
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    who: Names = field(default_factory=Names)


def make_styles(font: FontChoice, scale: float = 1.0, names: Names | None = None) -> ReportStyles:
    # CJK wrapping keeps Chinese punctuation off the start of a line; English text wraps at
    # spaces (ReportLab's default still breaks the Chinese names inside it where needed).
    wrap = "CJK" if current_language() == "zh_CN" else None
    font = with_latin(font)  # Latin text in a Latin face (reports/latin.py), here and in the page frame

    def style(
        name: str, size: float, *, bold: bool = False, line: float = 1.3, **extra: Any
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font.bold_name if bold else font.name,
            fontSize=size * scale,
            leading=size * scale * line,
            wordWrap=wrap,
            **extra,
        )

    return ReportStyles(
        font=font,
        scale=scale,
        who=names or Names(),
        title=style("title", 18, bold=True, textColor=ACCENT, spaceAfter=4 * scale),
        heading=style(
            "heading", 12, bold=True, textColor=ACCENT, spaceBefore=6 * scale, spaceAfter=3 * scale
        ),
        body=style("body", 10),
        small=style("small", 8, textColor=MUTED),
        # Table rows are separated by rules already, so their lines sit a little tighter.
        cell=style("cell", 9, line=1.2),
        cell_bold=style("cell_bold", 9, bold=True, line=1.2),
        cell_head=style("cell_head", 9, bold=True, line=1.2, textColor=colors.white),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: user data never gets read as markup; Chinese lines never break
    inside a number (cjk_paragraph.py)."""
    return TextParagraph(escape(text).replace("\n", "<br/>"), style)


Cell: TypeAlias = str | Flowable
PAGED_FROM = 200  # rows of a plain table from which PagedTable lays it out faster than one Table


def tag(text: str, back: colors.Color, fore: colors.Color) -> str:
    """Paragraph markup for `text` as a coloured tag inside a line."""
    return (
        f'<font backColor="#{back.hexval()[2:]}" color="#{fore.hexval()[2:]}">'
        f"<b>&nbsp;{escape(text)}&nbsp;</b></font>"
    )


def data_table(
    styles: ReportStyles,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    extra_style: Sequence[tuple[Any, ...]] = (),
    zebra: bool = True,
    valign: str = "MIDDLE",
    plain: bool = False,
    split_rows: bool = False,
) -> Table | PagedTable:
    """A table whose every text cell wraps; the header row repeats on each page.

    With `split_rows`, a row taller than the room left on a page continues on the next one (a
    note of thousands of characters would otherwise be taller than any page and stop the report).

    With `plain` (for tables of thousands of rows), body text cells are drawn as given, one
    line per "\n", without markup or wrapping, and every cell shares one cell style, since a
    style command costs a step per cell: the caller breaks long text into lines (or passes a
    Paragraph), and `extra_style` may only draw lines and backgrounds. From `PAGED_FROM` rows on it
    is laid out a page at a time (paged_table.py): a row that does not fit at a page's foot then
    moves whole to the next page, unless it is taller than a page."""
    data: list[list[Cell]] = []
    if headers:
        data.append([para(h, styles.cell_head) for h in headers])
    if plain:
        data += [list(row) for row in rows]
    else:
        for row in rows:
            data.append([para(c, styles.cell) if isinstance(c, str) else c for c in row])
    pad = _cell_padding(styles)
    look: dict[str, Any] = {
        "valign": valign,
        "topPadding": pad * 0.5,
        "bottomPadding": pad * 0.8,
        "leftPadding": pad,
        "rightPadding": pad,
    }
    commands: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.4, RULE)]
    if headers:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    if zebra:
        first = 1 if headers else 0
        commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, ZEBRA]))
    repeat = 1 if headers else 0
    split = {"splitInRow": 1} if split_rows else {}
    if plain:
        shared = CellStyle("plain")
        for name, value in look.items():
            setattr(shared, name, value)
        cell = styles.cell
        shared.fontname, shared.fontsize, shared.leading = cell.fontName, cell.fontSize, cell.leading
        shared.color = cell.textColor
        cell_styles = [[shared] * len(col_widths) for _ in data]
        if len(rows) >= PAGED_FROM:
            every = [*commands, *extra_style]
            return PagedTable.of(data, col_widths, cell_styles, every, header=repeat, split_in_row=split_rows)
        table = Table(data, colWidths=list(col_widths), repeatRows=repeat, cellStyles=cell_styles, **split)
        table.setStyle(TableStyle([*commands, *extra_style]))
        return table
    commands += [(name.upper(), (0, 0), (-1, -1), value) for name, value in look.items()]
    return make_table(styles, data, col_widths, [*commands, *extra_style], repeatRows=repeat, **split)


def chart_drawing(styles: ReportStyles, width: float, height: float) -> Drawing:
    """A chart's canvas whose first font is the report's: a drawing starts in Helvetica unless told,
    and the PDF would then list a font it never embeds."""
    drawing = Drawing(width, height)
    drawing.initialFontName = styles.font.name
    return drawing


def make_table(
    styles: ReportStyles,
    data: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]],
    **kwargs: Any,
) -> Table:
    """A platypus Table set in the report font: ReportLab sets every cell's font while drawing,
    Helvetica unless told, and the PDF would then list a font it never embeds."""
    table = Table([list(row) for row in data], colWidths=list(col_widths), **kwargs)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font.name), *commands]))
    return table


def fit_columns(
    styles: ReportStyles,
    total: float,
    texts: Sequence[Sequence[str]],
    nowrap: Collection[int] = (),
    *,
    bold: bool = False,
) -> list[float] | None:
    """Column widths for a `data_table` holding `texts` (one list per column).

    When everything fits on one line, the columns share `total` in proportion to their longest
    text. Otherwise the `nowrap` columns (phone numbers) keep their longest text on one line and
    the others share the rest; None when those would get less than four Chinese characters."""
    font = styles.font.bold_name if bold else styles.font.name
    size = styles.cell.fontSize
    pad = 2 * _cell_padding(styles) + 1
    # Never narrower than two Chinese characters, so a column heading still fits.
    natural = [max([2 * size, *(stringWidth(x, font, size) for x in column)]) + pad for column in texts]
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    rest = total - sum(natural[i] for i in nowrap)
    wrapping = len(texts) - len(nowrap)
    if rest < 0 or (wrapping and rest / wrapping < 4 * size + pad) or (not wrapping and rest > 0):
        return None
    return [natural[i] if i in nowrap else rest / wrapping for i in range(len(texts))]


def _cell_padding(styles: ReportStyles) -> float:
    return 3 * styles.scale


def signature_lines(
    styles: ReportStyles, width: float, signers: Sequence[str] | None = None
) -> list[Flowable]:
    """Signature and date lines, by default for the branch head (网点负责人) and the preparer (经办人),
    as a list: kept together by the caller with what comes before them (`sign_off`; a KeepTogether
    inside another claims to be endlessly tall)."""
    if signers is None:
        signers = (BranchRole.BRANCH_HEAD.label, t("report.signer.handler"))
    rows = [
        [para(t("report.signature", role=s), styles.body), "", para(t("report.sign_date"), styles.body), ""]
        for s in signers
    ]
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
    ]
    widths = [width * 0.28, width * 0.37, width * 0.1, width * 0.25]
    table = make_table(styles, rows, widths, commands, rowHeights=[11 * mm * styles.scale] * len(rows))
    return [Spacer(1, 6 * mm * styles.scale), table]


SIGN_OFF_TAIL = 8  # paragraphs before the signature lines kept on their page, at most


def sign_off(story: list[Flowable], lines: list[Flowable]) -> None:
    """Append the signature lines (`signature_lines`) kept on one page with the paragraphs right
    before them (the integrity block, a legend): lines alone on a last page said nothing of what
    was signed (the English complaint file's page 2). A table before them stays where it is."""
    tail: list[Flowable] = []
    while story and isinstance(story[-1], Paragraph | Spacer) and len(tail) < SIGN_OFF_TAIL:
        tail.insert(0, story.pop())
    story.append(KeepTogether([*tail, *lines]))


def content_width(page_size: tuple[float, float] = PAGE_SIZE) -> float:
    """The width flowables get: the page between the side margins."""
    return page_size[0] - 2 * SIDE_MARGIN


def frame_height() -> float:
    """The height flowables get on each page, between header and footer."""
    return PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING


def story_height(story: Sequence[Flowable], width: float) -> float:
    """Roughly how tall the story is when laid out in one frame: never less than the real height,
    so a story measured to fit is worth rendering to check."""
    total = 0.0
    for flowable in story:
        total += flowable.wrap(width, 10**6)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def render_pdf(
    meta: ReportMeta,
    story: list[Flowable],
    font: FontChoice,
    page_size: tuple[float, float] = PAGE_SIZE,
) -> tuple[bytes, int]:
    """The finished PDF and its page count; nothing touches the disk. Platypus consumes `story`.
    A wide register passes `landscape(PAGE_SIZE)`: header and footer follow the page's width."""
    font = with_latin(font)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        # Content then starts and ends exactly under the header band's edges.
        leftMargin=SIDE_MARGIN - FRAME_PADDING,
        rightMargin=SIDE_MARGIN - FRAME_PADDING,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=" - ".join(p for p in (meta.title, meta.branch_name) if p),
        author=meta.branch_name or APP_NAME,
        creator=APP_NAME,
        keywords=meta.keywords,
        # Otherwise every page starts in Helvetica, a font the PDF would list but never embed.
        initialFontName=font.name,
        lang="zh-CN" if current_language() == "zh_CN" else "en",
    )
    pages: list[int] = []
    decorate = partial(_decorate_page, meta=meta, font=font)
    progress.hook_layout(doc)
    doc.build(story, canvasmaker=partial(_TwoPassCanvas, decorate=decorate, pages=pages))
    return buffer.getvalue(), pages[0]


PORTRAIT, LANDSCAPE = "portrait", "landscape"


def render_mixed_pdf(meta: ReportMeta, story: list[Flowable], font: FontChoice) -> tuple[bytes, int]:
    """As `render_pdf` on A4, with a second, landscape page template: a story turns its pages with
    `NextPageTemplate(LANDSCAPE)` (or `PORTRAIT`) before a `PageBreak`, for tables whose columns
    need the width. Header and footer follow each page's own size."""
    font = with_latin(font)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        title=" - ".join(p for p in (meta.title, meta.branch_name) if p),
        author=meta.branch_name or APP_NAME,
        creator=APP_NAME,
        keywords=meta.keywords,
        initialFontName=font.name,
        lang="zh-CN" if current_language() == "zh_CN" else "en",
    )
    templates = []
    for name, size in ((PORTRAIT, PAGE_SIZE), (LANDSCAPE, landscape(PAGE_SIZE))):
        frame = Frame(
            SIDE_MARGIN - FRAME_PADDING,
            BOTTOM_MARGIN,
            size[0] - 2 * (SIDE_MARGIN - FRAME_PADDING),
            size[1] - TOP_MARGIN - BOTTOM_MARGIN,
            id=f"{name}-frame",
        )
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    doc.addPageTemplates(templates)
    pages: list[int] = []
    decorate = partial(_decorate_page, meta=meta, font=font)
    progress.hook_layout(doc)
    doc.build(story, canvasmaker=partial(_TwoPassCanvas, decorate=decorate, pages=pages))
    return buffer.getvalue(), pages[0]


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing, only over a regular file (core/kernel/output.py)."""
    write_file(path, data)


def write_report(path: Path, meta: ReportMeta, story: list[Flowable], font: FontChoice) -> int:
    """Render and save a report; returns its page count."""
    data, pages = render_pdf(meta, story, font)
    write_atomically(path, data)
    return pages


class _TwoPassCanvas(Canvas):
    """Holds every page back until the end so the footer can say "page X of Y"."""

    def __init__(
        self, *args: Any, decorate: Callable[[Canvas, int, int], None], pages: list[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self._decorate = decorate
        self._pages = pages

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        self._pages.append(total)
        for state in self._held:
            self.__dict__.update(state)
            self._decorate(self, self.getPageNumber(), total)
            super().showPage()
        super().save()


def fit_size(text: str, font_name: str, size: float, max_width: float, min_size: float = 6) -> float:
    """The largest size up to `size` at which `text` fits in `max_width`."""
    width = stringWidth(text, font_name, size)
    if width <= max_width:
        return size
    return max(min_size, size * max_width / width)


def _decorate_page(canvas: Canvas, page: int, total: int, *, meta: ReportMeta, font: FontChoice) -> None:
    width, height = canvas._pagesize
    left, right = SIDE_MARGIN, width - SIDE_MARGIN
    canvas.saveState()
    # Header band: branch name on the left, title (and badge) on the right, white on navy.
    band_y = height - HEADER_TOP - HEADER_HEIGHT
    canvas.setFillColor(ACCENT)
    canvas.rect(left, band_y, right - left, HEADER_HEIGHT, stroke=0, fill=1)
    pad = 3 * mm
    baseline = band_y + HEADER_HEIGHT / 2 - 4
    edge = right - pad
    if meta.badge:
        size = 10
        badge_w = stringWidth(meta.badge, font.bold_name, size) + 4 * mm
        canvas.setFillColor(meta.badge_color)
        badge_h = HEADER_HEIGHT - 4 * mm
        canvas.roundRect(edge - badge_w, band_y + 2 * mm, badge_w, badge_h, 1.5 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(font.bold_name, size)
        canvas.drawCentredString(edge - badge_w / 2, baseline + 0.5, meta.badge)
        edge -= badge_w + 3 * mm
    canvas.setFillColor(colors.white)
    available = edge - left - pad
    if meta.branch_name:
        title_size = fit_size(meta.title, font.bold_name, 12, available * 0.45)
        canvas.setFont(font.bold_name, title_size)
        canvas.drawRightString(edge, baseline, meta.title)
        title_w = stringWidth(meta.title, font.bold_name, title_size)
        name_size = fit_size(meta.branch_name, font.name, 12, available - title_w - 6 * mm)
        canvas.setFont(font.name, name_size)
        canvas.drawString(left + pad, baseline, meta.branch_name)
    else:
        canvas.setFont(font.bold_name, fit_size(meta.title, font.bold_name, 12, available))
        canvas.drawString(left + pad, baseline, meta.title)
    # Footer: rule, generated-at on the left, confidentiality mark centred, page X of Y on the right.
    rule_y = FOOTER_HEIGHT + 2 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, rule_y, right, rule_y)
    text_y = rule_y - 4 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(font.name, 8)
    at = meta.generated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    canvas.drawString(left, text_y, t("report.generated_at", at=at))
    canvas.drawCentredString(width / 2, text_y, t("report.confidential"))
    canvas.drawRightString(right, text_y, t("report.page_of", page=page, total=total))
    canvas.restoreState()
