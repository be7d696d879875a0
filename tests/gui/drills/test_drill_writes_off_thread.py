"""The Drills list's changes (cancel a drill, void a record), the reads before "Record hazard…", the
corrective actions' dialog, and the plan and held-drill dialogs (their plans, criteria and roster
as they open, their save) run off the GUI thread, on the real thread pool: a second press starts
nothing, and a refusal (a locked database) is said with nothing changed and nothing typed lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput, DrillStatus, EvaluationInput
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel.types import Actor
from branchguard.gui.drills.actions_dialog import ActionsDialog
from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
from branchguard.gui.drills.held_dialog import HeldDrillDialog
from branchguard.gui.drills.list_view import DrillListPanel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.drills.plan_dialog import DrillPlanDialog
from branchguard.gui.hazards.dialogs import NewHazardDialog
from branchguard.gui.kit import tasks
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.dialog_support import Held, locked, refuse_with, sql_threads
from tests.gui.drills.test_drill_dialogs import _run_over
from tests.gui.drills.test_drill_hazard import _held
from tests.gui.incidents.incident_support import session_for
from tests.pc_clock import incidents_back_then


@pytest.fixture
def lead(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Actor:
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)  # as the window sets it
    return gui_ctx.services.auth.login("lead", "lead-demo-2026")


def _panel(open_window: Callable[[str], MainWindow], qtbot: Any, plan_id: int) -> DrillListPanel:
    page = open_window("lead").show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    qtbot.waitUntil(lambda: panel.select(plan_id))
    return panel


def _shown_cancelled(panel: DrillListPanel) -> bool:
    """The list shows the drill cancelled (re-read off the GUI thread after the write)."""
    chosen = panel.selected()
    return chosen is not None and chosen.status is DrillStatus.CANCELLED


def _said(ctx: AppContext) -> str:
    fault = ctx.explain(locked())
    assert fault is not None
    return fault.text("en")


def test_a_drill_is_cancelled_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, open_window: Any, pool_tasks: Any, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    plan = gui_ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=3)))
    panel = _panel(open_window, qtbot, plan.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    drills = gui_ctx.services.drills
    own = drills.cancel
    refuse_with(monkeypatch, drills, "cancel", locked())
    panel.ask_cancel()
    qtbot.waitUntil(lambda: panel.message.text() == _said(gui_ctx))
    assert panel.cancel_button.isEnabled()
    assert drills.get(lead, plan.id).status is DrillStatus.PLANNED
    monkeypatch.setattr(drills, "cancel", own)
    cancel = Held(monkeypatch, drills, "cancel")
    with sql_threads(gui_ctx.engine) as sql:
        panel.ask_cancel()
        qtbot.waitUntil(lambda: cancel.calls == 1)
        assert not panel.cancel_button.isEnabled()
        panel.ask_cancel()  # pressed again while it is written: nothing more
        cancel.release()
        qtbot.waitUntil(lambda: _shown_cancelled(panel))
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert cancel.calls == 1 and pool_tasks.gui_thread not in cancel.threads
    assert drills.get(lead, plan.id).status is DrillStatus.CANCELLED


def test_a_held_record_is_voided_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, open_window: Any, pool_tasks: Any, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    drill = _held(gui_ctx, lead)
    panel = _panel(open_window, qtbot, drill)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("录错了日期", True))
    void = Held(monkeypatch, gui_ctx.services.drills, "void_held")
    with sql_threads(gui_ctx.engine) as sql:
        panel.ask_cancel()  # a record's Cancel voids it
        qtbot.waitUntil(lambda: void.calls == 1)
        assert not panel.cancel_button.isEnabled()
        panel.ask_cancel()
        void.release()
        qtbot.waitUntil(lambda: _shown_cancelled(panel))
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert void.calls == 1 and pool_tasks.gui_thread not in void.threads
    assert gui_ctx.services.drills.get(lead, drill).status is DrillStatus.CANCELLED  # voided


def test_record_hazard_reads_off_the_gui_thread_before_its_dialog(
    gui_ctx: AppContext, lead: Actor, open_window: Any, pool_tasks: Any, qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    drill = _held(gui_ctx, lead)
    panel = _panel(open_window, qtbot, drill)
    read = Held(monkeypatch, gui_ctx.services.drills, "evaluation")
    with sql_threads(gui_ctx.engine) as sql:
        panel.ask_hazard()
        assert panel.hazard_dialog is None  # not before what the drill found is read
        read.release()
        qtbot.waitUntil(lambda: isinstance(panel.hazard_dialog, NewHazardDialog))
        dialog = panel.hazard_dialog
        assert isinstance(dialog, NewHazardDialog)
        qtbot.waitUntil(lambda: dialog.work.ready())
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert dialog.fields.description.toPlainText() == "金库人员撤离慢"
    assert pool_tasks.gui_thread not in read.threads
    dialog.reject()


def test_the_actions_dialog_reads_and_marks_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=3)):
        run = _run_over(gui_ctx, lead)
    sets = {cs.code: cs for cs in gui_ctx.services.drills.criteria_sets(lead)}
    scores = {c.code: 80 for c in sets[run.criteria_set].criteria}
    actions = (FollowUpInput("补充应急照明", "周强"), FollowUpInput("复训", "赵敏"))
    gui_ctx.services.drills.evaluate(lead, run.id, EvaluationInput(scores, actions=actions))
    plan = gui_ctx.services.drills.get(lead, run.id)
    session = session_for(gui_ctx, "lead")
    read = Held(monkeypatch, gui_ctx.services.drills, "record_of")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = ActionsDialog(session, plan)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.table.rowCount() == 0 and dialog.work.note.text() == "Reading…"
        read.release()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
        dialog.table.selectRow(0)
        assert dialog.done_button.isEnabled()
        refuse_with(monkeypatch, gui_ctx.services.drills, "complete_action", locked())
        dialog.done_button.click()
        qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
        assert dialog.message.text() == _said(gui_ctx) and dialog.done_button.isEnabled()
        monkeypatch.undo()
        mark = Held(monkeypatch, gui_ctx.services.drills, "complete_action")
        dialog.done_button.click()
        qtbot.waitUntil(lambda: mark.calls == 1)
        assert not dialog.done_button.isEnabled() and not dialog.mark_done()  # twice: once
        mark.release()
        qtbot.waitUntil(lambda: dialog.last_done is not None and dialog.work.ready())
        qtbot.waitUntil(lambda: dialog.table.item(0, dialog.DONE).text().endswith("· 王建国"))
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert mark.calls == 1 and pool_tasks.gui_thread not in mark.threads + read.threads
    first, second = gui_ctx.services.drills.record_of(lead, run.id).actions
    assert first.done_at is not None and second.done_at is None


def test_a_held_drill_is_read_for_and_recorded_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_for(gui_ctx, "lead")
    name = gui_ctx.services.people.list_people(lead)[0].name
    read = Held(monkeypatch, gui_ctx.services.drills, "criteria_sets")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = HeldDrillDialog(session)
        qtbot.addWidget(dialog)
        dialog.playbook.choose("FIRE")  # chosen before the plans are read: chosen once they are
        dialog.show()
        assert not dialog.submit_button.isEnabled() and dialog.work.note.text() == "Reading…"
        read.release()
        qtbot.waitUntil(dialog.submit_button.isEnabled)
        assert dialog.playbook.code() == "FIRE" and dialog.scores_box.criteria_set.code == "FIRE"
        assert dialog.evaluator.findText(name) >= 0
        at = (datetime.now() - timedelta(days=45)).replace(hour=9, minute=30, second=0, microsecond=0)
        dialog.when.set_held_at(at)
        dialog.reference.setText("安全管理台账第14页")
        for row in dialog.scores_box.rows:
            row.spin.setValue(90)
        refuse_with(monkeypatch, gui_ctx.services.drills, "record_held", locked())
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
        assert dialog.message.text() == _said(gui_ctx) and dialog.isVisible()
        assert dialog.reference.text() == "安全管理台账第14页" and dialog.submit_button.isEnabled()
        monkeypatch.undo()
        record = Held(monkeypatch, gui_ctx.services.drills, "record_held")
        dialog.submit_button.click()
        qtbot.waitUntil(lambda: record.calls == 1)
        dialog.submit_button.click()
        dialog.submit()  # twice: once
        record.release()
        qtbot.waitUntil(lambda: dialog.result_plan is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert record.calls == 1 and pool_tasks.gui_thread not in record.threads + read.threads
    assert [p.id for p in gui_ctx.services.drills.list(lead)] == [dialog.result_plan.id]


def test_a_drill_is_planned_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_for(gui_ctx, "lead")
    people = gui_ctx.services.people.list_people(lead)
    read = Held(monkeypatch, gui_ctx.services.playbooks, "list_playbooks")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = DrillPlanDialog(session)
        qtbot.addWidget(dialog)
        dialog.choose_playbook("FIRE")
        dialog.show()
        assert not dialog.submit_button.isEnabled()
        read.release()
        qtbot.waitUntil(dialog.submit_button.isEnabled)
        assert dialog.playbook_code() == "FIRE" and dialog.headcount.value() == len(people)
        assert len(dialog.observers.menu.actions()) == len(people) and dialog.observers.pick.isEnabled()
        plan = Held(monkeypatch, gui_ctx.services.drills, "plan")
        dialog.submit_button.click()
        qtbot.waitUntil(lambda: plan.calls == 1)
        dialog.submit()  # twice: once
        plan.release()
        qtbot.waitUntil(lambda: dialog.result_plan is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert plan.calls == 1 and pool_tasks.gui_thread not in plan.threads + read.threads
    assert len(gui_ctx.services.drills.list(lead)) == 1


def test_an_evaluation_is_read_for_and_saved_off_the_gui_thread_once(
    gui_ctx: AppContext, lead: Actor, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _run_over(gui_ctx, lead)
    session = session_for(gui_ctx, "lead")
    read = Held(monkeypatch, gui_ctx.services.drills, "criteria_sets")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = EvaluateDialog(session, run)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.submit_button.isEnabled() and dialog.rows == []
        read.release()
        qtbot.waitUntil(dialog.submit_button.isEnabled)
        assert dialog.rows and dialog.scores_box.criteria_set.code == run.criteria_set
        for row in dialog.rows:
            row.spin.setValue(85)
        dialog.problems.setPlainText("疏散通道有杂物")
        refuse_with(monkeypatch, gui_ctx.services.drills, "evaluate", locked())
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.message.isVisibleTo(dialog))
        assert dialog.message.text() == _said(gui_ctx) and dialog.isVisible()
        assert dialog.problems.toPlainText() == "疏散通道有杂物" and dialog.submit_button.isEnabled()
        monkeypatch.undo()
        evaluate = Held(monkeypatch, gui_ctx.services.drills, "evaluate")
        dialog.submit_button.click()
        qtbot.waitUntil(lambda: evaluate.calls == 1)
        dialog.submit_button.click()
        dialog.submit()  # twice: once
        evaluate.release()
        qtbot.waitUntil(lambda: dialog.result_evaluation is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert evaluate.calls == 1 and pool_tasks.gui_thread not in evaluate.threads + read.threads
    assert gui_ctx.services.drills.evaluation(lead, run.id) is not None
