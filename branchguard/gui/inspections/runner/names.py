"""A person's name, typed or picked from the branch roster: signatures and hazard owners."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from branchguard.core.accounts.names import Names
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:
    from branchguard.core.services import Services

T = TypeVar("T")


def read_roster_names(services: Services, actor: Actor) -> list[str]:
    """The people on the roster, by name; empty when they cannot be read. Read off the GUI thread:
    plain services and actor, no Qt object."""
    try:
        people = services.people.list_people(actor)
    except BranchGuardError:
        return []
    return list(dict.fromkeys(p.name for p in people if p.name))


def read_named(
    services: Services, actor: Actor, read: Callable[[], T], roster: bool
) -> tuple[T, Names, list[str] | None]:
    """`read()` with every account's display name (`Names`), and the roster's names when `roster`:
    one call off the GUI thread."""
    return read(), services.auth.names(actor), read_roster_names(services, actor) if roster else None


class NamePicker(QComboBox):
    """An editable combo of the roster's names; any other name may be typed."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(12)
        completer = self.completer()
        if completer is not None:
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_names(self, names: list[str], current: str = "") -> None:
        text = current or self.name()
        self.blockSignals(True)
        self.clear()
        self.addItems(names)
        self.setEditText(text)
        self.blockSignals(False)

    def edit(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # editable
        return edit

    def name(self) -> str:
        return self.currentText().strip()

    def set_name(self, name: str) -> None:
        self.setEditText(name)
