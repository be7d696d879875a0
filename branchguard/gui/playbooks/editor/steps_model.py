"""The steps of the plan being edited: a table model whose every change goes through the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QUndoStack

from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import Step
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import ITEM_ROLE
from branchguard.gui.playbooks.editor.commands import (
    Edit,
    EditCommand,
    InsertRow,
    MoveRow,
    RemoveRow,
    ReplaceRow,
)

Index = QModelIndex | QPersistentModelIndex
_R = Qt.ItemDataRole
_DISPLAY = _R.DisplayRole


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


class StepsModel(QAbstractTableModel):
    """Rows are Steps in plan order. Views read it like any table; edits use `add_step`,
    `remove_step`, `move_step`, `edit_step` (or Qt's moveRows / drag and drop), each one
    undoable step. The row primitives (`insert_row`, …) are for the undo commands only.

    The step number is the vertical header: it belongs to the position, not to the step, so it
    is not data that moves with a row."""

    COL_TEXT_ZH, COL_TEXT_EN, COL_ROLE, COL_TARGET, COL_REPORT, COL_JUMP = range(6)
    MIME_TYPE = "application/x-branchguard-step-key"

    step_changed = Signal(str)  # key of a step added, edited or moved, by an edit or by undo/redo

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._steps: list[Step] = []
        # Every key this editor has seen: a new step never takes the key of one removed in this
        # session or in the loaded version, so the version diff does not pair unrelated steps.
        self._used_keys: set[str] = set()
        self._role_label: Callable[[str], str | None] = lambda code: None
        self.editable = True

    # -- reading -------------------------------------------------------------------------------
    def load(self, steps: Sequence[Step]) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self._used_keys = {s.key for s in steps}
        self.endResetModel()

    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    def item_at(self, row: int) -> Step:
        return self._steps[row]

    def row_of(self, key: str | None) -> int:
        return next((i for i, s in enumerate(self._steps) if s.key == key), -1)

    def fresh_key(self) -> str:
        n = len(self._steps) + 1
        while f"s{n}" in self._used_keys:
            n += 1
        return f"s{n}"

    def set_role_label(self, label: Callable[[str], str | None]) -> None:
        """How to name a role code (None: not one of the plan's roles); called again when roles change."""
        self._role_label = label
        if self._steps:
            last = len(self._steps) - 1
            self.dataChanged.emit(self.index(0, self.COL_ROLE), self.index(last, self.COL_ROLE))

    # -- undoable edits ------------------------------------------------------------------------
    def _push(self, text: str, edits: list[Edit], merge_tag: Hashable | None = None) -> None:
        self._stack.push(EditCommand(text, edits, merge_tag))

    def add_step(self, row: int | None = None, role: str = "") -> int:
        """A new empty step at `row` (the end when None); returns its row."""
        row = len(self._steps) if row is None else max(0, min(row, len(self._steps)))
        step = Step(key=self.fresh_key(), text=Text2(), role=role)
        self._used_keys.add(step.key)
        self._push(self.tr("add step %1").replace("%1", str(row + 1)), [InsertRow(self, row, step)])
        return row

    def remove_step(self, row: int) -> list[int]:
        """Remove a step; jumps to it are cleared in the same undo step (their condition text
        stays as a note). Returns the numbers, after the removal, of the steps that lost a jump."""
        key = self._steps[row].key
        referrers = [i for i, s in enumerate(self._steps) if s.goto == key and i != row]
        edits: list[Edit] = [ReplaceRow(self, i, replace(self._steps[i], goto=None)) for i in referrers]
        edits.append(RemoveRow(self, row))
        self._push(self.tr("remove step %1").replace("%1", str(row + 1)), edits)
        return [i + 1 if i < row else i for i in referrers]

    def move_step(self, row: int, to_row: int) -> bool:
        """Move the step at `row` so that it ends up at `to_row`; False when that is no move."""
        count = len(self._steps)
        if not (0 <= row < count and 0 <= to_row < count) or row == to_row:
            return False
        self._push(self.tr("move step %1").replace("%1", str(row + 1)), [MoveRow(self, row, to_row)])
        return True

    def edit_step(self, row: int, typing: str | None = None, **changes: Any) -> bool:
        """Change fields of a step; `typing` names the input, so that consecutive edits in that
        input merge into one undo step. False when nothing changed."""
        old = self._steps[row]
        new = replace(old, **changes)
        if new == old:
            return False
        tag = ("step", row, typing) if typing else None
        self._push(self.tr("edit step %1").replace("%1", str(row + 1)), [ReplaceRow(self, row, new)], tag)
        return True

    # -- primitives of the undo commands -------------------------------------------------------
    def insert_row(self, row: int, item: Step) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._steps.insert(row, item)
        self.endInsertRows()
        self._renumbered(row)
        self.step_changed.emit(item.key)

    def take_row(self, row: int) -> Step:
        self.beginRemoveRows(QModelIndex(), row, row)
        step = self._steps.pop(row)
        self.endRemoveRows()
        self._renumbered(row)
        return step

    def replace_row(self, row: int, item: Step) -> Step:
        old = self._steps[row]
        self._steps[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.step_changed.emit(item.key)
        return old

    def move_row(self, row: int, to_row: int) -> None:
        # Qt counts the destination before the move: below the source it is one further down.
        destination = to_row + 1 if to_row > row else to_row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        step = self._steps.pop(row)
        self._steps.insert(to_row, step)
        self.endMoveRows()
        self._renumbered(min(row, to_row))
        self.step_changed.emit(step.key)

    def _renumbered(self, first: int) -> None:
        last = len(self._steps) - 1
        if last < 0:
            return
        if first <= last:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)
        # A jump shows the number of its target, which may be any step.
        self.dataChanged.emit(self.index(0, self.COL_JUMP), self.index(last, self.COL_JUMP))

    # -- Qt: table -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == _DISPLAY and 0 <= section < len(self._steps):
                return str(section + 1)
            if role == _R.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == _DISPLAY:
            headers = [
                self.tr("Step (Chinese)"),
                self.tr("Step (English)"),
                self.tr("Responsible"),
                self.tr("Target"),
                self.tr("Report within"),
                self.tr("If … go to"),
            ]
            return headers[section] if 0 <= section < len(headers) else None
        if role == _R.ToolTipRole and section == self.COL_TARGET:
            return self.tr("Target time, in minutes from the start of the incident")
        if role == _R.ToolTipRole and section == self.COL_REPORT:
            return self.tr("Mandatory reporting checkpoint (上报) and its deadline")
        return None

    def duration(self, minutes: int) -> str:
        if minutes >= 60 and minutes % 60 == 0:
            return self.tr("%1 h").replace("%1", str(minutes // 60))
        return self.tr("%1 min").replace("%1", str(minutes))

    def jump_text(self, step: Step) -> str:
        if step.goto is None:
            return step.condition.text
        target = self.row_of(step.goto)
        number = str(target + 1) if target >= 0 else "?"
        if not step.condition:
            return self.tr("→ step %1").replace("%1", number)
        # The target first: a long condition is cut off at the end, the jump stays visible.
        return self.tr("→ step %2: %1").replace("%1", step.condition.text).replace("%2", number)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        step, column = self._steps[index.row()], index.column()
        if role == ITEM_ROLE:
            return step
        if role == _DISPLAY:
            return self._display(step, column)
        if role == _R.ToolTipRole:
            return tip(self._tooltip(step, column) or "")
        if role == _R.TextAlignmentRole:
            if column in (self.COL_TARGET, self.COL_REPORT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == _R.ForegroundRole:
            if column == self.COL_ROLE and step.role and self._role_label(step.role) is None:
                return QColor(style.ERROR)  # a role the plan no longer has: saving will say so
            if column == self.COL_REPORT:
                return QColor(style.WARNING if step.deadline_minutes is not None else style.ERROR)
            return None
        if role == _R.FontRole and column == self.COL_REPORT and step.checkpoint:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, step: Step, column: int) -> str | None:
        if column == self.COL_TEXT_ZH:
            return first_line(step.text.zh)
        if column == self.COL_TEXT_EN:
            return first_line(step.text.en)
        if column == self.COL_ROLE:
            return (self._role_label(step.role) or step.role) if step.role else ""
        if column == self.COL_TARGET:
            return self.duration(step.target_minutes) if step.target_minutes is not None else ""
        if column == self.COL_REPORT:
            if not step.checkpoint:
                return ""
            if step.deadline_minutes is None:
                return self.tr("no deadline")
            return self.duration(step.deadline_minutes)
        if column == self.COL_JUMP:
            return self.jump_text(step)
        return None

    def _tooltip(self, step: Step, column: int) -> str | None:
        if column == self.COL_TEXT_ZH and step.text.zh:
            return step.text.zh
        if column == self.COL_TEXT_EN and step.text.en:
            return step.text.en
        if column == self.COL_JUMP and (step.condition or step.goto):
            return self.jump_text(step)
        return None

    # -- Qt: drag and drop (InternalMove) ------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows only: dropping onto a step means nothing here.
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.editable else flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(self.MIME_TYPE, "\n".join(self._steps[r].key for r in rows).encode("utf-8"))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.editable or action != Qt.DropAction.MoveAction or not data.hasFormat(self.MIME_TYPE):
            return False
        keys = bytes(data.data(self.MIME_TYPE).data()).decode("utf-8").split("\n")
        source = self.row_of(keys[0]) if len(keys) == 1 else -1
        if source < 0:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._steps)
        return self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """Qt's move (destination counted before the move), as one undoable step."""
        if sourceParent.isValid() or destinationParent.isValid() or count != 1:
            return False
        if not 0 <= destinationChild <= len(self._steps):
            return False
        to_row = destinationChild if destinationChild <= sourceRow else destinationChild - 1
        return self.move_step(sourceRow, to_row)
