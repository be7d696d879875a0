"""Crisis actions in the console are guarded: closing with steps pending or reports overdue asks
first, listing them; the change-level dialog proposes one step from the current level."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.incidents.rules import OpenAtClose
from branchguard.core.incidents.types import Checkpoint, IncidentStatus, IncidentStep, StepState
from branchguard.core.kernel.types import Level, Text2
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.close_dialog import CloseDialog
from tests.gui.incidents.incident_support import login, open_console, session_for, stored


@pytest.fixture
def fire(gui_ctx: AppContext) -> int:
    return gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id


@pytest.fixture
def console(gui_ctx: AppContext, fire: int, qtbot: Any) -> IncidentConsole:
    return open_console(qtbot, session_for(gui_ctx, "lead"), fire)


def test_closing_with_pending_steps_asks_first_listing_them(console, gui_ctx, fire) -> None:
    lead = login(gui_ctx, "lead")
    for number in range(1, 6):
        gui_ctx.services.incidents.mark_step(lead, fire, number)
    console.reload()
    pending = [s for s in stored(gui_ctx, fire).steps if s.state == StepState.PENDING]
    dialog = console.ask_close()
    assert dialog is not None
    assert dialog.open_list.isVisibleTo(dialog) and dialog.confirm_open.isVisibleTo(dialog)
    listed = [dialog.open_list.item(i).text() for i in range(dialog.open_list.count())]
    assert listed == [f"{s.number}. {s.text.en} ({s.role_name.en})" for s in pending]
    assert f"{len(pending)} pending step(s)" in dialog.open_title.text()
    dialog.outcome.setPlainText("火已扑灭")
    dialog.submit()  # not ticked: nothing closes
    assert dialog.isVisible() and "still open" in dialog.message.text()
    assert stored(gui_ctx, fire).summary.status == IncidentStatus.OPEN
    dialog.confirm_open.setChecked(True)
    dialog.submit()
    assert not dialog.isVisible() and stored(gui_ctx, fire).summary.status == IncidentStatus.CLOSED


def test_closing_lists_overdue_reporting_checkpoints_first(qtbot) -> None:
    started = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    report = IncidentStep(
        number=4, key="report_initial", text=Text2("初报", "Initial report"), role="branch_head",
        role_name=Text2("网点负责人", "Branch head"), target_minutes=15, checkpoint=True, deadline_minutes=15,
        condition=Text2(), goto=None,
    )
    due = started + timedelta(minutes=15)
    dialog = CloseDialog(None, OpenAtClose((report,), (Checkpoint(4, report.text, due),)))
    qtbot.addWidget(dialog)
    first = dialog.open_list.item(0).text()
    assert first.startswith("Report overdue since") and "4. Initial report" in first
    assert dialog.open_list.item(1).text() == "4. Initial report (Branch head)"
    assert "1 reporting checkpoint(s) overdue" in dialog.open_title.text()


def test_closing_with_nothing_open_asks_nothing(gui_ctx, qtbot) -> None:
    lead = login(gui_ctx, "lead")
    ad_hoc = gui_ctx.services.incidents.start(lead, None, Level.III, title="门口可疑人员").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), ad_hoc)
    dialog = console.ask_close()
    assert dialog is not None and not dialog.confirm_open.isVisibleTo(dialog)
    dialog.outcome.setPlainText("人员已离开")
    dialog.submit()
    assert stored(gui_ctx, ad_hoc).summary.status == IncidentStatus.CLOSED


def test_the_level_dialog_proposes_one_step_from_the_current_level(console, gui_ctx, fire, qtbot) -> None:
    dialog = console.ask_level()  # FIRE starts at II
    assert dialog is not None and dialog.chosen() == Level.I
    dialog.reject()
    lead = login(gui_ctx, "lead")
    low = gui_ctx.services.incidents.start(lead, None, Level.III, title="ATM 吞卡").id
    low_console = open_console(qtbot, session_for(gui_ctx, "lead"), low)
    from_three = low_console.ask_level()
    assert from_three is not None and from_three.chosen() == Level.II  # never straight to I
    from_three.reason.setText("客户情绪激动")
    from_three.submit()  # one Enter
    assert stored(gui_ctx, low).summary.level == Level.II
