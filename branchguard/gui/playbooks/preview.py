"""A plan rendered the way staff see it during an incident: level badges, cautions, big numbered steps."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTextBrowser, QWidget

from branchguard.core.kernel.attachments import format_size
from branchguard.core.kernel.types import Level, PlaybookStatus
from branchguard.core.playbooks.text import (
    contact_label,
    deadline_text,
    jump_numbers,
    jump_text,
    role_names,
    target_text,
)
from branchguard.core.playbooks.types import PlanContent, PlaybookVersion, Step
from branchguard.gui.kit import style
from branchguard.gui.kit.rows import fixed_family

CAUTION_BACKGROUND = "#FFF4D6"
CHECKPOINT_BACKGROUND = "#FDECEA"
ROLE_BADGE = style.Swatch("#E0F2F1", style.ACCENT_DARK)
STATUS_COLOURS = {
    PlaybookStatus.APPROVED: style.OK,
    PlaybookStatus.DRAFT: style.WARNING,
    PlaybookStatus.RETIRED: style.MUTED,
}


# Called with literal context and text at each use: pyside6-lupdate only collects those, and
# none inside an f-string.
translate = QCoreApplication.translate


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


# -- texts shared with the list, the diff and (later) the incident screens ---------------------
# The wording comes from core/playbooks/text.py, so the screen says what the printed card says.
def step_facts(content: PlanContent, step: Step) -> dict[str, str]:
    """The step's attributes as short texts, keyed by Step field name (empty ones left out)."""
    facts: dict[str, str] = {}
    if step.role:
        facts["role"] = role_names(content).get(step.role, step.role)
    if step.target_minutes is not None:
        facts["target_minutes"] = target_text(step.target_minutes)
    if step.checkpoint:
        facts["checkpoint"] = deadline_text(step.deadline_minutes)
    if step.condition or step.goto:
        facts["condition"] = jump_text(step, jump_numbers(content)).strip()
    return facts


# -- html ----------------------------------------------------------------------------------------
def badge(text: str, swatch: style.Swatch, size: str = "") -> str:
    # The UI font named: without it a bold span at a set size can fall to a serif face.
    families = ",".join(f"'{f}'" for f in QGuiApplication.font().families())
    size_css = f"font-size:{size};" if size else ""
    nowrap = escape(text).replace(" ", "&nbsp;")  # a badge broken over two lines reads as two
    return (
        f'<span style="background-color:{swatch.background};color:{swatch.foreground};'
        f'font-weight:700;font-family:{families};{size_css}">&nbsp;{nowrap}&nbsp;</span>'
    )


def level_badges_html(levels: Iterable[Level], size: str = "") -> str:
    return "&nbsp;".join(badge(level.value, style.level_swatch(level.value), size) for level in levels)


def _paragraphs(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _step_row(content: PlanContent, number: int, step: Step) -> str:
    facts = step_facts(content, step)
    chips = []
    if "role" in facts:
        chips.append(badge(facts["role"], ROLE_BADGE))
    if "target_minutes" in facts:
        chips.append(f'<span style="color:{style.MUTED}">{escape(facts["target_minutes"])}</span>')
    if "checkpoint" in facts:
        chips.append(badge(facts["checkpoint"], style.Swatch(style.ERROR, style.ON_ACCENT)))
    lines = [f'<div style="font-size:15pt">{_paragraphs(step.text.text)}</div>']
    if chips:
        lines.append(f'<div style="margin-top:4px">{" &nbsp; ".join(chips)}</div>')
    if "condition" in facts:
        lines.append(
            f'<div style="margin-top:4px;color:{style.ACCENT_DARK};font-weight:600">'
            f"↳ {escape(facts['condition'])}</div>"
        )
    shade = f' bgcolor="{CHECKPOINT_BACKGROUND}"' if step.checkpoint else ""
    return (
        f"<tr{shade}>"
        f'<td width="44" valign="top" align="right" style="font-size:20pt;font-weight:700;'
        f'color:{style.ACCENT}">{number}</td>'
        f'<td valign="top">{"".join(lines)}</td></tr>'
    )


def plan_html(version: PlaybookVersion, links: Sequence[str] = ()) -> str:
    """The whole plan as rich text for a QTextBrowser (and anything else that renders Qt rich text);
    `links`: for a service guide, the plans to start when its situation becomes an incident."""
    content, info = version.content, version.info
    status_colour = STATUS_COLOURS.get(info.status, style.MUTED)
    meta = " · ".join([content.tier.label, content.category.label])
    version_line = translate("PlaybookPreview", "Version %1").replace("%1", str(info.number))
    parts = [
        f'<p style="font-size:19pt;font-weight:700;margin-bottom:2px">{escape(content.title.text)}</p>',
        f"<p>{level_badges_html(content.levels, '12pt')} &nbsp; "
        f'<span style="color:{style.MUTED}">{escape(content.code)} · {escape(meta)} · '
        f"{escape(version_line)} · "
        f'</span><span style="color:{status_colour};font-weight:600">{escape(info.status.label)}</span></p>',
    ]
    if content.triggers:
        parts.append(_heading(translate("PlaybookPreview", "When to use this plan")))
        parts.append(f"<p>{_paragraphs(content.triggers.text)}</p>")
    if links:
        linked = translate("PlaybookPreview", "If it becomes an incident, start: %1")
        linked = linked.replace("%1", ", ".join(links))
        parts.append(f'<p style="font-weight:600;color:{style.ACCENT_DARK}">→ {escape(linked)}</p>')
    if content.cautions:
        cautions = translate("PlaybookPreview", "Cautions")
        parts.append(
            f'<table width="100%" cellpadding="10" cellspacing="0" bgcolor="{CAUTION_BACKGROUND}" '
            f'style="border:2px solid {style.WARNING};margin-top:8px"><tr><td>'
            f'<b style="color:{style.WARNING}">⚠ {escape(cautions)}</b><br>'
            f"{_paragraphs(content.cautions.text)}</td></tr></table>"
        )
    parts.append(_heading(translate("PlaybookPreview", "Steps")))
    rows = "".join(_step_row(content, i, step) for i, step in enumerate(content.steps, 1))
    parts.append(f'<table width="100%" cellpadding="6" cellspacing="2">{rows}</table>')
    if content.contacts:
        parts.append(_heading(translate("PlaybookPreview", "Whom to call")))
        rows = "".join(
            f'<tr><td style="font-size:13pt">{escape(contact_label(c.kind, c.name))}</td>'
            f"<td style=\"font-size:16pt;font-weight:700;font-family:'{fixed_family()}'\">"
            f"{escape(c.phone)}</td></tr>"
            for c in content.contacts
        )
        parts.append(f'<table cellpadding="4" cellspacing="0">{rows}</table>')
    if content.attachments:
        parts.append(_heading(translate("PlaybookPreview", "Attachments")))
        rows = "".join(
            f"<tr><td>📎 {escape(a.name)}</td>"
            f'<td style="color:{style.MUTED}" align="right">{escape(format_size(a.size))}</td></tr>'
            for a in content.attachments
        )
        parts.append(f'<table cellpadding="4" cellspacing="0">{rows}</table>')
    return "".join(parts)


class PlaybookPreview(QTextBrowser):
    """Read-only view of one plan version; empty until `show_version`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playbook_preview")
        self.setOpenLinks(False)
        self.document().setDocumentMargin(14)
        self.version: PlaybookVersion | None = None
        self.links: Sequence[str] = ()
        self.setAccessibleName(self.tr("Playbook preview"))
        self._html: str | None = None  # what the document was last given (None: cleared)

    def show_version(self, version: PlaybookVersion | None, links: Sequence[str] = ()) -> None:
        self.version, self.links = version, links
        self._show(plan_html(version, links) if version is not None else None)

    def show_message(self, text: str) -> None:
        self.version = None
        self._show(f'<p style="color:{style.MUTED}">{escape(text)}</p>')

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Playbook preview"))
        # Titles and labels come from the current language: render again.
        if self.version is not None:
            self._show(plan_html(self.version, self.links))

    def _show(self, html: str | None) -> None:
        """Lay the text out only when it changed: every refresh of the page reads the plan shown
        again, and laying the same plan out anew took 4-13 ms of the GUI thread (and scrolled the
        reader back to the top)."""
        if html == self._html:
            return
        self._html = html
        if html is None:
            self.clear()
        else:
            self.setHtml(html)


class LevelBadgeDelegate(QStyledItemDelegate):
    """Draws a cell's levels (a tuple of "I"/"II"/"III" under `levels_role`) as coloured badges."""

    def __init__(self, levels_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = levels_role

    def _badges(self, option: QStyleOptionViewItem, levels: tuple[str, ...]) -> list[tuple[str, int]]:
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        return [(level, metrics.horizontalAdvance(level) + 12) for level in levels]

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        levels = index.data(self._role) or ()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        height = min(rect.height() - 8, QFontMetrics(opt.font).height() + 4)
        x = rect.left() + 6
        top = rect.top() + (rect.height() - height) // 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(opt.font)
        font.setBold(True)
        painter.setFont(font)
        for level, width in self._badges(opt, levels):
            swatch = style.level_swatch(level)
            box = QRect(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(swatch.background))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor(swatch.foreground))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, level)
            x += width + 4
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        levels = index.data(self._role) or ()
        width = sum(w + 4 for _level, w in self._badges(option, levels)) + 12
        return QSize(max(base.width(), width), base.height())
