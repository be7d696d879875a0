"""The Compliance tab of a branch that has never drilled (a new one: every rule due within its first
interval, "none since" its first day): it says what to do next, plan the drill or record one held
before BranchGuard, to whoever may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import Qt

from branchguard.context import AppContext
from branchguard.core.drills.types import (
    ComplianceStatus,
    DrillPlanInput,
    DrillScope,
    EvaluationInput,
    HeldDrillInput,
)
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.shell.main_window import MainWindow
from tests.branch_age import in_use_since
from tests.core.drills.test_drill_held import FIRE_SCORES


def _compliance(open_window: Callable[[str], MainWindow], user: str, qtbot: Any) -> Any:
    page = open_window(user).show_page("drills")
    assert isinstance(page, DrillsPage)
    page.tabs.setCurrentWidget(page.compliance)
    panel = page.compliance
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    return panel


def test_rules_never_met_say_to_plan_or_record_a_held_drill(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    in_use_since(gui_ctx, datetime(2021, 3, 1, tzinfo=UTC))  # the rules not met are overdue, not on time
    panel = _compliance(open_window, "lead", qtbot)
    assert panel.never_held.isVisible()
    assert "Plan drill…" in panel.never_held.text() and "Record held drill…" in panel.never_held.text()

    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    at = (datetime.now() - timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    held = HeldDrillInput("FIRE", at, "台账第9页", EvaluationInput(FIRE_SCORES))
    gui_ctx.services.drills.record_held(lead, held)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(ComplianceStatus.ON_TIME.value))
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)  # the rules the fire drill met, each held once
    assert not panel.never_held.isVisible()


def test_a_new_branch_reads_each_rule_due_within_its_first_interval_not_overdue(
    open_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    """On its first day every required drill read Overdue, with Never and Now; it is on time, due
    its interval on from the day the branch began with BranchGuard, which the row says."""
    panel = _compliance(open_window, "lead", qtbot)
    model, today = panel.model, date.today()
    rows = [r for r in panel.shown() if r.item is not None and not r.rule.notice]
    assert rows
    for row in rows:
        at = model.find_row(lambda r, c=row.rule.code: r.rule.code == c)
        cells = [model.index(at, column).data() for column in range(model.columnCount())]
        due = today + relativedelta(months=row.rule.interval_months)
        assert cells[model.COL_STATUS] == "On time", cells
        assert cells[model.COL_LAST] == f"None since {today.isoformat()}"
        assert cells[model.COL_NEXT] == due.isoformat()
        tip = model.index(at, model.COL_LAST).data(Qt.ItemDataRole.ToolTipRole)
        assert today.isoformat() in tip and "began using BranchGuard" in tip


def test_staff_who_cannot_plan_are_not_told_to(open_window: Callable[[str], MainWindow], qtbot: Any) -> None:
    panel = _compliance(open_window, "staff", qtbot)
    assert not panel.never_held.isVisible()


def test_rules_with_their_drill_planned_say_when_and_are_not_sent_to_plan_it(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    """A new branch plans its first drills: each rule still due now says the drill planned for it
    (it said "Now" alone), and the note to plan one goes once every rule has one."""
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    at = (datetime.now() + timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)
    for code in ("FIRE", "ROB"):
        gui_ctx.services.drills.plan(lead, DrillPlanInput(code, at))
    panel = _compliance(open_window, "lead", qtbot)
    rows = [r for r in panel.shown() if r.item is not None and not r.rule.notice]
    planned = [r for r in rows if r.item is not None and r.item.next_planned is not None]
    assert planned and len(planned) < len(rows)  # some rules met by these two, not every one
    for row in planned:
        next_cell = panel.model.index(panel.model.find_row(lambda r, c=row.rule.code: r.rule.code == c), 4)
        due = date.today() + relativedelta(months=row.rule.interval_months)
        assert next_cell.data() == f"{due.isoformat()}  (planned {at:%Y-%m-%d %H:%M})"
    assert panel.never_held.isVisible()  # the rules without a drill still need one

    gui_ctx.services.drills.plan(lead, DrillPlanInput("GEN", at, scope=DrillScope.COMPREHENSIVE))
    panel.reload()
    qtbot.waitUntil(lambda: all(r.item is not None and r.item.next_planned for r in _met(panel)))
    assert not panel.never_held.isVisible()


def _met(panel: Any) -> list[Any]:
    return [r for r in panel.shown() if r.item is not None and not r.rule.notice]
