"""The console by keyboard: a second Enter while the first entry or mark is being written does
nothing (no entry twice in the append-only log, no red "already Done"); Tab leaves every table,
so each action is reachable, and the actions have keys, listed in F1."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind, StepState
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.close_dialog import CloseDialog
from branchguard.gui.incidents.console.dialogs import LevelDialog, ReportFieldsDialog
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit.writer import writer
from tests.gui.incidents.incident_support import login, open_console, session_for, stored

BOUND_S = 60  # only keeps a broken implementation from hanging the run: nothing is timed
TYPED = "Robber left on foot heading north"


@pytest.fixture
def fire(gui_ctx: AppContext) -> int:
    return gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id


def held(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> threading.Event:
    """`owner.name` waits, on the writer's thread, until the returned event is set: a write in flight."""
    release = threading.Event()
    original: Callable[..., Any] = getattr(owner, name)

    def waiting(*args: Any, **kwargs: Any) -> Any:
        release.wait(BOUND_S)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, waiting)
    return release


def live_console(qtbot: Any, gui_ctx: AppContext, fire: int) -> IncidentConsole:
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    qtbot.waitUntil(lambda: console.detail is not None)
    with qtbot.waitActive(console):  # the console's keys are window shortcuts
        console.activateWindow()
    return console


def texts(ctx: AppContext, incident_id: int, kind: EntryKind) -> list[str]:
    return [e.text for e in stored(ctx, incident_id).entries if e.kind == kind]


# -- a second press while the first is being written ---------------------------------------------
def test_enter_twice_while_the_entry_is_written_logs_it_once(
    gui_ctx, fire, qtbot, monkeypatch, pool_tasks
) -> None:
    console = live_console(qtbot, gui_ctx, fire)
    release = held(monkeypatch, gui_ctx.services.incidents, "log")
    box = console.log.text
    box.setFocus()
    qtbot.keyClicks(box, TYPED)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not console.log.add_button.isEnabled() and box.text() == TYPED  # with the writer
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the second press, before the first is on disk
    console.log.add_button.click()
    release.set()
    qtbot.waitUntil(lambda: box.text() == "")
    writer().wait()
    assert texts(gui_ctx, fire, EntryKind.NOTE) == [TYPED]
    assert [console.log.model.entry_at(r).text for r in range(console.log.model.rowCount())].count(TYPED) == 1
    assert console.log.add_button.isEnabled() and not console.message.isVisibleTo(console)


def test_a_refused_entry_keeps_its_text_and_the_box_takes_it_again(gui_ctx, fire, qtbot, monkeypatch) -> None:
    console = live_console(qtbot, gui_ctx, fire)
    incidents = gui_ctx.services.incidents
    write = incidents.log
    refusals = [BranchGuardError("the database is locked")]

    def refused_once(*args: Any, **kwargs: Any) -> Any:
        if refusals:
            raise refusals.pop()
        return write(*args, **kwargs)

    monkeypatch.setattr(incidents, "log", refused_once)
    box = console.log.text
    qtbot.keyClicks(box, TYPED)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == TYPED and console.log.add_button.isEnabled()
    assert console.message.text() == "the database is locked"
    assert texts(gui_ctx, fire, EntryKind.NOTE) == []
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "" and texts(gui_ctx, fire, EntryKind.NOTE) == [TYPED]


def test_a_mark_pressed_again_before_the_list_caught_up_is_ignored_quietly(
    gui_ctx, fire, qtbot, monkeypatch, pool_tasks
) -> None:
    console = live_console(qtbot, gui_ctx, fire)
    release = held(monkeypatch, gui_ctx.services.incidents, "mark_step")
    steps = console.steps.table
    steps.setFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    qtbot.keyClick(steps, Qt.Key.Key_Return)  # a double Enter
    qtbot.keyClick(steps, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # and Ctrl+D on top
    console.steps.done_button.click()
    assert console.ask_skip(1) is None  # nor skipped while its mark is on the way
    release.set()
    qtbot.waitUntil(lambda: console.steps.model.row_at(0).state == StepState.DONE)
    writer().wait()
    assert [s.state for s in stored(gui_ctx, fire).steps][:2] == [StepState.DONE, StepState.PENDING]
    assert len(texts(gui_ctx, fire, EntryKind.STEP_DONE)) == 1
    assert not console.message.isVisibleTo(console)  # no red "step 1 is already Done"
    qtbot.keyClick(steps, Qt.Key.Key_Return)  # once the list shows it, Enter marks the next one
    qtbot.waitUntil(lambda: console.steps.model.row_at(1).state == StepState.DONE)
    writer().wait()
    assert len(texts(gui_ctx, fire, EntryKind.STEP_DONE)) == 2


# -- Tab and the keys ------------------------------------------------------------------------------
def test_tab_leaves_every_table_of_the_console_and_reaches_its_actions(gui_ctx, fire, qtbot) -> None:
    console = live_console(qtbot, gui_ctx, fire)
    tables = [console.calls, console.steps.table, console.log.view]
    assert all(table.model().rowCount() for table in tables)
    for table in tables:
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        qtbot.keyClick(table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not table, table.objectName()
    actions = {console.level_button, console.report_button, console.print_button, console.close_button}
    console.log.text.setFocus()
    reached: set[QWidget] = set()
    for _ in range(40):  # every focusable control of the console is a few presses away
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert actions <= reached


def test_tab_enters_the_console_at_the_step_in_front_and_its_done(open_window, gui_ctx, fire, qtbot) -> None:
    """From the incident tabs Tab went through the header's five actions before the step in front's
    Done; now Done, Skip and the steps come first, the log and the side next, the actions last."""
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(fire)
    qtbot.waitUntil(lambda: console.detail is not None and console.steps.done_button.isEnabled())
    with qtbot.waitActive(window):
        window.activateWindow()
    assert QApplication.focusWidget() is console.log.text  # where the console opens, as before
    stops: list[QWidget] = []
    for _ in range(60):  # twice round the window
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    inside = [console.isAncestorOf(w) for w in stops]
    entries = {stops[i] for i in range(1, len(stops)) if inside[i] and not inside[i - 1]}
    exits = {stops[i] for i in range(len(stops) - 1) if inside[i] and not inside[i + 1]}
    steps = console.steps
    assert entries == {steps.done_button}  # the tab bar, then the step in front's Done
    assert exits == {console.close_button}
    first = stops.index(steps.done_button)
    assert stops[first : first + 3] == [steps.done_button, steps.skip_button, steps.table]
    order = stops[first : stops.index(console.close_button, first) + 1]
    assert order.index(console.log.text) < order.index(console.calls) < order.index(console.follow_button)
    assert order[-3:] == [console.report_button, console.print_button, console.close_button]


def test_the_tables_of_the_list_and_the_close_dialog_let_tab_go_on(open_window, gui_ctx, fire, qtbot) -> None:
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(fire)
    views = page.list_panel.findChildren(QAbstractItemView)
    dialog = console.ask_close()
    assert dialog is not None and views
    for view in [*views, dialog.action_table]:
        assert not view.tabKeyNavigation(), view.objectName()


@pytest.mark.qt_log_ignore(  # the offscreen platform cannot raise a dialog nor grab keys for a menu
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
def test_the_actions_have_keys_listed_in_f1(open_window, gui_ctx, fire, qtbot) -> None:
    window = open_window("lead")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(fire)
    qtbot.waitUntil(lambda: console.detail is not None)
    rows = dict(window.shortcut_rows())
    assert rows["Ctrl+Shift+L"] == "Change the incident's level…"
    assert rows["Ctrl+Shift+R"] == "Initial report to head office…"
    assert rows["Ctrl+Shift+C"] == "Close the incident…"
    assert rows["Ctrl+P"] == "Preview or print the reports"
    assert "Ctrl+Shift+W" not in rows  # a fire takes no four-colour warning: its button is hidden too
    assert "(Ctrl+Shift+C)" in console.close_button.toolTip()

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        with qtbot.waitActive(window):  # as the window manager does when a dialog closes
            window.activateWindow()
        qtbot.keyClick(console.log.text, key, modifiers)

    opened: list[QWidget | None] = []
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    dialogs = ((Qt.Key.Key_L, LevelDialog), (Qt.Key.Key_R, ReportFieldsDialog), (Qt.Key.Key_C, CloseDialog))
    for key, kind in dialogs:
        press(key, ctrl_shift)
        dialog = window.findChild(kind)
        assert dialog is not None and dialog.isVisible(), kind.__name__
        opened.append(dialog)
        dialog.reject()

    def close_the_menu() -> None:  # the button's menu runs its own loop: look, then leave it
        popup = QApplication.activePopupWidget()
        opened.append(popup)
        if popup is not None:
            popup.close()

    QTimer.singleShot(0, close_the_menu)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(opened) == 4)
    assert opened[-1] is console.print_menu


def test_f1_offers_staff_only_the_keys_their_role_has(open_window, gui_ctx, qtbot) -> None:
    """The level, attachment, initial report and closing are the lead's: their buttons are hidden
    from staff, and F1 no longer lists their keys (pressed, they did nothing, unsaid)."""
    robbery = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "ROB").id
    window = open_window("staff")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(robbery)
    qtbot.waitUntil(lambda: console.detail is not None)
    rows = dict(window.shortcut_rows())
    assert rows["Ctrl+D"] == "Mark the step done"
    assert rows["Ctrl+Shift+E"] == "Correct the selected log entry…"
    assert rows["Ctrl+Shift+F"] == "Follow mode" and rows["Ctrl+P"] == "Preview or print the reports"
    for keys in ("Ctrl+Shift+A", "Ctrl+Shift+L", "Ctrl+Shift+R", "Ctrl+Shift+C", "Ctrl+Shift+W"):
        assert keys not in rows, keys
    assert not console.close_button.isVisibleTo(console) and not console.close_action.isEnabled()
    weather = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "NAT").id
    storm = page.open_incident(weather)
    qtbot.waitUntil(lambda: storm.detail is not None)
    assert dict(window.shortcut_rows())["Ctrl+Shift+W"] == "Change the warning level…"  # staff's too
