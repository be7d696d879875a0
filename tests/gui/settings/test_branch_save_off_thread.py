"""Settings → Branch saves on the writer's thread (a statement on a shared database can take 200 ms
and more), on the real thread pool: once however often Save is pressed, its button waiting; a locked
database said with the form kept as typed."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.gui.kit import tasks
from branchguard.gui.settings.page import SettingsPage
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.incidents.incident_support import session_for


@pytest.fixture(autouse=True)
def fault_place(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the data is, as the window sets it: a fault is worded with it."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)


def test_the_branch_is_saved_off_the_gui_thread_once_and_a_refusal_keeps_the_form(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch = gui_ctx.services.branch
    page = SettingsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.tabs.setCurrentIndex(1)  # made and read when shown
    qtbot.waitUntil(lambda: page._branch_shown is not None and page.branch_address.text() != "")
    page.branch_address.setText("城东区建设路 90 号")
    refuse_with(monkeypatch, branch, "update", locked())
    page.branch_save.click()
    qtbot.waitUntil(lambda: not page.branch_message.isHidden())
    fault = gui_ctx.explain(locked())
    assert fault is not None and page.branch_message.text() == fault.text("en")
    assert page.branch_address.text() == "城东区建设路 90 号" and page.branch_save.isEnabled()
    monkeypatch.undo()
    held = Held(monkeypatch, branch, "update")
    with sql_threads(gui_ctx.engine) as sql:
        page.branch_save.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not page.branch_save.isEnabled()
        page.save_branch()  # pressed again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: page.branch_message.text() == "Branch settings saved.")
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads and page.branch_save.isEnabled()
    stored = branch.get()
    assert stored is not None and stored.address == "城东区建设路 90 号"
