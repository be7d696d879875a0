"""A save dialog pointed at the app's own data (here the open database) writes nothing and says why:
the window's saves go through the one writer (core/kernel/output.py), which the open context
protects its data folder with."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from branchguard.context import AppContext
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Actor
from branchguard.gui.kit.print_preview import preview_report
from tests.gui.kit.test_print_preview import built


def test_save_as_pdf_over_the_database_is_refused(
    empty_ctx: AppContext, app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = Path(empty_ctx.place.database)
    link = tmp_path / "link.pdf"  # the dialog adds .pdf to a name without it: a link is the way there
    link.symlink_to(db)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(link), ""))
    dialog = preview_report(None, "Test report", built, file_name="test-report.pdf")
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert dialog.last_saved is None
    said = dialog.message.text()
    assert Message("output.own_data", path=str(db)).text() in said, said
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    assert empty_ctx.services.ledger.verify(Actor.system()).ok
