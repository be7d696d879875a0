"""The Inspections page: schedules assigned to a person, the due list starting a run that completes
its occurrence, the checklist editor's draft and the lead's approval, what staff are offered."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QTableView

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.inspections.types import (
    Cadence,
    InspectionStatus,
    ItemCategory,
    SignatureRole,
    TemplateStatus,
)
from branchguard.core.schedules.types import ScheduleKind
from branchguard.gui.inspections.dialogs import InspectionScheduleDialog, StartInspectionDialog
from branchguard.gui.inspections.editor import (
    COL_CATEGORY,
    COL_CRITERION_ZH,
    COL_SEVERITY,
    COL_TEXT_EN,
    COL_TEXT_ZH,
    TemplateEditorDialog,
)
from branchguard.gui.inspections.models import InspectionHistoryModel, TemplateListModel
from branchguard.gui.inspections.page import InspectionsPage
from branchguard.gui.schedules.models import OccurrenceModel
from tests.gui.incidents.incident_support import login, read_every_cell

ALARM = "ALARM"
FIRST_AID = "FIRST_AID"


def inspections_page(open_window: Any, username: str = "lead") -> InspectionsPage:
    window = open_window(username)
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    return page


def template_cell(page: InspectionsPage, code: str, column: int) -> str:
    model = page.overview.templates_model
    row = model.find_row(lambda r: r.template.code == code)
    assert row >= 0
    return str(model.index(row, column).data())


def test_a_scheduled_checklist_is_due_and_the_run_started_from_it_completes_it(
    open_window: Any, gui_ctx: AppContext, qtbot: Any
) -> None:
    page = inspections_page(open_window)
    assert template_cell(page, ALARM, TemplateListModel.COL_ASSIGNEE) == "Not scheduled"
    dialog = page.ask_schedule(ALARM)
    assert isinstance(dialog, InspectionScheduleDialog)
    offered = [dialog.rule.itemData(i) for i in range(dialog.rule.count())]
    assert offered == [c.value for c in Cadence]  # a checklist runs on its cadences only
    assert dialog.rule.currentData() == Cadence.WEEKLY.value  # the template's own cadence
    dialog.accept()
    assert dialog.isVisible()  # nobody assigned yet: refused
    assert "assigned" in dialog.error.text()
    dialog.assignee.set_name("赵敏")
    dialog.rule.setCurrentIndex(dialog.rule.findData(Cadence.DAILY.value))
    soon = datetime.now() + timedelta(hours=2)  # inside the reminder lead time: due now
    dialog.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp())))
    dialog.accept()
    lead = login(gui_ctx, "lead")
    schedules = gui_ctx.services.inspections.schedules(lead, ALARM)
    assert [(s.owner, s.kind, s.rule) for s in schedules] == [("赵敏", ScheduleKind.INSPECTION, "FREQ=DAILY")]
    page.refresh()
    assert template_cell(page, ALARM, TemplateListModel.COL_ASSIGNEE) == "赵敏"
    read_every_cell(page.overview.templates_model)
    assert page.overview.select_template(ALARM)
    assert page.overview.pause_button.text() == "Pause schedule"
    page.overview.pause_button.click()
    assert not gui_ctx.services.schedules.get(lead, schedules[0].id).active
    assert template_cell(page, ALARM, TemplateListModel.COL_ASSIGNEE) == "Paused (赵敏)"
    assert page.overview.select_template(ALARM)
    assert page.overview.pause_button.text() == "Resume schedule"
    page.overview.pause_button.click()
    assert gui_ctx.services.schedules.get(lead, schedules[0].id).active

    gui_ctx.services.schedules.catch_up(lead)  # what the scheduler does: the occurrences coming up
    page.refresh()
    due = page.overview.due_model.rows()
    assert due and all(o.schedule_id == schedules[0].id for o in due)
    page.overview.due.setCurrentIndex(page.overview.due.model().index(0, 0))
    page.overview.start_due_button.click()
    start = page.start_dialog
    assert isinstance(start, StartInspectionDialog) and start.occurrence_id is not None
    occurrence = start.occurrence_id
    start.location.setText("营业厅")
    start.accept()
    assert start.started is not None
    runner = page.runner(start.started.info.id)
    assert runner is not None
    runner.answer_rest()
    runner.signatures.inspector.set_name("赵敏")
    runner.submit()
    assert runner.detail is not None and runner.detail.info.status == InspectionStatus.SUBMITTED
    assert runner.detail.signature(SignatureRole.INSPECTOR) is not None
    page.refresh()
    assert occurrence not in {o.id for o in page.overview.due_model.rows()}
    history = page.overview.history_model
    assert history.find_row(lambda i: i.id == runner.inspection_id) >= 0
    read_every_cell(history)


def test_the_editor_saves_a_draft_that_the_lead_approves_as_a_new_version(
    open_window: Any, gui_ctx: AppContext
) -> None:
    page = inspections_page(open_window)
    lead = login(gui_ctx, "lead")
    before = gui_ctx.services.inspections.template(lead, FIRST_AID)
    page.edit_template(FIRST_AID)  # opened once the checklist is read
    editor = page.template_editor
    assert isinstance(editor, TemplateEditorDialog)
    assert editor.code.isReadOnly()
    assert editor.items.rowCount() == len(before.content.items)
    row = editor.add_item(None)
    editor.items.item(row, COL_TEXT_ZH).setText("急救箱取用登记本已填写")
    editor.items.item(row, COL_TEXT_EN).setText("First-aid use log filled in")
    editor.items.item(row, COL_CRITERION_ZH).setText("每次取用均有登记")
    category = editor.items.cellWidget(row, COL_CATEGORY)
    category.setCurrentIndex(category.findData(ItemCategory.RECORDS.value))
    severity = editor.items.cellWidget(row, COL_SEVERITY)
    severity.setCurrentIndex(severity.findData(HazardSeverity.GENERAL.value))
    editor.note.setText("增加取用登记检查")
    editor.accept()
    assert editor.saved is not None, editor.error.text()
    assert editor.saved.info.status == TemplateStatus.DRAFT
    page.refresh()
    assert "draft pending" in template_cell(page, FIRST_AID, TemplateListModel.COL_VERSION)
    # Runs keep using the approved version until the draft is approved.
    assert gui_ctx.services.inspections.template(lead, FIRST_AID).info.number == before.info.number

    assert page.overview.select_template(FIRST_AID)
    assert page.overview.approve_button.isEnabled()
    page.approve_now(FIRST_AID)
    after = gui_ctx.services.inspections.template(lead, FIRST_AID)
    assert after.info.number == before.info.number + 1
    added = after.content.items[-1]
    assert added.text.zh == "急救箱取用登记本已填写"
    assert (added.category, added.key) == (ItemCategory.RECORDS, "item4")
    assert [i.key for i in after.content.items[:-1]] == [i.key for i in before.content.items]


def test_the_editor_refuses_a_checklist_without_items_or_code(open_window: Any) -> None:
    page = inspections_page(open_window)
    page.edit_template("")  # opened once the checklist is read
    editor = page.template_editor
    assert isinstance(editor, TemplateEditorDialog)
    assert not editor.code.isReadOnly()
    editor.name_zh.setText("夜间巡查")
    editor.accept()
    assert editor.saved is None and "at least one item" in editor.error.text()
    row = editor.add_item(None)
    editor.items.item(row, COL_TEXT_ZH).setText("门窗已锁闭")
    editor.accept()
    assert editor.saved is None  # no code: the service names the field
    assert editor.form.error_text("template_code") or editor.error.text()


def test_staff_run_checklists_but_do_not_edit_or_schedule_them(open_window: Any) -> None:
    page = inspections_page(open_window, "staff")
    overview = page.overview
    assert not overview.start_button.isHidden() and overview.start_button.isEnabled()
    for button in (overview.new_button, overview.edit_button, overview.approve_button,
                   overview.schedule_button, overview.pause_button):
        assert button.isHidden()


def test_the_cctv_retention_threshold_is_a_setting_the_lead_changes(
    open_window: Any, gui_ctx: AppContext
) -> None:
    page = inspections_page(open_window)
    lead = login(gui_ctx, "lead")
    page.edit_template("CCTV")  # opened once the checklist is read
    editor = page.template_editor
    assert isinstance(editor, TemplateEditorDialog)
    assert editor.params["retention_days"].value() == 30
    editor.params["retention_days"].setValue(90)
    editor.accept()
    assert editor.saved is not None, editor.error.text()
    page.approve_now("CCTV")
    content = gui_ctx.services.inspections.template(lead, "CCTV").content
    assert content.param("retention_days") == 90
    started = gui_ctx.services.inspections.start(lead, "CCTV")
    assert any("90" in a.item.text.zh and "{" not in a.item.text.zh for a in started.answers)


def test_the_lead_changes_a_checklists_schedule_rather_than_adding_a_second(
    open_window: Any, gui_ctx: AppContext
) -> None:
    lead = login(gui_ctx, "lead")
    start = datetime.now().replace(microsecond=0) + timedelta(days=1)
    first = gui_ctx.services.inspections.schedule(lead, ALARM, Cadence.DAILY, "赵敏", start)
    page = inspections_page(open_window)
    assert page.overview.select_template(ALARM)
    assert page.overview.schedule_button.text() == "Change schedule…"
    dialog = page.ask_schedule(ALARM)
    assert isinstance(dialog, InspectionScheduleDialog) and dialog.schedule is not None
    assert (dialog.assignee.name(), dialog.rule.currentData()) == ("赵敏", Cadence.DAILY.value)
    assert dialog.start.dateTime().toSecsSinceEpoch() == int(first.start_at.timestamp())  # the same instant
    dialog.assignee.set_name("李娜")
    dialog.rule.setCurrentIndex(dialog.rule.findData(Cadence.WEEKLY.value))
    dialog.accept()
    schedules = gui_ctx.services.inspections.schedules(lead, ALARM)
    assert [(s.id, s.owner, s.rule, s.subject_id, s.lead_minutes, s.timezone) for s in schedules] == [
        (first.id, "李娜", "FREQ=WEEKLY", first.subject_id, first.lead_minutes, first.timezone),
    ]
    assert schedules[0].start_at == first.start_at  # the first date untouched: same instant, own zone
    assert template_cell(page, ALARM, TemplateListModel.COL_ASSIGNEE) == "李娜"


def test_the_lists_are_made_with_the_page_its_reads_start_after_it_and_nothing_is_read_twice(
    open_window: Any, qtbot: Any, pool_tasks: Any
) -> None:
    """The page's first turn makes the due and history views with the rest of it; its reads start
    in a later turn (kit/page.py). Made a turn later, the lists were laid out and painted beside
    those reads, which hold the GIL between the window's calls into Python. The history view asks
    for the order the first read used: nothing is read again."""
    from branchguard.gui.kit import loader

    window = open_window("lead")
    qtbot.waitUntil(lambda: loader.pending() == 0)
    page = window.show_page("inspections")
    assert isinstance(page, InspectionsPage)
    overview = page.overview
    history, due = (page.findChild(QTableView, name) for name in ("inspection_history", "inspection_due"))
    assert history is not None and due is not None  # found, not made by asking for them
    assert (overview.history, overview.due) == (history, due)
    assert overview.templates_model.rowCount() == 0  # nothing read yet
    qtbot.waitUntil(lambda: loader.pending() == 0)
    assert overview.templates_model.rowCount() > 0
    assert overview.history_pager.loader.runs == 1
    header = overview.history.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        InspectionHistoryModel.COL_STARTED,
        Qt.SortOrder.DescendingOrder,
    )
    assert overview.due.horizontalHeader().sortIndicatorSection() == OccurrenceModel.DUE


def test_the_page_makes_its_overview_and_runners_inside_its_tabs(
    open_window: Any, gui_ctx: AppContext, moves: Any
) -> None:
    """Made where they stay: none is moved into the tabs afterwards (a move polishes everything the
    widget holds again, gui/kit/tabs.py); a draft left open reopens in a tab of its own."""
    from branchguard.gui.inspections.overview import InspectionsOverview
    from branchguard.gui.inspections.runner.runner import InspectionRunner

    moves.watch(InspectionsOverview, InspectionRunner)
    draft = gui_ctx.services.inspections.start(login(gui_ctx, "lead"), "CCTV")
    page = inspections_page(open_window)
    assert set(page.runners) == {draft.info.id}  # the draft reopened, in a tab of its own
    assert page.tabs.widget(0) is page.overview and page.tabs.widget(1) is page.runners[draft.info.id]
    assert moves.moved == []

