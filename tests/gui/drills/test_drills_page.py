"""Drills page, end to end: plan a recurring drill through the dialog, run it (its console opens,
flagged as a drill), mark steps, take the headcount, evaluate it through the form, then find it in
the compliance view and on the calendar; the report PDF is written through a background task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.drills.types import ComplianceStatus, DrillPlanInput, DrillStatus
from branchguard.core.incidents.types import CloseInput, StepState
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.core.schedules.types import ScheduleKind
from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
from branchguard.gui.drills.headcount_dialog import HeadcountDialog
from branchguard.gui.drills.models import COMPLIANCE_COLOURS, ComplianceModel, DrillPlanModel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.drills.plan_dialog import DrillPlanDialog
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit import style, tasks
from branchguard.gui.schedules.calendar_page import MONTH, CalendarPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import ThreadWatch

FIRE_RULE = IncidentCategory.FIRE_EVACUATION


@pytest.fixture
def drills_page(open_window: Callable[[str], MainWindow]) -> Callable[[str], tuple[MainWindow, DrillsPage]]:
    def _open(username: str = "lead") -> tuple[MainWindow, DrillsPage]:
        window = open_window(username)
        page = window.show_page("drills")
        assert isinstance(page, DrillsPage)
        for model in (page.list_panel.model, page.compliance.model):
            QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        return window, page

    return _open


def test_the_tabs_behind_are_built_and_read_when_first_shown(open_window, gui_ctx) -> None:
    window = open_window("lead")
    page = window.show_page("drills")
    assert isinstance(page, DrillsPage)
    assert page._built() == []  # only the plans are built and read on the first show
    assert [page.tabs.tabText(i) for i in range(4)] == [
        "Drill plans", "Compliance", "Scoring criteria", "Corrective actions"
    ]
    page.tabs.setCurrentIndex(1)
    assert page.tabs.currentWidget() is page.compliance and page.compliance.model.rowCount() > 0
    assert page.tabs.tabText(1) == "Compliance" and page._built() == [page.compliance]
    page.tabs.setCurrentIndex(3)
    assert page.tabs.currentWidget() is page.action_list and page.tabs.tabText(3) == "Corrective actions"
    page.refresh()  # a refresh re-reads what is built, and builds nothing more
    assert page._built() == [page.compliance, page.action_list]
    assert page.criteria is page.tabs.widget(2) and page.tabs.currentIndex() == 3  # asked for: built behind


def _fire_rule_row(page: DrillsPage) -> int:
    model = page.compliance.model
    return model.find_row(lambda r: r.rule.active and FIRE_RULE in r.rule.categories)


def _plan_through_dialog(page: DrillsPage, start: datetime) -> DrillPlanDialog:
    dialog = page.list_panel.ask_plan()
    assert isinstance(dialog, DrillPlanDialog)
    dialog.playbook.setEditText("fire")  # typed, then picked from the list
    dialog.choose_playbook("FIRE")
    dialog.start.setDateTime(start)
    dialog.repeats.setCurrentIndex(dialog.repeats.findData("semiannual"))
    dialog.participants.add_row("safety_officer", ("赵敏",))
    row = dialog.participants.add_row("疏散引导组")
    names = dialog.participants.table.cellWidget(row, 1)
    names.add_name("李晓梅")
    names.add_name("周强")
    names.add_name("李晓梅")  # picked twice, listed once
    dialog.observers.set_names(["分行安全保卫部 刘主任"])
    dialog.goals.setPlainText("3 分钟内全员撤离\n\n清点人数无遗漏\n")
    dialog.headcount.setValue(9)
    return dialog


def test_plan_run_mark_steps_headcount_evaluate_then_compliance_and_calendar(
    gui_ctx: AppContext, drills_page, monkeypatch, tmp_path: Path, qtbot
) -> None:
    window, page = drills_page("lead")
    panel = page.list_panel
    assert page.tabs.tabText(0) == "Drill plans" and panel.model.rowCount() == 0
    fire_row = _fire_rule_row(page)
    assert fire_row >= 0  # the built-in rule: a fire and evacuation drill every 6 months
    status_cell = page.compliance.model.index(fire_row, ComplianceModel.COL_STATUS)
    assert status_cell.data() == ComplianceStatus.ON_TIME.label  # a new branch: due six months on

    # -- plan a recurring drill through the dialog
    day = date.today() + timedelta(days=12)
    dialog = _plan_through_dialog(page, datetime(day.year, day.month, day.day, 10, 0))
    dialog.ends.setChecked(True)
    dialog.until.setDate(date(day.year + 2, day.month, 1))
    dialog.submit()
    plan = dialog.result_plan
    assert plan is not None and plan.recurring and "INTERVAL=6" in plan.rule and "UNTIL=" in plan.rule
    assert plan.playbook_code == "FIRE" and plan.expected_headcount == 9
    assert plan.participants == {"safety_officer": ("赵敏",), "疏散引导组": ("李晓梅", "周强")}
    assert plan.goals == ("3 分钟内全员撤离", "清点人数无遗漏")
    assert plan.observers == ("分行安全保卫部 刘主任",)
    row = panel.model.find_row(lambda p: p.id == plan.id)
    assert row >= 0
    repeats = panel.model.index(row, DrillPlanModel.COL_REPEATS).data()
    assert repeats.startswith("Every 6 months, until ")
    assert panel.model.index(row, DrillPlanModel.COL_STATUS).data() == DrillStatus.PLANNED.label

    # -- run it: the drill console opens on the Incidents page, the banner says DRILL
    assert panel.select(plan.id) and panel.run_button.isEnabled() and not panel.evaluate_button.isEnabled()
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    panel.ask_run()
    assert len(asked) == 1 and "announced drill" in asked[0] and plan.title in asked[0]
    incidents = window.page("incidents")
    assert isinstance(incidents, IncidentsPage) and window.current_page_id() == "incidents"
    console = incidents.current_console()
    assert console is not None and console.detail is not None and console.detail.summary.drill
    assert console.header.drill_strip.text().startswith("演练 DRILL")
    bar = window.incident_bar
    assert bar is not None and bar.banner.text.text().startswith("演练 DRILL")
    assert bar.banner.property("swatch") == style.DRILL.background
    run_incident = console.incident_id

    # -- steps marked in the console as for a live incident
    console.mark_done(1)
    console.mark_done(2)
    lead = window.session.actor
    steps = gui_ctx.services.incidents.get(lead, run_incident).steps
    assert [s.state for s in steps[:3]] == [StepState.DONE, StepState.DONE, StepState.PENDING]

    # -- back on the Drills page: the run is its own drill of the series
    window.show_page("drills")
    run = next(p for p in gui_ctx.services.drills.list(lead) if p.series_id == plan.id)
    assert run.incident_id == run_incident and panel.select(run.id)
    # still running: counted, not yet evaluated
    assert not panel.evaluate_button.isEnabled() and panel.headcount_button.isEnabled()
    assert panel.model.index(
        panel.model.find_row(lambda p: p.id == run.id), DrillPlanModel.COL_REPEATS
    ).data() == (f"Run of #{plan.id}")

    # -- headcount at the assembly point
    headcount = panel.ask_headcount()
    assert isinstance(headcount, HeadcountDialog)
    assert headcount.present.value() == 9
    headcount.present.setValue(8)
    assert headcount.expected.text() == "9 — 1 missing"
    headcount.submit()
    assert gui_ctx.services.drills.record_of(lead, run.id).headcount == (8, 9)

    # -- the drill ends (its incident closed); then it is evaluated through the form
    gui_ctx.services.incidents.close(lead, run_incident, CloseInput(outcome="演练结束"))
    page.refresh()
    assert panel.select(run.id) and panel.evaluate_button.isEnabled()
    form = panel.ask_evaluate()
    assert isinstance(form, EvaluateDialog) and form.criteria_set.code == "FIRE"
    for r in form.rows:
        form.set_score(r.code, 100)
    assert form.total.text() == "Weighted score: 100.0 / 100"
    form.set_score("evacuation", 50)  # weight 20: 10 points lost
    form.rows[0].slider.setValue(60)  # the alarm (weight 15) moved on its slider: 6 points lost
    assert form.scores()["alarm"] == 60
    assert form.total.text() == "Weighted score: 84.0 / 100"
    form.problems.setPlainText("金库门未按规定关闭")
    form.lessons.setPlainText("疏散引导组分工需提前确认")
    due = date.today() + timedelta(days=20)
    form.action_table.add_row("更换过期灭火器 2 具", "赵敏", due)
    form.action_table.add_row()  # left empty: dropped
    form.submit()
    assert form.result_evaluation is not None and form.result_evaluation.score == 84.0
    record = gui_ctx.services.drills.record_of(lead, run.id)
    assert record.plan.status is DrillStatus.EVALUATED and record.evaluation is not None
    assert record.evaluation.problems == "金库门未按规定关闭"
    assert [(a.text, a.owner, a.due) for a in record.actions] == [("更换过期灭火器 2 具", "赵敏", due)]
    row = panel.model.find_row(lambda p: p.id == run.id)
    assert panel.model.index(row, DrillPlanModel.COL_SCORE).data() == "84.0"

    # -- the report, built on the real thread pool, in the print preview; saved from there
    from branchguard.reports import drill_report

    threads = ThreadWatch(monkeypatch)
    threads.watch(drill_report, "build_drill_report")
    tasks.set_inline(False)
    try:
        preview = panel.ask_report()
        assert preview is not None
        qtbot.waitUntil(lambda: preview.page_count > 0, timeout=30_000)
    finally:
        tasks.set_inline(True)
    assert threads.ran_off_the_gui_thread("build_drill_report")
    assert preview is panel.last_report
    chosen = tmp_path / "drill-report.pdf"
    preview.save_to(chosen)
    assert chosen.read_bytes().startswith(b"%PDF")
    assert "Saved to" in preview.message.text()
    preview.close()

    # -- compliance view: the rule is met now, in green
    page.tabs.setCurrentWidget(page.compliance)
    page.refresh()
    fire_row = _fire_rule_row(page)
    model = page.compliance.model
    assert model.index(fire_row, ComplianceModel.COL_STATUS).data() == ComplianceStatus.ON_TIME.label
    assert f"(#{run.id})" in model.index(fire_row, ComplianceModel.COL_LAST).data()
    background, _text = COMPLIANCE_COLOURS[ComplianceStatus.ON_TIME]
    assert model.index(fire_row, ComplianceModel.COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) == QColor(
        background
    )

    # -- the calendar: the series' next drill and the corrective action's due day
    calendar = window.show_page("calendar")
    assert isinstance(calendar, CalendarPage)
    planned_day = gui_ctx.services.drills.get(lead, plan.id).planned_at.astimezone().date()
    calendar.go_to(planned_day, MONTH)
    assert plan.title in calendar.month.titles(planned_day)
    calendar.go_to(due, MONTH)
    action_titles = calendar.month.titles(due)
    assert any("更换过期灭火器" in title for title in action_titles)
    kinds = {o.kind for o in calendar.items}
    assert ScheduleKind.ACTION in kinds


def test_staff_run_and_count_but_do_not_plan_evaluate_or_edit_rules(gui_ctx: AppContext, drills_page) -> None:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    when = datetime.now() + timedelta(days=3)
    gui_ctx.services.drills.plan(lead, DrillPlanInput("ROB", when, expected_headcount=5))
    _window, page = drills_page("staff")
    panel = page.list_panel
    assert panel.select(panel.model.row_at(0).id)
    assert not panel.plan_button.isVisibleTo(page) and not panel.evaluate_button.isVisibleTo(page)
    assert not panel.cancel_button.isVisibleTo(page)
    assert panel.run_button.isVisibleTo(page) and panel.run_button.isEnabled()
    assert not page.compliance.edit_button.isVisibleTo(page) and page.compliance.ask_new() is None
    assert not page.criteria.save_button.isVisibleTo(page)


def test_status_filter_and_cancel(gui_ctx: AppContext, drills_page, monkeypatch) -> None:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    first = gui_ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=3)))
    second = gui_ctx.services.drills.plan(lead, DrillPlanInput("ROB", datetime.now() + timedelta(days=4)))
    _window, page = drills_page("lead")
    panel = page.list_panel
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert panel.select(first.id)
    panel.ask_cancel()
    assert gui_ctx.services.drills.get(lead, first.id).status is DrillStatus.CANCELLED
    assert not gui_ctx.services.schedules.get(lead, first.schedule_id).active
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(DrillStatus.PLANNED.value))
    assert [p.id for p in panel.model.rows()] == [second.id]
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(DrillStatus.CANCELLED.value))
    assert [p.id for p in panel.model.rows()] == [first.id]
    assert panel.select(first.id) and not panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_the_lead_marks_an_action_done_on_the_action_list(gui_ctx: AppContext, drills_page, qtbot) -> None:
    """The one action list takes actions to done (its reminder ends with it); staff only read it."""
    from branchguard.core.incidents.types import FollowUpInput

    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    incidents = gui_ctx.services.incidents
    fire = incidents.start(lead, "FIRE")
    due = date.today() + timedelta(days=5)
    incidents.close(
        lead, fire.id, CloseInput(outcome="已处置", actions=(FollowUpInput("更换灭火器", "周强", due),))
    )
    _window, page = drills_page("lead")
    panel = page.action_list
    panel.reload()
    qtbot.waitUntil(lambda: any(i.action.text == "更换灭火器" for i in panel.shown()), timeout=10_000)
    row = next(r for r in range(panel.model.rowCount()) if panel.model.row_at(r).action.text == "更换灭火器")
    panel.table.selectRow(panel.proxy.mapFromSource(panel.model.index(row, 0)).row())
    assert not panel.done_button.isHidden() and panel.done_button.isEnabled()
    panel.done_button.click()
    qtbot.waitUntil(lambda: all(i.action.text != "更换灭火器" for i in panel.shown()), timeout=10_000)
    (done,) = [a for a in incidents.get(lead, fire.id).actions if a.text == "更换灭火器"]
    assert done.done_at is not None and done.done_by == "lead"
    _window, staff_page = drills_page("staff")
    assert staff_page.action_list.done_button.isHidden()


def test_the_list_opens_newest_date_first_whatever_order_the_plans_were_made_in(
    gui_ctx: AppContext, drills_page
) -> None:
    """The list says 'scroll for older ones': its first order is the date it shows, not the id."""
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    later = gui_ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=9)))
    sooner = gui_ctx.services.drills.plan(lead, DrillPlanInput("ROB", datetime.now() + timedelta(days=2)))
    _window, page = drills_page("lead")
    header = page.list_panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == DrillPlanModel.COL_DATE
    ids = [p.id for p in page.list_panel.model.rows()]
    assert ids.index(later.id) < ids.index(sooner.id)
