"""People fields of the drill dialogs: names typed or picked from the branch roster, and the
participants grouped by role (a branch post, or a team the plan names, e.g. 疏散引导组)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import BranchRole, PersonInfo
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.text_scale import keep_stretched_titles, set_row_height
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.services import Services

_SPLIT = re.compile(r"[,，、;；]+")


def roster(session: GuiSession) -> list[PersonInfo]:
    """The branch's people in roster order; empty when they cannot be read."""
    return read_roster(session.services, session.actor)


def read_roster(services: Services, actor: Actor) -> list[PersonInfo]:
    """`roster` for a background read: plain services and actor, no Qt object."""
    try:
        return services.people.list_people(actor)
    except BranchGuardError:
        return []


def split_names(text: str) -> tuple[str, ...]:
    """Names separated by commas (also Chinese ones) or 、, blanks and repeats dropped."""
    return tuple(dict.fromkeys(n.strip() for n in _SPLIT.split(text) if n.strip()))


class NamesEdit(QWidget):
    """A line of names (“张伟、刘洋”) with a button listing the roster: picking one appends it."""

    def __init__(self, people: list[PersonInfo], object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{object_name}_text")
        self.pick = QToolButton()
        self.pick.setObjectName(f"{object_name}_pick")
        self.pick.setIcon(icon("people"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.pick)
        self.pick.setMenu(self.menu)
        self.set_people(people)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.edit, 1)
        box.addWidget(self.pick)
        self.setFocusProxy(self.edit)

    def set_people(self, people: list[PersonInfo]) -> None:
        """The roster the button lists (read off the GUI thread, after the dialog was made)."""
        self.menu.clear()
        for person in people:
            action = self.menu.addAction(f"{person.name}  ·  {person.branch_role.label}")
            action.setData(person.name)
            action.triggered.connect(lambda _checked=False, name=person.name: self.add_name(name))
        self.pick.setEnabled(bool(people))

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.pick.setToolTip(self.tr("Add someone from the people roster"))
        self.pick.setAccessibleName(self.pick.toolTip())  # an icon only

    def names(self) -> tuple[str, ...]:
        return split_names(self.edit.text())

    def set_names(self, names: tuple[str, ...] | list[str]) -> None:
        self.edit.setText("、".join(names))

    def add_name(self, name: str) -> None:
        if name not in self.names():
            self.set_names([*self.names(), name])


def owner_combo(people: list[PersonInfo], object_name: str) -> QComboBox:
    """An editable combo of the roster's names; any other name may be typed."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setMinimumContentsLength(8)
    fill_owners(combo, people)
    completer = combo.completer()
    if completer is not None:
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return combo


def fill_owners(combo: QComboBox, people: list[PersonInfo]) -> None:
    """The roster's names in an `owner_combo`, what is typed in it kept."""
    typed = combo.currentText()
    combo.clear()
    combo.addItems(list(dict.fromkeys(p.name for p in people)))
    combo.setCurrentIndex(-1)
    combo.setEditText(typed)


class ParticipantsTable(QWidget):
    """Rows of role → names. The role is a branch post or any team name typed in."""

    ROLE, NAMES = range(2)

    def __init__(self, people: list[PersonInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_participants")
        self._people = people
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("drill_participants_table")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        set_row_height(self.table, 32)
        # The two columns share the width: a role 170 px wide once pushed the names behind a
        # horizontal scroll bar in a narrow dialog.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        keep_stretched_titles(self.table)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.setObjectName("drill_participants_add")
        self.add_button.setAutoDefault(False)  # Enter submits the dialog, it does not add rows
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(icon("delete"), "")
        self.remove_button.setObjectName("drill_participants_remove")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def set_people(self, people: list[PersonInfo]) -> None:
        self._people = people
        for row in range(self.table.rowCount()):
            self._names(row).set_people(people)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Role or team"), self.tr("Names")])
        self.table.setAccessibleName(self.tr("Participants"))
        self.add_button.setText(self.tr("Add role"))
        self.remove_button.setText(self.tr("Remove"))
        for row in range(self.table.rowCount()):
            self._names(row).retranslate()

    def add_row(self, role: str = "", names: tuple[str, ...] = ()) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.setObjectName(f"drill_role_{row}")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for post in BranchRole:
            combo.addItem(post.label, post.value)
        known = combo.findData(role)
        if known >= 0:
            combo.setCurrentIndex(known)
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText(role)
        self.table.setCellWidget(row, self.ROLE, combo)
        edit = NamesEdit(self._people, f"drill_names_{row}")
        edit.set_names(names)
        edit.retranslate()
        self.table.setCellWidget(row, self.NAMES, edit)
        self.table.setCurrentCell(row, self.ROLE)
        return row

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _role(self, row: int) -> str:
        combo = self.table.cellWidget(row, self.ROLE)
        assert isinstance(combo, QComboBox)
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(combo.itemData(index)) if index >= 0 else text  # a post by its value, a team as typed

    def _names(self, row: int) -> NamesEdit:
        edit = self.table.cellWidget(row, self.NAMES)
        assert isinstance(edit, NamesEdit)
        return edit

    def participants(self) -> dict[str, tuple[str, ...]]:
        """Role → names; a role given twice gathers its names, rows without a role or names are left out."""
        found: dict[str, tuple[str, ...]] = {}
        for row in range(self.table.rowCount()):
            role, names = self._role(row), self._names(row).names()
            if role and names:
                found[role] = tuple(dict.fromkeys((*found.get(role, ()), *names)))
        return found
