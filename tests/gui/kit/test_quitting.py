"""Quitting while background work runs: nothing new starts, running work is asked to stop and waited
for (bounded), and no result reaches the window that is going (gui/kit/tasks.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from branchguard.gui.kit import tasks
from branchguard.gui.kit.loader import Loader, pending
from branchguard.gui.kit.tasks import TaskCancelled, TaskProgress, run_task
from branchguard.gui.kit.writer import writer

BOUND_S = 60  # only keeps a broken implementation from hanging the run


def release_once_close_down_waits(
    monkeypatch: pytest.MonkeyPatch, release: threading.Event, gave_up: Callable[[], bool]
) -> None:
    """Set `release` once tasks.close_down begins to wait for the pools, or once `gave_up()` says
    that wait is not coming (then the order the test checks shows it)."""
    waiting = threading.Event()
    wait_for_pools = tasks._wait_for_pools

    def waits(deadline: Any) -> bool:
        waiting.set()
        return wait_for_pools(deadline)

    def watch() -> None:
        for _ in range(BOUND_S * 100):
            if waiting.wait(0.01) or gave_up():
                break
        release.set()

    monkeypatch.setattr(tasks, "_wait_for_pools", waits)
    threading.Thread(target=watch, daemon=True).start()


def quit_during_a_backup(monkeypatch: pytest.MonkeyPatch, start: Callable[[], object]) -> None:
    """Hold the backup `start()` begins inside its first file, begin the quit, then let it go on;
    returns once close_down has waited for it (and says it ended)."""
    from branchguard.core.backup import archive

    inside, release = threading.Event(), threading.Event()
    add_file = archive._add_file

    def held(*args: Any) -> Any:
        inside.set()
        release.wait(BOUND_S)
        return add_file(*args)

    monkeypatch.setattr(archive, "_add_file", held)
    tasks.set_inline(False)
    try:
        start()
        assert inside.wait(BOUND_S)
        tasks.stop_starting()
        release.set()
        assert tasks.close_down(BOUND_S * 1000)
    finally:
        release.set()
        if tasks.quitting():
            tasks.close_down(BOUND_S * 1000)


@pytest.fixture
def threaded() -> Iterator[None]:
    tasks.set_inline(False)  # inline_tasks (autouse) set it before and resets it afterwards
    yield
    if tasks.quitting():  # a failed test: the next one starts tasks again
        tasks.close_down(BOUND_S * 1000)


def test_once_quitting_began_nothing_new_starts_and_running_work_is_asked_to_stop(qtbot, threaded) -> None:
    started, outcome = threading.Event(), []

    def long_work(progress: TaskProgress) -> None:
        started.set()
        for _ in range(BOUND_S * 100):
            if progress.cancelled:
                raise TaskCancelled
            threading.Event().wait(0.01)
        outcome.append("ran to the end")

    running = run_task(long_work, on_done=lambda _r: outcome.append("done"),
                       on_cancel=lambda: outcome.append("cancelled"))
    assert started.wait(BOUND_S)
    tasks.stop_starting()
    assert running.progress.cancelled

    ran: list[str] = []
    late = run_task(lambda _p: ran.append("work"), on_done=lambda _r: ran.append("done"))
    owner = QObject()
    loader = Loader(owner)
    reads_before = pending()
    loader.run(lambda: ran.append("read"), lambda _data: ran.append("shown"))
    assert late.done and late.progress.cancelled and loader.runs == 0 and pending() == reads_before

    assert tasks.close_down(BOUND_S * 1000)
    qtbot.wait(0)
    assert outcome == ["cancelled"] and ran == []
    assert not tasks.quitting()  # a window opened later in the same process starts tasks again
    after: list[int] = []
    run_task(lambda _p: 5, on_done=after.append)
    qtbot.waitUntil(lambda: after == [5])


def test_close_down_waits_for_the_task_and_its_result_reaches_no_deleted_object(
    qtbot, threaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A task that does not look at `cancelled`, blocked on an event released only once close_down
    waits: close_down returns after the task ended, and the result, which would have gone to an
    object deleted at the quit, is not delivered (as cancelled, to the bookkeeping only)."""
    release, order = threading.Event(), []
    receiver = QObject()
    delivered: list[object] = []

    def blocked(_progress: TaskProgress) -> int:
        release.wait(BOUND_S)
        order.append("task ended")
        return 42

    release_once_close_down_waits(monkeypatch, release, lambda: "closed" in order)
    handle = run_task(blocked, on_done=lambda result: delivered.append((shiboken6.isValid(receiver), result)),
                      on_error=delivered.append)
    read_owner, reads_before = QObject(), pending()
    Loader(read_owner).run(lambda: release.wait(BOUND_S), lambda data: delivered.append(("read", data)))
    tasks.stop_starting()
    shiboken6.delete(receiver)
    shiboken6.delete(read_owner)

    assert tasks.close_down(BOUND_S * 1000)
    order.append("closed")
    qtbot.wait(0)
    assert order == ["task ended", "closed"]
    assert delivered == [] and handle.done
    assert pending() == reads_before  # the read in flight settled: later start-ups do not wait for it
    assert not tasks._the_relay().handles and not tasks._running


def test_a_users_write_still_starts_while_quitting_and_is_waited_for(qtbot, threaded) -> None:
    committed: list[str] = []
    tasks.stop_starting()
    handle = writer().submit(lambda: "entry", on_done=committed.append)
    assert not handle.progress.cancelled
    assert tasks.close_down(BOUND_S * 1000)
    assert committed == ["entry"]  # its callback too: the entry is shown as committed


def test_a_task_left_behind_after_the_bound_reports_nothing(qtbot, threaded) -> None:
    release, ended = threading.Event(), threading.Event()
    outcome: list[object] = []

    def stuck(progress: TaskProgress) -> None:
        release.wait(BOUND_S)
        progress.report(1, 1, "late")
        ended.set()
        raise RuntimeError("the database closed under it")

    pool = QThreadPool()
    handle = run_task(stuck, on_done=outcome.append, on_error=outcome.append,
                      on_cancel=lambda: outcome.append("cancelled"), pool=pool)
    assert not tasks.close_down(0)  # still running: left behind
    assert handle.done and handle.progress.left_behind
    release.set()
    assert ended.wait(BOUND_S) and pool.waitForDone(BOUND_S * 1000)
    qtbot.wait(0)
    assert outcome == []
