"""The bell's rows: a reminder, or a schedule's missed occurrences folded into its latest one
(core/schedules/rules.fold_missed), whose title says how many were missed and since when, before
the schedule's title: the panel elides a long title's end, and the count, last, went with it. After a
fortnight closed the bell held 173 rows, 57 of them the same two-hourly fire patrol, each to be
selected and dismissed on its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from branchguard.core.schedules.types import ReminderInfo
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import RowsModel
from branchguard.gui.kit.times import date_time
from branchguard.gui.schedules.models import ReminderModel

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class ReminderRowsModel(RowsModel[ReminderInfo]):
    """Every cell is ReminderModel's, asked of the row's latest reminder (its due time, state and
    owner); only the title of a folded row says the count. ReminderModel is held, not inherited:
    PySide's tr() takes the runtime class as its context, and a subclass would lose its words."""

    TITLE, DUE, KIND, OWNER = ReminderModel.TITLE, ReminderModel.DUE, ReminderModel.KIND, ReminderModel.OWNER

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._one = ReminderModel(self)

    def headers(self) -> list[str]:
        return self._one.headers()

    def cell(self, item: ReminderInfo, column: int, role: int) -> Any:
        if item.earlier and column == self.TITLE and role in (_DISPLAY, _TOOLTIP):
            return self._folded_title(item) if role == _DISPLAY else self._folded_tip(item)
        return self._one.cell(item, column, role)

    def items(self) -> int:
        """The reminders behind the rows (a folded row stands for all of its missed ones)."""
        return sum(len(row.folded) for row in self.rows())

    def _folded_title(self, item: ReminderInfo) -> str:
        since = item.earlier[-1].due_at.astimezone().strftime("%m-%d")
        text = self.tr("%2 missed since %3 · %1")  # the count first: a long title is what the view elides
        return text.replace("%2", str(len(item.folded))).replace("%3", since).replace("%1", item.title)

    def _folded_tip(self, item: ReminderInfo) -> str:
        text = self.tr("%1: %2 missed, from %3 to %4. Snooze and Dismiss act on all of them.")
        first, last = date_time(item.earlier[-1].due_at), date_time(item.due_at)
        text = text.replace("%2", str(len(item.folded))).replace("%3", first).replace("%4", last)
        return tip(text.replace("%1", item.title))  # the title last: its own text is never a placeholder
