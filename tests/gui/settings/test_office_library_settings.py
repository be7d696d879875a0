"""Settings → Library for branches, in a head-office window: the lead stores a working-day table,
saves the public key and exports the signed library, each off the GUI thread, and a branch that
trusts that key imports the library; a bad table file is refused, saying why; an auditor sees the
state but has no button. A branch's window keeps its own tab (trust, import); head office's has
no Branch tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.kernel import working_days
from branchguard.core.kernel.types import Role
from branchguard.core.library_sync.service import LibraryService
from branchguard.gui.settings.library import LibraryPanel
from branchguard.gui.settings.library_ho import HeadOfficeLibraryPanel
from branchguard.gui.settings.page import SettingsPage

YEAR = working_days.covered_years()[1] + 5
PASSWORD = "head-office-2026!"

pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


@pytest.fixture
def head_office(tmp_path: Path, app: QApplication) -> Iterator[AppContext]:
    made = open_context(tmp_path / "ho", lang="en")
    made.services.headoffice.init("华东区总行", "admin", PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho", lang="en")
    assert ctx.head_office
    yield ctx
    ctx.close()


def _panel(ctx: AppContext, qtbot: Any, username: str, password: str) -> HeadOfficeLibraryPanel:
    window = build_main_window(ctx, ctx.services.auth.login(username, password))
    qtbot.addWidget(window)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.tabs.tabText(page._library_tab) == "Library for branches"
    panel = page.office_library
    qtbot.waitUntil(lambda: len(panel.key.text().split()) == 4)  # the fingerprint, in groups
    return panel


def test_head_office_stores_a_table_saves_its_key_and_exports_a_library_a_branch_imports(
    head_office: AppContext, gui_ctx: AppContext, tmp_path: Path, pool_tasks: Any, qtbot: Any
) -> None:
    panel = _panel(head_office, qtbot, "admin", PASSWORD)
    assert str(YEAR) not in panel.years.text()

    bad = tmp_path / "days.yaml"
    bad.write_text("format: something else\n", encoding="utf-8")
    panel.store_table(bad)
    qtbot.waitUntil(lambda: panel.status.property("role") == "error")
    assert panel.status.text().startswith("Working-day table: not a working-day table")
    assert panel.export_button.isEnabled()  # usable again after the refusal

    table = tmp_path / "table.yaml"
    table.write_text(
        f"format: branchguard.working_days\nformat_version: 1\nyears:\n  - year: {YEAR}\n"
        f"    holidays:\n      - {{name: National Day, from: {YEAR}-10-01, to: {YEAR}-10-07}}\n",
        encoding="utf-8",
    )
    pool_tasks.watch(LibraryService, "set_working_days")
    panel.store_table(table)
    qtbot.waitUntil(lambda: "Working-day years added" in panel.status.text())
    assert f"added: {YEAR};" in panel.status.text()
    assert pool_tasks.ran_off_the_gui_thread("set_working_days")
    qtbot.waitUntil(lambda: str(YEAR) in panel.years.text())
    panel.store_table(table)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Nothing changed"))
    assert f"({YEAR})" in panel.status.text()

    key = tmp_path / "out" / "head-office.pem"
    key.parent.mkdir()
    panel.save_key(key)
    qtbot.waitUntil(lambda: "fingerprint" in panel.status.text())
    assert key.read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    assert panel.key.text() in panel.status.text() and str(key) in panel.status.text()

    pool_tasks.watch(LibraryService, "export")
    library = tmp_path / "out" / "library.zip"
    panel.export(library)
    qtbot.waitUntil(lambda: "working-day years" in panel.status.text())
    assert pool_tasks.ran_off_the_gui_thread("export")
    assert str(library) in panel.status.text() and str(YEAR) in panel.status.text()

    working_days.install([])  # the years head office stored belong to this process too: not the branch's
    branch_lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    gui_ctx.services.library.trust(branch_lead, key)
    read = gui_ctx.services.library.read(branch_lead, library)  # signed by the key saved above
    preview = gui_ctx.services.library.preview(branch_lead, read)
    assert str(YEAR) in preview.years.added


def test_head_office_has_no_branch_tab_and_shows_the_lockout_its_logins_follow(
    head_office: AppContext, qtbot: Any
) -> None:
    panel = _panel(head_office, qtbot, "admin", PASSWORD)
    page = panel.window().page("settings")
    assert isinstance(page, SettingsPage) and page.tabs.tabText(1) == "Branch"
    assert not page.tabs.isTabVisible(1)  # saving a branch name there made a branch record at head office
    page.tabs.setCurrentIndex(1)  # made when shown
    qtbot.waitUntil(lambda: page.lockout_threshold.value() != 1)  # no branch record: the defaults
    assert (page.lockout_threshold.value(), page.lockout_minutes.value()) == (5, 15)


def test_an_auditor_at_head_office_sees_the_library_state_but_has_no_button(
    head_office: AppContext, qtbot: Any
) -> None:
    admin = head_office.services.auth.login("admin", PASSWORD)
    head_office.services.auth.add_user(admin, "reader", Role.AUDITOR, "reader-pass-2026!", "审计员")
    panel = _panel(head_office, qtbot, "reader", "reader-pass-2026!")
    assert panel.years.text() != "-"
    buttons = (panel.export_button, panel.key_button, panel.days_button)
    assert not any(button.isEnabled() for button in buttons)


def test_a_branch_window_keeps_its_trust_and_import_tab(gui_ctx: AppContext, open_window: Any) -> None:
    page = open_window("lead").show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.tabs.tabText(page._library_tab) == "Library"  # head office's, as its box says
    assert isinstance(page.library, LibraryPanel)
    assert page.findChild(HeadOfficeLibraryPanel) is None
