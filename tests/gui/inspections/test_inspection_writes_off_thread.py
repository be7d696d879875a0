"""The checklist editor, an approval, a schedule's pause and the schedule dialogs (an inspection's,
a new one on the calendar) read and write off the GUI thread (a statement on a shared database can
take 200 ms and more), on the real thread pool: OK waits for the roster, pressed twice saves once, a
locked database is said with what was typed kept."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.inspections.types import Cadence, TemplateStatus
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog
from branchguard.gui.inspections.editor import TemplateEditorDialog
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.schedules.calendar_dialog import NewScheduleDialog
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for

_B = QDialogButtonBox.StandardButton


pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


def test_an_inspection_schedule_reads_the_roster_and_saves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, inspections = session_for(gui_ctx, "lead"), gui_ctx.services.inspections
    roster = Held(monkeypatch, gui_ctx.services.people, "list_people")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = InspectionScheduleDialog(session, "FIRST_AID", "急救箱检查", Cadence.MONTHLY)
        qtbot.addWidget(dialog)
        dialog.show()
        ok = dialog.buttons.button(_B.Ok)
        assert not ok.isEnabled() and dialog.work.note.text() == "Reading…"
        roster.release()
        qtbot.waitUntil(ok.isEnabled)
        assert dialog.assignee.count() > 0
        dialog.assignee.set_name("李娜")
        refuse_with(monkeypatch, inspections, "schedule", locked())
        ok.click()
        qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog))
        assert dialog.error.text() == said_locked(gui_ctx)
        assert dialog.assignee.name() == "李娜" and ok.isEnabled()
        monkeypatch.setattr(inspections, "schedule", type(inspections).schedule.__get__(inspections))
        held = Held(monkeypatch, inspections, "schedule")
        ok.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not ok.isEnabled() and dialog.isVisible()
        dialog.accept()  # again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads + roster.threads
    assert [s.owner for s in inspections.schedules(session.actor, "FIRST_AID")] == ["李娜"]


def test_a_new_schedule_is_saved_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    schedules = gui_ctx.services.schedules
    dialog = NewScheduleDialog(session_for(gui_ctx, "lead"), start=datetime.now() + timedelta(days=3))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("消防栓月检")
    held = Held(monkeypatch, schedules, "add")
    with sql_threads(gui_ctx.engine) as sql:
        ok = dialog.buttons.button(_B.Ok)
        ok.click()
        qtbot.waitUntil(lambda: held.calls == 1)
        assert not ok.isEnabled() and dialog.work.note.text() == "Saving…"
        ok.click()
        held.release()
        qtbot.waitUntil(lambda: dialog.added is not None)
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads and not dialog.isVisible()


def test_the_checklist_is_read_saved_and_approved_off_the_gui_thread(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    inspections, lead = gui_ctx.services.inspections, login(gui_ctx, "lead")
    before = inspections.template(lead, "CCTV")
    page = InspectionsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.overview.templates_model.rowCount() > 0)
    read = Held(monkeypatch, inspections, "template")
    with sql_threads(gui_ctx.engine) as sql:
        page.edit_template("CCTV")
        assert page.template_editor is None  # not before the checklist is read
        read.release()
        qtbot.waitUntil(lambda: page.template_editor is not None)
        editor = page.template_editor
        assert isinstance(editor, TemplateEditorDialog) and editor.params["retention_days"].value() == 30
        editor.params["retention_days"].setValue(90)
        save = Held(monkeypatch, inspections, "save_draft")
        editor.buttons.button(_B.Save).click()
        qtbot.waitUntil(lambda: save.calls == 1)
        assert not editor.buttons.button(_B.Save).isEnabled() and editor.work.note.text() == "Saving…"
        editor.accept()  # again meanwhile: nothing more
        save.release()
        qtbot.waitUntil(lambda: editor.saved is not None)
        assert editor.saved.info.status == TemplateStatus.DRAFT
        approve = Held(monkeypatch, inspections, "approve")
        page.approve_now("CCTV")
        qtbot.waitUntil(lambda: approve.calls == 1)
        page.approve_now("CCTV")  # again meanwhile: nothing more
        approve.release()
        qtbot.waitUntil(lambda: not page._writing and not page.overview.loader.busy())
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert (save.calls, approve.calls) == (1, 1)
    assert pool_tasks.gui_thread not in read.threads + save.threads + approve.threads
    after = inspections.template(lead, "CCTV")
    assert after.info.number == before.info.number + 1 and after.content.param("retention_days") == 90


def test_pausing_a_schedule_is_written_off_the_gui_thread_and_a_refusal_said(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = login(gui_ctx, "lead")
    schedule = gui_ctx.services.inspections.schedule(
        lead, "FIRST_AID", Cadence.MONTHLY, "李娜", datetime.now() + timedelta(days=1)
    )
    page = InspectionsPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    schedules = gui_ctx.services.schedules
    said: list[str] = []
    monkeypatch.setattr(page.overview, "show_error", said.append)
    refuse_with(monkeypatch, schedules, "set_active", locked())
    page.set_schedule_active(schedule.id, False)
    qtbot.waitUntil(lambda: said != [])
    assert said == [said_locked(gui_ctx)] and schedules.get(lead, schedule.id).active
    monkeypatch.setattr(schedules, "set_active", type(schedules).set_active.__get__(schedules))
    held = Held(monkeypatch, schedules, "set_active")
    with sql_threads(gui_ctx.engine) as sql:
        page.set_schedule_active(schedule.id, False)
        qtbot.waitUntil(lambda: held.calls == 1)
        page.set_schedule_active(schedule.id, False)  # again meanwhile: nothing more
        held.release()
        qtbot.waitUntil(lambda: not page._writing)
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert held.calls == 1 and pool_tasks.gui_thread not in held.threads
    assert not schedules.get(lead, schedule.id).active
