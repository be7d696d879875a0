"""The console's step list: each playbook step with its role, target time, state, who and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.accounts.names import Names
from branchguard.core.incidents.rules import step_due, step_overdue
from branchguard.core.incidents.text import goal_text, step_role_text
from branchguard.core.incidents.types import IncidentStep, StepState
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import RowsModel
from branchguard.gui.kit.times import local_clock, now_utc, target_clock

_R = Qt.ItemDataRole
DONE_BACKGROUND = "#E8F3E9"  # pale green: finished, out of the way
SKIPPED_BACKGROUND = "#F1F3F4"
CURRENT_BACKGROUND = "#FFF4D6"  # the pale amber the app uses for "look here"


class IncidentStepsModel(RowsModel[IncidentStep]):
    COL_NUMBER, COL_TEXT, COL_ROLE, COL_TARGET, COL_STATE, COL_BY = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._started: datetime | None = None
        self._current = 0  # number of the first pending step
        self._who = Names()  # logins shown as people's names once the console has read them

    def set_names(self, who: Names) -> None:
        if who != self._who:
            self._who = who
            if self.rowCount():
                column = self.COL_BY
                self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def set_steps(self, steps: tuple[IncidentStep, ...], started: datetime) -> None:
        self._started = started
        self._current = next((s.number for s in steps if s.state == StepState.PENDING), 0)
        self.set_rows(steps)

    def current_number(self) -> int:
        return self._current

    def tick(self) -> None:
        """Time passed: pending steps may have gone past their target."""
        if self.rowCount():
            column = self.COL_TARGET
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Step"),
            self.tr("Role"),
            self.tr("Target"),
            self.tr("Status"),
            self.tr("Who, when"),
        ]

    def overdue(self, step: IncidentStep, now: datetime | None = None) -> bool:
        return self._started is not None and step_overdue(step, self._started, now or now_utc())

    def cell(self, item: IncidentStep, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == _R.ToolTipRole and column == self.COL_TARGET:
            return tip(self._target(item, whole=True))
        if role == _R.ToolTipRole and column in (self.COL_TEXT, self.COL_STATE):
            return tip(self._display(item, column))
        if role == _R.BackgroundRole:
            if item.state == StepState.DONE:
                return QColor(DONE_BACKGROUND)
            if item.state == StepState.SKIPPED:
                return QColor(SKIPPED_BACKGROUND)
            if item.number == self._current:
                return QColor(CURRENT_BACKGROUND)
            return None
        if role == _R.ForegroundRole:
            if column == self.COL_TARGET and self.overdue(item):
                return QColor(style.ERROR)
            if item.state == StepState.SKIPPED:
                return QColor(style.MUTED)
            return None
        if role == _R.FontRole and (
            item.number == self._current or (column == self.COL_TARGET and self.overdue(item))
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.TextAlignmentRole and column == self.COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, item: IncidentStep, column: int) -> str:
        if column == self.COL_NUMBER:
            return str(item.number)
        if column == self.COL_TEXT:
            return item.text.text
        if column == self.COL_ROLE:
            return step_role_text(item)
        if column == self.COL_TARGET:
            return self._target(item)
        if column == self.COL_STATE:
            if item.state == StepState.SKIPPED and item.reason:
                return f"{item.state.label}: {item.reason}"
            return item.state.label
        if item.by is None or item.at is None or self._started is None:
            return ""
        return f"{self._who(item.by)} · {local_clock(item.at, self._started)}"

    def _target(self, item: IncidentStep, whole: bool = False) -> str:
        """ "≤ 3 min (09:15)", "≤ 10 min (00:05)" started at 23:55 (see times.target_clock; a date
        would push the clock out of the narrow column); `whole`, for the tooltip, with its date once
        the incident spans days or the target falls on another day. A report to head office by its
        deadline, as in follow mode."""
        text = goal_text(item)
        due = step_due(item, self._started) if self._started is not None else None
        if due is None or self._started is None:
            return text
        clock = local_clock(due, self._started) if whole else target_clock(due, self._started)
        return f"{text} ({clock})"
