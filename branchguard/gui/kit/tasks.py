"""The one way to run slow work (more than ~50 ms) off the GUI thread and get the result back on it.

Write the work as a plain function that takes a `TaskProgress` and returns a result. It runs on
a QThreadPool thread, so it must not touch widgets; it may call services (each opens its own
database session). The callbacks run on the GUI thread:

    from branchguard.gui.kit.tasks import TaskProgress, run_task

    def work(progress: TaskProgress) -> Path:
        progress.report(0, 2, "rendering")        # optional: determinate progress
        pdf = render_card(...)
        if progress.cancelled:                     # optional: honour Cancel between steps
            raise TaskCancelled
        progress.report(1, 2, "saving")
        return pdf

    run_task(
        work,
        on_done=lambda path: self.status.showMessage(str(path)),
        on_error=None,                  # default: a warning box with the error's message
        parent=self,                    # a window-modal progress dialog appears after 400 ms
        title=self.tr("Printing the contact card"),
        cancellable=True,
    )

A BranchGuardError's translated message reaches `on_error` as is; any other exception is logged
with its traceback and reported as "<type>: <text>". Tests call `set_inline(True)` (the
`inline_tasks` fixture does) so the work runs synchronously inside `run_task`.

Quitting (`stop_starting`, then `close_down`, both called by the window's start-up, app.py): once
the application began to quit, no new task starts, every running one is asked to stop
(`progress.cancelled`), and what a task ends with is reported as cancelled, never as a result: the
window it was for is going. `close_down` then waits a bounded time for every pool before the
database closes; a task still running after that is left behind, saying nothing. A write the user
made (`finish_on_quit`, the log writer) still starts, is never asked to stop, and is waited for.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QMetaMethod,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from branchguard.core.kernel.errors import BranchGuardError

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from branchguard.core.faults.types import Fault, FaultPlace

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 400
_inline = False
_running: set[TaskHandle] = set()
_quitting = False  # the application began to quit: see the module's docstring
_pools: list[QThreadPool] = []  # every pool a task ran on, waited for by close_down


class TaskCancelled(Exception):
    """Raised by the work function when it noticed `progress.cancelled`."""


def set_inline(inline: bool) -> None:
    """Run tasks synchronously on the calling thread (tests) instead of on the thread pool."""
    global _inline
    _inline = inline


def inline() -> bool:
    """Whether tasks run synchronously (tests): what would wait for a later turn runs at once."""
    return _inline


class _Relay(QObject):
    """The one object every task reports through, tagged with the task's number.

    It lives on the GUI thread for the whole run. A per-task QObject would be released by the
    pool's worker thread when it deletes the finished runnable, racing the GUI thread that owns
    it (a crash when many tasks finish quickly, e.g. log entries typed in a burst).
    """

    progressed = Signal(int, int, int, str)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.handles: dict[int, TaskHandle] = {}
        self.progressed.connect(self._on_progress)
        self.finished.connect(self._on_finished)
        self.failed.connect(self._on_failed)
        self.cancelled.connect(self._on_cancelled)

    @Slot(int, int, int, str)
    def _on_progress(self, task: int, done: int, total: int, text: str) -> None:
        if (handle := self.handles.get(task)) is not None:
            handle._on_progress(done, total, text)

    @Slot(int, object)
    def _on_finished(self, task: int, result: object) -> None:
        if (handle := self.handles.pop(task, None)) is not None:
            if _quitting and not handle.finish_on_quit:
                handle._on_cancelled()  # the window the result was for is going
            else:
                handle._on_finished(result)

    @Slot(int, str)
    def _on_failed(self, task: int, message: str) -> None:
        if (handle := self.handles.pop(task, None)) is not None:
            if _quitting and not handle.finish_on_quit:
                handle._on_cancelled()
            else:
                handle._on_failed(message)

    @Slot(int)
    def _on_cancelled(self, task: int) -> None:
        if (handle := self.handles.pop(task, None)) is not None:
            handle._on_cancelled()


_relay: _Relay | None = None
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # made by the first run_task, on the GUI thread
        _relay = _Relay()
    return _relay


class TaskProgress:
    """Handed to the work function: report progress, ask whether the user cancelled."""

    def __init__(self, relay: _Relay, task: int) -> None:
        self._relay = relay
        self._task = task
        self._cancel = threading.Event()
        self.left_behind = False  # still running when the application ended: it reports nothing

    def report(self, done: int, total: int, text: str = "") -> None:
        if not self.left_behind:
            _send(self._relay.progressed, self._task, done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise TaskCancelled once cancelled: for a callback the work hands on (reports/progress.py)."""
        if self.cancelled:
            raise TaskCancelled


_fault_place: FaultPlace | None = None


def set_fault_place(place: FaultPlace) -> None:
    """Where the data is, for the words of a fault a task or a dialog meets: set once the context is
    open (app.py, before the login, which writes) and again when the window attaches."""
    global _fault_place
    _fault_place = place


def _send(signal: Any, *args: object) -> None:
    """Emit from a pool thread. The relay lives as long as the module, but a task left behind by
    `close_down` may end while the interpreter is shutting down, its relay deleted: then nobody
    waits for its news, and it is dropped rather than printed as a traceback."""
    try:
        signal.emit(*args)
    except RuntimeError:
        log.debug("a task's outcome was dropped: the application has ended")


def explain_fault(exc: Exception) -> Fault | None:
    """`exc` as a worded fault (a locked, full, read-only or damaged database; another PC's change of
    the same record saved first), in the command line's words (core/faults/machine.py), or None: not
    a fault, or no place known yet."""
    if _fault_place is None:
        return None
    from branchguard.core.faults.machine import explain_fault as explain

    return explain(exc, _fault_place)


class _Runnable(QRunnable):
    """Holds only plain Python objects and the permanent relay: safe to delete on any thread."""

    def __init__(
        self,
        work: Callable[[TaskProgress], Any],
        progress: TaskProgress,
        relay: _Relay,
        task: int,
        finish_on_quit: bool = False,
    ) -> None:
        super().__init__()
        self._finish_on_quit = finish_on_quit
        self._work = work
        self._progress = progress
        self._relay = relay
        self._task = task

    def run(self) -> None:
        relay, task, progress = self._relay, self._task, self._progress
        try:
            result = self._work(progress)
        except TaskCancelled:
            outcome: tuple[Any, ...] = (relay.cancelled, task)
        except BranchGuardError as exc:
            outcome = (relay.failed, task, exc.message)
        except Exception as exc:
            if (_quitting and not self._finish_on_quit) or progress.left_behind:  # closing under it
                log.info("a background task ended as the application quit: %s: %s", type(exc).__name__, exc)
                outcome = (relay.cancelled, task)
            elif (fault := explain_fault(exc)) is not None:  # a locked, full, read-only or damaged database
                log.warning("background task: %s", fault.text("en"))
                outcome = (relay.failed, task, fault.message)
            else:
                log.exception("background task failed")
                outcome = (relay.failed, task, f"{type(exc).__name__}: {exc}")
        else:
            outcome = (relay.cancelled, task) if progress.cancelled else (relay.finished, task, result)
        if not progress.left_behind:
            _send(*outcome)


class TaskHandle(QObject):
    """A running task as seen from the GUI thread; `finished`/`failed`/`cancelled` fire once."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int, str)  # as reported: for whoever shows it other than the dialog

    def __init__(
        self, parent: QWidget | None, title: str, cancellable: bool, finish_on_quit: bool = False
    ) -> None:
        super().__init__()
        self.task = next(_numbers)
        self.progress = TaskProgress(_the_relay(), self.task)
        self.title = title
        self._parent = parent
        self.finish_on_quit = finish_on_quit
        self.done = False
        self._dialog: QProgressDialog | None = None
        if parent is not None:
            self._dialog = _progress_dialog(parent, title, cancellable)
            if cancellable:
                self._dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        self.progress.cancel()

    def shown_over(self, widget: QWidget) -> bool:
        """Whether the task's progress shows over `widget` or over anything inside it (a dialog of
        its own included): the widgets it reports back to, as a rule."""
        parent = self._parent
        while parent is not None and shiboken6.isValid(parent):
            if parent is widget:
                return True
            parent = parent.parentWidget()
        return False

    def detach(self) -> None:
        """What the task ends with is no longer for whoever started it: the widgets it reports to are
        going (another user logged in: gui/shell/left_work.py). The work runs on to its end, whole;
        its progress dialog closes, and only what connects to the handle afterwards hears the end."""
        for signal in (self.finished, self.failed, self.cancelled):
            if self.isSignalConnected(QMetaMethod.fromSignal(signal)):
                signal.disconnect()
        self._close_dialog()

    def _live_dialog(self) -> QProgressDialog | None:
        """The progress dialog while it exists: its parent's child, it goes with its parent (the
        pages dropped when another user logs in) while the work may still run."""
        dialog = self._dialog
        return dialog if dialog is not None and shiboken6.isValid(dialog) else None

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)
        dialog = self._live_dialog()
        if dialog is None:
            return
        if text:
            dialog.setLabelText(text)
        dialog.setRange(0, max(total, 0))
        # Last: a modal progress dialog processes events inside setValue, where the task's
        # `finished` can arrive and close (and forget) the dialog.
        dialog.setValue(done)

    def _on_finished(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._close()
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()

    def _leave_behind(self) -> None:
        """Still running when the application ended (close_down): it will report nothing."""
        self.progress.left_behind = True
        self.progress.cancel()
        self._close()

    def _close(self) -> None:
        self.done = True
        _running.discard(self)
        self._close_dialog()

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._live_dialog(), None
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()


class UnstoppableProgress(QProgressDialog):
    """The progress of work that cannot stop: no Cancel button, and neither Esc nor the title
    bar's close button closes it (either would say "cancelled" while the work runs on, and the page
    would wait for an end that never comes). The handle deletes it when the work ends."""

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(title, "", 0, 0, parent)
        self.setCancelButton(None)  # an empty text still shows a (blank) button

    def reject(self) -> None:
        pass  # Esc

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def _progress_dialog(parent: QWidget, title: str, cancellable: bool) -> QProgressDialog:
    # Imported here: start-up runs the login as a task, and creating Qt's enums should overlap it
    # (gui/shell/main_window.py, _PAGE_ROLE).
    from PySide6.QtCore import Qt

    if cancellable:
        dialog = QProgressDialog(title, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    else:
        dialog = UnstoppableProgress(title, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    # At its minimum the value (re)starts the timer that shows the dialog: the one Qt starts when
    # it is made runs Qt's default 4 s, which setMinimumDuration leaves alone while the value is
    # -1 (unset). Without it no wait under 4 s showed progress, whatever the work's progress said.
    dialog.setValue(0)
    return dialog


def run_task(
    work: Callable[[TaskProgress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    parent: QWidget | None = None,
    title: str = "",
    cancellable: bool = False,
    pool: QThreadPool | None = None,
    finish_on_quit: bool = False,
) -> TaskHandle:
    """Start `work(progress)` off the GUI thread; callbacks run on the GUI thread afterwards.

    `pool` defaults to the global pool; a pool of one thread runs its tasks in submission order.
    Once the application began to quit, nothing is started and no callback runs (the handle says
    `done`), unless `finish_on_quit`: a write the user made, which the quit waits for.
    """
    if _quitting and not finish_on_quit:
        refused = TaskHandle(None, title, cancellable)
        refused.progress.cancel()
        refused.done = True
        return refused
    handle = TaskHandle(parent, title, cancellable, finish_on_quit)
    if on_done is not None:
        handle.finished.connect(on_done)
    if on_error is not None:
        handle.failed.connect(on_error)
    else:
        handle.failed.connect(lambda message: _warn(parent, title or "BranchGuard", message))
    if on_cancel is not None:
        handle.cancelled.connect(on_cancel)
    _running.add(handle)
    relay = _the_relay()
    relay.handles[handle.task] = handle
    runnable = _Runnable(work, handle.progress, relay, handle.task, finish_on_quit)
    if _inline:
        runnable.run()
    else:
        pool = pool or QThreadPool.globalInstance()
        if not any(known is pool for known in _pools):
            _pools.append(pool)
        pool.start(runnable)
    return handle


def running() -> int:
    """Tasks started and not yet finished, failed or cancelled, in the whole application."""
    return len(_running)


def running_under(widget: QWidget) -> list[TaskHandle]:
    """The tasks still running whose progress shows over `widget` or inside it, oldest first."""
    return sorted((handle for handle in _running if handle.shown_over(widget)), key=lambda h: h.task)


def _warn(parent: QWidget | None, title: str, message: str) -> None:
    """A failed task's message, as typed: it may quote a stored title (gui/kit/plain.py)."""
    from branchguard.gui.kit.plain import literal  # not at import: this module loads before the first frame

    QMessageBox.warning(parent, title, literal(message))


def _wait_for_pools(deadline: QDeadlineTimer) -> bool:
    return all([pool.waitForDone(deadline) for pool in _pools if shiboken6.isValid(pool)])


def quitting() -> bool:
    """The application began to quit: nothing new starts (see the module's docstring)."""
    return _quitting


def stop_starting() -> None:
    """The application began to quit: start nothing new and ask every running task to stop. (The
    start-up calls it when the window closes for good and at aboutToQuit: the event loop still
    runs the timers queued before, which must start nothing.)"""
    global _quitting
    _quitting = True
    for handle in list(_running):
        if not handle.finish_on_quit:
            handle.cancel()


def close_down(msecs: int) -> bool:
    """The event loop has ended: stop as `stop_starting` does, wait up to `msecs` in all for every
    pool's tasks, report what ended meanwhile (as cancelled, writes as they ended), and leave
    behind whatever still runs, silenced. Whether every task ended. Afterwards tasks start again,
    for a window opened later in the same process (tests)."""
    global _quitting
    stop_starting()
    ended = _wait_for_pools(QDeadlineTimer(msecs))
    relay = _relay
    if relay is not None:  # the outcomes the pools queued while we waited
        QCoreApplication.sendPostedEvents(relay, 0)
        for handle in list(relay.handles.values()):
            log.warning("a background task was still running when the application ended")
            handle._leave_behind()
        relay.handles.clear()
    _quitting = False
    return ended


class SoleTask:
    """A cancellable task its owner runs one at a time (Verify… reads every record, an export
    writes one file): `task` is the one under way, None once it ended, however it ended."""

    def __init__(self) -> None:
        self.task: TaskHandle | None = None

    def run(
        self,
        work: Callable[[TaskProgress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        parent: QWidget | None,
        title: str,
    ) -> TaskHandle:
        def done(result: Any) -> None:
            self.task = None
            on_done(result)

        def failed(message: str) -> None:
            self.task = None
            on_error(message)

        def cancelled() -> None:
            self.task = None

        handle = run_task(
            work, on_done=done, on_error=failed, on_cancel=cancelled, parent=parent, title=title,
            cancellable=True,
        )  # fmt: skip
        self.task = None if handle.done else handle  # inline (tests) it ended inside run_task
        return handle
