"""Another user logs in (after the lock) while work the user before started still runs: the work ends
whole, its result goes to no dropped page, and the window says how it ended. No traceback."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.gui.kit import tasks
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.shell.lock_support import take_over


@pytest.fixture
def gate(pool_tasks: Any) -> Iterator[threading.Event]:
    """Work on the real thread pool waits on it; opened at the end anyway."""
    opened = threading.Event()
    yield opened
    opened.set()


def start_on_the_settings_page(
    window: MainWindow, work: Callable[[TaskProgress], object]
) -> tuple[Any, list]:
    """Work begun as the settings page begins its backup: its progress over the page's panel."""
    page = window.show_page("settings")
    assert page is not None
    heard: list[object] = []
    handle = run_task(
        work,
        parent=page.backups,
        title="Backing up",
        on_done=heard.append,
        on_error=heard.append,
    )
    return handle, heard


def test_work_still_running_at_a_switch_of_user_ends_whole_and_the_window_says_so(
    open_window, qtbot, gate
) -> None:
    window = open_window("lead")
    started, written = threading.Event(), threading.Event()

    def work(_progress: TaskProgress) -> str:
        started.set()
        if not gate.wait(60):
            raise RuntimeError("the test never let the work end")
        written.set()
        return "archive.zip"

    handle, heard = start_on_the_settings_page(window, work)
    page = window.page("settings")
    assert started.wait(30)
    take_over(window, qtbot, "staff")
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))  # the lead's pages are gone, the work is not

    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert written.is_set() and handle not in tasks._running
    assert heard == []  # nothing handed to the dropped page
    assert window.statusBar().currentMessage() == "Work begun before the user changed has ended: Backing up"


def test_work_that_fails_after_a_switch_of_user_is_told_in_a_warning(open_window, qtbot, gate) -> None:
    window = open_window("lead")
    started = threading.Event()

    def work(_progress: TaskProgress) -> str:
        started.set()
        gate.wait(60)
        raise ValidationError("field.file", Message("validation.required"))

    handle, heard = start_on_the_settings_page(window, work)
    assert started.wait(30)
    take_over(window, qtbot, "staff")

    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert heard == [] and handle not in tasks._running
    box = window.findChild(QMessageBox, "left_work_failed")
    assert box is not None and box.isVisible()
    assert box.text().startswith("Work begun before the user changed has failed: Backing up\n")
    box.close()
