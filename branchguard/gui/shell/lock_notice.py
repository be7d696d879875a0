"""What the window says while another program holds the database's lock. The engine retries a write
for up to ~28 s (db/engine.py); the command line prints who holds the lock before each retry, and
the window said nothing: an entry just did not appear, a login just did not answer. Now the status
bar says it, and the login (or first-run) dialog over the window too, in the same words.

The engine calls `heard` on whichever thread waits (the writer, the task pool, the thread that opens
the context); the signal is queued to the GUI thread, where the notice is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from branchguard.core.kernel.i18n import Message, translate

NOTICE_MS = 15_000  # longer than the engine's pause between two retries: it stays until it is over


class LockNotice(QObject):
    said = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.said.connect(self._show)

    def heard(self, note: Message) -> None:
        """The engine's lock-wait notice (context.open_context's `on_lock_wait`), on any thread."""
        self.said.emit(translate(note))

    def _show(self, text: str) -> None:
        self._window.statusBar().showMessage(text, NOTICE_MS)
        for dialog in self._window.findChildren(QDialog):  # the login over the window: its message line
            line = dialog.findChild(QLabel, "message") if dialog.isVisible() else None
            if line is not None and dialog.objectName() in ("login_dialog", "first_run_dialog"):
                line.setText(text)
                line.show()
