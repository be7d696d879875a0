"""The exchange in the window (pytest-qt, offscreen): the branch's export wizard (the lead's only:
period, preview, export off the GUI thread, where it was saved) and head office's window (only its
own pages; branches side by side, sorted and filtered; an import of several files with a result per
file; the regional report in the print preview; it fits 1024×768)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.anchors.rules import grouped
from branchguard.core.exchange import rules as package
from branchguard.core.exchange.service import ExchangeService
from branchguard.core.kernel.types import Actor, Role
from branchguard.gui.exchange.wizard import ExportWizard
from branchguard.gui.headoffice.page import HeadOfficePage
from branchguard.gui.kit.print_preview import PreviewDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.conftest import PASSWORDS, ThreadWatch

HO_PASSWORD = "head-office-2026!"


def _periods() -> tuple[str, str]:
    today = date.today()
    before = date(today.year - (today.month == 1), 12 if today.month == 1 else today.month - 1, 1)
    return f"{before:%Y-%m}", f"{today:%Y-%m}"


def _window(ctx: AppContext, qtbot: Any, username: str, password: str) -> MainWindow:
    window = build_main_window(ctx, ctx.services.auth.login(username, password))
    qtbot.addWidget(window)
    window.show_page(window.initial_page_id())
    window.show()
    return window


def _export_action(window: MainWindow) -> QAction:
    action = window.findChild(QAction, "action_export_package")
    assert action is not None
    return action


def _run_wizard(window: MainWindow, out: Path, period: str) -> ExportWizard:
    _export_action(window).trigger()
    wizard = window.findChild(ExportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.period_page.choice.setEditText("2026-13")
    wizard.next()
    assert wizard.currentPage() is wizard.period_page  # refused, said why
    assert "2026-13" in wizard.period_page.error.text()
    wizard.period_page.choice.setEditText(period)
    wizard.period_page.reports.setChecked(False)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    return wizard


def test_the_lead_exports_a_package_through_the_wizard(
    world: AppContext, qtbot: Any, tmp_path: Path, pool_tasks: ThreadWatch
) -> None:
    _before, now = _periods()
    pool_tasks.watch(ExchangeService, "export")
    pool_tasks.watch(ExchangeService, "preview")
    window = _window(world, qtbot, "lead", PASSWORDS["lead"])
    assert _export_action(window).isVisible()
    wizard = _run_wizard(window, tmp_path, now)
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete())
    summary = wizard.preview_page.summary.text()
    assert "DEMO-0101" in summary and now in summary and "Incidents, with their full logs" in summary
    wizard.next()
    page = wizard.save_page
    assert page.path.text().endswith(f"DEMO-0101-{now}.zip")  # a name is offered
    assert not page.isComplete()
    out = tmp_path / "to-head-office"
    page.path.setText(str(out))
    page.export_button.click()
    qtbot.waitUntil(lambda: page.isComplete(), timeout=20_000)
    saved = tmp_path / "to-head-office.zip"
    assert str(saved) in page.done_text.text()
    with zipfile.ZipFile(saved) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
    assert manifest["period"]["name"] == now and manifest["reports"] == 0 and manifest["masked"] is True
    key = manifest["key"]["fingerprint"]  # as `key export` and head office's report show it
    assert f"signed with key {grouped(key)}" in page.done_text.text() and key not in page.done_text.text()
    assert pool_tasks.ran_off_the_gui_thread("export") and pool_tasks.ran_off_the_gui_thread("preview")
    wizard.accept()


def test_the_wizard_sends_the_ledger_again_from_the_entry_head_office_holds(
    world: AppContext, qtbot: Any, tmp_path: Path
) -> None:
    """A package head office never got: the lead sends the ledger again from the entry it holds."""
    _before, now = _periods()
    window = _window(world, qtbot, "lead", PASSWORDS["lead"])
    lead = window.session.actor
    first = world.services.exchange.export(lead, now, tmp_path / "lost.zip")
    assert first.ledger_from == 1
    _export_action(window).trigger()
    wizard = window.findChild(ExportWizard)
    assert wizard is not None
    page = wizard.period_page
    page.choice.setEditText(now)
    page.reports.setChecked(False)
    assert not page.after_entry.isEnabled()
    page.resend.setChecked(True)
    assert page.after_entry.isEnabled()
    page.after_entry.setValue(first.ledger_to + 1)  # never sent: refused on the next page, said why
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.error.isVisible())
    assert f"give 0 to {first.ledger_to}" in wizard.preview_page.error.text()
    wizard.back()
    page.after_entry.setValue(0)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete())
    wizard.next()
    wizard.save_page.path.setText(str(tmp_path / "again.zip"))
    wizard.save_page.export_button.click()
    qtbot.waitUntil(lambda: wizard.save_page.isComplete(), timeout=20_000)
    with zipfile.ZipFile(tmp_path / "again.zip") as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
    assert manifest["ledger"]["previous"]["seq"] == 0  # from the start, not after the lost package
    wizard.accept()


def test_staff_and_auditors_have_no_export(gui_ctx: AppContext, qtbot: Any) -> None:
    for name in ("staff", "auditor"):
        window = _window(gui_ctx, qtbot, name, PASSWORDS[name])
        assert not _export_action(window).isVisible()
        assert "headoffice" not in [p.page_id for p in window.visible_pages()]


@pytest.fixture
def head_office(
    tmp_path: Path, app: QApplication, world: AppContext
) -> Iterator[tuple[AppContext, list[Path]]]:
    """Head office with the demo branch registered; the branch's two packages (the later one first)."""
    before, now = _periods()
    info = world.services.auth.user_by_name("lead")
    assert info is not None
    lead = Actor(info.id, info.username, Role(info.role))
    files = [tmp_path / f"DEMO-0101-{p}.zip" for p in (before, now)]
    for period, path in zip((before, now), files, strict=True):
        world.services.exchange.export(lead, period, path)
    world.services.exchange.export_key(lead, tmp_path / "branch.pem")
    made = open_context(tmp_path / "ho", lang="en")
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho", lang="en")  # opened again: now head office's
    assert ctx.head_office
    admin = ctx.services.auth.login("admin", HO_PASSWORD)
    ctx.services.headoffice.add_branch(admin, "DEMO-0101", "城东", tmp_path / "branch.pem")
    yield ctx, files[::-1]
    ctx.close()


def test_head_office_window_imports_and_shows_branches(
    head_office: tuple[AppContext, list[Path]], qtbot: Any
) -> None:
    ctx, files = head_office
    window = _window(ctx, qtbot, "admin", HO_PASSWORD)
    assert [p.page_id for p in window.visible_pages()] == ["headoffice", "audit", "settings", "about"]
    assert window.current_page_id() == "headoffice"
    assert not _export_action(window).isVisible()
    page = window.page("headoffice")
    assert isinstance(page, HeadOfficePage)
    assert page.model.rowCount() == 1 and page.model.row_at(0).packages == 0

    page.import_files(files[:1])  # the later package alone: refused, a gap in the ledger
    results = page.results.model.rows()
    assert [r.ok for r in results] == [False]
    assert "starts at ledger entry" in results[0].text and "quarantine" not in results[0].text
    page.results.reject()
    page.import_files(files)  # the later one first: taken in after the earlier, by their ledger
    results = page.results.model.rows()
    assert [(r.ok, r.period) for r in results] == [(True, p) for p in _periods()]
    assert results[1].branch == "DEMO-0101" and results[1].text.startswith("imported:")
    assert page.results.isVisible()
    page.results.reject()
    page.import_files(files)
    assert [r.text for r in page.results.model.rows()] == ["imported before: nothing changed"] * 2
    page.results.reject()

    b = page.model.row_at(0)
    assert b.packages == 2 and b.counts["incidents"] == 1 and b.hazards_open == 3
    row = [page.model.cell(b, c, Qt.ItemDataRole.DisplayRole) for c in range(page.model.columnCount())]
    assert row[:3] == ["DEMO-0101", "城东", _periods()[1]] and row[page.model.HAZARDS] == "3"
    headers = page.model.headers()
    assert len(row) == len(headers) and headers[page.model.HAZARDS] == "Hazards open"
    assert row[page.model.COMPLIANCE].endswith("overdue") and row[page.model.LEVELS].startswith("I ")
    page.table.selectRow(0)
    detail = page.detail.text()
    assert "DEMO-0101" in detail and "Drill rules:" in detail
    assert "2 packages, ledger to entry" in detail
    assert f"key {grouped(b.fingerprint)}" in detail  # as the branch's `key export` said it
    # every kind of record held in words (complaint statistics once showed as "complaintstats")
    assert "months of complaint statistics" in detail and "complaintstats" not in detail
    records = page.open_records(page.model.HAZARDS)  # what a figure counts, by double-click
    assert records is not None and records.kind.currentData() == "hazards"
    assert records.model.rowCount() == b.hazards_open == 3
    records.kind.setCurrentIndex(records.kind.findData("incidents"))
    # its one incident record is a drill's run, which the Branches page's Incidents does not count
    assert records.model.rowCount() == 1 and records.count.text() == "1 records: incidents 0, drill runs 1"
    assert records.model.row_at(0).summary  # its title
    records.close()
    page.table.sortByColumn(page.model.HAZARDS, Qt.SortOrder.DescendingOrder)
    page.search.setText("no such branch")
    page._apply_filter()
    assert page.model.rowCount() == 0 and page.count.text() == "0 of 1 branches"
    page.search.setText("城东")
    page._apply_filter()
    assert page.model.rowCount() == 1

    page.open_report("2026-13")
    assert page.message.isVisible() and "2026-13" in page.message.text()
    page.open_report(_periods()[1])
    preview = page.findChild(PreviewDialog)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count >= 1, timeout=20_000)
    preview.close()  # it deletes itself

    window.resize(1024, 768)
    qtbot.wait(10)
    assert window.width() <= 1024 and window.height() <= 768


def test_an_auditor_at_head_office_reads_but_does_not_import(
    head_office: tuple[AppContext, list[Path]], qtbot: Any
) -> None:
    ctx, _files = head_office
    admin = ctx.services.auth.login("admin", HO_PASSWORD)
    ctx.services.auth.add_user(admin, "reader", Role.AUDITOR, "reader-pass-2026!", "审计员")
    window = _window(ctx, qtbot, "reader", "reader-pass-2026!")
    page = window.page("headoffice")
    assert isinstance(page, HeadOfficePage)
    assert not page.import_button.isEnabled() and page.report_button.isEnabled()
