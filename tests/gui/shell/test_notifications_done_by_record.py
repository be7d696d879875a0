"""The bell's "Mark done" is off for a reminder whose record ends it (a hazard's due date …) and
says where the work is done; a reminder of the lead's own schedule is still marked done there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import Message
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from tests.gui.shell.bell_support import select_only

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)


@POPUP_WARNINGS
def test_mark_done_is_off_for_an_item_its_record_ends(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window("staff")
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    schedules = gui_ctx.services.schedules
    start = (datetime.now(UTC) - timedelta(minutes=30)).replace(microsecond=0)  # overdue on catch-up
    schedules.add(lead, ScheduleInput(title="隐患 YH-0001 整改期限", start=start, kind=ScheduleKind.HAZARD,
                                      subject_id=1, lead_minutes=60))  # fmt: skip
    schedules.add(lead, ScheduleInput(title="Test the alarm button", start=start + timedelta(minutes=1),
                                      lead_minutes=60))  # fmt: skip
    schedules.catch_up(lead)
    centre = NotificationCentre(window)
    centre.show_panel()
    panel = centre.panel
    assert [r.title for r in centre.model.rows()] == ["隐患 YH-0001 整改期限", "Test the alarm button"]

    select_only(panel.view, 0)
    hazard = panel.selected()
    assert hazard is not None and hazard.schedule_kind is ScheduleKind.HAZARD
    assert not panel.done_button.isEnabled() and panel.dismiss_button.isEnabled()
    assert panel.done_button.toolTip() == Message("schedule.ends_with_hazard").text()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    centre.done_selected()  # were it pressed all the same: refused, and the reminder stays
    assert len(said) == 1 and Message("schedule.ends_with_hazard").text() in said[0]
    assert hazard.occurrence_id in [r.occurrence_id for r in centre.model.rows()]

    select_only(panel.view, 1)
    assert panel.done_button.isEnabled() and panel.done_button.toolTip() == ""
    centre.done_selected()
    assert [r.title for r in centre.model.rows()] == ["隐患 YH-0001 整改期限"]
    window.close()
