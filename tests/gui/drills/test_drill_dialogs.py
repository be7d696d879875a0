"""The drill dialogs' validation: the service's error lands next to the field it names, and
nothing is written; rules and criteria sets are edited per region."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlan, DrillPlanInput, DrillStatus
from branchguard.core.kernel.types import Actor
from branchguard.core.playbooks.types import PlanTier
from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
from branchguard.gui.drills.models import ComplianceModel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.drills.plan_dialog import DrillPlanDialog, drill_rule
from branchguard.gui.drills.rule_dialog import RuleDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.pc_clock import incidents_back_then


@pytest.fixture
def lead(gui_ctx: AppContext) -> Actor:
    return gui_ctx.services.auth.login("lead", "lead-demo-2026")


@pytest.fixture
def page(open_window: Callable[[str], MainWindow]) -> DrillsPage:
    found = open_window("lead").show_page("drills")
    assert isinstance(found, DrillsPage)
    return found


def _run_over(ctx: AppContext, lead: Actor) -> DrillPlan:
    """A drill run and ended (its incident closed): ready to be evaluated."""
    from branchguard.core.incidents.types import CloseInput

    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", datetime.now() + timedelta(days=2)))
    run = ctx.services.drills.run(lead, plan.id)
    ctx.services.incidents.close(lead, run.incident_id, CloseInput(outcome="演练结束"))
    return ctx.services.drills.get(lead, plan.id)


def test_drill_rule_puts_the_end_day_into_the_preset_rule() -> None:
    assert drill_rule("", date(2027, 1, 1)) == ""
    assert drill_rule("yearly", None) == "yearly"
    assert drill_rule("semiannual", date(2028, 6, 30)) == "FREQ=MONTHLY;INTERVAL=6;UNTIL=20280630"


def test_plan_dialog_names_the_field_and_writes_nothing(gui_ctx: AppContext, lead: Actor, page) -> None:
    dialog = page.list_panel.ask_plan()
    assert isinstance(dialog, DrillPlanDialog)
    dialog.playbook.setEditText("")
    dialog.submit()
    assert dialog.error_text("drill_playbook") == "Choose the playbook the drill rehearses."
    dialog.playbook.setEditText("NOPE")
    dialog.submit()
    assert "NOPE" in dialog.error_text("drill_playbook")
    # an end day before the first drill: the recurrence yields nothing
    dialog.choose_playbook("FIRE")
    start = date.today() + timedelta(days=30)
    dialog.start.setDateTime(datetime(start.year, start.month, start.day, 9, 0))
    dialog.repeats.setCurrentIndex(dialog.repeats.findData("quarterly"))
    dialog.ends.setChecked(True)
    dialog.until.setDate(start - timedelta(days=1))
    dialog.submit()
    assert dialog.error_text("drill_playbook") == ""  # the earlier error is cleared
    assert dialog.error_text("drill_repeats") != ""
    assert dialog.isVisible() and dialog.result_plan is None
    assert gui_ctx.services.drills.list(lead) == []
    dialog.ends.setChecked(False)
    dialog.submit()
    assert dialog.result_plan is not None and dialog.result_plan.rule.startswith("FREQ=MONTHLY;INTERVAL=3")


def test_plan_dialog_warns_of_a_date_already_past(page) -> None:
    dialog = page.list_panel.ask_plan()
    assert isinstance(dialog, DrillPlanDialog)
    assert dialog.past_note.isHidden()  # a week ahead by default
    yesterday = datetime.now() - timedelta(days=1)
    dialog.start.setDateTime(yesterday)
    assert not dialog.past_note.isHidden() and "already passed" in dialog.past_note.text()
    dialog.repeats.setCurrentIndex(dialog.repeats.findData("quarterly"))
    assert dialog.past_note.isHidden()  # a series may start in the past: it runs on from today
    dialog.repeats.setCurrentIndex(0)
    assert not dialog.past_note.isHidden()
    dialog.start.setDateTime(datetime.now() + timedelta(days=2))
    assert dialog.past_note.isHidden()


def test_plan_dialog_offers_only_approved_playbooks(page) -> None:
    dialog = page.list_panel.ask_plan()
    assert isinstance(dialog, DrillPlanDialog)
    codes = [dialog.playbook.itemData(i) for i in range(dialog.playbook.count())]
    assert "FIRE" in codes and "ROB" in codes
    assert all(p.code in codes for p in dialog.playbooks) and len(codes) == len(dialog.playbooks)
    # typed text that matches a listed entry resolves to its code
    dialog.playbook.setEditText(dialog.playbook.itemText(codes.index("ROB")))
    assert dialog.playbook_code() == "ROB"


def test_evaluation_with_an_action_missing_its_owner_is_refused_in_place(
    gui_ctx: AppContext, lead: Actor, page
) -> None:
    run = _run_over(gui_ctx, lead)
    page.refresh()
    assert page.list_panel.select(run.id)
    form = page.list_panel.ask_evaluate()
    assert isinstance(form, EvaluateDialog)
    form.action_table.add_row("补充应急照明", "")
    form.submit()
    assert form.action_table.error.isVisibleTo(form)
    assert form.action_table.error.text().startswith("Follow-up action 1")
    assert form.result_evaluation is None
    assert gui_ctx.services.drills.get(lead, run.id).status is DrillStatus.RUNNING
    assert [
        s for s in gui_ctx.services.schedules.list(lead) if s.subject_id and s.kind.value == "action"
    ] == []
    # an action without a due date needs no reminder; one row fixed, it goes through
    owner = form.action_table.table.cellWidget(0, 1)
    owner.setEditText("周强")
    due = form.action_table.table.cellWidget(0, 2)
    due.setDate(due.minimumDate())  # "no date"
    form.submit()
    assert form.result_evaluation is not None
    [action] = gui_ctx.services.drills.record_of(lead, run.id).actions
    assert (action.owner, action.due) == ("周强", None)


def test_evaluation_names_an_action_by_its_row_in_the_table(gui_ctx: AppContext, lead: Actor, page) -> None:
    """An empty row is left out, but a refusal still names the row the user sees (as closing an
    incident does)."""
    run = _run_over(gui_ctx, lead)
    page.refresh()
    assert page.list_panel.select(run.id)
    form = page.list_panel.ask_evaluate()
    assert isinstance(form, EvaluateDialog)
    form.action_table.add_row("", "")  # row 1 left empty
    form.action_table.add_row("补充应急照明", "")  # row 2 without its owner
    form.submit()
    assert form.action_table.error.text().startswith("Follow-up action 2: ")
    assert form.action_table.table.currentRow() == 1 and form.result_evaluation is None
    form.action_table.table.cellWidget(1, 1).setEditText("周" * 150)  # an owner over the 100 allowed
    form.submit()
    refusal = form.action_table.error.text()
    assert refusal.startswith("Follow-up action 2: ") and "100" in refusal
    assert gui_ctx.services.drills.get(lead, run.id).status is DrillStatus.RUNNING
    form.action_table.table.cellWidget(1, 1).setEditText("周强")
    form.submit()
    assert form.result_evaluation is not None
    [action] = gui_ctx.services.drills.record_of(lead, run.id).actions
    assert (action.text, action.owner) == ("补充应急照明", "周强")


def test_an_action_due_before_the_drill_was_run_is_refused_by_its_row(
    gui_ctx: AppContext, lead: Actor, page, monkeypatch: pytest.MonkeyPatch
) -> None:
    began = datetime.now(UTC) - timedelta(days=3)
    with incidents_back_then(monkeypatch, began):
        run = _run_over(gui_ctx, lead)
    page.refresh()
    assert page.list_panel.select(run.id)
    form = page.list_panel.ask_evaluate()
    assert isinstance(form, EvaluateDialog)
    for row in form.scores_box.rows:
        row.spin.setValue(80)
    day = began.astimezone().date()
    form.action_table.add_row("", "")  # row 1 left empty
    early = day - timedelta(days=1)
    form.action_table.add_row("补充应急照明", "周强", early)
    form.submit()
    said = f"Follow-up action 2: its due date {early} is before the day the drill was run ({day})"
    assert form.action_table.error.text() == said and form.result_evaluation is None
    assert gui_ctx.services.drills.get(lead, run.id).status is DrillStatus.RUNNING
    form.action_table.table.cellWidget(1, 2).setDate(day)  # the day it was run: taken
    form.submit()
    assert form.result_evaluation is not None
    assert [a.due for a in gui_ctx.services.drills.record_of(lead, run.id).actions] == [day]


def test_rule_dialog_edits_a_regional_rule_and_leaves_the_defaults(
    gui_ctx: AppContext, lead: Actor, page
) -> None:
    compliance = page.compliance
    compliance.region.setEditText("SH")
    compliance.reload()
    model = compliance.model
    row = model.find_row(lambda r: r.rule.interval_months == 6 and bool(r.rule.categories))
    assert row >= 0
    code = model.row_at(row).rule.code
    assert compliance.select(code)
    dialog = compliance.ask_edit()
    assert isinstance(dialog, RuleDialog) and dialog.region == "SH"
    dialog.name_zh.clear()
    dialog.name_en.clear()
    dialog.submit()
    assert dialog.form.error_text("rule_name_zh") != "" and dialog.isVisible()
    dialog.name_zh.setText("消防疏散演练（上海）")
    dialog.interval.setValue(3)
    dialog.submit()
    assert not dialog.isVisible()
    edited = compliance.row_of(code)
    assert edited is not None and edited.rule.interval_months == 3 and edited.rule.region == "SH"
    interval = model.index(model.find_row(lambda r: r.rule.code == code), ComplianceModel.COL_INTERVAL)
    assert interval.data().startswith("3 month")  # "3 months" once the English plural is compiled
    defaults = {r.code: r for r in gui_ctx.services.drills.compliance_rules(lead, "")}
    assert defaults[code].interval_months == 6


def test_new_rule_gets_a_code_of_its_own(gui_ctx: AppContext, lead: Actor, page) -> None:
    dialog = page.compliance.ask_new()
    assert isinstance(dialog, RuleDialog)
    dialog.name_zh.setText("防汛演练")
    dialog.name_en.setText("Flood drill")
    dialog.interval.setValue(12)
    dialog.submit()
    rules = {r.code: r for r in gui_ctx.services.drills.compliance_rules(lead)}
    assert rules["FLOOD_DRILL"].interval_months == 12 and rules["FLOOD_DRILL"].name.zh == "防汛演练"
    assert page.compliance.row_of("FLOOD_DRILL") is not None


def test_criteria_weights_must_sum_to_100(gui_ctx: AppContext, lead: Actor, page) -> None:
    panel = page.criteria
    assert panel.current_set() is not None
    code = panel.current_set().code
    assert panel.total.text() == "Weights: 100 / 100"
    panel._weight(0).setValue(panel._weight(0).value() + 5)
    assert panel.total.text() == "Weights: 105 / 100"
    assert panel.save()  # started (inline here), and refused
    assert "105" in panel.message.text() and panel.saved is None
    before = {cs.code: cs for cs in gui_ctx.services.drills.criteria_sets(lead)}[code]
    assert sum(c.weight for c in before.criteria) == 100
    panel._weight(1).setValue(panel._weight(1).value() - 5)
    assert panel.save() and panel.saved is not None
    after = {cs.code: cs for cs in gui_ctx.services.drills.criteria_sets(lead)}[code]
    assert [c.weight for c in after.criteria][:2] == [
        before.criteria[0].weight + 5,
        before.criteria[1].weight - 5,
    ]


def test_actions_dialog_marks_a_corrective_action_done(
    gui_ctx: AppContext, lead: Actor, page, monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchguard.core.drills.types import EvaluationInput
    from branchguard.core.incidents.types import FollowUpInput
    from branchguard.gui.drills.actions_dialog import ActionsDialog

    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=3)):  # its action due since
        run = _run_over(gui_ctx, lead)
    late = date.today() - timedelta(days=1)  # already overdue: shown in red
    sets = {cs.code: cs for cs in gui_ctx.services.drills.criteria_sets(lead)}
    scores = {c.code: 80 for c in sets[run.criteria_set].criteria}
    actions = (FollowUpInput("补充应急照明", "周强", late), FollowUpInput("复训", "赵敏"))
    gui_ctx.services.drills.evaluate(lead, run.id, EvaluationInput(scores, actions=actions))
    page.refresh()
    panel = page.list_panel
    assert panel.select(run.id) and panel.actions_button.isEnabled()
    dialog = panel.ask_actions()
    assert isinstance(dialog, ActionsDialog) and dialog.table.rowCount() == 2
    assert dialog.table.item(0, dialog.TEXT).foreground().color().name().lower() == "#b71c1c"
    assert not dialog.done_button.isEnabled()  # nothing selected
    dialog.table.selectRow(0)
    assert dialog.done_button.isEnabled()
    assert dialog.mark_done()
    done = dialog.last_done
    assert done is not None and done.done_at is not None
    assert dialog.table.item(0, dialog.DONE).text().endswith("· 王建国")  # a person, not the login "lead"
    assert not dialog.done_button.isEnabled()  # done once
    [first, second] = gui_ctx.services.drills.record_of(lead, run.id).actions
    assert first.done_at is not None and second.done_at is None


def test_rule_dialog_keeps_tiers_and_edits_a_notice_rule(gui_ctx: AppContext, lead: Actor, page) -> None:
    compliance = page.compliance
    compliance.region.setEditText("SZ")
    compliance.reload()
    assert compliance.select("COMPREHENSIVE")
    dialog = compliance.ask_edit()
    assert isinstance(dialog, RuleDialog)
    ticked = {tier for tier, check in dialog.tiers.items() if check.isChecked()}
    assert ticked == {PlanTier.COMPREHENSIVE, PlanTier.SPECIAL}
    dialog.tiers[PlanTier.ONSITE].setChecked(True)
    dialog.submit()
    assert not dialog.isVisible()
    regional = {r.code: r for r in gui_ctx.services.drills.compliance_rules(lead, "SZ")}
    assert set(regional["COMPREHENSIVE"].tiers) == {t for t in PlanTier if t.is_plan}
    # the optional fire-authority notice: turned on for the region, in working days, not months
    assert compliance.select("FIRE_NOTICE")
    notice = compliance.ask_edit()
    assert isinstance(notice, RuleDialog) and notice.is_notice and notice.notice.value() == 3
    notice.active.setChecked(True)
    notice.notice.setValue(5)
    notice.submit()
    assert not notice.isVisible()
    regional = {r.code: r for r in gui_ctx.services.drills.compliance_rules(lead, "SZ")}
    assert (regional["FIRE_NOTICE"].notice_working_days, regional["FIRE_NOTICE"].active) == (5, True)
    model = compliance.model
    cell = model.index(model.find_row(lambda r: r.rule.code == "FIRE_NOTICE"), ComplianceModel.COL_INTERVAL)
    assert cell.data().startswith("5 working day")
    comprehensive = model.find_row(lambda r: r.rule.code == "COMPREHENSIVE")
    applies = model.index(comprehensive, ComplianceModel.COL_APPLIES)
    assert PlanTier.SPECIAL.label in applies.data()
