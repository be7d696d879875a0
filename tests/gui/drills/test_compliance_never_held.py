"""The Compliance tab of a branch that has never drilled (a new one: every rule overdue, "never"):
it says what to do next, plan the drill or record one held before BranchGuard, to whoever may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.drills.types import ComplianceStatus, EvaluationInput, HeldDrillInput
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.shell.main_window import MainWindow
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


def test_staff_who_cannot_plan_are_not_told_to(open_window: Callable[[str], MainWindow], qtbot: Any) -> None:
    panel = _compliance(open_window, "staff", qtbot)
    assert not panel.never_held.isVisible()
