"""The progress dialog of a background task: work that cannot stop offers no way to stop it, and a
dialog deleted with its parent while the work runs (another user logged in) is no error."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from branchguard.gui.kit import tasks
from branchguard.gui.kit.tasks import TaskProgress, run_task


@pytest.fixture
def gate(pool_tasks: Any) -> Iterator[threading.Event]:
    """Work on the real thread pool waits on it: still running whatever the test does meanwhile;
    opened at the end anyway."""
    opened = threading.Event()
    yield opened
    opened.set()


def waiting_work(gate: threading.Event, started: threading.Event) -> Callable[[TaskProgress], str]:
    def work(_progress: TaskProgress) -> str:
        started.set()
        if not gate.wait(60):
            raise RuntimeError("the test never let the work end")
        return "written"

    return work


def test_work_that_cannot_stop_shows_no_button_and_outlasts_esc_and_the_close_button(qtbot, gate) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    outcome: list[str] = []
    started = threading.Event()
    handle = run_task(
        waiting_work(gate, started),
        parent=parent,
        title="Backing up",
        on_done=outcome.append,
        on_cancel=lambda: outcome.append("cancelled"),
    )
    assert started.wait(30)
    dialog = handle._dialog
    assert dialog is not None
    dialog.show()  # as it does by itself once the work takes longer than SHOW_PROGRESS_AFTER_MS
    qtbot.waitExposed(dialog)
    assert dialog.findChildren(QPushButton) == []  # not even a blank one

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()  # what the title bar's close button does
    assert dialog.isVisible() and not handle.progress.cancelled

    gate.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["written"] and handle.done


def test_a_progress_dialog_deleted_with_its_parent_while_the_work_runs_is_no_error(qtbot, gate) -> None:
    parent = QWidget()
    outcome: list[str] = []
    started = threading.Event()
    handle = run_task(waiting_work(gate, started), parent=parent, title="Exporting", on_done=outcome.append)
    assert started.wait(30)
    handle.progress.report(1, 3, "a third")
    parent.deleteLater()  # the pages dropped when another user logs in, their dialogs with them
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(parent)

    handle.progress.report(2, 3, "two thirds")
    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert outcome == ["written"]
    assert handle not in tasks._running


def test_a_detached_task_runs_to_its_end_and_tells_only_who_listens_afterwards(qtbot, gate) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    inner = QWidget(parent)
    started = threading.Event()
    first: list[str] = []
    later: list[str] = []
    handle = run_task(waiting_work(gate, started), parent=inner, title="Importing", on_done=first.append)
    assert tasks.running_under(parent) == [handle] and tasks.running_under(QWidget()) == []
    assert started.wait(30)

    handle.detach()
    assert handle._dialog is None
    handle.finished.connect(later.append)
    gate.set()
    qtbot.waitUntil(lambda: handle.done)
    assert first == [] and later == ["written"]
    assert handle not in tasks._running


def test_the_progress_dialog_is_due_after_show_progress_after_ms_not_qts_four_seconds(qtbot, gate) -> None:
    from PySide6.QtCore import QTimer

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()
    handle = run_task(waiting_work(gate, started), parent=parent, title="Exporting", cancellable=True)
    assert started.wait(30)
    dialog = handle._dialog
    assert dialog is not None and not dialog.isVisible()
    # The timer that shows the dialog (QProgressDialog's own, its one QTimer child) runs, and runs
    # the app's interval: the work has said nothing yet, as a report builder's first seconds.
    [due] = [timer for timer in dialog.findChildren(QTimer) if timer.isActive()]
    assert due.interval() == tasks.SHOW_PROGRESS_AFTER_MS
    gate.set()
    qtbot.waitUntil(lambda: handle.done)
