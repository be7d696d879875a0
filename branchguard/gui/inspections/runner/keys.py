"""The runner's keys: P / F / N answer, J / K move, Enter opens the note (Esc leaves it),
Ctrl+Enter submits.

They are QActions on the runner (so F1 lists them while the runner is in front), and the checklist
also answers the same plain letters itself when no shortcut system delivers them (a key sent
straight to the list). Either path fires once: a key taken as a shortcut never reaches the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from branchguard.core.inspections.types import ItemResult

if TYPE_CHECKING:
    from branchguard.gui.inspections.runner.runner import InspectionRunner

_PLAIN: dict[int, str] = {
    Qt.Key.Key_P: "pass",
    Qt.Key.Key_F: "fail",
    Qt.Key.Key_N: "na",
    Qt.Key.Key_J: "next",
    Qt.Key.Key_K: "previous",
    Qt.Key.Key_Return: "note",
    Qt.Key.Key_Enter: "note",
}


class ChecklistKeys(QObject):
    def __init__(self, runner: InspectionRunner) -> None:
        super().__init__(runner)
        self.runner = runner

        def action(keys: tuple[str, ...], slot: Callable[[], Any]) -> QAction:
            act = QAction(runner)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            runner.addAction(act)
            return act

        self.pass_action = action(("P",), lambda: runner.answer_current(ItemResult.PASS))
        self.fail_action = action(("F",), lambda: runner.answer_current(ItemResult.FAIL))
        self.na_action = action(("N",), lambda: runner.answer_current(ItemResult.NA))
        self.next_action = action(("J",), lambda: runner.step_by(1))
        self.previous_action = action(("K",), lambda: runner.step_by(-1))
        self.submit_action = action(("Ctrl+Return", "Ctrl+Enter"), runner.ask_submit)
        runner.table.installEventFilter(self)
        runner.note_edit.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.pass_action.setText(self.tr("Inspection: pass the current item"))
        self.fail_action.setText(self.tr("Inspection: fail the current item"))
        self.na_action.setText(self.tr("Inspection: current item not applicable"))
        self.next_action.setText(self.tr("Inspection: next item"))
        self.previous_action.setText(self.tr("Inspection: previous item"))
        self.submit_action.setText(self.tr("Inspection: submit"))
        self.runner.table.setAccessibleName(self.tr("Checklist items"))  # the list these keys work in

    def set_answering(self, allowed: bool) -> None:
        for act in (self.pass_action, self.fail_action, self.na_action, self.submit_action):
            act.setEnabled(allowed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        runner = self.runner
        if watched is runner.note_edit and event.key() == Qt.Key.Key_Escape:
            runner.leave_note()
            return True
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is runner.table and plain and event.key() in _PLAIN:
            self._key(_PLAIN[event.key()])
            return True
        return super().eventFilter(watched, event)

    def _key(self, what: str) -> None:
        runner = self.runner
        if what in ("pass", "fail", "na"):
            runner.answer_current(ItemResult(what))
        elif what in ("next", "previous"):
            runner.step_by(1 if what == "next" else -1)
        else:
            runner.open_note()
