"""The Audit page's Export…: what the filters show, off the GUI thread with progress and Cancel, a
file name saying the branch and the period, the lead and the auditor only, and itself recorded."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate

from branchguard.context import AppContext
from branchguard.core.audit.service import AuditFilter
from branchguard.gui.audit.page import AuditPage
from branchguard.gui.kit import tasks
from branchguard.gui.shell.session import GuiSession
from branchguard.reports import audit_export
from tests.gui.conftest import PASSWORDS, ThreadWatch


@pytest.fixture
def make_page(gui_ctx: AppContext, qtbot: Any) -> Callable[[str], AuditPage]:
    def _make(username: str) -> AuditPage:
        session = GuiSession(gui_ctx, gui_ctx.services.auth.login(username, PASSWORDS[username]))
        page = AuditPage(session)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()  # showing refreshes
        return page

    return _make


def _exports(page: AuditPage) -> list:
    services = page.session.services
    return services.audit.list(page.session.actor, AuditFilter(action_prefix="audit.export"))


def _ids(path: Path) -> list[int]:
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize("username", ["lead", "auditor"])
def test_the_export_holds_exactly_what_the_filters_show(
    make_page: Callable[[str], AuditPage], tmp_path: Path, username: str
) -> None:
    page = make_page(username)
    page.user_filter.setCurrentIndex(page.user_filter.findData("system"))
    flt = page.current_filter()
    listed = page.session.services.audit.list(page.session.actor, flt)
    assert 0 < len(listed) == page.model.total() < page.session.services.audit.count(page.session.actor)
    assert page.export_button.isVisibleTo(page)
    done: list[Any] = []
    out = tmp_path / "trail.xlsx"
    page.exporter.export(flt, out, lambda *said: done.append(said), pytest.fail)
    assert [(d.path, d.events, problem) for d, problem in done] == [(out, len(listed), "")]
    assert _ids(out) == [e.id for e in listed]
    [recorded] = _exports(page)
    assert recorded.actor == username and recorded.after["user"] == "system"


def test_the_export_runs_off_the_gui_thread(
    make_page: Callable[[str], AuditPage], tmp_path: Path, pool_tasks: ThreadWatch, qtbot: Any
) -> None:
    page = make_page("auditor")
    qtbot.waitUntil(lambda: not page.loader.busy() and page.model.total() is not None)
    pool_tasks.watch(audit_export, "build_audit_export")
    done: list[Any] = []
    out = tmp_path / "trail.pdf"
    page.exporter.export(page.current_filter(), out, lambda *said: done.append(said), pytest.fail)
    qtbot.waitUntil(lambda: bool(done))
    assert pool_tasks.ran_off_the_gui_thread("build_audit_export")
    assert out.read_bytes().startswith(b"%PDF")


def test_cancel_leaves_no_file_and_records_nothing(
    make_page: Callable[[str], AuditPage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page("lead")
    monkeypatch.setattr(tasks.TaskProgress, "cancelled", property(lambda _self: True))  # Cancel clicked
    heard: list[str] = []
    for name in ("trail.xlsx", "trail.pdf"):
        page.exporter.export(
            page.current_filter(), tmp_path / name, lambda *_: heard.append("done"), heard.append
        )
    assert heard == [] and page.exporter.sole.task is None
    assert [p for p in os.listdir(tmp_path) if p.startswith((".trail", "trail"))] == []
    assert _exports(page) == []


def test_the_progress_says_how_many_events_are_written_and_offers_cancel(
    make_page: Callable[[str], AuditPage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page("lead")
    reported: list[tuple[int, int, str]] = []
    monkeypatch.setattr(tasks.TaskProgress, "report", lambda _self, *args: reported.append(args))
    total = page.session.services.audit.count(page.session.actor)
    handle = page.exporter.export(page.current_filter(), tmp_path / "t.xlsx", lambda *_: None, pytest.fail)
    assert reported and reported[-1] == (total, total, f"{total} of {total} events written")
    assert handle.title == "Exporting the audit trail…" and handle.done


def test_staff_may_not_export(make_page: Callable[[str], AuditPage], tmp_path: Path) -> None:
    page = make_page("staff")
    assert not page.export_button.isVisibleTo(page)
    failed: list[str] = []
    out = tmp_path / "trail.xlsx"
    page.exporter.export(AuditFilter(), out, lambda *_: pytest.fail("exported"), failed.append)
    assert len(failed) == 1 and "export the audit trail" in failed[0]
    assert not (tmp_path / "trail.xlsx").exists()


def test_the_file_name_offered_says_the_branch_and_the_period(make_page: Callable[[str], AuditPage]) -> None:
    page = make_page("auditor")
    branch = page.session.services.branch.get()
    assert branch is not None
    assert page.exporter.file_name(page.current_filter()) == f"{branch.name}-audit-trail-all.xlsx"
    page.date_check.setChecked(True)
    page.date_from.setDate(QDate(2026, 1, 1))
    page.date_to.setDate(QDate(2026, 12, 31))
    name = page.exporter.file_name(page.current_filter())
    assert name == f"{branch.name}-audit-trail-2026-01-01_2026-12-31.xlsx"
