"""Crisis actions in the console are guarded: closing with steps pending or reports overdue asks
first, listing them; a close the service refuses stays in its dialog with everything typed; the
change-level dialog proposes one step from the current level."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6

from branchguard.context import AppContext
from branchguard.core.incidents.rules import FOLLOW_UP_TEXT_LIMIT, OpenAtClose
from branchguard.core.incidents.types import Checkpoint, IncidentStatus, IncidentStep, StepState
from branchguard.core.kernel.types import Level, Text2
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.close_dialog import CloseDialog
from tests.gui.incidents.incident_support import login, open_console, session_for, stored
from tests.pc_clock import incidents_back_then


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


def _closing_a_burst_pipe(gui_ctx, qtbot) -> tuple[int, IncidentConsole, CloseDialog]:
    """An ad-hoc incident, its console and its close dialog, the outcome typed."""
    lead = login(gui_ctx, "lead")
    burst = gui_ctx.services.incidents.start(lead, None, Level.III, title="水管爆裂").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), burst)
    dialog = console.ask_close()
    assert dialog is not None
    dialog.outcome.setPlainText("handled")
    return burst, console, dialog


def test_a_refused_close_stays_in_the_dialog_with_everything_typed(gui_ctx, qtbot) -> None:
    burst, console, dialog = _closing_a_burst_pipe(gui_ctx, qtbot)
    too_long = "x" * (FOLLOW_UP_TEXT_LIMIT + 500)
    dialog.root_cause.setPlainText(too_long)
    dialog.add_action_row("", "")  # row 1 left empty: left out, but the numbers are the table's
    dialog.add_action_row("fix pipe", "o" * 150)
    dialog.submit()
    assert dialog.isVisible() and stored(gui_ctx, burst).summary.status == IncidentStatus.OPEN
    assert dialog.actions_error.text().startswith("Follow-up action 2: ")  # the row the user sees
    assert "100" in dialog.actions_error.text() and dialog.action_table.currentRow() == 1

    dialog.action_table.item(1, dialog.COL_OWNER).setText("赵安")
    dialog.submit()  # the service refuses the root cause: by its field, in the dialog
    assert dialog.isVisible() and stored(gui_ctx, burst).summary.status == IncidentStatus.OPEN
    assert dialog.actions_error.isHidden() and dialog.close_button.isEnabled()
    assert str(FOLLOW_UP_TEXT_LIMIT) in dialog.form.error_text("close_root_cause")
    assert dialog.root_cause.property("invalid")
    assert dialog.outcome.toPlainText() == "handled" and dialog.root_cause.toPlainText() == too_long
    assert not console.message.isVisibleTo(console)

    dialog.root_cause.setPlainText("水管老化")
    dialog.submit()
    assert not dialog.isVisible()
    detail = stored(gui_ctx, burst)
    assert detail.summary.status == IncidentStatus.CLOSED and detail.root_cause == "水管老化"
    assert [(a.text, a.owner) for a in detail.actions] == [("fix pipe", "赵安")]
    assert not console.close_button.isVisibleTo(console)  # the console re-read the closed incident


def test_the_close_is_written_off_the_gui_thread_with_the_dialog_waiting(gui_ctx, qtbot, pool_tasks) -> None:
    """As in the app: the writer's thread closes the incident; the dialog takes no second submit and
    no Cancel meanwhile, then shows the refusal (or closes) when the answer comes back."""
    burst, _console, dialog = _closing_a_burst_pipe(gui_ctx, qtbot)
    dialog.injuries.setText("x" * (FOLLOW_UP_TEXT_LIMIT + 1))
    dialog.submit()
    dialog.reject()  # while it is written: ignored
    qtbot.waitUntil(lambda: bool(dialog.form.error_text("close_injuries")))
    assert dialog.isVisible() and dialog.close_button.isEnabled()
    dialog.injuries.setText("无")
    dialog.submit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # accepted, and deleted on close
    assert stored(gui_ctx, burst).summary.status == IncidentStatus.CLOSED


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


def test_an_action_due_before_the_incident_began_is_refused_by_its_row(
    gui_ctx, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog refuses it naming the table's row before the service is asked; the service's own
    refusal (the command line's) is shown in the same place."""
    lead = login(gui_ctx, "lead")
    began = datetime.now(UTC) - timedelta(days=4)
    with incidents_back_then(monkeypatch, began):
        burst = gui_ctx.services.incidents.start(lead, None, Level.III, title="水管爆裂").id
    day = began.astimezone().date()
    early = day - timedelta(days=1)
    console = open_console(qtbot, session_for(gui_ctx, "lead"), burst)
    dialog = console.ask_close()
    assert dialog is not None
    dialog.outcome.setPlainText("handled")
    dialog.add_action_row("", "")  # row 1 left empty
    dialog.add_action_row("fix pipe", "赵安", early)
    dialog.submit()
    said = f"Follow-up action 2: its due date {early} is before the day the incident began ({day})"
    assert dialog.actions_error.text() == said and dialog.action_table.currentRow() == 1
    assert dialog.isVisible() and stored(gui_ctx, burst).summary.status == IncidentStatus.OPEN

    service = CloseDialog(None, close=lambda data: gui_ctx.services.incidents.close(lead, burst, data))
    qtbot.addWidget(service)
    service.outcome.setPlainText("handled")
    service.add_action_row("fix pipe", "赵安", early)
    service.submit()
    assert service.actions_error.text() == said.replace("action 2", "action 1")
    assert stored(gui_ctx, burst).summary.status == IncidentStatus.OPEN

    dialog.action_table.removeRow(1)
    dialog.add_action_row("fix pipe", "赵安", day)  # its first day: taken
    dialog.submit()
    detail = stored(gui_ctx, burst)
    assert detail.summary.status == IncidentStatus.CLOSED and [a.due for a in detail.actions] == [day]


def test_the_refusal_of_an_early_action_is_scrolled_into_view(gui_ctx, qtbot) -> None:
    """Below a long list of what is still open the fields scroll; the refusal sat under the scrolled
    area's edge and nothing seemed to happen (found in a user trial at 1024×768)."""
    lead = login(gui_ctx, "lead")
    began = datetime.now(UTC)
    burst = gui_ctx.services.incidents.start(lead, None, Level.III, title="水管爆裂").id
    early = began.astimezone().date() - timedelta(days=1)
    dialog = CloseDialog(None, close=lambda data: gui_ctx.services.incidents.close(lead, burst, data))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.width(), dialog.minimumSizeHint().height())  # as short as it goes: it scrolls
    dialog.outcome.setPlainText("handled")
    for n in range(6):
        dialog.add_action_row(f"step {n}", "赵安", early if n == 5 else None)
    dialog.submit()
    assert dialog.actions_error.isVisible() and dialog.fields_scroll.verticalScrollBar().maximum() > 0
    qtbot.waitUntil(lambda: not dialog.actions_error.visibleRegion().isEmpty())
