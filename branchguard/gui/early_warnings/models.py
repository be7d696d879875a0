"""Table model of the Warnings page: the early-warning log, each level in its own colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.early_warnings.types import EarlyWarning, WarningLevel
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time

_R = Qt.ItemDataRole


class WarningListModel(RowsModel[EarlyWarning]):
    COL_ID, COL_RECEIVED, COL_SOURCE, COL_LEVEL, COL_KIND, COL_STATE, COL_INCIDENT, COL_TEXT = range(8)

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Received"),
            self.tr("Issued by"),
            self.tr("Level"),
            self.tr("Hazard"),
            self.tr("State"),
            self.tr("Incident"),
            self.tr("Warning text"),
        ]

    def state_text(self, item: EarlyWarning) -> str:
        ended = item.ended
        if ended is None:
            return self.tr("In force")
        return f"{ended.kind.label} {date_time(ended.at)}"

    def cell(self, item: EarlyWarning, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_ID:
                return item.id
            if column == self.COL_RECEIVED:
                return item.received_at.timestamp()
            if column == self.COL_LEVEL:
                return list(WarningLevel).index(item.level)
            return None
        if role in (_R.BackgroundRole, _R.ForegroundRole) and column == self.COL_LEVEL:
            swatch = style.WARNING_COLOURS[item.level.value]
            return QColor(swatch.background if role == _R.BackgroundRole else swatch.foreground)
        if role == _R.ForegroundRole and not item.active:
            return QColor(style.MUTED)
        if role == _R.FontRole and item.active and item.level.severe:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.ToolTipRole and column == self.COL_TEXT:
            return tip(item.text)
        return None

    def _display(self, item: EarlyWarning, column: int) -> str:
        if column == self.COL_ID:
            return str(item.id)
        if column == self.COL_RECEIVED:
            return date_time(item.received_at)
        if column == self.COL_SOURCE:
            return item.source.label
        if column == self.COL_LEVEL:
            return item.level.label
        if column == self.COL_KIND:
            return item.kind.label
        if column == self.COL_STATE:
            return self.state_text(item)
        if column == self.COL_INCIDENT:
            return f"#{item.incident_id}" if item.incident_id is not None else ""
        return item.text
