"""When a drill recorded afterwards was held: its day from a calendar pop-up and its time typed in
a field of its own that starts blank. One field for both kept 00:00 when the day was picked from the
pop-up, and a drill held at 14:30 was recorded as held at midnight: nothing is taken as entered
that the user did not enter."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QTableView, QWidget

from branchguard.core.drills.held import EARLIEST_HELD
from branchguard.gui.kit.dates import date_edit

# hh:mm; the full-width colon a Chinese input method types, and a dot, are taken for the colon.
_CLOCK = re.compile(r"\s*([01]?\d|2[0-3])\s*[:：.]\s*([0-5]\d)\s*")


def clock(text: str) -> time | None:
    """The time typed, or None when it is not hh:mm."""
    found = _CLOCK.fullmatch(text)
    return time(int(found[1]), int(found[2])) if found else None


class HeldWhen(QWidget):
    """The day (its earliest, 2000-01-01, reads "not entered yet") and the time, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        earliest = QDate(EARLIEST_HELD.year, EARLIEST_HELD.month, EARLIEST_HELD.day)
        self.day = date_edit(earliest)
        self.day.setDateRange(earliest, QDate.currentDate())
        self.day.setSpecialValueText(" ")  # retranslate words it
        calendar = self.day.calendarWidget()
        if calendar is not None:  # not entered yet: its pop-up opens on this month, not January 2000
            calendar.installEventFilter(self)
        self.time = QLineEdit()
        self.time.setObjectName("held_time")
        self.time.setMaxLength(8)
        self.time.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d :：.]*"), self.time))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.day, 3)
        box.addWidget(self.time, 2)
        self.setFocusProxy(self.day)  # an error about when it was held puts the cursor on the day

    def retranslate(self) -> None:
        self.day.setSpecialValueText(self.tr("Enter the date"))
        self.time.setPlaceholderText(self.tr("hh:mm"))
        self.time.setAccessibleName(self.tr("Time the drill began"))
        calendar = self.day.calendarWidget()
        grid = calendar.findChild(QTableView) if calendar is not None else None
        if grid is not None:  # the pop-up's days, made already (the pop-up is watched)
            grid.setAccessibleName(self.tr("Day the drill was held"))

    def day_entered(self) -> date | None:
        if self.day.date() == self.day.minimumDate():
            return None
        day = self.day.date()
        return date(day.year(), day.month(), day.day())

    def held_at(self) -> datetime | None:
        """The day and time entered (naive: local wall clock), None while either is missing."""
        day, at = self.day_entered(), clock(self.time.text())
        return datetime.combine(day, at) if day is not None and at is not None else None

    def set_held_at(self, at: datetime) -> None:
        self.day.setDate(QDate(at.year, at.month, at.day))
        self.time.setText(f"{at.hour:02d}:{at.minute:02d}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        calendar = self.day.calendarWidget()
        shown = event.type() == QEvent.Type.Show and watched is calendar and calendar is not None
        if shown and self.day_entered() is None:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
