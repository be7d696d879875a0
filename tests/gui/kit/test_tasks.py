"""The background task helper: results and errors come back on the GUI thread; cancel is honoured."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.gui.kit import tasks
from branchguard.gui.kit.tasks import TaskCancelled, TaskProgress, run_task


@pytest.fixture
def threaded() -> None:
    tasks.set_inline(False)  # inline_tasks (autouse) set it before and resets it afterwards


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot, threaded) -> None:
    seen: dict[str, object] = {}

    def work(progress: TaskProgress) -> int:
        seen["work_thread"] = threading.current_thread()
        progress.report(1, 2, "half")
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    run_task(work, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["work_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()


def test_a_service_error_arrives_as_its_message(qtbot, threaded) -> None:
    errors: list[str] = []

    def work(_progress: TaskProgress) -> None:
        raise ValidationError("field.name", Message("validation.required"))

    run_task(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == [ValidationError("field.name", Message("validation.required")).message]
    assert errors[0].startswith(t("field.name")) and errors[0].endswith(t("validation.required"))


def test_an_unexpected_error_names_its_type(qtbot, threaded) -> None:
    errors: list[str] = []
    run_task(lambda _p: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert errors == ["ZeroDivisionError: division by zero"]


def test_cancel_from_the_progress_dialog_stops_the_work(qtbot, threaded) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[str] = []
    started = threading.Event()

    def work(progress: TaskProgress) -> None:
        # Works until told to stop, however long the click takes to arrive on a loaded machine;
        # the cap only keeps a broken cancel from hanging the run.
        started.set()
        for step in range(60_000):
            if progress.cancelled:
                raise TaskCancelled
            progress.report(step % 200, 200)
            time.sleep(0.001)
        outcome.append("ran to the end")

    handle = run_task(
        work, parent=parent, title="Long work", cancellable=True,
        on_done=lambda _r: outcome.append("done"), on_cancel=lambda: outcome.append("cancelled"),
    )
    assert started.wait(30)
    dialog = handle._dialog
    assert dialog is not None and dialog.labelText() == "Long work"
    dialog.findChild(QPushButton).click()  # the Cancel button
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"] and handle.done


def test_inline_mode_finishes_inside_the_call() -> None:
    results: list[int] = []
    run_task(lambda _p: 7, on_done=results.append)
    assert results == [7]


def test_a_burst_of_quick_tasks_all_report_back_in_order_on_one_thread_pool(qtbot, threaded) -> None:
    """Thousands of tasks finishing at once (a burst of log entries): every result arrives, once,
    in submission order through a one-thread pool, and nothing is released on a worker thread
    that the GUI thread still uses (this crashed about every other run with a QObject per task)."""
    from PySide6.QtCore import QThreadPool

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    results: list[int] = []
    for n in range(3000):
        run_task(lambda _p, n=n: n, on_done=results.append, pool=pool)
    qtbot.waitUntil(lambda: len(results) == 3000, timeout=30_000)
    assert results == list(range(3000))
    assert not tasks._the_relay().handles and not tasks._running
