"""The bell's Snooze, Dismiss, Mark done and Skip… write on the writer's thread, as the window's other
writes do: on a shared database a statement can take a while, and the window goes on meanwhile. One
action at a time: the panel's buttons wait for it, and a second press writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.schedules.types import ScheduleInput
from branchguard.gui.kit.plain import literal
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from tests.gui.dialog_support import Held, refuse_with, sql_threads
from tests.gui.shell.bell_support import select_only


def _centre(ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any) -> NotificationCentre:
    window = open_window("lead")
    lead = window.session.actor
    for title, hours in (("Check the fire extinguishers", 1), ("Test the alarm button", -0.5)):
        start = (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0)
        ctx.services.schedules.add(lead, ScheduleInput(title=title, start=start, lead_minutes=120))
    ctx.services.schedules.catch_up(lead)
    centre = NotificationCentre(window)
    qtbot.waitUntil(lambda: centre.count() == 2)
    return centre


@pytest.mark.parametrize("action", ["dismiss_many", "snooze_many"])
def test_snooze_and_dismiss_write_off_the_gui_thread_once(
    gui_ctx: AppContext, open_window: Any, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
    action: str,
) -> None:  # fmt: skip
    centre = _centre(gui_ctx, open_window, qtbot)
    held = Held(monkeypatch, gui_ctx.services.schedules, action)
    select_only(centre.panel.view, 0)
    press = centre.dismiss_selected if action == "dismiss_many" else (
        lambda: centre.snooze_selected(datetime.now(UTC) + timedelta(hours=1)))  # fmt: skip
    with sql_threads(gui_ctx.engine) as sql:
        press()
        qtbot.waitUntil(lambda: held.calls == 1)  # under way on the writer
        assert centre.acting() and not centre.panel.dismiss_button.isEnabled()
        assert not centre.panel.snooze_button.isEnabled()
        press()  # pressed again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: not centre.acting() and centre.count() == 1)
    assert held.calls == 1
    assert "UPDATE" in sql.off_gui_thread() and sql.on_gui_thread() == []


def test_mark_done_and_a_refusal_off_the_gui_thread(
    gui_ctx: AppContext, open_window: Any, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre = _centre(gui_ctx, open_window, qtbot)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    schedules = gui_ctx.services.schedules
    refusal = ValidationError("field.skip_reason", Message("validation.required"))
    refuse_with(monkeypatch, schedules, "complete", refusal)
    select_only(centre.panel.view, 0)
    centre.done_selected()
    qtbot.waitUntil(lambda: said != [])
    assert said == [literal(refusal.message)] and not centre.acting() and centre.count() == 2
    monkeypatch.setattr(schedules, "complete", type(schedules).complete.__get__(schedules))
    with sql_threads(gui_ctx.engine) as sql:
        centre.done_selected()
        qtbot.waitUntil(lambda: not centre.acting() and centre.count() == 1)
    assert "UPDATE" in sql.off_gui_thread() and sql.on_gui_thread() == []


def test_skip_writes_off_the_gui_thread_with_its_dialog_open(
    gui_ctx: AppContext, open_window: Any, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre = _centre(gui_ctx, open_window, qtbot)
    held = Held(monkeypatch, gui_ctx.services.schedules, "complete")
    select_only(centre.panel.view, 0)
    dialog = centre.ask_skip()
    assert dialog is not None
    dialog.reason.setText("消防演练改期，本次无法进行")
    with sql_threads(gui_ctx.engine) as sql:
        dialog.submit()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert dialog.isVisible() and dialog.work.saving()  # open until it is stored
        dialog.submit()  # OK again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: centre.count() == 1)
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed once stored
    assert held.calls == 1
    assert "UPDATE" in sql.off_gui_thread() and sql.on_gui_thread() == []
