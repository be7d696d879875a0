"""The roles a plan assigns steps to: an editable table model whose edits go through the undo stack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Text2
from branchguard.core.people.types import BranchRole
from branchguard.core.playbooks.types import PlanRole
from branchguard.gui.kit.rows import ITEM_ROLE
from branchguard.gui.playbooks.editor.commands import EditCommand, InsertRow, RemoveRow, ReplaceRow
from branchguard.gui.playbooks.editor.steps_model import StepsModel

Index = QModelIndex | QPersistentModelIndex
_R = Qt.ItemDataRole
_DISPLAY = _R.DisplayRole


def post_role(post: BranchRole) -> PlanRole:
    """A branch post as a plan role, named in both languages whatever the window shows."""
    key = f"branch_role.{post.value}"
    return PlanRole(post.value, Text2(t(key, lang="zh_CN"), t(key, lang="en")))


class RolesModel(QAbstractTableModel):
    """Code, Chinese and English name of each role. Cells are edited in place; a role that
    steps use keeps its code and cannot be removed (`refused` says why)."""

    COL_CODE, COL_NAME_ZH, COL_NAME_EN = range(3)

    refused = Signal(str)  # why an edit was not made, for the user

    def __init__(self, stack: QUndoStack, steps: StepsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._steps = steps
        self._roles: list[PlanRole] = []
        self.editable = True

    # -- reading -------------------------------------------------------------------------------
    def load(self, roles: Sequence[PlanRole]) -> None:
        self.beginResetModel()
        self._roles = list(roles)
        self.endResetModel()

    def roles(self) -> tuple[PlanRole, ...]:
        return tuple(self._roles)

    def item_at(self, row: int) -> PlanRole:
        return self._roles[row]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._roles) if r.code == code), -1)

    def label(self, code: str) -> str | None:
        """The role's name in the current language; None when the plan has no such role."""
        row = self.row_of(code)
        if row < 0:
            return None
        return self._roles[row].name.text or code

    def users(self, code: str) -> list[int]:
        """Numbers of the steps this role is responsible for."""
        return [i + 1 for i, s in enumerate(self._steps.steps()) if s.role == code]

    def fresh_code(self) -> str:
        codes = {r.code for r in self._roles}
        n = 1
        while f"role_{n}" in codes:
            n += 1
        return f"role_{n}"

    # -- undoable edits ------------------------------------------------------------------------
    def add_role(self, role: PlanRole) -> int:
        """Append a role; returns its row, or the row of the role that already has this code."""
        existing = self.row_of(role.code)
        if existing >= 0:
            return existing
        row = len(self._roles)
        text = self.tr("add role %1").replace("%1", role.name.text or role.code)
        self._stack.push(EditCommand(text, [InsertRow(self, row, role)]))
        return row

    def remove_role(self, row: int) -> bool:
        role = self._roles[row]
        users = self.users(role.code)
        if users:
            self.refused.emit(
                self.tr("“%1” is responsible for these steps: %2. Give them another role first.")
                .replace("%1", role.name.text or role.code)
                .replace("%2", ", ".join(map(str, users)))
            )
            return False
        text = self.tr("remove role %1").replace("%1", role.name.text or role.code)
        self._stack.push(EditCommand(text, [RemoveRow(self, row)]))
        return True

    def setData(self, index: Index, value: Any, role: int = _R.EditRole) -> bool:
        if role != _R.EditRole or not index.isValid() or not self.editable:
            return False
        old = self._roles[index.row()]
        text = str(value or "").strip()
        if index.column() == self.COL_CODE:
            if text == old.code:
                return False
            if self.users(old.code):
                self.refused.emit(
                    self.tr("These steps use the code “%2”: %1. It cannot change while they do.")
                    .replace("%1", ", ".join(map(str, self.users(old.code))))
                    .replace("%2", old.code)
                )
                return False
            if self.row_of(text) >= 0:
                self.refused.emit(self.tr("The plan already has a role “%1”.").replace("%1", text))
                return False
            new = PlanRole(text, old.name)
        elif index.column() == self.COL_NAME_ZH:
            new = PlanRole(old.code, Text2(text, old.name.en))
        else:
            new = PlanRole(old.code, Text2(old.name.zh, text))
        if new == old:
            return False
        label = self.tr("edit role %1").replace("%1", old.name.text or old.code)
        self._stack.push(EditCommand(label, [ReplaceRow(self, index.row(), new)]))
        return True

    # -- primitives of the undo commands -------------------------------------------------------
    def insert_row(self, row: int, item: PlanRole) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._roles.insert(row, item)
        self.endInsertRows()

    def take_row(self, row: int) -> PlanRole:
        self.beginRemoveRows(QModelIndex(), row, row)
        role = self._roles.pop(row)
        self.endRemoveRows()
        return role

    def replace_row(self, row: int, item: PlanRole) -> PlanRole:
        old = self._roles[row]
        self._roles[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        return old

    # -- Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._roles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        headers = [self.tr("Code"), self.tr("Name (Chinese)"), self.tr("Name (English)")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._roles):
            return None
        item = self._roles[index.row()]
        if role == ITEM_ROLE:
            return item
        if role in (_DISPLAY, _R.EditRole):
            return (item.code, item.name.zh, item.name.en)[index.column()]
        if role == _R.ToolTipRole and index.column() == self.COL_CODE:
            users = self.users(item.code)
            if users:
                return self.tr("Responsible for these steps: %1").replace("%1", ", ".join(map(str, users)))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags
