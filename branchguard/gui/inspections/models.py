"""Table models of the Inspections page: the checklist templates with their schedules, the
inspection history, and the items of one inspection as the runner shows them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.inspections.types import (
    Answer,
    InspectionInfo,
    InspectionStatus,
    ItemResult,
    TemplateInfo,
)
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.core.schedules.types import ScheduleInfo
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time
from branchguard.gui.kit.windowed import WindowedModel

_R = Qt.ItemDataRole
FAIL_BACKGROUND = QColor("#FDECEA")  # a failed item, visibly red without hiding its text
FAIL_TEXT = QColor(style.ERROR)
PASS_TEXT = QColor(style.OK)
MUTED_TEXT = QColor(style.MUTED)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def result_mark(result: ItemResult | None) -> str:
    """A mark readable without colour: ✓ pass, ✗ fail, – not applicable, blank unanswered."""
    return {ItemResult.PASS: "✓", ItemResult.FAIL: "✗", ItemResult.NA: "–"}.get(result, "") if result else ""


def needs_photo(answer: Answer) -> bool:
    """A failed item whose template asks for a photo and that has none yet: submit refuses it."""
    return answer.result == ItemResult.FAIL and answer.item.photo_required_on_fail and not answer.photos


@dataclass(frozen=True)
class TemplateRow:
    """A template with the schedules that run it (usually one)."""

    template: TemplateInfo
    schedules: tuple[ScheduleInfo, ...]
    # Why no next date, when the holiday tables end before it (core/schedules/next_date.py): worked
    # out where the row is read, off the GUI thread, not at each paint.
    no_next_note: str = ""

    def next_due(self) -> ScheduleInfo | None:
        due = [s for s in self.schedules if s.active and s.next_due is not None]
        return min(due, key=lambda s: s.next_due or s.start_at) if due else None


class TemplateListModel(RowsModel[TemplateRow]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    COL_NAME, COL_CADENCE, COL_VERSION, COL_ITEMS, COL_ASSIGNEE, COL_NEXT, COL_OVERDUE = range(7)

    def headers(self) -> list[str]:
        return [
            self.tr("Checklist"),
            self.tr("Cadence"),
            self.tr("Version"),
            self.tr("Items"),
            self.tr("Assigned to"),
            self.tr("Next due"),
            self.tr("Overdue"),
        ]

    def version_text(self, info: TemplateInfo) -> str:
        text = f"v{info.version} {info.status.label}"
        if info.has_draft and info.status != PlaybookStatus.DRAFT:
            text += " · " + self.tr("draft pending")
        return text

    def assignee_text(self, item: TemplateRow) -> str:
        active = [s for s in item.schedules if s.active]
        if active:
            return ", ".join(dict.fromkeys(s.owner for s in active if s.owner))
        if item.schedules:
            owners = ", ".join(dict.fromkeys(s.owner for s in item.schedules if s.owner))
            return self.tr("Paused (%1)").replace("%1", owners)
        return self.tr("Not scheduled")

    def cell(self, item: TemplateRow, column: int, role: int) -> Any:
        info = item.template
        active = [s for s in item.schedules if s.active]
        overdue = sum(s.overdue_count for s in active)
        nxt = item.next_due()
        if role == _R.DisplayRole:
            if column == self.COL_NAME:
                return info.name.text
            if column == self.COL_CADENCE:
                return info.cadence.label
            if column == self.COL_VERSION:
                return self.version_text(info)
            if column == self.COL_ITEMS:
                return str(info.item_count)
            if column == self.COL_ASSIGNEE:
                return self.assignee_text(item)
            if column == self.COL_NEXT:
                if nxt is not None and nxt.next_due:
                    return date_time(nxt.next_due)
                return self.tr("none: see the tooltip") if item.no_next_note else ""
            return str(overdue) if overdue else ""
        if role == SORT_ROLE:
            if column == self.COL_NEXT:
                return nxt.next_due.timestamp() if nxt is not None and nxt.next_due else float("inf")
            if column in (self.COL_ITEMS, self.COL_OVERDUE):
                return info.item_count if column == self.COL_ITEMS else overdue
            return None
        if role == _R.ForegroundRole:
            if column == self.COL_OVERDUE and overdue:
                return FAIL_TEXT
            if column == self.COL_ASSIGNEE and not active:
                return MUTED_TEXT
            if column == self.COL_NEXT and nxt is None and item.no_next_note:
                return FAIL_TEXT
        if role == _R.ToolTipRole and column == self.COL_NAME:
            return tip(f"{info.code} · {info.name.zh} / {info.name.en}")
        if role == _R.ToolTipRole and column == self.COL_NEXT and item.no_next_note:
            return tip(item.no_next_note)
        if role == _R.TextAlignmentRole and column in (self.COL_ITEMS, self.COL_OVERDUE):
            return _RIGHT
        return None


class InspectionHistoryModel(WindowedModel[InspectionInfo]):
    """The inspections read so far, a window at a time (gui/kit/windowed.py)."""

    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    (
        COL_ID,
        COL_TEMPLATE,
        COL_STATUS,
        COL_LOCATION,
        COL_INSPECTOR,
        COL_STARTED,
        COL_SUBMITTED,
        COL_RESULTS,
        COL_HAZARDS,
    ) = range(9)
    SQL_SORTS: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_STATUS: "status",
        COL_LOCATION: "location",
        COL_INSPECTOR: "inspector",
        COL_STARTED: "started",
        COL_SUBMITTED: "submitted",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Checklist"),
            self.tr("Status"),
            self.tr("Location"),
            self.tr("Inspector"),
            self.tr("Started"),
            self.tr("Submitted"),
            self.tr("Results"),
            self.tr("Hazards"),
        ]

    def results_text(self, info: InspectionInfo) -> str:
        text = (
            self.tr("%1 / %2 answered, %3 failed")
            .replace("%1", str(info.answered))
            .replace("%2", str(info.total))
            .replace("%3", str(info.failed))
        )
        if info.amendment_count:
            text += " · " + self.tr("%1 amended").replace("%1", str(info.amendment_count))
        return text

    def cell(self, item: InspectionInfo, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            if column == self.COL_ID:
                return str(item.id)
            if column == self.COL_TEMPLATE:
                return f"{item.template_name.text} v{item.template_version}"
            if column == self.COL_STATUS:
                return item.status.label
            if column == self.COL_LOCATION:
                return item.location
            if column == self.COL_INSPECTOR:
                return self.who(item.submitted_by or item.started_by)
            if column == self.COL_STARTED:
                return date_time(item.started_at)
            if column == self.COL_SUBMITTED:
                return date_time(item.submitted_at) if item.submitted_at else ""
            if column == self.COL_RESULTS:
                return self.results_text(item)
            return str(item.hazard_count) if item.hazard_count else ""
        if role == SORT_ROLE:
            if column == self.COL_ID:
                return item.id
            if column == self.COL_STARTED:
                return item.started_at.timestamp()
            if column == self.COL_SUBMITTED:
                return item.submitted_at.timestamp() if item.submitted_at else float("inf")
            if column == self.COL_RESULTS:
                return item.failed
            if column == self.COL_HAZARDS:
                return item.hazard_count
            return None
        if role == _R.ForegroundRole and column in (self.COL_RESULTS, self.COL_HAZARDS) and item.failed:
            return FAIL_TEXT
        if role == _R.FontRole and item.status == InspectionStatus.DRAFT:
            font = QFont()
            font.setBold(True)  # a run still in progress stands out
            return font
        if role == _R.TextAlignmentRole and column in (self.COL_ID, self.COL_HAZARDS):
            return _RIGHT
        return None


class ChecklistModel(RowsModel[Answer]):
    """The items of one inspection; failed ones on a red ground, a missing required photo flagged."""

    COL_NUMBER, COL_RESULT, COL_TEXT, COL_CATEGORY, COL_NOTE, COL_PHOTOS = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Result"),
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Note"),
            self.tr("Photos"),
        ]

    def replace(self, answer: Answer) -> None:
        """Show one item's new state (a local answer, or the one the service saved)."""
        row = self.find_row(lambda a: a.number == answer.number)
        if row < 0:
            return
        self._rows[row] = answer
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def answer(self, number: int) -> Answer | None:
        row = self.find_row(lambda a: a.number == number)
        return self._rows[row] if row >= 0 else None

    def photos_text(self, answer: Answer) -> str:
        if needs_photo(answer):
            return self.tr("Photo missing")
        return str(len(answer.photos)) if answer.photos else ""

    def cell(self, item: Answer, column: int, role: int) -> Any:
        failed = item.result == ItemResult.FAIL
        if role == _R.DisplayRole:
            if column == self.COL_NUMBER:
                return str(item.number)
            if column == self.COL_RESULT:
                return f"{result_mark(item.result)} {item.result.label}" if item.result else ""
            if column == self.COL_TEXT:
                return item.item.text.text
            if column == self.COL_CATEGORY:
                return item.item.category.label
            if column == self.COL_NOTE:
                return item.note
            return self.photos_text(item)
        if role == _R.BackgroundRole and failed:
            return FAIL_BACKGROUND
        if role == _R.ForegroundRole:
            if column == self.COL_RESULT and item.result is not None:
                return FAIL_TEXT if failed else (PASS_TEXT if item.result == ItemResult.PASS else MUTED_TEXT)
            if column == self.COL_PHOTOS and needs_photo(item):
                return FAIL_TEXT
        if (
            role == _R.FontRole
            and column in (self.COL_RESULT, self.COL_PHOTOS)
            and (failed or needs_photo(item))
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.ToolTipRole and column == self.COL_TEXT:
            return tip(f"{item.item.text.text}\n{item.item.criterion.text}")
        if role == _R.TextAlignmentRole and column == self.COL_NUMBER:
            return _RIGHT
        if role == _R.TextAlignmentRole and column == self.COL_PHOTOS:
            return _CENTER
        return None
