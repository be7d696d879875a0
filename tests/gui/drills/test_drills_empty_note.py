"""The Drills list of a branch without drills says how to start (plan one, or record one held before
BranchGuard) to the lead, that none is in the state filtered, and to staff only that there is none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from branchguard.core.drills.types import DrillStatus
from branchguard.gui.drills.page import DrillsPage
from branchguard.gui.shell.main_window import MainWindow


def _list(open_window: Callable[[str], MainWindow], user: str, qtbot: Any) -> Any:
    page = open_window(user).show_page("drills")
    assert isinstance(page, DrillsPage)
    panel = page.list_panel
    qtbot.waitUntil(lambda: panel.model.total() is not None)
    return panel


def test_no_drills_yet_says_plan_or_record_held(open_window: Callable[[str], MainWindow], qtbot: Any) -> None:
    panel = _list(open_window, "lead", qtbot)
    assert panel.model.rowCount() == 0
    assert panel.empty_note.text().startswith("No drills yet. Plan drill… schedules one on a playbook;")
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(DrillStatus.EVALUATED.value))
    qtbot.waitUntil(lambda: panel.empty_note.text() == "No drill in this state.")


def test_staff_are_told_there_is_none(open_window: Callable[[str], MainWindow], qtbot: Any) -> None:
    assert _list(open_window, "staff", qtbot).empty_note.text() == "No drills yet."
