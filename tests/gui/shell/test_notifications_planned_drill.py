"""The bell offers by hand only what the service takes: a planned drill's only date offered
"Skip…", and the service then refused it inside the dialog ("run, move or cancel it on the Drills
page"). Its row now carries the service's answer, so Skip… and Mark done are off and say where to
act instead; a drill of a series is still skipped from the bell."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import Message
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.notifications import NotificationCentre
from tests.gui.conftest import PASSWORDS
from tests.gui.shell.bell_support import select_only

POPUP_WARNINGS = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support propagateSizeHints",
)


def _row(centre: NotificationCentre, title: str) -> int:
    return centre.model.find_row(lambda r: r.title == title)


@POPUP_WARNINGS
def test_a_planned_drills_only_date_is_neither_skipped_nor_done_from_the_bell(
    gui_ctx: AppContext, open_window: Callable[[str], MainWindow]
) -> None:
    window = open_window("lead")
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    schedules = gui_ctx.services.schedules
    now = datetime.now(UTC).replace(microsecond=0)
    for title, rule in (("消防疏散演练（计划）", ""), ("每周疏散演练", "weekly")):
        spec = ScheduleInput(title=title, start=now + timedelta(minutes=30), kind=ScheduleKind.DRILL,
                             subject_id=1, rule=rule, lead_minutes=60)  # fmt: skip
        schedules.add(lead, spec)
    schedules.catch_up(lead)
    centre = NotificationCentre(window)
    centre.show_panel()
    panel = centre.panel

    select_only(panel.view, _row(centre, "消防疏散演练（计划）"))
    where = Message("schedule.ends_with_drill.window").text()
    for button in (panel.skip_button, panel.done_button):
        assert not button.isEnabled() and button.toolTip() == where
    assert "drill run" not in where  # the window's words: it runs no command
    assert centre.ask_skip() is None  # were it asked all the same: no reason typed in vain

    select_only(panel.view, _row(centre, "每周疏散演练"))  # a day of a series could not be held
    assert panel.skip_button.isEnabled() and panel.skip_button.toolTip() == ""
    assert not panel.done_button.isEnabled()
    assert panel.done_button.toolTip() == Message("schedule.done_by_drill.window").text()
    window.close()
