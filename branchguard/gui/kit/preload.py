"""Import modules and build services off the GUI thread ahead of their first use, then go on there.

Why: a page's first visit imported its module in one turn of the event loop, with everything
under it (the inspections page ~100 ms, incidents ~50 ms, the scheduler with APScheduler ~80 ms),
and `services.<name>` imported its layer on first use: the window did not answer meanwhile. Once
the window has shown its first page, the main window hands these imports to this thread
(MainWindow.start_schedules); they interleave with the GUI thread at the interpreter's switch
interval (5 ms), so a first visit only builds widgets. Measured by `make bench` (tools/bench/pages.py).

Only imports and Qt-free work run here: module bodies under gui/ make no QObject (value types such
as QColor are fine), and every widget is still made on the GUI thread, by `then`. One thread, so
steps run in the order asked. Tests run tasks inline: the work is done when `run` returns.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable

from PySide6.QtCore import QThreadPool

from branchguard.gui.kit.tasks import TaskHandle, run_task

_pool: QThreadPool | None = None
_frozen = False


def _the_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # steps in order, and the reads keep the task pool to themselves
    return _pool


def import_modules(modules: Iterable[str]) -> None:
    """Import each module (a no-op for one imported already); called on the preload thread."""
    for name in modules:
        importlib.import_module(name)


def run(
    work: Callable[[], object],
    then: Callable[[], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> TaskHandle:
    """Run `work` on the preload thread, then `then()` on the GUI thread. A failure is logged by the
    task helper and reaches `on_error` (default: ignored, as the same import or build fails again,
    with its message shown, where the GUI thread needs it)."""
    return run_task(
        lambda _progress: work(),
        on_done=lambda _result: then() if then is not None else None,
        on_error=on_error or (lambda _message: None),
        pool=_the_pool(),
    )


def freeze_heap() -> None:
    """Leave every object alive now out of the garbage collector's full passes (`gc.freeze`).

    Why: once the window's modules are in, the heap holds ~180,000 long-lived objects (modules,
    classes, functions); a full collection walks them all, holding the GIL for ~150 ms, and it is
    set off by whichever thread allocates at that moment (a font parsed on the task pool): the GUI
    thread stops meanwhile. Frozen, they are skipped, and a full pass walks only what came later
    (`make bench`, tools/bench/pages.py: the settings page's first visit 155 ms → under 50 ms). What
    is frozen is never freed, which costs nothing for what lives as long as the app anyway; so it
    is done once per process (a second window, a test run, freezes nothing more).
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def wait(msecs: int = -1) -> bool:
    """Block until every step asked for is done (tests, the benchmark)."""
    return _pool.waitForDone(msecs) if _pool is not None else True
