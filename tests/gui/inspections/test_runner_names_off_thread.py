"""The inspection runner reads the roster's names and the user's name for its signature pickers off
the GUI thread, with the run (a statement on a shared database can take 200 ms and more), on the real
thread pool; read again with the run, they are not read again."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.inspections.runner import InspectionRunner
from tests.gui.dialog_support import Held, sql_threads
from tests.gui.incidents.incident_support import login, session_for


def _items(picker: Any) -> list[str]:
    return [picker.itemText(i) for i in range(picker.count())]


def test_the_signature_pickers_names_are_read_off_the_gui_thread_with_the_first_read(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = login(gui_ctx, "staff")
    started = gui_ctx.services.inspections.start(staff, "ALARM")
    roster = [p.name for p in gui_ctx.services.people.list_people(login(gui_ctx, "lead"))]
    me = gui_ctx.services.auth.user_by_name("staff")
    assert me is not None and me.display_name and roster
    session = session_for(gui_ctx, "staff")
    people = Held(monkeypatch, gui_ctx.services.people, "list_people")
    people.release()  # counted, not held
    with sql_threads(gui_ctx.engine) as sql:
        runner = InspectionRunner(session, started.info.id)
        qtbot.addWidget(runner)
        qtbot.waitUntil(lambda: runner.detail is not None)
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert runner.signatures.inspector.name() == me.display_name
    assert _items(runner.signatures.inspector) == _items(runner.signatures.reviewer) == roster
    assert people.calls == 1 and pool_tasks.gui_thread not in people.threads
    runner.signatures.inspector.set_name("李娜")
    with sql_threads(gui_ctx.engine) as sql, qtbot.waitSignal(runner.loaded):
        runner.reload()
    assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert people.calls == 1 and runner.signatures.inspector.name() == "李娜"  # typed: kept
