"""Table models of schedule reminders and occurrences (the notification centre and the agenda)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from branchguard.core.schedules.rules import occurrence_overdue, reminder_overdue
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus, ReminderInfo
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time, now_utc

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
OVERDUE_COLOUR = QColor(style.ERROR)
DONE_COLOUR = QColor(style.MUTED)


class ReminderModel(RowsModel[ReminderInfo]):
    """Reminders showing now: title, due (local time), coming up or overdue (in red)."""

    TITLE, DUE, KIND, OWNER = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Reminder"), self.tr("Due"), self.tr("State"), self.tr("Owner")]

    def cell(self, item: ReminderInfo, column: int, role: int) -> Any:
        if role == _FOREGROUND:
            return OVERDUE_COLOUR if reminder_overdue(item, now_utc()) else None
        if role == SORT_ROLE and column == self.DUE:
            return item.due_at.timestamp()
        if role == _TOOLTIP:
            return tip(f"{item.title} · {date_time(item.due_at)}")
        if role != _DISPLAY:
            return None
        if column == self.TITLE:
            return item.title
        if column == self.DUE:
            return date_time(item.due_at)
        if column == self.KIND:
            return self.tr("Overdue") if reminder_overdue(item, now_utc()) else self.tr("Coming up")
        return item.owner


class OccurrenceModel(RowsModel[OccurrenceInfo]):
    """The agenda: occurrences in a date range, earliest first; overdue ones in red."""

    DUE, TITLE, KIND, OWNER, STATUS = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Title"), self.tr("Type"), self.tr("Owner"), self.tr("Status")]

    def cell(self, item: OccurrenceInfo, column: int, role: int) -> Any:
        if role == _FOREGROUND:
            if occurrence_overdue(item, now_utc()):
                return OVERDUE_COLOUR
            return DONE_COLOUR if item.status is not OccurrenceStatus.OPEN else None
        if role == SORT_ROLE and column == self.DUE:
            return item.due_at.timestamp()
        if role != _DISPLAY:
            return None
        if column == self.DUE:
            return date_time(item.due_at)
        if column == self.TITLE:
            return item.title
        if column == self.KIND:
            return item.kind.label
        if column == self.OWNER:
            return item.owner
        if occurrence_overdue(item, now_utc()):
            return self.tr("Overdue")
        return item.status.label
