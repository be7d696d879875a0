"""Start inspection: the run is started off the GUI thread, on the real thread pool, with the
dialog open and Start disabled until it is stored; Start pressed twice starts one run, and a
refusal (a locked database) keeps the dialog with the location typed and says why."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.gui.inspections.dialogs import StartInspectionDialog
from branchguard.gui.kit import tasks
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import login, session_for


def test_an_inspection_is_started_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)  # as the window sets it
    inspections = gui_ctx.services.inspections
    own = inspections.start
    session = session_for(gui_ctx, "staff")
    dialog = StartInspectionDialog(session, "ALARM", "报警系统检查")
    qtbot.addWidget(dialog)
    dialog.show()
    start = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.location.setText("营业厅")  # (QTest types Latin keys only)
    refuse_with(monkeypatch, inspections, "start", locked())
    qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    fault = gui_ctx.explain(locked())
    assert fault is not None and dialog.error.text() == fault.text("en")
    assert dialog.isVisible() and dialog.location.text() == "营业厅" and start.isEnabled()
    monkeypatch.setattr(inspections, "start", own)
    held = Held(monkeypatch, inspections, "start")
    with sql_threads(gui_ctx.engine) as sql:
        qtbot.keyClick(dialog.location, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not start.isEnabled() and dialog.isVisible()
        qtbot.keyClick(dialog.location, Qt.Key.Key_Return)  # Enter again: nothing more
        dialog.accept()
        held.release()
        qtbot.waitUntil(lambda: dialog.started is not None)
        assert not dialog.isVisible()
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    runs = inspections.list(login(gui_ctx, "lead"))
    assert [r.location for r in runs if r.template_code == "ALARM"] == ["营业厅"]
