"""The one way to run slow work (more than ~50 ms) off the GUI thread and get the result back on it.

Write the work as a plain function that takes a `TaskProgress` and returns a result. It runs on
a QThreadPool thread, so it must not touch widgets; it may call services (each opens its own
database session). The callbacks run on the GUI thread:

    from branchguard.gui.tasks import TaskProgress, run_task

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
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from branchguard.core.errors import BranchGuardError

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 400
_inline = False
_running: set[TaskHandle] = set()


class TaskCancelled(Exception):
    """Raised by the work function when it noticed `progress.cancelled`."""


def set_inline(inline: bool) -> None:
    """Run tasks synchronously on the calling thread (tests) instead of on the thread pool."""
    global _inline
    _inline = inline


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class TaskProgress:
    """Handed to the work function: report progress, ask whether the user cancelled."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progressed.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Runnable(QRunnable):
    def __init__(
        self, work: Callable[[TaskProgress], Any], progress: TaskProgress, signals: _Signals
    ) -> None:
        super().__init__()
        self._work = work
        self._progress = progress
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except TaskCancelled:
            self._signals.cancelled.emit()
        except BranchGuardError as exc:
            self._signals.failed.emit(exc.message)
        except Exception as exc:
            log.exception("background task failed")
            self._signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            if self._progress.cancelled:
                self._signals.cancelled.emit()
            else:
                self._signals.finished.emit(result)


class TaskHandle(QObject):
    """A running task as seen from the GUI thread; `finished`/`failed`/`cancelled` fire once."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__()
        self._signals = _Signals()
        self.progress = TaskProgress(self._signals)
        self._parent = parent
        self.done = False
        self._dialog: QProgressDialog | None = None
        if parent is not None:
            self._dialog = _progress_dialog(parent, title, cancellable)
            self._dialog.canceled.connect(self.cancel)
        self._signals.progressed.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        if text:
            dialog.setLabelText(text)
        dialog.setRange(0, max(total, 0))
        # Last: a modal progress dialog processes events inside setValue, where the task's
        # `finished` can arrive and close (and forget) the dialog.
        dialog.setValue(done)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._close()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._close()
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()

    def _close(self) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)


def _progress_dialog(parent: QWidget, title: str, cancellable: bool) -> QProgressDialog:
    # Imported here: start-up runs the login as a task, and creating Qt's enums should overlap it.
    from PySide6.QtCore import Qt

    cancel_text = QCoreApplication.translate("tasks", "Cancel") if cancellable else ""
    # An empty cancel text means no Cancel button: work that cannot stop should not offer it.
    dialog = QProgressDialog(title, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
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
) -> TaskHandle:
    """Start `work(progress)` off the GUI thread; callbacks run on the GUI thread afterwards.

    `pool` defaults to the global pool; a pool of one thread runs its tasks in submission order.
    """
    handle = TaskHandle(parent, title, cancellable)
    if on_done is not None:
        handle.finished.connect(on_done)
    if on_error is not None:
        handle.failed.connect(on_error)
    else:
        handle.failed.connect(lambda message: QMessageBox.warning(parent, title or "BranchGuard", message))
    if on_cancel is not None:
        handle.cancelled.connect(on_cancel)
    _running.add(handle)
    runnable = _Runnable(work, handle.progress, handle._signals)
    if _inline:
        runnable.run()
    else:
        (pool or QThreadPool.globalInstance()).start(runnable)
    return handle
