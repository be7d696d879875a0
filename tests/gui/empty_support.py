"""For the empty lists' tests (gui/kit/empty_note.py): a page of a main window for a demo account."""

from __future__ import annotations

from typing import Any

from branchguard.app import build_main_window
from branchguard.context import AppContext
from tests.gui.conftest import PASSWORDS


def page_of(ctx: AppContext, username: str, page_id: str, qtbot: Any) -> Any:
    """`page_id` shown in a 1024×768 window for `username`; its lists are being read."""
    window = build_main_window(ctx, ctx.services.auth.login(username, PASSWORDS[username]))
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    return window.show_page(page_id)


def said(note: Any, qtbot: Any) -> str:
    """What the note says once the list is read (it says nothing before)."""
    qtbot.waitUntil(lambda: note.text() != "")
    return str(note.text())
