"""DialogWork holds a dialog's typing while its save is under way: what was typed after OK would not
be in the save, and the dialog closes once it is stored. A refusal gives the fields back as they
were, the typing kept; a field that was read-only stays so."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.gui.kit.dialog_work import DialogWork


class _Dialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.name, self.notes = QLineEdit("李娜"), QPlainTextEdit("备用电源")
        self.fixed = QLineEdit("YH-0001")
        self.fixed.setReadOnly(True)
        self.error = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.work = DialogWork(self, None, self.error, self.buttons)
        box = QVBoxLayout(self)
        for widget in (self.name, self.notes, self.fixed, self.error, self.buttons):
            box.addWidget(widget)

    def typing_held(self) -> tuple[bool, bool, bool]:
        return self.name.isReadOnly(), self.notes.isReadOnly(), self.fixed.isReadOnly()


def _save_held(dialog: _Dialog, outcome: Any) -> tuple[threading.Event, list[object]]:
    go, saved = threading.Event(), []

    def write() -> object:
        go.wait(10)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert dialog.work.save(write, saved.append)
    return go, saved


def test_the_typing_is_held_while_a_save_is_under_way_and_given_back_on_a_refusal(
    pool_tasks: Any, qtbot: Any
) -> None:
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    go, saved = _save_held(dialog, BranchGuardError(Message("validation.required")))
    assert dialog.work.saving() and dialog.typing_held() == (True, True, True)
    go.set()
    qtbot.waitUntil(lambda: not dialog.work.saving())
    assert dialog.typing_held() == (False, False, True) and saved == []  # the read-only one stays so
    assert dialog.name.text() == "李娜" and dialog.notes.toPlainText() == "备用电源"
    assert dialog.error.isVisibleTo(dialog)


def test_a_stored_save_gives_the_typing_back_too(pool_tasks: Any, qtbot: Any) -> None:
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    go, saved = _save_held(dialog, "stored")
    assert dialog.typing_held() == (True, True, True)
    go.set()
    qtbot.waitUntil(lambda: saved == ["stored"])
    assert dialog.typing_held() == (False, False, True)
