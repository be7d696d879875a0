"""A person's name, typed or picked from the branch roster: signatures and hazard owners."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import Actor
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.services import Services


def roster_names(session: GuiSession) -> list[str]:
    """The people on the roster, by name; empty when they cannot be read."""
    return read_roster_names(session.services, session.actor)


def read_roster_names(services: Services, actor: Actor) -> list[str]:
    """`roster_names` for a background read: plain services and actor, no Qt object."""
    try:
        people = services.people.list_people(actor)
    except BranchGuardError:
        return []
    return list(dict.fromkeys(p.name for p in people if p.name))


def my_name(session: GuiSession) -> str:
    """The logged-in user's display name (what a signature of theirs says)."""
    user = session.services.auth.user_by_name(session.actor.username)
    return user.display_name if user is not None and user.display_name else session.actor.username


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
