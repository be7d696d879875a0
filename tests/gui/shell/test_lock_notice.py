"""While another program holds the database's lock, the window says who, as the command line does:
the engine's notice arrives on the thread that waits and is shown on the GUI thread, in the status
bar and on the login dialog's message line; the window's start passes the hook to the context."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow

from branchguard import context
from branchguard.app import ContextOpening
from branchguard.core.kernel.i18n import Message, t
from branchguard.gui.shell.lock_notice import LockNotice
from branchguard.gui.shell.login import LoginDialog

NOTE = Message("fault.locked", path="/data/branchguard.sqlite", folder="/data")


def test_a_notice_heard_on_a_waiting_thread_shows_in_the_status_bar_and_the_login(
    gui_ctx: Any, qtbot: Any
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    notice = LockNotice(window)
    login = LoginDialog(gui_ctx.services, window)
    window.show()
    login.show()
    waiting = threading.Thread(target=notice.heard, args=(NOTE,))
    waiting.start()
    waiting.join()
    said = t("fault.locked", path="/data/branchguard.sqlite", folder="/data")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == said)
    assert login.message.text() == said and login.message.isVisibleTo(login)


def test_the_windows_start_hands_the_hook_to_the_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[Any] = []

    def opened(*_args: Any, **kwargs: Any) -> Any:
        handed.append(kwargs.get("on_lock_wait"))
        raise RuntimeError("stop here")

    monkeypatch.setattr(context, "open_context", opened)
    heard = handed.append  # any callable
    opening = ContextOpening((str(tmp_path / "data"), None, "en"), None, False, heard)
    with pytest.raises(RuntimeError):
        opening.result()
    assert handed[0] is heard
