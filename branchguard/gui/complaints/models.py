"""Table model of the Complaints page: the register with its countdown, overdue rows red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.complaints.types import ComplaintInfo, ComplaintStatus
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time

_R = Qt.ItemDataRole
OVERDUE_BACKGROUND = QColor("#FDECEA")  # as the hazard register's
OVERDUE_TEXT = QColor(style.ERROR)


class ComplaintListModel(RowsModel[ComplaintInfo]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    (
        COL_NUMBER,
        COL_KIND,
        COL_CHANNEL,
        COL_RECEIVED,
        COL_DUE,
        COL_STATUS,
        COL_CUSTOMER,
        COL_CATEGORY,
        COL_REQUEST,
        COL_HANDLER,
    ) = range(10)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Type"),
            self.tr("Channel"),
            self.tr("Received"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Complainant"),
            self.tr("Category"),
            self.tr("Request"),
            self.tr("Handler"),
        ]

    def due_text(self, item: ComplaintInfo) -> str:
        """The due date with its countdown: days left, due today, or overdue."""
        if item.due_date is None:
            return self.tr("No deadline")
        day = item.due_date.isoformat()
        if item.overdue:
            late = self.tr("Overdue")
            return f"{day} · {late}"
        if item.days_left is None:
            return day
        if item.days_left == 0:
            today = self.tr("due today")
            return f"{day} · {today}"
        left = self.tr("%n day(s) left", "", item.days_left)
        return f"{day} · {left}"

    def cell(self, item: ComplaintInfo, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_NUMBER:
                return item.id
            if column == self.COL_RECEIVED:
                return item.received_at.timestamp()
            if column == self.COL_DUE:
                return item.due_at.timestamp() if item.due_at else float("inf")
            if column == self.COL_STATUS:
                return list(ComplaintStatus).index(item.status)
            return None
        if role == _R.BackgroundRole and item.overdue:
            return OVERDUE_BACKGROUND
        if role == _R.ForegroundRole and item.overdue:
            return OVERDUE_TEXT
        if role == _R.FontRole and item.overdue and column == self.COL_DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.ToolTipRole and column == self.COL_REQUEST:
            return tip(item.request)
        return None

    def _display(self, item: ComplaintInfo, column: int) -> str:
        if column == self.COL_NUMBER:
            return item.number
        if column == self.COL_KIND:
            return item.kind.label
        if column == self.COL_CHANNEL:
            return item.channel.label
        if column == self.COL_RECEIVED:
            return date_time(item.received_at)
        if column == self.COL_DUE:
            return self.due_text(item)
        if column == self.COL_STATUS:
            return item.status.label
        if column == self.COL_CUSTOMER:
            return item.customer_name
        if column == self.COL_CATEGORY:
            return item.category_name
        if column == self.COL_REQUEST:
            return item.request
        return self.who(item.handler)
