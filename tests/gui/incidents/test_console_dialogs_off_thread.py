"""The console's dialogs write on the log writer with the dialog open (a statement on a shared
database can take 200 ms and more), on the real thread pool: the level, a correction, a skip and the
initial report written once however often OK is pressed, Esc waiting for it; the dialog closes and
the log shows the entry only once it is stored; a locked database said in the dialog with the typing
kept and nothing in the log."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind, StepState
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.dialogs import ReasonDialog, ReportFieldsDialog
from branchguard.gui.incidents.log_model import IncidentLogModel
from branchguard.gui.kit import tasks
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import cells, login, open_console, session_for, stored


@pytest.fixture(autouse=True)
def fault_place(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the data is, as the window sets it: a fault is worded with it."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)


@pytest.fixture
def console(gui_ctx: AppContext, pool_tasks: Any, qtbot: Any) -> IncidentConsole:
    lead = login(gui_ctx, "lead")
    fire = gui_ctx.services.incidents.start(lead, "FIRE")
    gui_ctx.services.incidents.log(lead, fire.id, EntryKind.NOTE, "Smoke at the ATM")
    shown = open_console(qtbot, session_for(gui_ctx, "lead"), fire.id)
    qtbot.waitUntil(lambda: shown.detail is not None and shown.log.model.rowCount() >= 2)
    qtbot.waitUntil(lambda: not shown.loader.busy())
    return shown


def _said(ctx: AppContext) -> str:
    fault = ctx.explain(locked())
    assert fault is not None
    return fault.text("en")


def _texts(console: IncidentConsole) -> list[str]:
    return cells(console.log.model, IncidentLogModel.COL_TEXT)


def _written_once(
    dialog: ReasonDialog | ReportFieldsDialog,
    held: Held,
    accept: Any,
    qtbot: Any,
    ctx: AppContext,
    meanwhile: Any = lambda: None,
) -> list[str]:
    """OK pressed, again, Esc: one write, off the GUI thread, the dialog open until it is stored
    (`meanwhile()` checked while it waits), then closed and gone. The SQL the GUI thread ran."""
    with sql_threads(ctx.engine) as sql:
        accept()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert dialog.work.note.text() == "Saving…" and dialog.isVisible()
        accept()  # pressed again: nothing more
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # waits for its write
        assert dialog.isVisible()
        meanwhile()
        held.release()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    assert held.calls == 1 and threading.get_ident() not in held.threads  # the GUI thread's
    return sql.on_gui_thread()


def test_a_level_change_is_written_off_the_gui_thread_once_and_logged_once_stored(
    console: IncidentConsole, gui_ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    incidents = gui_ctx.services.incidents
    dialog = console.ask_level()
    assert dialog is not None
    dialog.level.setCurrentIndex(dialog.level.findData(Level.I.value))
    dialog.reason.setText("火势蔓延至二楼")
    refuse_with(monkeypatch, incidents, "change_level", locked())
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == _said(gui_ctx) and dialog.isVisible()
    assert dialog.reason.text() == "火势蔓延至二楼" and dialog.chosen() is Level.I
    monkeypatch.undo()
    before = _texts(console)
    held = Held(monkeypatch, incidents, "change_level")

    def not_shown_yet() -> None:
        assert _texts(console) == before and console.header.level_badge.text() == Level.II.label

    assert _written_once(dialog, held, dialog.submit, qtbot, gui_ctx, not_shown_yet) == []
    qtbot.waitUntil(lambda: _texts(console)[-1].endswith("火势蔓延至二楼"))
    assert stored(gui_ctx, console.incident_id).summary.level is Level.I


def test_a_correction_and_a_skip_close_their_dialogs_only_once_stored(
    console: IncidentConsole, gui_ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    incidents, model = gui_ctx.services.incidents, console.log.model
    (entry,) = [e for e in map(model.entry_at, range(model.rowCount())) if e.text == "Smoke at the ATM"]
    dialog = console.ask_correction(entry)
    dialog.reason.setText("Smoke at the night safe")
    held = Held(monkeypatch, incidents, "log")
    assert _written_once(dialog, held, dialog.submit, qtbot, gui_ctx) == []
    qtbot.waitUntil(lambda: _texts(console)[-1] == f"Corrects entry {entry.seq}: Smoke at the night safe")
    monkeypatch.undo()

    skip = console.ask_skip(1)
    assert skip is not None
    skip.reason.setText("The alarm panel is in the vault")
    held = Held(monkeypatch, incidents, "mark_step")
    assert _written_once(skip, held, skip.submit, qtbot, gui_ctx) == []
    qtbot.waitUntil(lambda: console.detail is not None and console.detail.steps[0].state is StepState.SKIPPED)


def test_the_initial_report_is_saved_off_the_gui_thread_once(
    console: IncidentConsole, gui_ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    incidents = gui_ctx.services.incidents
    dialog = console.ask_report_fields()
    assert dialog is not None
    dialog.edits["cause"].setPlainText("配电箱短路")
    refuse_with(monkeypatch, incidents, "set_report_fields", locked())
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == _said(gui_ctx) and dialog.edits["cause"].toPlainText() == "配电箱短路"
    monkeypatch.undo()
    held = Held(monkeypatch, incidents, "set_report_fields")
    assert _written_once(dialog, held, dialog.accept, qtbot, gui_ctx) == []
    assert stored(gui_ctx, console.incident_id).report_fields["cause"] == "配电箱短路"
