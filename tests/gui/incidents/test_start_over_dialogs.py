"""F9 starts an incident while a dialog is open, and the dialog keeps its work (issue 17).

A window shortcut gets no key while a dialog is the active window, and a modal dialog blocks even
an application-wide one: before, F9 in the middle of entering a hazard did nothing. The keys go
through Qt's shortcut map (QTest), so the dialog must be the active window, as it is for a user."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from branchguard.context import AppContext
from branchguard.gui.hazards.page import HazardsPage
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.incidents.incident_support import login


def test_f9_in_an_open_dialog_starts_an_incident_and_keeps_the_dialog(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    window = open_window("lead")
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    form = page.ask_new()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)  # the dialog's keys are its own
    form.fields.description.setPlainText("二楼配电箱门锁损坏")
    form.fields.description.setFocus()

    qtbot.keyClick(form.fields.description, Qt.Key.Key_F9)

    bar = window.incident_bar
    start = bar.dialog
    assert start is not None and start.isVisible(), "F9 in a dialog opened nothing"
    assert start.parentWidget() is form  # on top of the dialog, reachable despite its modality
    start.filter.setText("火灾")
    qtbot.keyClick(start.filter, Qt.Key.Key_Return)

    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    assert [i.playbook_code for i in live] == ["FIRE"]
    incidents = window.page("incidents")
    assert isinstance(incidents, IncidentsPage) and incidents.current_console() is not None
    # The hazard form is still open with what was typed, and says where the console is.
    assert form.isVisible() and form.fields.description.toPlainText() == "二楼配电箱门锁损坏"
    note = form.findChild(QMessageBox, "started_behind_note")
    assert note is not None and note.isVisible()
    note.done(0)
    form.done(0)


def test_f9_in_the_start_dialog_does_not_open_another(open_window: Any, qtbot: Any) -> None:
    window = open_window("lead")
    bar = window.incident_bar
    bar.start()
    first = bar.dialog
    assert first is not None
    qtbot.keyClick(first.filter, Qt.Key.Key_F9)
    assert bar.dialog is first  # no second start dialog over the first
    first.done(0)
    QApplication.processEvents()


def test_staff_without_the_start_right_gets_nothing_over_a_dialog(open_window: Any, qtbot: Any) -> None:
    window = open_window("auditor")
    page = window.show_page("hazards")
    dialog = window.show_shortcuts()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_F9)
    assert window.incident_bar.dialog is None
    dialog.done(0)
    del page


def test_f9_over_a_dialog_to_an_incident_already_open_says_it_was_open(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    """Opening the plan's running incident instead of a second: the note behind did say "The
    incident is started", though nothing was."""
    from branchguard.gui.incidents import start as start_dialog

    running = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "FIRE")  # the other PC's
    window = open_window("lead")
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    form = page.ask_new()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    qtbot.keyClick(form, Qt.Key.Key_F9)
    start = window.incident_bar.dialog
    assert start is not None
    start.filter.setText("火灾")
    qtbot.keyClick(start.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: start.question is not None)
    question = start.question
    assert question is not None
    question.findChild(QAbstractButton, start_dialog.OPEN_IT).click()

    live = gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))
    assert [i.id for i in live] == [running.id]  # nothing started
    note = form.findChild(QMessageBox, "started_behind_note")
    assert note is not None and note.isVisible()
    assert f"#{running.id}" in note.text() and "already open" in note.text(), note.text()
    note.done(0)
    form.done(0)
