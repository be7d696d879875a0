"""Table models of the hazard register: the hazards (overdue rows red), a hazard's remediation
steps and its history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from branchguard.core.hazards.rules import Milestones
from branchguard.core.hazards.types import (
    HazardEvent,
    HazardInfo,
    HazardSeverity,
    HazardStatus,
    RemediationStep,
)
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.kit.times import date_time

_R = Qt.ItemDataRole
OVERDUE_BACKGROUND = QColor("#FDECEA")
OVERDUE_TEXT = QColor(style.ERROR)
MAJOR = style.Swatch("#C62828", "#FFFFFF")  # 重大隐患: the colour of the highest incident level
GENERAL = style.Swatch("#F9C80E", "#1B1F23")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def severity_swatch(severity: HazardSeverity) -> style.Swatch:
    return MAJOR if severity == HazardSeverity.MAJOR else GENERAL


def hazard_reference(info: HazardInfo) -> str:
    return info.number or f"#{info.id}"


class HazardListModel(RowsModel[HazardInfo]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    (
        COL_NUMBER,
        COL_SEVERITY,
        COL_TITLE,
        COL_LOCATION,
        COL_OWNER,
        COL_STATUS,
        COL_OPENED,
        COL_DUE,
        COL_AGE,
        COL_SOURCE,
    ) = range(10)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Severity"),
            self.tr("Hazard"),
            self.tr("Location"),
            self.tr("Owner"),
            self.tr("Status"),
            self.tr("Opened"),
            self.tr("Due"),
            self.tr("Days open"),
            self.tr("Source"),
        ]

    def due_text(self, item: HazardInfo) -> str:
        text = item.due_date.isoformat()
        overdue = self.tr("Overdue")  # tr() outside the f-string, where lupdate finds it
        return f"{text} · {overdue}" if item.overdue else text

    def status_text(self, item: HazardInfo) -> str:
        """Its status; verified or closed with milestones outstanding (under a reason), said so."""
        if not item.closed_short:
            return item.status.label
        short = self.tr("milestones outstanding")
        return f"{item.status.label} · {short}"

    def source_text(self, item: HazardInfo) -> str:
        if item.inspection_id is None:
            return item.source.label
        return (
            self.tr("Inspection #%1, item %2")
            .replace("%1", str(item.inspection_id))
            .replace("%2", str(item.item_number or ""))
        )

    def cell(self, item: HazardInfo, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_SEVERITY:
                return 0 if item.severity == HazardSeverity.MAJOR else 1
            if column == self.COL_OPENED:
                return item.opened_at.timestamp()
            if column == self.COL_DUE:
                return item.due_at.timestamp()
            if column == self.COL_AGE:
                return item.age_days
            if column == self.COL_NUMBER:
                return item.id
            if column == self.COL_STATUS:
                return list(HazardStatus).index(item.status)
            return None
        if role == _R.BackgroundRole:
            if column == self.COL_SEVERITY:
                return QColor(severity_swatch(item.severity).background)
            return OVERDUE_BACKGROUND if item.overdue else None
        if role == _R.ForegroundRole:
            if column == self.COL_SEVERITY:
                return QColor(severity_swatch(item.severity).foreground)
            return OVERDUE_TEXT if item.overdue else None
        if role == _R.FontRole and (item.overdue or column == self.COL_SEVERITY):
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.ToolTipRole and column == self.COL_TITLE:
            return tip(item.description)
        if role == _R.ToolTipRole and column == self.COL_STATUS and item.closed_short:
            return tip(str(Milestones(item.outstanding)))
        if role == _R.ToolTipRole and column == self.COL_OPENED:
            return tip(f"{date_time(item.opened_at)} · {self.who(item.opened_by)}")
        if role == _R.TextAlignmentRole and column == self.COL_AGE:
            return _RIGHT
        return None

    def _display(self, item: HazardInfo, column: int) -> str:
        if column == self.COL_NUMBER:
            return hazard_reference(item)
        if column == self.COL_SEVERITY:
            return item.severity.label
        if column == self.COL_TITLE:
            return item.title or item.description
        if column == self.COL_LOCATION:
            return item.location
        if column == self.COL_OWNER:
            return item.owner
        if column == self.COL_STATUS:
            return self.status_text(item)
        if column == self.COL_OPENED:
            return item.opened_at.astimezone().strftime("%Y-%m-%d")  # the day: ageing counts days
        if column == self.COL_DUE:
            return self.due_text(item)
        if column == self.COL_AGE:
            return str(item.age_days)
        return self.source_text(item)


class RemediationStepsModel(RowsModel[RemediationStep]):
    COL_AT, COL_KIND, COL_TEXT, COL_EVIDENCE, COL_BY = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Step"),
            self.tr("What was done"),
            self.tr("Evidence"),
            self.tr("By"),
        ]

    def cell(self, item: RemediationStep, column: int, role: int) -> Any:
        if role == _R.ToolTipRole and column in (self.COL_TEXT, self.COL_EVIDENCE):
            return tip(item.text if column == self.COL_TEXT else "\n".join(ref.name for ref in item.evidence))
        if role != _R.DisplayRole:
            return None
        if column == self.COL_AT:
            return date_time(item.added_at)
        if column == self.COL_KIND:
            return item.kind.label
        if column == self.COL_TEXT:
            return item.text
        if column == self.COL_EVIDENCE:
            return ", ".join(ref.name for ref in item.evidence)
        return self.who(item.added_by)


class HazardEventsModel(RowsModel[HazardEvent]):
    COL_AT, COL_KIND, COL_BY, COL_NOTE = range(4)

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Event"), self.tr("By"), self.tr("Details")]

    def details(self, item: HazardEvent) -> str:
        changes = "; ".join(
            f"{name}: {before or '—'} → {after or '—'}" for name, (before, after) in item.changes.items()
        )
        return " · ".join(part for part in (item.note, changes) if part)

    def cell(self, item: HazardEvent, column: int, role: int) -> Any:
        if role == _R.ToolTipRole and column == self.COL_NOTE:
            return tip(self.details(item))
        if role != _R.DisplayRole:
            return None
        if column == self.COL_AT:
            return date_time(item.at)
        if column == self.COL_KIND:
            return item.kind.label
        if column == self.COL_BY:
            return self.who(item.actor)
        return self.details(item)


def history_table(name: str, model: Any, stretch: int) -> QTableView:
    """A hazard's steps or history, read-only: the first column (when) sized, `stretch` stretched."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    size_columns(table.horizontalHeader(), [(0, 130)])
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
