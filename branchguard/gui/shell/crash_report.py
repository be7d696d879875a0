"""What the person at the window sees when the app meets an error nobody expected: one short message
that says where the log with the details is, while the log (branchguard.diagnostics) keeps the
traceback. One message at a time: an error repeating in a paint does not stack boxes."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtWidgets import QMessageBox

from branchguard import APP_NAME, diagnostics
from branchguard.core.kernel.i18n import t

_showing = False


def install() -> None:
    """Chain after the hook already there (the log's), on the GUI thread only."""
    previous = sys.excepthook
    gui_thread = threading.current_thread()

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        previous(kind, value, tb)
        if threading.current_thread() is gui_thread and not issubclass(kind, KeyboardInterrupt):
            tell(value)

    sys.excepthook = hook


def tell(error: BaseException) -> None:
    global _showing
    if _showing:
        return
    _showing = True
    try:
        path = diagnostics.log_path()
        where = str(path) if path is not None else "—"
        QMessageBox.critical(None, APP_NAME, t("app.unexpected_error", error=type(error).__name__, log=where))
    finally:
        _showing = False
