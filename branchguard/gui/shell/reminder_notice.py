"""The in-window reminder notice: where there is no system tray to say that a reminder came due
(or its tray cannot show messages), a non-modal panel in the window's lower right corner lists the
reminders that fell due, each with Open, Snooze (an hour) and Dismiss. Each reminder is shown once:
the notice hears only those the schedules service announces as new; one that came due while the
window was locked is kept and shown when it is unlocked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.schedules.rules import reminder_overdue
from branchguard.core.schedules.types import ReminderInfo
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.times import date_time

MAX_ROWS = 5  # reminders listed at once; the bell's panel holds every one
MARGIN = 12  # pixels from the window's edge (above the status bar)
WIDTH = 460  # pixels at least (half the window at most beyond it): a title on one or two lines


class ReminderNotice(QFrame):
    """`open_requested`, `snooze_requested` and `dismiss_requested` are callables the centre gives:
    each takes the reminder; the row leaves the notice once acted on, the notice when it is empty."""

    def __init__(
        self,
        window: QWidget,
        on_open: Callable[[ReminderInfo], None],
        on_snooze: Callable[[ReminderInfo], None],
        on_dismiss: Callable[[ReminderInfo], None],
        clock: Callable[[], datetime],
        may_remind: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(window)
        self.setObjectName("reminder_notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"QFrame#reminder_notice {{ background: {style.SURFACE}; border: 1px solid {style.WARNING};"
            " border-radius: 6px; }"
        )
        self._window = window
        self._open, self._snooze, self._dismiss, self._clock = on_open, on_snooze, on_dismiss, clock
        self._may_remind = may_remind  # snooze and dismiss are the role table's "schedule.remind"
        self.reminders: list[ReminderInfo] = []
        self.heading = QLabel()
        self.heading.setObjectName("reminder_notice_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.close_button = QToolButton()
        self.close_button.setObjectName("reminder_notice_close")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self.more = QLabel()
        self.more.setProperty("role", "hint")
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 6, 6, 8)
        box.addLayout(top)
        box.addLayout(self.rows)
        box.addWidget(self.more)
        self.hide()
        window.installEventFilter(self)  # follows the window's corner as it is resized
        self.retranslate()

    # -- what it lists -------------------------------------------------------------------------
    def add(self, fresh: list[ReminderInfo]) -> None:
        """Reminders that just came due: listed (each once), the notice shown on top."""
        known = {r.id for r in self.reminders}
        self.reminders.extend(r for r in fresh if r.id not in known)
        self._rebuild()

    def remove(self, reminder: ReminderInfo) -> None:
        self.reminders = [r for r in self.reminders if r.id != reminder.id]
        self._rebuild()

    def _act(self, action: Callable[[ReminderInfo], None], reminder: ReminderInfo) -> None:
        self.remove(reminder)
        action(reminder)

    def _rebuild(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # out of the notice now, deleted once its click has returned
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        now = self._clock()
        actions = [("open", self.tr("Open"), self._open)]
        if self._may_remind():  # an auditor's notice only opens what is due
            actions.append(("snooze", self.tr("Snooze 1 h"), self._snooze))
            actions.append(("dismiss", self.tr("Dismiss"), self._dismiss))
        for row, reminder in enumerate(self.reminders[:MAX_ROWS]):
            overdue = reminder_overdue(reminder, now)
            label = plain(QLabel(f"{reminder.title}\n{self._when(reminder, overdue)}"))
            label.setObjectName(f"reminder_notice_text_{row}")
            label.setWordWrap(True)
            if overdue:
                label.setStyleSheet(f"color: {style.ERROR};")
            self.rows.addWidget(label, row, 0)
            for column, (name, text, action) in enumerate(actions, start=1):
                button = QPushButton(text)
                button.setObjectName(f"reminder_notice_{name}_{row}")
                button.clicked.connect(lambda _=False, a=action, r=reminder: self._act(a, r))
                self.rows.addWidget(button, row, column)
        self.rows.setColumnStretch(0, 1)
        for index in range(self.rows.count()):  # shown now, not a turn later: measured below with them
            item = self.rows.itemAt(index)
            if item is not None and (widget := item.widget()) is not None:
                widget.setVisible(True)
        hidden = len(self.reminders) - MAX_ROWS
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("%1 more under the bell").replace("%1", str(hidden)))
        self._show_heading()
        if self.reminders:
            self.adjustSize()
            self._place()
            self.show()
            self.raise_()
        else:
            self.hide()

    def _when(self, reminder: ReminderInfo, overdue: bool) -> str:
        text = self.tr("Overdue since %1") if overdue else self.tr("Due %1")
        return text.replace("%1", date_time(reminder.due_at))

    def _show_heading(self) -> None:
        self.heading.setText(self.tr("Reminders due: %1").replace("%1", str(len(self.reminders))))

    # -- where it sits -------------------------------------------------------------------------
    def _place(self) -> None:
        width = min(max(self.sizeHint().width(), WIDTH), max(self._window.width() // 2, WIDTH))
        self.resize(
            width, self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        )
        bottom = self._window.height() - MARGIN
        bar = getattr(self._window, "statusBar", None)
        if callable(bar):
            bottom -= bar().height()
        self.move(max(0, self._window.width() - self.width() - MARGIN), max(0, bottom - self.height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Close; the reminders stay under the bell"))
        if self.reminders:
            self._rebuild()
        else:
            self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
