"""Recording a drill held without BranchGuard from the Drills page (gui/drills/held_dialog.py): the
lead alone is offered it; the scores follow the chosen plan's criteria set; an error lands under
the field it names and nothing is written; the drill recorded shows as such, with its report and
without corrective actions to follow up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate

from branchguard.context import AppContext
from branchguard.core.drills.types import ComplianceStatus
from branchguard.core.kernel.types import Actor
from branchguard.gui.drills.held_dialog import HeldDrillDialog
from branchguard.gui.drills.models import DrillPlanModel
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.shell.main_window import MainWindow


@pytest.fixture
def lead(gui_ctx: AppContext) -> Actor:
    return gui_ctx.services.auth.login("lead", "lead-demo-2026")


def _page(open_window: Callable[[str], MainWindow], user: str) -> DrillsPage:
    found = open_window(user).show_page("drills")
    assert isinstance(found, DrillsPage)
    return found


def _held_days_ago(dialog: HeldDrillDialog, days: int) -> None:
    at = (datetime.now() - timedelta(days=days)).replace(hour=9, minute=30, second=0, microsecond=0)
    dialog.when.set_held_at(at)


def test_only_the_lead_is_offered_to_record_a_drill_held_earlier(open_window) -> None:
    assert not _page(open_window, "staff").list_panel.held_button.isVisibleTo(None)
    panel = _page(open_window, "lead").list_panel
    assert not panel.held_button.isHidden()


def test_the_scores_are_the_chosen_plans_criteria(open_window) -> None:
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    dialog.playbook.choose("FIRE")
    assert dialog.scores_box.criteria_set.code == "FIRE"
    assert "evacuation" in [row.code for row in dialog.scores_box.rows]
    fire_box = dialog.scores_box
    dialog.playbook.choose("ROB")
    assert dialog.scores_box.criteria_set.code != "FIRE"
    assert "evacuation" not in [row.code for row in dialog.scores_box.rows]
    assert dialog.scores_box.isVisible() and fire_box.isHidden()  # the new box took the old one's place


def test_a_plan_chosen_before_the_dialog_shows_shows_its_scores(open_window, qtbot) -> None:
    window = open_window("lead")
    dialog = HeldDrillDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.playbook.choose("ROB")  # as a caller fills it before opening it
    dialog.show()
    assert dialog.scores_box.criteria_set.code == "ROBBERY" and dialog.scores_box.isVisible()


def test_a_missing_paper_record_is_said_under_its_field_and_nothing_is_written(
    gui_ctx: AppContext, lead: Actor, open_window
) -> None:
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    dialog.playbook.setEditText("")
    dialog.submit()
    assert dialog.error_text("held_playbook") == "Choose the playbook the drill rehearsed."
    dialog.playbook.choose("FIRE")
    dialog.submit()
    assert dialog.error_text("held_playbook") == ""
    assert dialog.error_text("held_at") == "Enter the day the drill was held, from its record."
    _held_days_ago(dialog, 10)
    dialog.submit()
    assert dialog.error_text("held_at") == "" and dialog.error_text("held_reference") != ""
    dialog.reference.setText("台账第3页")
    dialog.submit()  # no score typed: the first criterion without one is named
    assert dialog.scores_box.error.text() == "8 criteria still have no score: type each from the paper form."
    assert dialog.isVisible() and gui_ctx.services.drills.list(lead) == []
    dialog.scores_box.rows[0].spin.setValue(90)  # a score typed: what was said of them is stale
    assert dialog.scores_box.error.isHidden()


def test_nothing_is_chosen_for_the_user(open_window) -> None:
    """A plan, a time or a score left at a default would record a drill no paper holds."""
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    assert dialog.playbook.code() == "" and not dialog.scores_box.isEnabled()
    assert dialog.held.date() == dialog.held.minimumDate() and dialog.held_time.text() == ""
    dialog.playbook.setEditText("ROB")  # typed, as its placeholder invites
    assert dialog.scores_box.criteria_set.code == "ROBBERY" and dialog.scores_box.isEnabled()
    assert dialog.scores_box.scores() == {} and dialog.scores_box.weighted_total() == 0


def test_a_drill_recorded_from_its_paper_record_shows_as_such_and_meets_its_rule(
    gui_ctx: AppContext, lead: Actor, open_window, qtbot
) -> None:
    panel = _page(open_window, "lead").list_panel
    dialog = panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    dialog.playbook.choose("FIRE")
    _held_days_ago(dialog, 45)
    dialog.reference.setText("安全管理台账第14页")
    for row in dialog.scores_box.rows:
        row.spin.setValue(100)
    dialog.scores_box.set_score("evacuation", 50)
    dialog.problems.setPlainText("金库门未及时关闭")
    dialog.submit()
    plan = dialog.result_plan
    assert plan is not None and plan.recorded_afterwards and not dialog.isVisible()
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().id == plan.id)
    row = panel.model.find_row(lambda p: p.id == plan.id)
    status = panel.model.index(row, DrillPlanModel.COL_STATUS).data()
    assert status == "Evaluated (recorded afterwards)"
    assert panel.report_button.isEnabled() and not panel.actions_button.isEnabled()
    assert not panel.console_button.isEnabled() and not panel.evaluate_button.isEnabled()
    fire = next(i for i in gui_ctx.services.drills.compliance(lead) if i.rule.code == "FIRE_EVAC")
    assert fire.status == ComplianceStatus.ON_TIME and fire.last_plan_id == plan.id


def test_a_drill_recorded_by_mistake_is_voided_from_the_list_with_a_reason(
    gui_ctx: AppContext, lead: Actor, open_window, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from branchguard.core.drills.types import DrillStatus, EvaluationInput, HeldDrillInput
    from tests.core.drills.test_drill_held import FIRE_SCORES

    held = (datetime.now() - timedelta(days=5)).replace(hour=9, minute=0, second=0, microsecond=0)
    plan = gui_ctx.services.drills.record_held(
        lead, HeldDrillInput("FIRE", held, "台账第9页", EvaluationInput(FIRE_SCORES))
    )
    panel = _page(open_window, "lead").list_panel
    qtbot.waitUntil(lambda: panel.select(plan.id))
    assert panel.cancel_button.text() == "Void record…" and panel.cancel_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("录错了预案", True))
    panel.cancel_button.click()
    assert gui_ctx.services.drills.get(lead, plan.id).status == DrillStatus.CANCELLED
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().status == DrillStatus.CANCELLED)
    assert not panel.cancel_button.isEnabled()
    row = panel.model.find_row(lambda p: p.id == plan.id)  # in head office's words, not "Cancelled"
    assert panel.model.index(row, DrillPlanModel.COL_STATUS).data() == "Voided (recorded afterwards)"
    assert panel.model.index(row, DrillPlanModel.COL_SCORE).data() in ("", "—")  # it counts nowhere


def test_a_day_picked_without_a_time_is_not_recorded_at_midnight(
    gui_ctx: AppContext, lead: Actor, open_window
) -> None:
    """Picking the day from the calendar pop-up once left the time at 00:00: a drill held at 14:30
    was recorded as held at midnight. The time is a field of its own, blank until typed."""
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    dialog.playbook.choose("FIRE")
    dialog.reference.setText("台账第3页")
    for row in dialog.scores_box.rows:
        row.spin.setValue(90)
    day = (datetime.now() - timedelta(days=3)).date()
    dialog.held.calendarWidget().clicked.emit(QDate(day.year, day.month, day.day))  # as a click in it
    assert dialog.held.date().toPython() == day
    dialog.submit()
    assert dialog.error_text("held_at") == (
        "Enter the time the drill began, from its record: hh:mm, e.g. 14:30."
    )
    assert dialog.focusWidget() is dialog.held_time and gui_ctx.services.drills.list(lead) == []
    dialog.held_time.setText("25:00")
    dialog.submit()
    assert dialog.error_text("held_at") == (
        "The time the drill began is not a time: enter it as hh:mm, e.g. 14:30."
    )
    dialog.held_time.setText("14：30")  # the full-width colon of a Chinese input method
    dialog.submit()
    plan = dialog.result_plan
    assert plan is not None and plan.run_at is not None
    assert plan.run_at.astimezone().replace(tzinfo=None) == datetime.combine(day, time(14, 30))


def test_a_time_ahead_is_still_refused_under_its_field(open_window, monkeypatch: pytest.MonkeyPatch) -> None:
    """The service's refusal of a time not yet come lands under the day and time."""
    held = (datetime.now() - timedelta(days=3)).replace(hour=14, minute=30, second=0, microsecond=0)
    now = held.replace(hour=10).astimezone(UTC)  # the service's clock: that morning
    monkeypatch.setattr("branchguard.core.drills.service.utcnow", lambda: now)
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    dialog.playbook.choose("FIRE")
    dialog.reference.setText("台账第3页")
    dialog.when.set_held_at(held)
    dialog.submit()
    assert dialog.error_text("held_at") == (
        "a drill recorded afterwards must have been held already: this time is still ahead"
    )
    assert dialog.result_plan is None


@pytest.mark.qt_log_ignore(  # the offscreen platform cannot raise a pop-up nor grab keys for it
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
def test_the_date_not_yet_entered_opens_its_calendar_on_this_month(open_window, qtbot) -> None:
    """Its "not entered" value is the earliest date taken (2000): the pop-up shows today's month."""
    from PySide6.QtCore import QDate, QPoint, Qt

    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    calendar = dialog.held.calendarWidget()
    arrow = QPoint(dialog.held.width() - 6, dialog.held.height() // 2)  # the pop-up's button
    qtbot.mouseClick(dialog.held, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_status_column_holds_recorded_afterwards_whole(open_window, lang: str) -> None:
    """At 1024 px "已评估（补录）" read "已评估（…": the column is as wide as its longest words."""
    panel = _page(open_window, "lead").list_panel
    longest = max(panel.fontMetrics().horizontalAdvance(w) for w in panel.model.status_words())
    assert panel.table.horizontalHeader().sectionSize(DrillPlanModel.COL_STATUS) > longest
    assert ("补录" if lang == "zh_CN" else "afterwards") in panel.model.status_words()[-1]


def test_the_evaluator_field_is_as_wide_as_the_reference(open_window, qtbot) -> None:
    """At eight characters its hint read "按纸质…" / "As the …" beside full-width fields."""
    dialog = _page(open_window, "lead").list_panel.ask_held()
    assert isinstance(dialog, HeldDrillDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.evaluator.width() >= dialog.reference.width() - 2
