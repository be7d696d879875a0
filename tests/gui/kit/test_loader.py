"""The views' reader (gui/kit/loader.py) on the real thread pool: reads run off the GUI thread,
what they read is shown on it, a read overtaken by a newer one is dropped, a deleted view is spared.

Thread placement is checked by which thread ran the read, never by how long anything took.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from branchguard.core.kernel.errors import NotFound
from branchguard.gui.kit import loader, tasks
from branchguard.gui.kit.loader import Loader
from branchguard.gui.shell.main_window import MainWindow

RELEASE_TIMEOUT_S = 30  # a guard against a hung test, not a measurement


@pytest.fixture
def threaded(qtbot: Any) -> Iterator[None]:
    """The real background path (inline_tasks, autouse, set it inline and resets it afterwards)."""
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(max(threads, 2))  # the stale-read test holds one thread on purpose
    tasks.set_inline(False)
    yield
    qtbot.waitUntil(lambda: loader.pending() == 0)
    pool.waitForDone()
    pool.setMaxThreadCount(threads)


def _view(qtbot: Any) -> QWidget:
    view = QWidget()
    qtbot.addWidget(view)
    return view


def test_the_read_runs_off_the_gui_thread_and_is_shown_on_it(qtbot: Any, threaded: None) -> None:
    view = _view(qtbot)
    reads = Loader(view)
    seen: dict[str, Any] = {}

    def load() -> list[str]:
        seen["load_thread"] = threading.current_thread()
        return ["a", "b"]

    def apply(rows: list[str]) -> None:
        seen["rows"] = rows
        seen["apply_thread"] = threading.current_thread()

    reads.run(load, apply)
    qtbot.waitUntil(lambda: "rows" in seen)
    assert seen["rows"] == ["a", "b"]
    assert seen["load_thread"] is not threading.main_thread()
    assert seen["apply_thread"] is threading.main_thread()
    assert not reads.busy()


def test_an_older_read_that_finishes_last_is_dropped(qtbot: Any, threaded: None) -> None:
    view = _view(qtbot)
    reads = Loader(view)
    shown: list[str] = []
    release_old = threading.Event()

    def old() -> str:
        release_old.wait(RELEASE_TIMEOUT_S)
        return "old"

    reads.run(old, shown.append)
    reads.run(lambda: "new", shown.append)
    qtbot.waitUntil(lambda: shown == ["new"])
    assert reads.busy()  # the old read is still out
    release_old.set()
    qtbot.waitUntil(lambda: not reads.busy())
    assert shown == ["new"]


def test_drop_forgets_a_read_under_way(qtbot: Any, threaded: None) -> None:
    view = _view(qtbot)
    reads = Loader(view)
    shown: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(RELEASE_TIMEOUT_S)
        return "late"

    reads.run(slow, shown.append)
    reads.drop()
    release.set()
    qtbot.waitUntil(lambda: not reads.busy())
    assert shown == []


def test_an_error_reaches_on_error_only_for_the_newest_read(qtbot: Any, threaded: None) -> None:
    view = _view(qtbot)
    errors: list[str] = []
    reads = Loader(view, on_error=errors.append)
    release_old = threading.Event()
    shown: list[int] = []

    def old_fails() -> int:
        release_old.wait(RELEASE_TIMEOUT_S)
        raise NotFound("old answer")

    def new_fails() -> int:
        raise NotFound("the record is gone")

    reads.run(old_fails, shown.append)
    reads.run(new_fails, shown.append)
    qtbot.waitUntil(lambda: errors == ["the record is gone"])
    release_old.set()
    qtbot.waitUntil(lambda: not reads.busy())
    assert errors == ["the record is gone"]
    assert shown == []


def test_a_view_deleted_before_its_data_arrives_is_left_alone(qtbot: Any, threaded: None) -> None:
    view = QWidget()
    reads = Loader(view)
    shown: list[str] = []
    release = threading.Event()

    def slow() -> str:
        release.wait(RELEASE_TIMEOUT_S)
        return "late"

    reads.run(slow, shown.append)
    assert loader.pending() == 1
    view.deleteLater()
    qtbot.waitUntil(lambda: not _alive(reads))
    release.set()
    qtbot.waitUntil(lambda: loader.pending() == 0)  # the read settles: nothing waits for it forever
    assert shown == []


def _alive(obj: Loader) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_a_page_queries_off_the_gui_thread_and_shows_the_rows_when_they_arrive(
    open_window: Callable[[str], MainWindow],
    qtbot: Any,
    threaded_later: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window("lead")
    page = window.show_page("people")
    assert page is not None
    staff = page.staff_tab  # type: ignore[attr-defined]
    people = window.session.services.people
    real = people.list_people
    threads: list[threading.Thread] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)[:1]  # one row: tells this read's answer from the first one

    assert staff.model.rowCount() > 1
    threaded_later()
    monkeypatch.setattr(people, "list_people", recording)
    page.refresh()
    assert staff.model.rowCount() > 1  # nothing shown yet: the answer waits for the event loop
    qtbot.waitUntil(lambda: staff.model.rowCount() == 1)
    assert threads and all(t is not threading.main_thread() for t in threads)


@pytest.fixture
def threaded_later(qtbot: Any) -> Iterator[Callable[[], None]]:
    """Switches to the real background path after the window was built inline."""
    yield lambda: tasks.set_inline(False)
    qtbot.waitUntil(lambda: loader.pending() == 0)
    QThreadPool.globalInstance().waitForDone()


def test_a_read_for_the_next_turn_starts_after_this_one_and_is_pending_meanwhile(
    qtbot: Any, threaded: None
) -> None:
    """`next_turn`: nothing is read while the turn that asked goes on (it builds and paints the
    page); the read is pending from the start, so whoever waits for the page waits for it too."""
    view = _view(qtbot)
    reads = Loader(view)
    started: list[bool] = []
    shown: list[str] = []
    reads.run(lambda: started.append(True) or "rows", shown.append, next_turn=True)
    QThreadPool.globalInstance().waitForDone()  # a read started now would have run by now
    assert started == [] and loader.pending() == 1 and reads.busy()
    qtbot.waitUntil(lambda: shown == ["rows"])
    assert loader.pending() == 0 and not reads.busy()


def test_a_read_for_the_next_turn_of_a_deleted_view_still_settles(qtbot: Any, threaded: None) -> None:
    view = QWidget()
    reads = Loader(view)
    reads.run(lambda: "rows", lambda _rows: None, next_turn=True)
    view.deleteLater()
    qtbot.waitUntil(lambda: loader.pending() == 0)


def test_with_inline_tasks_a_read_for_the_next_turn_is_read_at_once(qtbot: Any) -> None:
    assert tasks.inline()  # the tests' default
    view = _view(qtbot)
    shown: list[str] = []
    Loader(view).run(lambda: "rows", shown.append, next_turn=True)
    assert shown == ["rows"]


def test_a_read_for_the_next_turn_when_quitting_began_meanwhile_is_dropped_and_settles(
    qtbot: Any, threaded: None
) -> None:
    """Asked before the quit began, due after it: nothing is read nor shown, and nobody waiting
    for the window's reads (the start-up's "data shown", the bench) waits for it for ever."""
    view = _view(qtbot)
    reads = Loader(view)
    started: list[bool] = []
    shown: list[str] = []
    reads.run(lambda: started.append(True) or "rows", shown.append, next_turn=True)
    assert loader.pending() == 1
    tasks.stop_starting()
    try:
        qtbot.waitUntil(lambda: loader.pending() == 0)
        assert started == [] and shown == [] and not reads.busy()
    finally:
        assert tasks.close_down(RELEASE_TIMEOUT_S * 1000)


def test_a_read_for_the_next_turn_asked_for_again_in_the_same_turn_is_read_once(
    qtbot: Any, threaded: None
) -> None:
    """The banner and a list told twice of one change (a drill run: by the Drills page, then by
    the Incidents page) asked for two reads; the first, never shown, held the GIL beside the rest."""
    view = _view(qtbot)
    reads = Loader(view)
    started: list[str] = []
    shown: list[str] = []
    with loader.reads_next_turn():
        reads.run(lambda: started.append("first") or "old rows", shown.append)
        reads.run(lambda: started.append("second") or "rows", shown.append)
    assert loader.pending() == 2
    qtbot.waitUntil(lambda: loader.pending() == 0)
    QThreadPool.globalInstance().waitForDone()
    assert started == ["second"] and shown == ["rows"] and not reads.busy()


def test_a_read_started_by_an_answer_keeps_the_window_unsettled(qtbot: Any, threaded: None) -> None:
    """The Incidents page reads its list once its open incidents are shown: the window has not
    shown its data until that list is in too (the start-up's "data shown" waits for `settled`)."""
    views = _view(qtbot), _view(qtbot)
    first, second = Loader(views[0]), Loader(views[1])
    seen: list[tuple[str, int]] = []
    loader.tracker().settled.connect(lambda: seen.append(("settled", loader.pending())))

    def chained(_data: object) -> None:
        seen.append(("first shown", loader.pending()))
        second.run(lambda: 2, lambda _d: seen.append(("second shown", loader.pending())))

    first.run(lambda: 1, chained)
    def second_shown() -> bool:
        return any(what == "second shown" for what, _n in seen)

    qtbot.waitUntil(second_shown, timeout=RELEASE_TIMEOUT_S * 1000)
    qtbot.waitUntil(lambda: loader.pending() == 0)
    assert seen == [("first shown", 1), ("second shown", 1), ("settled", 0)]
