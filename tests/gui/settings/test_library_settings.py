"""Settings → Head-office library: the lead trusts head office's key, picks a library, sees the
preview (what is new, updated, unchanged) and imports it in the background; a refused library says
why; staff see the state but cannot trust or import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.context import AppContext, open_context
from branchguard.core.inspections.types import Cadence, ItemCategory, TemplateContent, TemplateItem
from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Actor, Role, Text2
from branchguard.core.library_sync.service import LibraryService
from branchguard.db.engine import sqlite_url
from branchguard.gui.settings.page import SettingsPage
from tests.conftest import copy_fresh_sqlite

YEAR = working_days.covered_years()[1] + 5
HO = Actor(user_id=None, username="ho-lead", role=Role.LEAD)


pytestmark = pytest.mark.usefixtures("no_installed_years")  # tests/conftest.py


@pytest.fixture
def library_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    """A library exported by a head office of its own (one new template, one working-day year)."""
    db_file = tmp_path / "ho" / "ho.sqlite"
    copy_fresh_sqlite(request, db_file)
    ho = open_context(tmp_path / "ho", db=sqlite_url(db_file))
    try:
        item = TemplateItem(
            "vault_door", Text2("金库门已锁", "Vault door locked"), ItemCategory.CASH_VAULT, Text2()
        )
        ho.services.inspections.save_draft(
            HO, TemplateContent("HO_VAULT", Text2("金库检查", "Vault"), Cadence.DAILY, (item,))
        )
        ho.services.inspections.approve(HO, "HO_VAULT")
        table = tmp_path / "days.yaml"
        table.write_text(
            f"format: branchguard.working_days\nformat_version: 1\nyears:\n  - year: {YEAR}\n"
            f"    holidays:\n      - {{name: National Day, from: {YEAR}-10-01, to: {YEAR}-10-07}}\n",
            encoding="utf-8",
        )
        ho.services.library.set_working_days(HO, table)
        ho.services.library.export(HO, tmp_path / "library.zip", tmp_path / "ho.pem")
    finally:
        ho.close()
    working_days.install([])
    set_language("en")  # opening head office's context set the process's language to its own
    return tmp_path / "library.zip", tmp_path / "ho.pem"


def _panel(window: Any) -> Any:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.tabs.tabText(page._library_tab) == "Library"  # head office's, as its box says
    return page.library


def test_the_lead_trusts_previews_and_imports_in_the_background(
    gui_ctx: AppContext, open_window: Any, library_file: tuple[Path, Path], pool_tasks: Any, qtbot: Any
) -> None:
    zip_path, key = library_file
    panel = _panel(open_window("lead"))
    qtbot.waitUntil(lambda: panel.key.text() == "none trusted yet")
    panel.read_library(zip_path)  # no key trusted yet: refused, said on the panel
    qtbot.waitUntil(lambda: "no head-office key is trusted yet" in panel.status.text())
    pool_tasks.watch(LibraryService, "trust")
    panel.trust(key)
    assert not panel.trust_button.isEnabled()  # waits for its write
    panel.trust(key)  # pressed again meanwhile: nothing more
    qtbot.waitUntil(lambda: len(panel.key.text().split()) == 4)
    assert panel.key.text() in panel.status.text() and panel.trust_button.isEnabled()
    assert pool_tasks.ran_off_the_gui_thread("trust") and len(pool_tasks.threads["trust"]) == 1

    pool_tasks.watch(LibraryService, "read")
    pool_tasks.watch(LibraryService, "apply")
    panel.read_library(zip_path)
    qtbot.waitUntil(lambda: getattr(panel, "preview_dialog", None) is not None)
    dialog = panel.preview_dialog
    rows = {dialog.cell(r, 0): (dialog.cell(r, 1), dialog.cell(r, 2)) for r in range(4)}
    assert rows["Checklist templates"][0] == "HO_VAULT"
    assert rows["Working-day years"][0] == str(YEAR)
    assert dialog.import_button.isEnabled()
    assert dialog.width() <= 1024 and dialog.height() <= 768
    dialog.accept()
    qtbot.waitUntil(lambda: "Head-office library imported" in panel.status.text())
    assert pool_tasks.ran_off_the_gui_thread("read") and pool_tasks.ran_off_the_gui_thread("apply")
    assert gui_ctx.services.inspections.template(HO, "HO_VAULT").content.name.en == "Vault"
    assert working_days.covers(YEAR)
    qtbot.waitUntil(lambda: str(YEAR) in panel.years.text() and panel.last.text() != "none yet")
    assert panel.last.text().endswith("by 王建国")  # a person, not a login


def test_cancel_writes_nothing_and_staff_cannot_import(
    gui_ctx: AppContext, open_window: Any, library_file: tuple[Path, Path]
) -> None:
    zip_path, key = library_file
    panel = _panel(open_window("lead"))
    panel.trust(key)
    panel.read_library(zip_path)
    panel.preview_dialog.reject()
    assert panel.status.text() == "Nothing was imported."
    assert not working_days.covers(YEAR)
    staff = _panel(open_window("staff"))
    assert not staff.import_button.isEnabled() and not staff.trust_button.isEnabled()


def test_import_waits_for_a_trusted_key_and_says_so(
    open_window: Any, library_file: tuple[Path, Path], pool_tasks: Any, qtbot: Any
) -> None:
    """A new branch trusts no key: Import was offered, and the library picked was refused with the
    command line's words. It is greyed out until a key is trusted, its tooltip saying to trust one."""
    _zip_path, key = library_file
    panel = _panel(open_window("lead"))
    qtbot.waitUntil(lambda: panel.key.text() == "none trusted yet")
    assert not panel.import_button.isEnabled()
    assert panel.import_button.toolTip().startswith("Trust head office's key first (Trust head-office key…)")
    panel.trust(key)
    qtbot.waitUntil(lambda: panel.import_button.isEnabled())
    assert panel.import_button.toolTip() == ""
