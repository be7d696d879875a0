"""Table models of the staff roster and the emergency contacts (People & contacts page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from branchguard.core.people.types import BranchRole, ContactInfo, ContactKind, PersonInfo
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel, phone_font

_R = Qt.ItemDataRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
ON_DUTY_MARK = "✓"
OFF_DUTY_MARK = "—"
_POST_ORDER = {role: i for i, role in enumerate(BranchRole)}
_KIND_ORDER = {kind: i for i, kind in enumerate(ContactKind)}


def first_line(text: str) -> str:
    """Notes can run to several lines; the table shows the first and the tooltip all of them."""
    return text.splitlines()[0] if text else ""


class PeopleModel(RowsModel[PersonInfo]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    COL_NAME, COL_POST, COL_MOBILE, COL_PHONE, COL_ON_DUTY, COL_NOTES = range(6)
    PHONE_COLUMNS = (COL_MOBILE, COL_PHONE)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Post"),
            self.tr("Mobile"),
            self.tr("Phone"),
            self.tr("On duty"),
            self.tr("Notes"),
        ]

    def duty_text(self, person: PersonInfo) -> str:
        return self.tr("On duty") if person.on_duty else self.tr("Off duty")

    def cell(self, item: PersonInfo, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_POST:
                return _POST_ORDER[item.branch_role]
            if column == self.COL_ON_DUTY:
                return int(item.on_duty)
            return None
        if role == _R.ToolTipRole:
            if column == self.COL_ON_DUTY:
                return self.duty_text(item)
            if column == self.COL_NOTES and item.notes:
                return tip(item.notes)
            return None
        if role == _R.FontRole and column in self.PHONE_COLUMNS:
            return phone_font()
        if role == _R.TextAlignmentRole and column == self.COL_ON_DUTY:
            return _CENTER
        if role == _R.ForegroundRole:
            # Someone who is not here should not be the first number tried in a hurry.
            if column == self.COL_ON_DUTY:
                return QColor(style.OK if item.on_duty else style.MUTED)
            return None if item.on_duty else QColor(style.MUTED)
        if role == _R.AccessibleTextRole and column == self.COL_ON_DUTY:
            return self.duty_text(item)
        return None

    def _display(self, item: PersonInfo, column: int) -> str:
        if column == self.COL_NAME:
            return item.name
        if column == self.COL_POST:
            return item.branch_role.label
        if column == self.COL_MOBILE:
            return item.mobile
        if column == self.COL_PHONE:
            return item.phone
        if column == self.COL_ON_DUTY:
            return ON_DUTY_MARK if item.on_duty else OFF_DUTY_MARK
        return first_line(item.notes)


class ContactsModel(RowsModel[ContactInfo]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    COL_NAME, COL_KIND, COL_PHONE, COL_ALT_PHONE, COL_BUILTIN, COL_NOTES = range(6)
    PHONE_COLUMNS = (COL_PHONE, COL_ALT_PHONE)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Phone"),
            self.tr("Alternative phone"),
            self.tr("Built-in"),
            self.tr("Notes"),
        ]

    def builtin_tooltip(self) -> str:
        return self.tr("A public emergency number: it cannot be removed and its number cannot be changed.")

    def cell(self, item: ContactInfo, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_KIND:
                return _KIND_ORDER[item.kind]
            if column == self.COL_BUILTIN:
                return int(item.builtin)
            return None
        if role == _R.ToolTipRole:
            if item.builtin and column in (self.COL_NAME, self.COL_BUILTIN):
                return self.builtin_tooltip()
            if column == self.COL_NOTES and item.notes:
                return tip(item.notes)
            return None
        if role == _R.DecorationRole and column == self.COL_NAME and item.builtin:
            return icon("lock")
        if role == _R.FontRole and column in self.PHONE_COLUMNS:
            return phone_font()
        if role == _R.ForegroundRole and column == self.COL_BUILTIN:
            return QColor(style.MUTED)
        return None

    def _display(self, item: ContactInfo, column: int) -> str:
        if column == self.COL_NAME:
            return item.shown_name
        if column == self.COL_KIND:
            return item.kind.label
        if column == self.COL_PHONE:
            return item.phone
        if column == self.COL_ALT_PHONE:
            return item.alt_phone
        if column == self.COL_BUILTIN:
            return self.tr("Built-in") if item.builtin else ""
        return first_line(item.notes)
