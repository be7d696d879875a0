"""GUI test set-up: the configured application, a demo database in tmp_path, windows per role."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window, configure_app
from branchguard.context import AppContext, open_context
from branchguard.db.migrate import SchemaAction
from branchguard.gui.kit import loader, tasks
from branchguard.gui.shell.main_window import MainWindow

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin cannot pass size hints to a window manager it does not have;
    # that says nothing about the app, every other Qt warning still fails the test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def no_widget_outlives_its_test() -> Iterator[None]:
    """A test's windows and widgets are gone before the next test starts. They hold each other in
    reference cycles (signal connections to bound methods), which only the cyclic collector frees:
    without this, hundreds of them lived on into later tests, their timers still firing. (The
    collection is cheap: survivors_frozen in tests/conftest.py keeps earlier tests' objects out.)"""
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    """Background work runs synchronously, so a click's result is there when the click returns."""
    tasks.set_inline(True)
    yield
    tasks.set_inline(False)


class ThreadWatch:
    """Records which thread ran each watched call: "off the GUI thread" is a fact to check, not a
    duration to guess from."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.gui_thread = threading.get_ident()
        self.threads: dict[str, list[int]] = {}

    def watch(self, owner: object, name: str) -> None:
        original = getattr(owner, name)
        seen = self.threads.setdefault(name, [])

        def recorded(*args: Any, **kwargs: Any) -> Any:
            seen.append(threading.get_ident())
            return original(*args, **kwargs)

        self._monkeypatch.setattr(owner, name, recorded)

    def ran_off_the_gui_thread(self, name: str) -> bool:
        """Called at least once, and never on the GUI thread."""
        seen = self.threads[name]
        return bool(seen) and self.gui_thread not in seen


@pytest.fixture
def pool_tasks(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Iterator[ThreadWatch]:
    """Background work runs on the real thread pool, as in the app; wait for results with
    qtbot.waitUntil/waitSignal. Watch the calls whose thread matters."""
    tasks.set_inline(False)
    yield ThreadWatch(monkeypatch)
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)  # the finished tasks' callbacks, before the widgets go
    tasks.set_inline(True)


@pytest.fixture
def read_starts(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Iterator[list[str]]:
    """Every read a Loader starts, one entry each ("read"), for a test that switches to the real
    pool (`tasks.set_inline(False)`): whether a read starts in the turn that asked for it or in a
    later one (kit/loader.py, reads_next_turn) is a fact to check. Clear it before the act."""
    started: list[str] = []
    real_run_task = loader.run_task

    def run_task(work: Any, **kwargs: Any) -> Any:
        started.append("read")
        return real_run_task(work, **kwargs)

    monkeypatch.setattr(loader, "run_task", run_task)
    yield started
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(0)
    tasks.set_inline(True)


class MoveWatch:
    """Records the widgets of the watched classes given another parent after they were made: a move
    polishes again everything the widget holds (gui/kit/tabs.py)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.moved: list[str] = []

    def watch(self, *classes: type) -> None:
        for cls in classes:
            self._watch(cls)

    def _watch(self, cls: type) -> None:
        original = cls.event  # type: ignore[attr-defined]

        def event(widget: Any, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ParentChange:
                self.moved.append(cls.__name__)
            return bool(original(widget, event))

        self._monkeypatch.setattr(cls, "event", event)


@pytest.fixture
def moves(monkeypatch: pytest.MonkeyPatch) -> MoveWatch:
    return MoveWatch(monkeypatch)


@pytest.fixture
def lang() -> str:
    return "en"


@pytest.fixture
def app(qapp: QApplication, lang: str) -> QApplication:
    configure_app(qapp, lang)
    return qapp


@pytest.fixture(autouse=True)
def window_language(app: QApplication) -> None:
    """Every window test runs in its module's `lang` (English unless a module says otherwise), the
    window's texts and the domain's alike, whether or not it asks for a context: each test starts
    in the default language (tests/conftest.py), and a test that builds a dialog by hand read the
    plan's Chinese name under English labels."""


@pytest.fixture
def empty_ctx(fresh_data_dir: Path, app: QApplication, lang: str) -> Iterator[AppContext]:
    """The context on a new database (a copy of the run's fresh one, see tests/conftest.py):
    built-in content only, no branch."""
    ctx = open_context(fresh_data_dir, lang=lang)
    assert ctx.schema.action is SchemaAction.CURRENT  # the copy, not a database made here
    yield ctx
    ctx.close()


@pytest.fixture
def world(records_data_dir: Path, app: QApplication, lang: str) -> Iterator[AppContext]:
    """The context on the demo branch with its records, as `make run` fills it: plans, a drill run
    with its incident, inspections, hazards with remediation steps, schedules, complaints (a copy of
    the run's, see records_template in tests/conftest.py)."""
    ctx = open_context(records_data_dir, lang=lang)
    yield ctx
    ctx.close()


@pytest.fixture
def gui_ctx(empty_ctx: AppContext, demo_filled: bool) -> AppContext:
    """The context on the demo branch without its records (its database a copy, see demo_filled)."""
    assert demo_filled and not empty_ctx.services.demo.is_empty()
    return empty_ctx


@pytest.fixture
def open_window(gui_ctx: AppContext, qtbot) -> Callable[[str], MainWindow]:
    """A shown main window for `username` (a demo account), on its start page."""

    def _open(username: str = "lead") -> MainWindow:
        actor = gui_ctx.services.auth.login(username, PASSWORDS[username])
        window = build_main_window(gui_ctx, actor)
        qtbot.addWidget(window)
        window.show_page(window.initial_page_id())
        with qtbot.waitActive(window):  # window shortcuts (Ctrl+L, F1) fire only in the active window
            window.show()
            window.activateWindow()
        return window

    return _open
