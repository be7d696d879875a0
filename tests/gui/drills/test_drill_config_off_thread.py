"""A compliance rule, a criteria set and a headcount are written off the GUI thread (a statement on a
shared database can take 200 ms and more), on the real thread pool: Save pressed twice saves once,
a stale rule is read again there too, a locked database is said with what was typed kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.kernel.types import Actor
from branchguard.gui.drills.criteria import CriteriaPanel
from branchguard.gui.drills.headcount_dialog import HeadcountDialog
from branchguard.gui.drills.rule_dialog import RuleDialog
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for

_SAVE = QDialogButtonBox.StandardButton.Save


pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


def test_a_rule_is_saved_off_the_gui_thread_once_and_a_stale_one_read_again_there(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    drills, session = gui_ctx.services.drills, session_for(gui_ctx, "lead")
    shown = drills.compliance_rules(session.actor)[0]
    dialog = RuleDialog(session, "", shown)
    qtbot.addWidget(dialog)
    dialog.show()
    drills.save_rule(Actor.system(), replace(shown, interval_months=shown.interval_months + 1))  # elsewhere
    save = dialog.buttons.button(_SAVE)
    dialog.source.setText("PC1 的依据")
    with sql_threads(gui_ctx.engine) as sql:
        save.click()
        qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert shown.name.text in dialog.message.text() and dialog.isVisible()
    assert dialog.interval.value() == shown.interval_months + 1  # as it is now
    dialog.source.setText("PC1 的依据")
    held = Held(monkeypatch, drills, "save_rule")
    with sql_threads(gui_ctx.engine) as sql:
        save.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not save.isEnabled() and dialog.work.note.text() == "Saving…"
        save.click()
        dialog.submit()  # pressed again: nothing more
        held.release()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    now = next(r for r in drills.compliance_rules(session.actor) if r.code == shown.code)
    assert (now.interval_months, now.source) == (shown.interval_months + 1, "PC1 的依据")


def test_a_criteria_set_is_saved_off_the_gui_thread_once_its_button_waiting(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = CriteriaPanel(session_for(gui_ctx, "lead"))
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.current_set() is not None)
    first = panel._weight(0).value()
    panel._weight(0).setValue(first + 5)
    panel._weight(1).setValue(panel._weight(1).value() - 5)
    drills = gui_ctx.services.drills
    refuse_with(monkeypatch, drills, "save_criteria_set", locked())
    assert panel.save()
    qtbot.waitUntil(lambda: panel.message.text() == said_locked(gui_ctx))
    assert panel._weight(0).value() == first + 5 and panel.save_button.isEnabled()
    monkeypatch.undo()
    held = Held(monkeypatch, drills, "save_criteria_set")
    with sql_threads(gui_ctx.engine) as sql:
        assert panel.save()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not panel.save_button.isEnabled() and not panel.save()  # again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: panel.saved is not None and not panel.loader.busy())
        assert sql.on_gui_thread() == []
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    assert panel.saved is not None and panel.saved.criteria[0].weight == first + 5


def test_a_headcount_is_recorded_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    drills, lead = gui_ctx.services.drills, login(gui_ctx, "lead")
    planned = drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=2)))
    drills.run(lead, planned.id)
    run = drills.get(lead, planned.id)
    dialog = HeadcountDialog(session_for(gui_ctx, "staff"), run)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.present.setValue(8)
    refuse_with(monkeypatch, drills, "record_headcount", locked())
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
    assert dialog.error.text() == said_locked(gui_ctx) and dialog.present.value() == 8 and dialog.isVisible()
    monkeypatch.undo()
    held = Held(monkeypatch, drills, "record_headcount")
    with sql_threads(gui_ctx.engine) as sql:
        dialog.submit_button.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not dialog.submit_button.isEnabled()
        dialog.submit()  # again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: dialog.entry is not None)
        assert sql.on_gui_thread() == [] and sql.off_gui_thread()  # (the log entry: its own engine)
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads and not dialog.isVisible()
    assert drills.record_of(lead, run.id).headcount[0] == 8
