"""The window's word that this PC's clock is off the database server's (core/audit/server_clock.py),
measured on the thread that opened the context, so the window waits for nothing here.

Said in a banner above every page for the whole session (gui/shell/top_banner.py), not in the status
bar: the lead must not miss that every time this PC records reads early or late against the other
PCs'. Written in the audit trail once per start, at the first login (`attach`), off the GUI thread,
under that user's name, with the PC's; not on data opened read-only, where nothing is written.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from branchguard.core.kernel.i18n import translate
from branchguard.gui.shell.top_banner import add_top_banner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMainWindow

    from branchguard.gui.shell.session import GuiSession

log = logging.getLogger(__name__)


def say_clock_off(window: QMainWindow, session: GuiSession) -> QLabel | None:
    """The banner (its label) when the PC's clock was off at the start, the audit event written;
    None when it was not (always on SQLite)."""
    off = session.ctx.clock_off
    if off is None:
        return None
    label = add_top_banner(window, "server_clock_banner", lambda: translate(off.message))
    if not session.ctx.read_only:
        from branchguard.gui.kit.tasks import run_task

        audit, actor = session.services.audit, session.actor
        run_task(
            lambda _progress: audit.record_clock_off(actor, off),
            on_error=lambda message: log.warning("clock offset not audited: %s", message),
        )
    return label
