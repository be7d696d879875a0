"""F9 opens the start dialog at once: the plans and how often each was used are read off the GUI
thread (a slow shared database held the window while the dialog was made, and again at every key
typed), and Enter pressed before they arrive starts what was typed as soon as they do."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.gui.incidents.start import StartIncidentDialog
from tests.gui.incidents.incident_support import login


def _held_usage(gui_ctx: AppContext, monkeypatch: Any) -> threading.Event:
    """The plans' use is read slowly until the event is set."""
    release = threading.Event()
    usage = gui_ctx.services.incidents.playbook_usage

    def held(actor: Any) -> dict[str, int]:
        release.wait(10)
        return usage(actor)

    monkeypatch.setattr(gui_ctx.services.incidents, "playbook_usage", held)
    return release


def _open_codes(gui_ctx: AppContext) -> list[str | None]:
    return [i.playbook_code for i in gui_ctx.services.incidents.open_incidents(login(gui_ctx, "lead"))]


def _dialog(window: Any) -> StartIncidentDialog:
    window.incident_bar.start()
    dialog = window.incident_bar.dialog
    assert isinstance(dialog, StartIncidentDialog)
    return dialog


def test_enter_before_the_plans_arrive_starts_the_typed_plan_once_they_do(
    open_window: Any, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: Any
) -> None:
    release = _held_usage(gui_ctx, monkeypatch)
    pool_tasks.watch(gui_ctx.services.playbooks, "list_playbooks")
    window = open_window("lead")
    dialog = _dialog(window)
    assert dialog.isVisible()  # made without waiting for the read
    assert dialog.plans.count() == 1 and dialog.plans.item(0).text() == "Reading the playbooks…"
    assert not dialog.plans.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    dialog.filter.setText("FIRE")
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert _open_codes(gui_ctx) == []  # neither the plan nor an ad hoc "FIRE" started meanwhile
    release.set()
    qtbot.waitUntil(lambda: _open_codes(gui_ctx) == ["FIRE"])
    assert pool_tasks.ran_off_the_gui_thread("list_playbooks")


def test_a_guide_s_plan_chosen_before_the_plans_arrive_is_the_current_one_after(
    open_window: Any, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: Any
) -> None:
    release = _held_usage(gui_ctx, monkeypatch)
    dialog = _dialog(open_window("lead"))
    dialog.choose("ROB")
    release.set()
    qtbot.waitUntil(lambda: dialog.chosen_plan() is not None)
    plan = dialog.chosen_plan()
    assert plan is not None and plan.code == "ROB"
    assert _open_codes(gui_ctx) == []  # chosen, not started: Start (or Enter) starts it
    dialog.reject()


def test_a_read_that_fails_says_why_and_leaves_ad_hoc(
    open_window: Any, gui_ctx: AppContext, monkeypatch: Any
) -> None:
    def unreachable(actor: Any) -> dict[str, int]:
        raise OSError("the database server cannot be reached")

    monkeypatch.setattr(gui_ctx.services.incidents, "playbook_usage", unreachable)
    dialog = _dialog(open_window("lead"))
    assert "cannot be reached" in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    assert dialog.plans.count() == 1 and dialog.chosen_plan() is None  # the ad hoc line alone
    dialog.reject()
