"""Table model of the login accounts shown on the Settings page (lead only)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from branchguard.core.accounts.rules import lock_end
from branchguard.core.accounts.types import UserInfo

_Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    COL_USERNAME, COL_DISPLAY, COL_ROLE, COL_STATUS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UserInfo] = []
        self.now = lambda: datetime.now(UTC)

    def set_rows(self, rows: list[UserInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def user_at(self, row: int) -> UserInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("User name"), self.tr("Display name"), self.tr("Role"), self.tr("Status"))[section]

    def status_text(self, user: UserInfo) -> str:
        if not user.active:
            return self.tr("Disabled")
        until = lock_end(user.locked_until, self.now())
        if until is not None:
            return self.tr("Locked until %1").replace("%1", until.astimezone().strftime("%Y-%m-%d %H:%M"))
        return self.tr("Active")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self._rows[index.row()]
        col = index.column()
        if col == self.COL_USERNAME:
            return user.username
        if col == self.COL_DISPLAY:
            return user.display_name
        if col == self.COL_ROLE:
            return user.role.label
        return self.status_text(user)
