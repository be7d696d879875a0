"""A window start refused by the single-instance lock: said on stderr, in the log, and where no
window of it can be brought forward, in a message box."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from branchguard import APP_NAME
from branchguard.core.faults import window_lock
from branchguard.core.kernel.i18n import t
from branchguard.gui.shell.single_instance import SingleInstance, ask_running_window_forward

ALREADY_RUNNING_EXIT = 3
_log = logging.getLogger(__name__)


def start_refused(instance: SingleInstance) -> int:
    """The exit code of a start `instance.acquire()` refused, said why."""
    if instance.cannot_write is not None:  # no other window: a full disk, say
        return _cannot_lock(instance)
    held = window_lock.read(instance.lock_path)
    if held is not None and window_lock.holding(held) is window_lock.Holding.ELSEWHERE:
        message = t("app.open_on_other_pc", pc=held.host or "?", pid=held.pid)  # no socket reaches it
        _log.warning(message)
        print(f"branchguard: {message}", file=sys.stderr)
        QMessageBox.warning(None, APP_NAME, message)
        return ALREADY_RUNNING_EXIT
    return _already_running(instance)


def _already_running(instance: SingleInstance) -> int:
    """A window is open on this data folder: bring it forward and say so (on stderr and in the log,
    which is where a second start from a script or a shortcut can be seen)."""
    pid = instance.owner_pid()
    raised = ask_running_window_forward(instance.name)
    key = "app.already_running" if raised else "app.already_running_silent"
    message = t(key, pid=pid if pid is not None else "?")
    _log.warning(message)
    print(f"branchguard: {message}", file=sys.stderr)
    return ALREADY_RUNNING_EXIT


def _cannot_lock(instance: SingleInstance) -> int:
    """The window's lock file could not be written, with no other window running: say why (a full
    disk, as the command line says it), on stderr, in the log and in a message box."""
    message = instance.write_fault()
    _log.error(message)
    print(f"branchguard: {message}", file=sys.stderr)
    QMessageBox.critical(None, APP_NAME, message)
    return 1
