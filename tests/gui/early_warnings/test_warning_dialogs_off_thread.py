"""The early-warning dialogs save off the GUI thread (a statement on a shared database can take
200 ms and more), on the real thread pool: a warning recorded or lifted once however often OK is
pressed, Esc waiting for it, the dialog closing once stored; a locked database said with the typing
kept and nothing recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource
from branchguard.gui.early_warnings.dialogs import AddWarningDialog, LiftWarningDialog
from branchguard.gui.kit import tasks
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import login, session_for

_OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def fault_place(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the data is, as the window sets it: a fault is worded with it."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)


def _said(ctx: AppContext) -> str:
    fault = ctx.explain(locked())
    assert fault is not None
    return fault.text("en")


def test_a_warning_is_recorded_off_the_gui_thread_once_and_a_refusal_keeps_the_typing(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings = gui_ctx.services.warnings
    dialog = AddWarningDialog(session_for(gui_ctx, "staff"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.received.setDateTime(QDateTime.currentDateTime().addSecs(-600))
    dialog.text.setPlainText("台风红色预警")
    ok = dialog.buttons.button(_OK)
    refuse_with(monkeypatch, warnings, "add", locked())
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == _said(gui_ctx) and dialog.isVisible() and ok.isEnabled()
    assert dialog.text.toPlainText() == "台风红色预警" and dialog.added is None
    monkeypatch.undo()
    add = Held(monkeypatch, warnings, "add")
    with sql_threads(gui_ctx.engine) as sql:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: add.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # pressed again: nothing more
        dialog.accept()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # waits for its save
        assert dialog.isVisible() and dialog.added is None
        add.release()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert add.calls == 1 and pool_tasks.gui_thread not in add.threads
    assert dialog.added is not None and dialog.added.text == "台风红色预警"
    assert [w.text for w in warnings.list(login(gui_ctx, "lead"))] == ["台风红色预警"]


def test_a_lift_is_saved_off_the_gui_thread_once_and_a_refusal_keeps_the_note(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings, lead = gui_ctx.services.warnings, login(gui_ctx, "lead")
    when = datetime.now(UTC) - timedelta(minutes=30)
    heat = warnings.add(
        lead, WarningInput(when, WarningSource.METEOROLOGICAL, WarningLevel.YELLOW, WarningKind.HEAT, "高温")
    )
    dialog = LiftWarningDialog(session_for(gui_ctx, "lead"), heat)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note.setText("气象台解除")
    ok = dialog.buttons.button(_OK)
    refuse_with(monkeypatch, warnings, "lift", locked())
    ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == _said(gui_ctx) and dialog.isVisible() and ok.isEnabled()
    assert dialog.note.text() == "气象台解除" and warnings.get(lead, heat.id).ended is None
    monkeypatch.undo()
    lift = Held(monkeypatch, warnings, "lift")
    with sql_threads(gui_ctx.engine) as sql:
        ok.click()
        qtbot.waitUntil(lambda: lift.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        ok.click()  # pressed again: nothing more
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and dialog.lifted is None
        lift.release()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert lift.calls == 1 and pool_tasks.gui_thread not in lift.threads
    assert dialog.lifted is not None and warnings.get(lead, heat.id).ended is not None
