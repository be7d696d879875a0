"""The Warnings page's Start preparation and Lifted or cancelled… say in their tooltips what they
do for the warning selected, or why they cannot (none selected, one no longer in force, one whose
preparation has started); greyed out, they said nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from branchguard.context import AppContext
from branchguard.core.early_warnings.types import WarningInput, WarningKind, WarningLevel, WarningSource
from tests.gui.early_warnings.test_warnings_page import page_of, select
from tests.gui.incidents.incident_support import login


def test_the_buttons_say_what_they_do_or_why_not(open_window: Any, gui_ctx: AppContext) -> None:
    svc, lead = gui_ctx.services.warnings, login(gui_ctx, "lead")
    when = datetime.now(UTC) - timedelta(minutes=30)
    bureau = WarningSource.METEOROLOGICAL
    rain = svc.add(
        lead, WarningInput(when, bureau, WarningLevel.ORANGE, WarningKind.RAINSTORM, "暴雨橙色预警")
    )
    heat = svc.add(lead, WarningInput(when, bureau, WarningLevel.YELLOW, WarningKind.HEAT, "高温黄色预警"))
    svc.lift(lead, heat.id, "气象台解除")
    page = page_of(open_window)
    page.refresh()
    start, lift = page.start_button, page.lift_button
    assert not start.isEnabled() and start.toolTip() == "Select a warning in force to start its preparation."
    assert not lift.isEnabled() and lift.toolTip() == "Select a warning in force to record its end."
    select(page, heat.id)
    assert not start.isEnabled() and start.toolTip() == "This warning is no longer in force."
    assert lift.toolTip() == "This warning is no longer in force."
    select(page, rain.id)
    assert start.isEnabled() and start.toolTip().startswith("Start the natural-disaster plan's preparation")
    assert lift.isEnabled() and lift.toolTip() == "Record that this warning was lifted or cancelled."
    svc.start_preparation(lead, rain.id, despite_open=False)
    page.refresh()
    select(page, rain.id)
    assert not start.isEnabled() and start.toolTip().startswith("Its preparation has started: double-click")
