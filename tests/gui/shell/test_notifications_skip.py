"""The bell's Skip…: a drill's or inspection's day that could not be held, a certificate that will
not be renewed, skipped with its reason from the window (before, the only way was the command
line's `schedule done ID --skip REASON`, and the bell shows no ID). The greyed Mark done says what
to do in the window's words; an item its record ends (a hazard) is not skipped either."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import Message
from branchguard.core.schedules.types import OccurrenceStatus, ScheduleInput, ScheduleKind
from branchguard.core.team.types import TrainingInput
from branchguard.db.models.schedules import OccurrenceRow
from branchguard.gui.kit import discard
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from tests.gui.conftest import PASSWORDS
from tests.gui.shell.bell_support import select_only

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)
OK = QDialogButtonBox.StandardButton.Ok


def _bell(gui_ctx: AppContext, window: MainWindow) -> NotificationCentre:
    """The bell over 孙丽's expired first-aid certificate (she is off duty in the demo roster), a
    weekly drill of a compliance rule coming due and a hazard's overdue due date."""
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    team, schedules = gui_ctx.services.team, gui_ctx.services.schedules
    sun = int(team.person_named(lead, "孙丽", "field.person").id)
    today = date.today()
    team.add_training(
        lead, TrainingInput(sun, "first_aid_aed", today - timedelta(days=800), today - timedelta(days=30))
    )
    now = datetime.now(UTC).replace(microsecond=0)
    schedules.add(lead, ScheduleInput(title="每周疏散演练", start=now + timedelta(minutes=30),
                                      kind=ScheduleKind.DRILL, subject_id=1, rule="weekly",
                                      lead_minutes=60))  # fmt: skip
    schedules.add(lead, ScheduleInput(title="隐患 YH-0001 整改期限", start=now - timedelta(minutes=30),
                                      kind=ScheduleKind.HAZARD, subject_id=1, lead_minutes=60))  # fmt: skip
    schedules.catch_up(lead)
    centre = NotificationCentre(window)
    centre.show_panel()
    return centre


def _select(centre: NotificationCentre, words: str) -> int:
    [row] = [i for i, r in enumerate(centre.model.rows()) if words in r.title and not r.earlier]
    select_only(centre.panel.view, row)
    return centre.model.rows()[row].occurrence_id


def _ok(dialog: QDialog, qtbot: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(OK), Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


@POPUP_WARNINGS
def test_a_certificate_that_will_not_be_renewed_is_skipped_from_the_bell(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    window = open_window("lead")
    centre = _bell(gui_ctx, window)
    panel = centre.panel
    occurrence_id = _select(centre, "孙丽")
    assert not panel.done_button.isEnabled()
    assert panel.done_button.toolTip() == Message("schedule.ends_with_training.window").text()
    assert "training add" not in panel.done_button.toolTip()
    assert panel.skip_button.isEnabled()

    dialog = centre.ask_skip()
    assert dialog is not None and dialog.isVisible()
    _ok(dialog, qtbot)  # a reason is required, as the service requires it
    assert dialog.isVisible() and dialog.form.error_text("reason") == "Please fill this in."
    dialog.reason.setText("已调离本网点，不再续训")
    _ok(dialog, qtbot)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: occurrence_id not in [r.occurrence_id for r in centre.model.rows()])
    with gui_ctx.sessions() as s:
        row = s.get(OccurrenceRow, occurrence_id)
        assert row is not None and row.status == OccurrenceStatus.SKIPPED.value
        assert row.note == "已调离本网点，不再续训" and row.done_by == "lead"
    window.close()


@POPUP_WARNINGS
def test_a_drill_day_says_skip_in_the_window_and_a_hazard_is_not_skipped(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow], qtbot: Any
) -> None:
    window = open_window("lead")
    centre = _bell(gui_ctx, window)
    panel = centre.panel
    _select(centre, "每周疏散演练")
    tip = panel.done_button.toolTip()
    assert not panel.done_button.isEnabled() and tip == Message("schedule.done_by_drill.window").text()
    assert "--skip" not in tip and "Skip…" in tip and panel.skip_button.text() == "Skip…"
    assert panel.skip_button.isEnabled()
    dialog = centre.ask_skip()
    assert dialog is not None
    dialog.reason.setText("网点装修停业")
    dialog.reject()  # Esc with a reason typed: asked first, the dialog stays
    box = discard.question(dialog)
    assert box is not None and box.isVisible() and dialog.isVisible()
    box.reject()
    dialog.reason.clear()
    dialog.reject()

    _select(centre, "隐患 YH-0001")
    assert not panel.skip_button.isEnabled()
    assert panel.skip_button.toolTip() == Message("schedule.ends_with_hazard").text()
    assert centre.ask_skip() is None
    window.close()
