"""Head office registers a branch in the window from the key file it exported, as `ho branch add`
does (the window had no way to); a code taken or a file that is no key is said at its field, with
nothing stored; the auditor cannot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from branchguard.context import AppContext, open_context
from branchguard.core.kernel.types import Role
from branchguard.gui.headoffice.page import HeadOfficePage
from tests.gui.exchange.test_exchange_gui import HO_PASSWORD, _window, head_office

__all__ = ["head_office"]


def _page(ctx: AppContext, qtbot: Any, user: str, password: str) -> HeadOfficePage:
    page = _window(ctx, qtbot, user, password).page("headoffice")
    assert isinstance(page, HeadOfficePage)
    return page


def test_the_administrator_registers_a_branch_from_its_key_file(
    head_office: tuple[AppContext, list[Path]], qtbot: Any, tmp_path: Path
) -> None:
    ctx, _files = head_office
    page = _page(ctx, qtbot, "admin", HO_PASSWORD)
    assert page.branch_button.isEnabled() and page.model.rowCount() == 1
    dialog = page.ask_branch()
    assert dialog is not None
    dialog.code.setText("DEMO-0101")  # registered already
    dialog.name.setText("城西")
    dialog.key_file.setText(str(tmp_path / "branch.pem"))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.work.ready())
    assert dialog.isVisible() and dialog.form.error_text("branch_code")
    not_a_key = tmp_path / "note.pem"
    not_a_key.write_text("not a key", encoding="utf-8")
    dialog.code.setText("DEMO-0202")
    dialog.key_file.setText(str(not_a_key))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.work.ready())
    assert dialog.isVisible() and dialog.form.error_text("key_file")
    dialog.key_file.setText(str(tmp_path / "branch.pem"))  # DEMO-0101's key under a second code
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.work.ready())
    assert "DEMO-0101" in dialog.form.error_text("key_file")
    west = tmp_path / "west"
    west_ctx = open_context(west)
    try:
        west_ctx.services.demo.fill()
        lead = west_ctx.services.auth.login("lead", "lead-demo-2026")
        west_ctx.services.exchange.export_key(lead, tmp_path / "west.pem")
    finally:
        west_ctx.close()
    dialog.key_file.setText(str(tmp_path / "west.pem"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.added is not None and dialog.added.code == "DEMO-0202"
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert sorted(b.code for b in page.all_rows) == ["DEMO-0101", "DEMO-0202"]


def test_an_auditor_cannot_register_a_branch(
    head_office: tuple[AppContext, list[Path]], qtbot: Any
) -> None:
    ctx, _files = head_office
    admin = ctx.services.auth.login("admin", HO_PASSWORD)
    ctx.services.auth.add_user(admin, "reader", Role.AUDITOR, "reader-pass-2026!", "审计员")
    page = _page(ctx, qtbot, "reader", "reader-pass-2026!")
    assert not page.branch_button.isEnabled() and page.ask_branch() is None
