"""Table models of the Incidents page: the incident list and the log entries a search found."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.incidents.rules import severity
from branchguard.core.incidents.text import entry_text
from branchguard.core.incidents.types import IncidentStatus, IncidentSummary, SearchHit
from branchguard.core.kernel.i18n import t
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time
from branchguard.gui.kit.windowed import WindowedModel

_R = Qt.ItemDataRole
# The levels of a row as a tuple of "I"/"II"/"III", for playbook_preview.LevelBadgeDelegate.
LEVELS_ROLE = Qt.ItemDataRole.UserRole + 3


def incident_swatch(summary: IncidentSummary) -> style.Swatch:
    """A drill's own colour, else its level's: a drill is never shown in a real incident's colour."""
    return style.DRILL if summary.drill else style.level_swatch(summary.level.value)


class IncidentListModel(WindowedModel[IncidentSummary]):
    """The incidents read so far, a window at a time (gui/kit/windowed.py)."""

    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    (
        COL_ID,
        COL_LEVEL,
        COL_WARNING,
        COL_TITLE,
        COL_DRILL,
        COL_STATUS,
        COL_PLAYBOOK,
        COL_STARTED,
        COL_BY,
        COL_CLOSED,
        COL_ENTRIES,
    ) = range(11)
    SQL_SORTS: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_LEVEL: "level",
        COL_WARNING: "warning",
        COL_TITLE: "title",
        COL_DRILL: "drill",
        COL_STATUS: "status",
        COL_PLAYBOOK: "playbook",
        COL_STARTED: "started",
        COL_BY: "by",
        COL_CLOSED: "closed",
        COL_ENTRIES: "entries",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Level"),
            self.tr("Warning"),
            self.tr("Title"),
            self.tr("Drill"),
            self.tr("Status"),
            self.tr("Playbook"),
            self.tr("Started"),
            self.tr("Started by"),
            self.tr("Closed"),
            self.tr("Entries"),
        ]

    def cell(self, item: IncidentSummary, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == LEVELS_ROLE and column == self.COL_LEVEL:
            return (item.level.value,)
        if role == SORT_ROLE:
            if column in (self.COL_ID, self.COL_ENTRIES):
                return item.id if column == self.COL_ID else item.entry_count
            if column == self.COL_LEVEL:
                return severity(item.level)
            if column == self.COL_STARTED:
                return item.started_at.timestamp()
            if column == self.COL_CLOSED:
                return item.closed_at.timestamp() if item.closed_at else float("inf")
            return None
        if role == _R.ToolTipRole and column == self.COL_LEVEL:
            return item.level.label
        if (
            role in (_R.BackgroundRole, _R.ForegroundRole)
            and column == self.COL_WARNING
            and item.warning_level
        ):
            swatch = style.WARNING_COLOURS[item.warning_level.value]
            return QColor(swatch.background if role == _R.BackgroundRole else swatch.foreground)
        if role == _R.BackgroundRole and column == self.COL_DRILL and item.drill:
            return QColor(style.DRILL.background)
        if role == _R.ForegroundRole and column == self.COL_DRILL and item.drill:
            return QColor(style.DRILL.foreground)
        if role == _R.FontRole and item.status == IncidentStatus.OPEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.TextAlignmentRole and column in (self.COL_ID, self.COL_ENTRIES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, item: IncidentSummary, column: int) -> str:
        if column == self.COL_ID:
            return str(item.id)
        if column == self.COL_LEVEL:
            return item.level.value
        if column == self.COL_WARNING:
            return item.warning_level.label if item.warning_level else ""
        if column == self.COL_TITLE:
            return item.title
        if column == self.COL_DRILL:
            return t("incident.drill_badge") if item.drill else ""
        if column == self.COL_STATUS:
            return item.status.label
        if column == self.COL_PLAYBOOK:
            if not item.playbook_code:
                return self.tr("Ad hoc")
            return f"{item.playbook_code} v{item.playbook_version}"
        if column == self.COL_STARTED:
            return date_time(item.started_at)
        if column == self.COL_BY:
            return self.who(item.started_by)
        if column == self.COL_CLOSED:
            return date_time(item.closed_at) if item.closed_at else ""
        return str(item.entry_count)


class SearchHitsModel(RowsModel[SearchHit]):
    COL_TIME, COL_INCIDENT, COL_KIND, COL_TEXT = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Incident"), self.tr("Type"), self.tr("Entry")]

    def cell(self, item: SearchHit, column: int, role: int) -> Any:
        entry = item.entry
        if role == _R.DisplayRole:
            if column == self.COL_TIME:
                return date_time(entry.at, seconds=True)
            if column == self.COL_INCIDENT:
                return f"#{item.incident_id} {item.incident_title}"
            if column == self.COL_KIND:
                return entry.kind.label
            return entry_text(entry)
        if role == SORT_ROLE and column == self.COL_TIME:
            return entry.at.timestamp()
        if role == _R.ToolTipRole and column == self.COL_TEXT:
            return tip(entry_text(entry))
        return None
