"""For tests of dialogs that read and save off the GUI thread (gui/kit/dialog_work.py), on the real
thread pool (`pool_tasks`): which thread ran each SQL statement, a service call held until the test
lets it go, and the fault a locked database raises."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from branchguard.context import AppContext
from branchguard.gui.kit import tasks


class SqlThreads:
    """The threads that ran the engine's statements since `clear()`: "off the GUI thread" by thread
    identity, never by timing."""

    def __init__(self) -> None:
        self.gui_thread = threading.get_ident()
        self.seen: list[tuple[int, str]] = []

    def _executed(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.seen.append((threading.get_ident(), statement.split(None, 1)[0].upper()))

    def clear(self) -> None:
        self.seen.clear()

    def on_gui_thread(self) -> list[str]:
        return [kind for thread, kind in self.seen if thread == self.gui_thread]

    def off_gui_thread(self) -> list[str]:
        return [kind for thread, kind in self.seen if thread != self.gui_thread]


@contextmanager
def sql_threads(engine: Engine) -> Iterator[SqlThreads]:
    watch = SqlThreads()
    event.listen(engine, "before_cursor_execute", watch._executed)
    try:
        yield watch
    finally:
        event.remove(engine, "before_cursor_execute", watch._executed)


class Held:
    """A service method that waits for `release()` before it runs (at most 10 s); counts its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
        self._go = threading.Event()
        self.calls = 0
        self.threads: list[int] = []
        original = getattr(owner, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            self.threads.append(threading.get_ident())
            self._go.wait(10)
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, held)

    def release(self) -> None:
        self._go.set()


def locked() -> OperationalError:
    """What the driver raises while another program holds the database."""
    return OperationalError("UPDATE ...", {}, sqlite3.OperationalError("database is locked"))


def refuse_with(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, exc: Exception) -> None:
    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise exc

    monkeypatch.setattr(owner, name, refused)


@pytest.fixture
def fault_place(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the data is, as the window sets it: a fault is worded with it (a module's
    `pytestmark = pytest.mark.usefixtures("fault_place")`, the fixture imported)."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)


def said_locked(ctx: AppContext) -> str:
    """What the window says of a locked database (`locked()`), in English."""
    fault = ctx.explain(locked())
    assert fault is not None
    return fault.text("en")
