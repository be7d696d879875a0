"""F9 on a plan another PC has just started: the start dialog asks whether to open that incident
(the default), start another anyway (a second, separate event) or neither, instead of opening a
second incident of the same emergency. The question is answered by its buttons' names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from shiboken6 import isValid

from branchguard.context import AppContext
from branchguard.core.incidents.types import IncidentSummary
from branchguard.gui.incidents import start
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.incidents.start import StartIncidentDialog
from tests.gui.incidents.incident_support import login


def _fire_on_the_other_pc(gui_ctx: AppContext) -> IncidentSummary:
    return gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "FIRE")


def _open_fires(gui_ctx: AppContext) -> list[int]:
    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    return sorted(i.id for i in live if i.playbook_code == "FIRE" and not i.drill)


def _ask_fire(window: Any, qtbot: Any) -> tuple[StartIncidentDialog, QMessageBox]:
    bar = window.incident_bar
    bar.start()
    dialog = bar.dialog
    assert dialog is not None
    dialog.filter.setText("FIRE")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    box = dialog.question
    assert box is not None and box.isVisible() and box.objectName() == start.QUESTION_NAME
    return dialog, box


def _answer(box: QMessageBox, name: str) -> None:
    button = box.findChild(QAbstractButton, name)
    assert button is not None, name
    button.click()
    QApplication.processEvents()


def test_the_question_names_the_open_incident_and_opens_it_by_default(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    first = _fire_on_the_other_pc(gui_ctx)
    window = open_window("lead")
    dialog, box = _ask_fire(window, qtbot)
    at = first.started_at.astimezone().strftime("%H:%M")
    assert f"#{first.id}" in box.text() and "李晓梅" in box.text() and at in box.text()  # staff, by name
    assert "FIRE" in box.text()
    assert box.defaultButton() is box.findChild(QAbstractButton, start.OPEN_IT)

    _answer(box, start.OPEN_IT)

    assert _open_fires(gui_ctx) == [first.id]  # nothing started
    page = window.page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.current_console()
    assert console is not None and console.incident_id == first.id
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted on close)


def test_start_another_anyway_starts_a_second_incident(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    first = _fire_on_the_other_pc(gui_ctx)
    window = open_window("lead")
    _dialog, box = _ask_fire(window, qtbot)

    _answer(box, start.START_ANOTHER)

    fires = _open_fires(gui_ctx)
    assert len(fires) == 2 and fires[0] == first.id
    page = window.page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.current_console()
    assert console is not None and console.incident_id == fires[1]


def test_cancel_starts_nothing_and_leaves_the_dialog_to_choose_again(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    first = _fire_on_the_other_pc(gui_ctx)
    window = open_window("lead")
    dialog, box = _ask_fire(window, qtbot)

    _answer(box, start.CANCEL)

    assert _open_fires(gui_ctx) == [first.id]
    assert dialog.isVisible() and dialog.start_button.isEnabled() and dialog.question is None
    dialog.done(0)
