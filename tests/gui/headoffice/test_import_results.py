"""The import's results list each file in the order it was imported: a file refused for a gap that a
later file of the same choice filled reads "refused", then "imported", never the other way round;
a period sent again says so."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from branchguard.app import build_main_window
from branchguard.context import AppContext, open_context
from branchguard.core.headoffice.package_zip import refuse
from branchguard.core.headoffice.types import ImportOutcome, ImportResult
from branchguard.gui.headoffice.models import FileOutcome
from branchguard.gui.headoffice.page import HeadOfficePage, ImportResultsDialog
from tests.gui.headoffice.test_branches_fit import HO_PASSWORD


def test_results_keep_the_order_the_files_were_imported(app: QApplication, qtbot: Any) -> None:
    outcomes = [
        FileOutcome("a-2026-11.zip", False, "", "", "refused: starts at ledger entry 9"),
        FileOutcome("z-2026-10.zip", True, "B001", "2026-10", "imported: 3 records, 8 ledger entries"),
        FileOutcome("a-2026-11.zip", True, "B001", "2026-11", "imported: 2 records, 1 ledger entries"),
    ]
    dialog = ImportResultsDialog(outcomes)
    qtbot.addWidget(dialog)
    assert dialog.model.rows() == outcomes
    shown = [dialog.table.model().index(row, 0).data() for row in range(3)]
    assert shown == ["a-2026-11.zip", "z-2026-10.zip", "a-2026-11.zip"]


@contextmanager
def head_office_page(tmp_path: Path, qtbot: Any, lang: str) -> Iterator[tuple[AppContext, HeadOfficePage]]:
    """A new head office's database, its admin's window on the Head office page; closed after."""
    made = open_context(tmp_path / "ho", lang=lang)
    made.services.headoffice.init("华东区总行", "admin", HO_PASSWORD)
    made.close()
    ctx = open_context(tmp_path / "ho", lang=lang)
    try:
        window = build_main_window(ctx, ctx.services.auth.login("admin", HO_PASSWORD))
        qtbot.addWidget(window)
        page = window.show_page("headoffice")
        assert isinstance(page, HeadOfficePage)
        yield ctx, page
        window.close()
    finally:
        ctx.close()


def imported_one(page: HeadOfficePage, qtbot: Any, path: Path) -> FileOutcome:
    """The window's import of `path`, and what its results say of it (their dialog closed)."""
    page.import_files([path])
    qtbot.waitUntil(lambda: getattr(page, "results", None) is not None, timeout=10_000)
    [outcome] = page.results.model.rows()
    page.results.reject()
    return outcome


def test_a_period_sent_again_says_so(qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A package of a period head office held already (the branch sent it again) says it replaced
    the one imported before, not just "imported", as if it were another month's."""
    earlier = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)

    def imported(_actor: Any, path: Path) -> ImportResult:
        return ImportResult(str(path), ImportOutcome.IMPORTED, "B001", "2026-11", "0" * 64, 9, 2, earlier)

    with head_office_page(tmp_path, qtbot, "en") as (ctx, page):
        monkeypatch.setattr(ctx.services.headoffice, "import_package", imported)
        outcome = imported_one(page, qtbot, tmp_path / "B001-2026-11.zip")
    assert outcome.text.startswith("imported: 9 records, 2 ledger entries — sent again"), outcome.text
    assert earlier.astimezone().strftime("%Y-%m-%d %H:%M") in outcome.text


def test_a_refused_package_names_its_branch_and_period_in_the_results(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A package refused once its manifest was read (a gap in its ledger, older than the one held)
    names the branch and period it says it is of in their columns, not only in its reason."""

    def gap(_actor: Any, _path: Path) -> ImportResult:
        refused = refuse("ho.ledger_gap", code="B001", held=8, start=12)
        refused.branch_code, refused.period = "B001", "2026-11"
        raise refused

    with head_office_page(tmp_path, qtbot, "en") as (ctx, page):
        monkeypatch.setattr(ctx.services.headoffice, "import_package", gap)
        outcome = imported_one(page, qtbot, tmp_path / "B001-2026-11.zip")
    assert (outcome.ok, outcome.branch, outcome.period) == (False, "B001", "2026-11"), outcome


def test_a_damaged_package_reads_damaged_in_the_results(qtbot: Any, tmp_path: Path) -> None:
    """The window's import goes through the service: a byte changed in the zip's list of files read
    "not a BranchGuard package (it has no manifest.sig)" there too."""
    from tests.zip_damage import damaged

    with head_office_page(tmp_path, qtbot, "zh_CN") as (_ctx, page):
        outcome = imported_one(page, qtbot, damaged("renamed", tmp_path))
    assert not outcome.ok and "数据包文件 B001-2026-11.zip 已损坏" in outcome.text, outcome.text
    assert "manifest.sig" not in outcome.text


def test_a_package_breaking_the_schema_reads_in_the_users_language(qtbot: Any, tmp_path: Path) -> None:
    """A manifest breaking the published schema read in jsonschema's English in a Chinese window."""
    from tests.core.headoffice.test_schema_words import bad_manifest

    with head_office_page(tmp_path, qtbot, "zh_CN") as (_ctx, page):
        outcome = imported_one(page, qtbot, bad_manifest(tmp_path / "B001-2026-11.zip"))
    assert not outcome.ok and "不符合公布的格式：字段“branch”：缺失" in outcome.text, outcome.text
    assert "required property" not in outcome.text
