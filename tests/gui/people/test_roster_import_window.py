"""A new branch's lead imports HR's sheet saved as CSV from the Staff roster tab (Import roster…):
a bad row is said with its file, line and column and adds nobody; a good file names the people it
adds and asks, then adds them all; a role that may not add people gets no button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.gui.people.tabs import StaffTab
from tests.gui.people.test_staff_empty_note import roster  # noqa: F401  (a fixture)

SHEET = (
    "姓名,岗位,手机,在岗\n"
    "王伟,网点负责人,13900000001,是\n刘洋,大堂经理,13900000002,是\n陈静,柜员,13900000003,否\n"
)


def _said(tab: StaffTab, qtbot: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: tab.roster_import.message is not None and tab.roster_import.button.isEnabled())
    box = tab.roster_import.message
    assert box is not None
    return box


def test_a_bad_row_is_named_and_a_good_sheet_is_asked_then_added(
    roster: Callable[[str, str], StaffTab],  # noqa: F811
    empty_ctx: AppContext,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    tab = roster("wangjg", "safe-pass-1")
    assert tab.roster_import.button.isVisible() and "Import roster" in tab.empty_note.text()
    bad = tmp_path / "名单 2026.csv"
    bad.write_bytes(SHEET.replace("大堂经理", "出纳").encode("gbk"))  # Excel's plain CSV on Chinese Windows
    tab.roster_import.check(bad)
    box = _said(tab, qtbot)
    assert box.text() == "Nobody was added from the roster file."
    assert box.informativeText().startswith("名单 2026.csv, line 3, column '岗位': '出纳' is not a post")
    box.done(0)
    assert tab.model.rowCount() == 0 and empty_ctx.services.people.list_people(tab.session.actor) == []

    tab.roster_import.message = None
    good = tmp_path / "名单.csv"
    good.write_bytes(SHEET.encode("gbk"))
    tab.roster_import.check(good)
    box = _said(tab, qtbot)
    assert box.text() == "Add 3 people to the staff roster?" and box.informativeText() == "王伟、刘洋、陈静"
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)
    assert tab.roster_import.message is not None
    assert tab.roster_import.message.text() == "3 people added to the staff roster."


def test_an_auditor_gets_no_import_button(
    roster: Callable[[str, str], StaffTab], empty_ctx: AppContext  # noqa: F811
) -> None:
    lead = empty_ctx.services.auth.login("wangjg", "safe-pass-1")
    empty_ctx.services.auth.add_user(lead, "lis", "auditor", "audit-pass-1")
    assert not roster("lis", "audit-pass-1").roster_import.button.isVisible()
