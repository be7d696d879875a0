"""The console's header: DRILL strip (not at larger text), level badge, title, elapsed clock,
who started it, next report due."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from branchguard.core.accounts.names import Names
from branchguard.core.incidents.rules import DeadlineState, checkpoint_state
from branchguard.core.incidents.types import Checkpoint, IncidentDetail, IncidentStatus
from branchguard.core.kernel.i18n import t
from branchguard.gui.incidents.elapsed import show_elapsed
from branchguard.gui.kit import style
from branchguard.gui.kit.elided import elided_lines
from branchguard.gui.kit.plain import WrapLabel, plain, tip
from branchguard.gui.kit.rows import phone_font
from branchguard.gui.kit.text_scale import large_text
from branchguard.gui.kit.times import (
    duration_clock,
    local_clock,
    now_utc,
)


def badge_css(swatch: style.Swatch, radius: int = 6) -> str:
    return (
        f"background: {swatch.background}; color: {swatch.foreground};"
        f" border-radius: {radius}px; padding: 3px 12px; font-weight: 700;"
    )


TITLE_LINES = 2  # at larger text the title's lines at most (see TitleLabel)
BODY_POINTS = 10.0  # the text `grown` sizes are set against (app.ui_font: at least 10 pt)


def sized(font: QFont, points: float, bold: bool = False) -> QFont:
    """`font` at `points` (follow mode sizes its text from the screen's height, not the body's)."""
    out = QFont(font)
    out.setPointSizeF(points)
    out.setBold(bold)
    return out


def grown(font: QFont, points: float, bold: bool = False) -> QFont:
    """`font` at `points` as set for 10 pt text, grown with larger text: at a 15 pt system font
    the step now, the level and the title stayed at 12.5-15 pt, smaller than the body around them."""
    return sized(font, points * max(1.0, font.pointSizeF() / BODY_POINTS), bold)


class TitleLabel(WrapLabel):
    """The incident's title in `font` where it fits on one line, else wrapped in `body` (at larger
    text: grown to 22.5 pt, an English plan's title took three lines beside the level box, and cut
    to one line ending "…" it read "Fire and…" on a 1024-wide screen). `lines`: where it wraps, at
    most so many, ending "…" (the whole in the tooltip the header sets, and read to a screen reader):
    at 15 pt a third line took the steps 18 px of the four rows they keep on a 768-line screen."""

    def __init__(self, font: QFont, body: QFont, lines: int = 0) -> None:
        super().__init__()
        self._fonts = (font, body)
        self._lines = lines
        self._full = ""
        self.setFont(font)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font, body = self._fonts
        room = self.contentsRect().width()
        one_line = QFontMetrics(font).horizontalAdvance(self._full) <= room
        chosen = font if one_line else body
        if self.font() != chosen:
            self.setFont(chosen)
        wrapped = not one_line and self._lines
        shown = elided_lines(self._full, chosen, room, self._lines) if wrapped else self._full
        if shown != self.text():
            super().setText(shown)


class IncidentHeader(QFrame):
    """What the lead must see without looking for it; `tick` moves the clocks every second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_header")
        self._detail: IncidentDetail | None = None
        self._checkpoint: Checkpoint | None = None
        self.who = Names()  # logins shown as people's names; the console sets it with the detail
        self.drill_strip = QLabel()
        self.drill_strip.setObjectName("incident_drill_strip")
        self.drill_strip.setStyleSheet(badge_css(style.DRILL, radius=0) + " padding: 4px 12px;")
        self.drill_strip.setFont(grown(self.font(), 13, bold=True))
        self.drill_strip.hide()  # until the read says it is a drill: never over a real incident meanwhile
        self.level_badge = QLabel()
        self.level_badge.setObjectName("incident_level_badge")
        self.level_badge.setFont(grown(self.font(), 14, bold=True))
        self.warning_badge = QLabel()  # the four-colour warning of a weather incident
        self.warning_badge.setObjectName("incident_warning_badge")
        self.warning_badge.setFont(grown(self.font(), 14, bold=True))
        self.warning_badge.hide()
        self.drill_badge = QLabel(t("incident.drill_badge"))
        self.drill_badge.setObjectName("incident_drill_badge")
        self.drill_badge.setStyleSheet(badge_css(style.DRILL))
        self.drill_badge.setFont(grown(self.font(), 14, bold=True))
        self.drill_badge.hide()
        # A long plan title takes two lines; a long word never widens the window.
        self._large = large = large_text(self)
        title_font = grown(self.font(), 15, bold=True)
        body = sized(self.font(), self.font().pointSizeF(), bold=True) if large else title_font
        self.title = TitleLabel(title_font, body, TITLE_LINES if large else 0)
        self.title.setObjectName("incident_title")
        self.elapsed = QLabel()
        self.elapsed.setObjectName("incident_elapsed")
        self.elapsed.setFont(sized(phone_font(), 20, bold=True))
        # the starter's and closer's names; wrapped, never wider than the room beside the checkpoint
        # (at 15 pt the two asked for 826 px)
        self.meta: QLabel = WrapLabel() if large else plain(QLabel())
        self.meta.setObjectName("incident_meta")
        self.meta.setProperty("role", "hint")
        self.meta.setWordWrap(True)
        self.checkpoint = QLabel()
        self.checkpoint.setObjectName("incident_checkpoint")
        self.checkpoint.setFont(grown(self.font(), 12, bold=True))

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.level_badge)
        top.addWidget(self.warning_badge)
        top.addWidget(self.drill_badge)
        top.addWidget(self.title, 1)
        top.addWidget(self.elapsed)
        below = self.below = QHBoxLayout()
        below.addWidget(self.meta, 1)
        below.addWidget(self.checkpoint)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.drill_strip)
        box.addLayout(top)
        box.addLayout(below)

    def set_detail(self, detail: IncidentDetail) -> None:
        self._detail = detail
        self._checkpoint = detail.next_checkpoint() if detail.summary.status == IncidentStatus.OPEN else None
        summary = detail.summary
        swatch = style.level_swatch(summary.level.value)
        self.level_badge.setText(summary.level.label)
        self.level_badge.setStyleSheet(badge_css(swatch))
        warning = summary.warning_level
        self.warning_badge.setVisible(warning is not None)
        if warning is not None:
            self.warning_badge.setText(warning.label)
            self.warning_badge.setStyleSheet(badge_css(style.WARNING_COLOURS[warning.value]))
        self.drill_badge.setVisible(summary.drill)
        # At larger text the badge alone says it (and the banner above): at 15 pt the strip's row,
        # 43 px, made the console 799 px tall, beyond a 768-line screen, the steps short of 4 rows.
        self.drill_strip.setVisible(summary.drill and not self._large)
        self.title.setText(summary.title)
        self.title.setToolTip(tip(summary.title))
        self.retranslate()

    def retranslate(self) -> None:
        not_real = self.tr("This is a drill, not a real incident")  # outside the f-string, for lupdate
        self.drill_strip.setText(f"{t('incident.drill_badge')} · {not_real}")
        self.drill_badge.setToolTip(tip(not_real))  # the strip's words, where it is not shown
        self.drill_badge.setAccessibleName(self.drill_strip.text())
        if self._detail is not None and self._detail.summary.warning_level is not None:
            self.warning_badge.setText(self._detail.summary.warning_level.label)
        if self._detail is not None:
            self.tick()

    def tick(self, now: datetime | None = None) -> None:
        detail = self._detail
        if detail is None:
            return
        now = now or now_utc()
        summary = detail.summary
        since = self.tr("Time since the incident started")
        show_elapsed(self.elapsed, summary, now, self.who(summary.started_by), since)
        self.meta.setText(self._meta_text(detail, now))
        self._show_checkpoint(now)

    def _meta_text(self, detail: IncidentDetail, now: datetime) -> str:
        summary = detail.summary
        started = summary.started_at
        when = local_clock(started, started, now)  # with its date once the incident spans days
        parts = [
            f"{summary.playbook_code} v{summary.playbook_version}"
            if summary.playbook_code
            else self.tr("Ad hoc (no playbook)"),
            self.tr("started %1 by %2").replace("%1", when).replace("%2", self.who(summary.started_by)),
            summary.status.label,
        ]
        if summary.closed_at is not None:
            closed = local_clock(summary.closed_at, started, now)
            by = self.who(detail.closed_by)
            parts.append(self.tr("closed %1 by %2").replace("%1", closed).replace("%2", by))
        return " · ".join(parts)

    def _show_checkpoint(self, now: datetime) -> None:
        point = self._checkpoint
        self.checkpoint.setVisible(point is not None)
        if point is None:
            return
        state = checkpoint_state(point, now)
        left = (point.due_at - now).total_seconds()
        if state is DeadlineState.OVERDUE:
            text = self.tr("Report to head office (step %1) overdue by %2")
            short = self.tr("Head office report overdue by %2")
            colour = style.ERROR
        else:
            text = self.tr("Report to head office (step %1) due in %2")
            short = self.tr("Head office report due in %2")
            colour = style.WARNING if state is DeadlineState.SOON else style.TEXT
        clock = duration_clock(abs(left))
        whole = text.replace("%1", str(point.step)).replace("%2", clock)
        shown = whole if self._fits_whole(whole) else short.replace("%2", clock)
        self.checkpoint.setText(shown)
        self.checkpoint.setStyleSheet(f"color: {colour};")
        self.checkpoint.setProperty("overdue", state is DeadlineState.OVERDUE)
        self.checkpoint.setToolTip(tip(point.text.text if shown == whole else f"{whole}\n{point.text.text}"))

    def _fits_whole(self, text: str) -> bool:
        """Whether the checkpoint's `text` leaves the starter's line one line beside it; only at larger
        text is it shortened (without its step, the whole in its tooltip): in English on a 1024-wide
        screen the two took two lines."""
        if not self._large:
            return True
        meta = self.meta.fontMetrics().horizontalAdvance(self.meta.text())
        spacing = self.below.spacing() if self.below.spacing() >= 0 else 6
        return meta + spacing + self.checkpoint.fontMetrics().horizontalAdvance(text) <= self.width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._large:
            self.tick()  # the checkpoint's words follow the room
