"""DialogWork holds a dialog's typing and choices while its save is under way: what was typed or
chosen after OK would not be in the save, and the dialog closes once it is stored. A refusal gives
the fields back as they were, the typing and choices kept; a field that was read-only stays so, a
control the dialog had disabled stays disabled, and the focus comes back."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import Message
from branchguard.gui.kit import held_inputs
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


def _save_held(dialog: _Dialog | _Choices, outcome: Any) -> tuple[threading.Event, list[object]]:
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


class _Choices(QDialog):
    """A dialog of choices: a combo box, a date, a tick, a list; a role combo box the dialog itself
    disabled, a tick disabled with its group."""

    def __init__(self) -> None:
        super().__init__()
        self.kind, self.role = QComboBox(), QComboBox()
        for combo in (self.kind, self.role):
            combo.addItems(["火灾", "水浸", "停电"])
        self.role.setEnabled(False)
        self.due = QDateEdit(QDate(2026, 12, 7))
        self.due.setCalendarPopup(True)
        self.notify = QCheckBox("通知")
        self.options = QListWidget()
        self.options.addItems(["A", "B"])
        self.options.setCurrentRow(0)
        self.group = QWidget()
        self.inner = QCheckBox("内部", self.group)
        self.group.setEnabled(False)
        self.error = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.work = DialogWork(self, None, self.error, self.buttons)
        box = QVBoxLayout(self)
        for widget in (self.kind, self.role, self.due, self.notify, self.options, self.group):
            box.addWidget(widget)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def values(self) -> tuple[object, ...]:
        return (
            self.kind.currentIndex(),
            self.due.date(),
            self.notify.isChecked(),
            self.options.currentRow(),
            self.inner.isChecked(),
        )

    def enabled(self) -> tuple[bool, ...]:
        return tuple(w.isEnabled() for w in (self.kind, self.role, self.notify, self.options, self.inner))

    def try_every_choice(self) -> None:
        """What a user does: picks the next kind, steps the date back, ticks, picks the other entry, opens
        the date's calendar."""
        self.kind.setFocus()
        QTest.keyClick(self.kind, Qt.Key.Key_Down)
        self.due.setFocus()
        QTest.keyClick(self.due, Qt.Key.Key_Down)
        self.notify.setFocus()
        QTest.keyClick(self.notify, Qt.Key.Key_Space)
        rect = self.options.visualItemRect(self.options.item(1 - self.options.currentRow()))
        QTest.mouseClick(self.options.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        arrow = QPoint(self.due.width() - 5, self.due.height() // 2)
        QTest.mouseClick(self.due, Qt.MouseButton.LeftButton, pos=arrow)


def _held_choices(qtbot: Any) -> _Choices:
    dialog = _Choices()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.qt_log_ignore(  # the calendar pops up, which the offscreen platform cannot quite
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
def test_the_choices_are_held_while_a_save_is_under_way_and_given_back_on_a_refusal(
    pool_tasks: Any, qtbot: Any
) -> None:
    dialog = _held_choices(qtbot)
    before = dialog.values()
    dialog.try_every_choice()  # free before the save
    assert all(now != was for now, was in zip(dialog.values()[:4], before, strict=False))
    assert dialog.due.calendarWidget().isVisible()
    dialog.due.calendarWidget().window().hide()
    before = dialog.values()
    go, saved = _save_held(dialog, BranchGuardError(Message("validation.required")))
    dialog.try_every_choice()  # at once: nothing greyed yet, and no choice taken
    assert dialog.values() == before and not dialog.due.calendarWidget().isVisible()
    assert dialog.due.isReadOnly()
    qtbot.waitUntil(lambda: not dialog.kind.isEnabled())  # a save that lasts shows them held
    dialog.try_every_choice()
    assert dialog.values() == before and dialog.enabled() == (False, False, False, False, False)
    go.set()
    qtbot.waitUntil(lambda: not dialog.work.saving())
    assert saved == [] and dialog.values() == before and not dialog.due.isReadOnly()
    assert dialog.enabled() == (True, False, True, True, False)  # the role, the group's tick: as were
    dialog.group.setEnabled(True)
    assert dialog.inner.isEnabled()  # held by its group only, never by its own flag


def test_a_failed_save_gives_the_choices_back_and_the_focus_too(pool_tasks: Any, qtbot: Any) -> None:
    dialog = _held_choices(qtbot)
    dialog.kind.setFocus()
    go, _saved = _save_held(dialog, RuntimeError("disk"))
    qtbot.waitUntil(lambda: not dialog.kind.isEnabled())
    assert dialog.focusWidget() is dialog.due  # greyed, the combo box lost the focus: Qt sent it on
    go.set()
    qtbot.waitUntil(lambda: not dialog.work.saving())
    assert dialog.enabled() == (True, False, True, True, False) and dialog.focusWidget() is dialog.kind


class _EnabledChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += event.type() == QEvent.Type.EnabledChange
        return False


@pytest.mark.qt_log_ignore(  # the calendar pops up once the choices are given back
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
def test_a_quick_save_holds_the_choices_without_greying_them(
    pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save done before the grey is due (SQLite's milliseconds) takes no choice meanwhile, and no
    control flashes grey: the hazard detail and the playbook editor save often."""
    monkeypatch.setattr(held_inputs, "GREY_AFTER_MS", 3_600_000)
    dialog = _held_choices(qtbot)
    changes = _EnabledChanges()
    for widget in (dialog.kind, dialog.notify, dialog.options):
        widget.installEventFilter(changes)
    before = dialog.values()
    go, saved = _save_held(dialog, "stored")
    dialog.try_every_choice()
    assert dialog.values() == before
    go.set()
    qtbot.waitUntil(lambda: saved == ["stored"])
    assert changes.seen == 0 and dialog.enabled() == (True, False, True, True, False)
    dialog.try_every_choice()  # given back: each takes its choice again
    assert dialog.values()[:4] != before[:4]
