"""The follow mode's widgets, their sizes for the screen it is on, and their fixed texts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from branchguard.core.kernel.i18n import t
from branchguard.gui.incidents.console.header import sized
from branchguard.gui.incidents.follow_mode.widgets import NumbersPanel, StepArea
from branchguard.gui.kit import style
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.plain import WrapLabel, plain

DESIGN_HEIGHT = 1080  # type sizes are set for a 1080-line screen and scale with the window
STEP_POINTS = 64  # largest step text at DESIGN_HEIGHT; a long step shrinks towards MIN_STEP_POINTS
MIN_STEP_POINTS = 48  # readable from 3 m: a step that fits at this size is never shown smaller
# A long step on a small screen shrinks on to this (still read at arm's length) rather than be cut
# off; one too long even at this size scrolls (StepArea). Cut at 48, half of a step went unread.
LEGIBLE_STEP_POINTS = 26


class FollowView(QWidget):
    """Header (level, title, clock), the current step huge, the actions, the numbers on the right.

    Only layout and looks live here; FollowWindow fills it in and reacts to it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("follow_window")
        self.setStyleSheet(f"QWidget#follow_window {{ background: {style.WINDOW}; }}")
        self._build()
        self.retranslate()
        self.apply_scale()

    def _build(self) -> None:
        self.drill_banner = QLabel(t("incident.drill_badge"))
        self.drill_banner.setObjectName("follow_drill_banner")
        self.drill_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        drill = style.DRILL
        self.drill_banner.setStyleSheet(f"background: {drill.background}; color: {drill.foreground};")
        self.drill_banner.hide()
        self.level_badge = QLabel()
        self.level_badge.setObjectName("follow_level")
        self.title_label = WrapLabel()  # a long plan title takes two lines rather than the width
        self.title_label.setObjectName("follow_title")
        self.clock_caption = QLabel()
        self.clock_caption.setStyleSheet(f"color: {style.MUTED};")
        self.clock_label = QLabel("00:00:00")
        self.clock_label.setObjectName("follow_clock")
        self.leave_button = self._button("follow_leave")
        header = QHBoxLayout()
        header.addWidget(self.level_badge)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.clock_caption)
        header.addWidget(self.clock_label)
        header.addSpacing(16)
        header.addWidget(self.leave_button)

        self.counter_label = QLabel()
        self.counter_label.setObjectName("follow_counter")
        self.role_badge = plain(QLabel())  # the plan's role name
        self.role_badge.setObjectName("follow_role")
        self.holder_label = plain(QLabel())  # who holds the role (and the backup), beside it
        self.holder_label.setObjectName("follow_holder")
        self.target_label = QLabel()
        self.target_label.setObjectName("follow_target")
        meta = FlowLayout(spacing=12)  # the target time goes under the role on a small screen
        meta.add_widget(self.counter_label)
        meta.add_widget(self.role_badge)
        meta.add_widget(self.holder_label)
        meta.add_stretch()
        meta.add_widget(self.target_label)
        self.step_area = StepArea()
        self.next_label = WrapLabel()  # a long step word must not widen the window
        self.next_label.setObjectName("follow_next")
        self.next_label.setStyleSheet(f"color: {style.MUTED};")

        self.done_button = self._button("follow_done")
        self.done_button.setStyleSheet(
            f"QPushButton {{ background: {style.OK}; color: {style.ON_ACCENT}; border: none;"
            " border-radius: 12px; font-weight: 700; }"
            f"QPushButton:disabled {{ background: {style.BORDER}; color: {style.MUTED}; }}"
        )
        self.skip_button = self._button("follow_skip")
        self.undo_button = self._button("follow_undo")  # shown for a few seconds after a mark
        self.undo_button.hide()
        # A row widget, not a bare layout: a box layout whose buttons are all hidden (a closed
        # incident) caps the column's width at its minimum, and the step area shrank to 9 px.
        self.actions_row = QWidget()
        actions = QHBoxLayout(self.actions_row)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.done_button, 3)
        actions.addWidget(self.skip_button, 1)
        actions.addWidget(self.undo_button, 1)
        self.skip_reason = QLineEdit()
        self.skip_reason.setObjectName("follow_skip_reason")
        self.skip_reason.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.skip_confirm = self._button("follow_skip_confirm")
        self.skip_cancel = self._button("follow_skip_cancel")
        self.skip_row = QWidget()
        skip = QHBoxLayout(self.skip_row)
        skip.setContentsMargins(0, 0, 0, 0)
        skip.addWidget(self.skip_reason, 1)
        skip.addWidget(self.skip_confirm)
        skip.addWidget(self.skip_cancel)
        self.skip_row.hide()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("follow_note")
        # Typing boxes take the focus only when clicked (or N): Space on this screen means Done.
        self.note_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.note_button = self._button("follow_note_add")
        self.note_row = QWidget()
        note = QHBoxLayout(self.note_row)
        note.setContentsMargins(0, 0, 0, 0)
        note.addWidget(self.note_edit, 1)
        note.addWidget(self.note_button)
        self.status_label = plain(QLabel())  # messages quote steps and notes
        self.status_label.setObjectName("follow_status")
        self.status_label.setWordWrap(True)
        self.keys_hint = QLabel()
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet(f"color: {style.MUTED};")

        main = QVBoxLayout()
        main.addLayout(meta)
        main.addWidget(self.step_area, 1)
        main.addWidget(self.next_label)
        main.addSpacing(8)
        main.addWidget(self.actions_row)
        main.addWidget(self.skip_row)
        main.addWidget(self.note_row)
        main.addWidget(self.status_label)
        main.addWidget(self.keys_hint)
        self.numbers = NumbersPanel()
        body = QHBoxLayout()
        body.addLayout(main, 3)
        body.addSpacing(20)
        body.addWidget(self.numbers, 1)
        frame = QVBoxLayout()
        frame.setContentsMargins(28, 18, 28, 18)
        frame.setSpacing(12)
        frame.addLayout(header)
        frame.addLayout(body, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.drill_banner)
        outer.addLayout(frame, 1)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        # Space means Done everywhere on this screen: a focused Skip button must not take it.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def apply_scale(self) -> None:
        """Type sizes for the window's height: set for 1080 lines, never below the 3 m minimum."""
        scale = min(max(self.height() / DESIGN_HEIGHT, 0.6), 2.5)
        base = self.font()
        self.drill_banner.setFont(sized(base, 30 * scale, bold=True))
        self.drill_banner.setMinimumHeight(round(64 * scale))
        self.level_badge.setFont(sized(base, 26 * scale, bold=True))
        self.title_label.setFont(sized(base, 24 * scale, bold=True))
        self.clock_caption.setFont(sized(base, 16 * scale))
        self.clock_label.setFont(sized(self.numbers.font(), 40 * scale, bold=True))
        self.leave_button.setFont(sized(base, 14 * scale))
        self.counter_label.setFont(sized(base, 28 * scale, bold=True))
        self.role_badge.setFont(sized(base, 26 * scale, bold=True))
        self.target_label.setFont(sized(base, 22 * scale))
        self.holder_label.setFont(sized(base, 22 * scale, bold=True))
        self.step_area.set_sizes(LEGIBLE_STEP_POINTS, max(MIN_STEP_POINTS, STEP_POINTS * scale), 26 * scale)
        self.next_label.setFont(sized(base, 22 * scale))
        self.done_button.setFont(sized(base, 40 * scale, bold=True))
        self.done_button.setMinimumHeight(round(120 * scale))
        small = (self.skip_button, self.undo_button, self.skip_confirm, self.skip_cancel, self.note_button)
        for widget in small:
            widget.setFont(sized(base, 18 * scale))
            widget.setMinimumHeight(round(52 * scale))
        for edit in (self.skip_reason, self.note_edit):
            edit.setFont(sized(base, 18 * scale))
            edit.setMinimumHeight(round(52 * scale))
        self.status_label.setFont(sized(base, 16 * scale))
        self.keys_hint.setFont(sized(base, 13 * scale))
        self.numbers.set_scale(scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_scale()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.clock_caption.setText(self.tr("Elapsed"))
        self.leave_button.setText(self.tr("Leave (Esc)"))
        self.done_button.setText(self.tr("Done (Space)"))
        self.skip_button.setText(self.tr("Skip…"))
        self.skip_reason.setPlaceholderText(self.tr("Why is this step skipped?"))
        self.skip_confirm.setText(self.tr("Skip step"))
        self.skip_cancel.setText(self.tr("Cancel"))
        self.note_edit.setPlaceholderText(self.tr("Add a note (Enter saves)"))
        self.note_button.setText(self.tr("Add note"))
        self.keys_hint.setText(
            self.tr("Space: done · S: skip · U: undo · N: note · PgDn: read on · Esc: leave · F1: keys")
        )
