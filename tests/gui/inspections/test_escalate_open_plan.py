"""A failed card slot escalated from the runner while ATM's real incident is open: the runner asks
what F9 asks (gui/incidents/already_open.py) instead of opening a second ATM incident. The default
logs the failure in the open incident; "start another anyway" starts a second; cancel does neither.
The question is answered by its buttons' names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind, IncidentSummary
from branchguard.gui.incidents import already_open
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.inspections.runner import InspectionRunner
from tests.gui.incidents.incident_support import login
from tests.gui.inspections.test_inspection_runner import press, start_by_keyboard


def _open_atms(gui_ctx: AppContext) -> list[int]:
    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    return sorted(i.id for i in live if i.playbook_code == "ATM" and not i.drill)


def _escalate_with_atm_open(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> tuple[IncidentSummary, InspectionRunner, QMessageBox]:
    atm = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "ATM")  # another PC, a moment ago
    window = open_window("staff")
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    runner = start_by_keyboard(qtbot, page, "SELF_SERVICE", "ATM lobby")
    press(qtbot, runner, Qt.Key.Key_F)  # item 1, the card slot
    runner.follow_up.plan_button.click()
    qtbot.waitUntil(lambda: runner.escalation.question is not None, timeout=5000)
    box = runner.escalation.question
    assert box is not None and box.isVisible() and box.objectName() == already_open.QUESTION_NAME
    assert f"#{atm.id}" in box.text() and "ATM" in box.text()
    assert box.defaultButton() is box.findChild(QAbstractButton, already_open.OPEN_IT)
    assert _open_atms(gui_ctx) == [atm.id]  # nothing started while it asks
    return atm, runner, box


def _answer(box: QMessageBox, name: str) -> None:
    button = box.findChild(QAbstractButton, name)
    assert button is not None, name
    button.click()
    QApplication.processEvents()


def _incident_of_item(gui_ctx: AppContext, runner: InspectionRunner) -> int | None:
    return (
        gui_ctx.services.inspections.get(login(gui_ctx, "lead"), runner.inspection_id).answers[0].incident_id
    )


def test_the_default_logs_the_failure_in_the_open_incident(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    atm, runner, box = _escalate_with_atm_open(open_window, gui_ctx, qtbot)

    _answer(box, already_open.OPEN_IT)

    qtbot.waitUntil(lambda: _incident_of_item(gui_ctx, runner) == atm.id, timeout=5000)
    assert _open_atms(gui_ctx) == [atm.id]
    entries = gui_ctx.services.incidents.get(login(gui_ctx, "lead"), atm.id).entries
    assert entries[-1].kind == EntryKind.DECISION and f"#{runner.inspection_id}" in entries[-1].text
    qtbot.waitUntil(lambda: f"#{atm.id}" in runner.message.text(), timeout=5000)


def test_start_another_anyway_starts_a_second_incident(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    atm, runner, box = _escalate_with_atm_open(open_window, gui_ctx, qtbot)

    _answer(box, already_open.START_ANOTHER)

    qtbot.waitUntil(lambda: len(_open_atms(gui_ctx)) == 2, timeout=5000)
    second = _open_atms(gui_ctx)[1]
    assert second != atm.id
    qtbot.waitUntil(lambda: _incident_of_item(gui_ctx, runner) == second, timeout=5000)


def test_cancel_leaves_the_item_unescalated(open_window: Any, gui_ctx: AppContext, qtbot: Any) -> None:
    atm, runner, box = _escalate_with_atm_open(open_window, gui_ctx, qtbot)

    _answer(box, already_open.CANCEL)

    assert runner.escalation.question is None
    assert runner.saver.pending == 0  # nothing queued behind the answer
    assert _open_atms(gui_ctx) == [atm.id] and _incident_of_item(gui_ctx, runner) is None
