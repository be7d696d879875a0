"""The Audit page's Verify…: `branchguard verify` in the window, for the lead and the auditor, off the
GUI thread; a record rewritten by raw SQL is named in its verdict, in the words the CLI prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from branchguard.context import AppContext
from branchguard.gui.audit import verify
from branchguard.gui.audit.page import AuditPage
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS, ThreadWatch


@pytest.fixture
def make_page(gui_ctx: AppContext, qtbot: Any) -> Callable[[str], AuditPage]:
    def _make(username: str) -> AuditPage:
        session = GuiSession(gui_ctx, gui_ctx.services.auth.login(username, PASSWORDS[username]))
        page = AuditPage(session)
        qtbot.addWidget(page)
        page.resize(1024, 700)
        page.show()
        return page

    return _make


def _verdict(page: AuditPage) -> QMessageBox:
    page.verify_button.click()
    box = page.checker.box
    assert box is not None
    return box


@pytest.mark.parametrize("username", ["lead", "auditor"])
def test_verify_says_the_records_hold_then_names_the_one_rewritten_by_raw_sql(
    make_page: Callable[[str], AuditPage], gui_ctx: AppContext, username: str
) -> None:
    page = make_page(username)
    assert page.verify_button.isVisibleTo(page)
    box = _verdict(page)
    assert box.icon() == QMessageBox.Icon.Information and "Verified:" in box.text()
    with gui_ctx.engine.begin() as conn:
        conn.execute(text("UPDATE people SET mobile = '13000000000' WHERE id = (SELECT min(id) FROM people)"))
    box = _verdict(page)
    assert box.icon() == QMessageBox.Icon.Critical and "Verify FAILED: 1 problem(s)" in box.text()
    assert "13000000000" in box.informativeText()


def test_the_check_runs_off_the_gui_thread(
    make_page: Callable[[str], AuditPage], pool_tasks: ThreadWatch, qtbot: Any
) -> None:
    page = make_page("auditor")
    pool_tasks.watch(verify, "check")
    shown: list[verify.Verdict] = []
    page.checker.start(shown.append)
    qtbot.waitUntil(lambda: bool(shown))
    assert pool_tasks.ran_off_the_gui_thread("check") and shown[0].ok
