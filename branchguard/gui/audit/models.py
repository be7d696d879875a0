"""Table models of the Audit page: the event list and the before/after diff of one event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.audit.text import (
    action_text,
    actor_text,
    entity_text,
    field_text,
    summary_text,
    value_text,
)
from branchguard.core.audit.types import AuditRecord
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import RowsModel
from branchguard.gui.kit.windowed import WindowedModel

_R = Qt.ItemDataRole
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
CHANGED_BACKGROUND = "#FFF4D6"  # a pale amber: noticeable without reading as an alarm


def local_time(record: AuditRecord) -> str:
    return record.at.astimezone().strftime(TIME_FORMAT)


class AuditModel(WindowedModel[AuditRecord]):
    """The events read so far, a window at a time (gui/kit/windowed.py): a header click reads
    the trail again in that column's SQL order (core/audit/service.py LIST_SORTS), every event
    of the filter ordered, not only those read."""

    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    COL_TIME, COL_USER, COL_ACTION, COL_ENTITY, COL_ID, COL_SUMMARY = range(6)
    SQL_SORTS: ClassVar[dict[int, str]] = {
        COL_TIME: "time",
        COL_USER: "user",
        COL_ACTION: "action",
        COL_ENTITY: "entity",
        COL_ID: "id",
        COL_SUMMARY: "summary",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Record"),  # as `audit list` and the export head it (audit.column.entity)
            self.tr("ID"),
            self.tr("Summary"),
        ]

    def cell(self, item: AuditRecord, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == _R.ToolTipRole:
            if column == self.COL_ACTION:
                return tip(item.action)
            if column == self.COL_SUMMARY and item.summary:
                return tip(summary_text(item))
        return None

    def _display(self, item: AuditRecord, column: int) -> str:
        if column == self.COL_TIME:
            return local_time(item)
        if column == self.COL_USER:
            return actor_text(item.actor)
        if column == self.COL_ACTION:
            return action_text(item.action)
        if column == self.COL_ENTITY:
            return entity_text(item.entity)
        if column == self.COL_ID:
            return item.entity_id
        return summary_text(item)


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: object
    after: object
    in_before: bool
    in_after: bool

    @property
    def changed(self) -> bool:
        return self.in_before != self.in_after or self.before != self.after


def field_changes(record: AuditRecord) -> list[FieldChange]:
    """Every field named in before or after, in the order the service wrote them."""
    names = list(record.after) + [k for k in record.before if k not in record.after]
    return [
        FieldChange(
            name,
            record.before.get(name),
            record.after.get(name),
            name in record.before,
            name in record.after,
        )
        for name in names
    ]


class AuditDiffModel(RowsModel[FieldChange]):
    COL_FIELD, COL_BEFORE, COL_AFTER = range(3)
    _entity = ""  # the record kind of the event shown: some codes mean one thing per kind

    def headers(self) -> list[str]:
        return [self.tr("Field"), self.tr("Before"), self.tr("After")]

    def set_record(self, record: AuditRecord | None) -> None:
        self._entity = record.entity if record is not None else ""
        self.set_rows(field_changes(record) if record is not None else [])

    def cell(self, item: FieldChange, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            if column == self.COL_FIELD:
                return field_text(item.name, self._entity)
            if column == self.COL_BEFORE:
                return value_text(item.name, item.before, self._entity)
            return value_text(item.name, item.after, self._entity)
        if role == _R.BackgroundRole and item.changed:
            return QColor(CHANGED_BACKGROUND)
        if role == _R.FontRole and item.changed and column == self.COL_AFTER:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.ToolTipRole and column == self.COL_FIELD:
            return self.tr("Changed") if item.changed else self.tr("Unchanged")
        return None
