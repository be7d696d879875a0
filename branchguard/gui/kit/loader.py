"""What a view shows is read off the GUI thread and shown on it; only the newest read is shown.

A view that shows data splits its reload in two, through one `Loader` it owns:

    def reload(self) -> None:
        services, actor, flt = self.session.services, self.session.actor, self.current_filter()
        self.loader.run(lambda: services.hazards.list(actor, flt), self._show)

- `load` is Qt-free and runs on the task pool (gui/kit/tasks.py): it calls services, which open a
  session per call, with values read from the widgets beforehand, on the GUI thread, and returns
  plain data;
- `apply(data)` runs on the GUI thread when the data arrives, unless a newer `run` of the same
  loader was asked for meanwhile: a read that finishes after a newer one was started is dropped,
  so a slow old answer never overwrites a fresh one;
- a BranchGuardError raised by `load` reaches `on_error` with its translated message (other
  errors as "<type>: <text>", logged with their traceback), again only for the newest read;
- a view deleted before its data arrives is left alone.

Tests run the pool inline (tasks.set_inline, the `inline_tasks` fixture): the data is shown when
`run` returns. `pending()` counts reads not yet settled in the whole window (a read settles once its
answer is shown, so one that answer starts counts first) and `tracker().settled` fires when it falls
to zero: the start-up trace and the benchmark wait on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from branchguard.gui.kit import tasks
from branchguard.gui.kit.tasks import TaskProgress, run_task

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Tracker(QObject):
    """Counts the reads in flight; permanent, so the answers of deleted views still settle here."""

    settled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pending = 0

    def started(self) -> None:
        self.pending += 1

    # An answer settles once it is shown: a read its showing starts (the Incidents page's list after
    # its open incidents) keeps the window unsettled. Settled first, the staff's start said its data
    # was shown, and started the scheduler and the preload, with that list still empty and read.
    def arrived(self, loader: Loader, generation: int, data: object) -> None:
        try:
            if shiboken6.isValid(loader):
                loader._arrived(generation, data)
        finally:
            self._settle()

    def failed(self, loader: Loader, generation: int, message: str) -> None:
        try:
            if shiboken6.isValid(loader):
                loader._failed(generation, message)
        finally:
            self._settle()

    def dropped(self, loader: Loader) -> None:
        """The read was not run or not shown (the application began to quit, or a newer read of
        the same view was asked for before it started): nothing is shown."""
        self._settle()
        if shiboken6.isValid(loader):
            loader._in_flight -= 1

    def _settle(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.settled.emit()


_tracker: _Tracker | None = None


def tracker() -> _Tracker:
    global _tracker
    if _tracker is None:  # made by the first read, on the GUI thread
        _tracker = _Tracker()
    return _tracker


def pending() -> int:
    """Reads started and not yet shown (or dropped) in the whole application."""
    return tracker().pending


_next_turn_depth = 0  # inside `reads_next_turn`: every read asked for starts in a later turn


def _next(later: Callable[[], None]) -> None:
    # A timer, not a zero-delay call (Qt 6 posts that as an event, handled in this very sweep);
    # the permanent tracker as its context, so a deleted view still settles.
    QTimer.singleShot(1, tracker(), later)


@contextmanager
def reads_next_turn() -> Iterator[None]:
    """Every read asked for inside starts as `run(next_turn=True)` does: a page's first show
    (kit/page.py, PageInfo.build). A read running beside the turn that builds, lays out and
    paints the page holds the GIL between the window's calls into Python (sizes, cells, icons),
    and that turn took twice its own CPU time: Inspections' at ten years 50-70 ms for 22-30 ms."""
    global _next_turn_depth
    _next_turn_depth += 1
    try:
        yield
    finally:
        _next_turn_depth -= 1


class Loader(QObject):
    """One per view that reloads: owns the generation that tells the newest read from older ones."""

    loaded = Signal()  # after an `apply`

    def __init__(self, parent: QObject, on_error: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._generation = 0
        self._apply: Callable[[Any], None] | None = None
        self._in_flight = 0

    def run(self, load: Callable[[], T], apply: Callable[[T], None], *, next_turn: bool = False) -> None:
        """Read with `load()` off the GUI thread, then `apply(data)` here, if still the newest read.
        Once the application began to quit, nothing is read (gui/kit/tasks.py).

        `next_turn`: start the read in a later turn of the event loop, after what this one builds
        and paints (a page's first read: one of a few milliseconds came back within the sweep that
        built and first painted the page, and its rows were laid out in the same stall). Pending
        from now on; with inline tasks (tests) it reads at once, as every read does there."""
        if tasks.quitting():
            return
        self._generation += 1
        self._apply = apply
        self._in_flight += 1
        hub = tracker()
        hub.started()

        def work(_progress: TaskProgress) -> T:
            return load()

        start = partial(
            run_task,
            work,
            on_done=partial(hub.arrived, self, self._generation),
            on_error=partial(hub.failed, self, self._generation),
            on_cancel=partial(hub.dropped, self),  # only when the application quits
        )
        if (next_turn or _next_turn_depth) and not tasks.inline():
            loader, generation = self, self._generation

            def later() -> None:
                # Dropped, settled, if quitting began meanwhile, or a newer read of the view was asked
                # for in the same turn (the banner and a list told twice of one change): its answer
                # would not be shown, and read beside the others it held the GIL from the GUI thread.
                if tasks.quitting() or (shiboken6.isValid(loader) and loader._generation != generation):
                    hub.dropped(loader)
                else:
                    start()

            _next(later)
        else:
            start()

    def drop(self) -> None:
        """Forget the reads under way: what the view shows now was decided here, without reading."""
        self._generation += 1

    @property
    def runs(self) -> int:
        """How many reads were asked for so far."""
        return self._generation

    def busy(self) -> bool:
        """A read of this view has not come back yet."""
        return self._in_flight > 0

    def _arrived(self, generation: int, data: object) -> None:
        self._in_flight -= 1
        if generation != self._generation or self._apply is None:
            return  # a newer read was asked for: its answer is the one to show
        self._apply(data)
        self.loaded.emit()

    def _failed(self, generation: int, message: str) -> None:
        self._in_flight -= 1
        if generation != self._generation:
            return
        if self._on_error is not None:
            self._on_error(message)
        else:
            log.warning("a view could not read its data: %s", message)
