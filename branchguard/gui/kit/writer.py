"""Incident log writes off the GUI thread, one at a time and in the order they were asked for.

Each append is committed to disk (synchronous FULL) before its callback runs on the GUI thread,
so a screen only ever shows entries that survive a power cut, and the window never waits for the
disk. Every incident screen (console, follow mode) writes through the one shared writer:

    writer().submit(lambda: services.incidents.log(actor, incident_id, kind, text),
                    on_done=self._entry_committed, on_error=self._show_error)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool

from branchguard.gui.kit.tasks import TaskHandle, run_task

_writer: LogWriter | None = None


class LogWriter:
    def __init__(self) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)  # one writer thread: entries commit in submission order

    def submit(
        self,
        work: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> TaskHandle:
        # A write the user made: it is committed even when the window is quitting (gui/kit/tasks.py).
        return run_task(
            lambda _progress: work(), on_done=on_done, on_error=on_error, pool=self._pool, finish_on_quit=True
        )

    def wait(self, msecs: int = -1) -> bool:
        """Block until every submitted write is committed (closing the app, tests)."""
        return self._pool.waitForDone(msecs)


def writer() -> LogWriter:
    global _writer
    if _writer is None:
        _writer = LogWriter()
    return _writer
