"""The pages by keyboard alone: Ctrl+PgDown and Ctrl+PgUp through the sidebar, round at its ends;
Go to page (Ctrl+G) by either name; none of them reaches a page the role does not see; F1 names them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QTableView, QTabWidget, QWidget

from branchguard.gui.shell.go_to_page import GoToPageDialog, match_rank
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.shell.test_main_window import sidebar_ids

CTRL = Qt.KeyboardModifier.ControlModifier
LEAD_ONLY = {"dashboard", "audit"}  # the lead's and the auditor's, not staff's


def ctrl(qtbot, window: MainWindow, key: Qt.Key, to: QWidget | None = None) -> str:
    """Ctrl+`key` typed into `to` (the window itself by default): the page shown after it."""
    qtbot.keyClick(to or window, key, CTRL)
    return window.current_page_id()


def go_to_page(qtbot, window: MainWindow) -> GoToPageDialog:
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    dialog = window.findChild(GoToPageDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def type_chinese(field: QWidget, text: str) -> None:
    """`text` as an input method commits it (QTest types Latin-1 keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(field, event)


def listed(dialog: GoToPageDialog) -> list[str]:
    return [dialog.choices.item(row).text() for row in range(dialog.choices.count())]


def f1_rows(qtbot, window: MainWindow) -> dict[str, str]:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QWidget, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.table  # type: ignore[attr-defined]
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    dialog.close()
    return rows


def test_ctrl_pgdown_takes_the_lead_to_each_of_the_thirteen_pages_and_round_to_the_first(
    open_window, qtbot
) -> None:
    window = open_window("lead")
    ids = sidebar_ids(window)
    assert len(ids) == 13 and window.current_page_id() == ids[0]
    seen = [ctrl(qtbot, window, Qt.Key.Key_PageDown) for _ in ids]
    assert seen == [*ids[1:], ids[0]]  # the tenth to the thirteenth, out of Ctrl+1…9's reach, too


def test_ctrl_pgup_goes_back_round_to_the_last(open_window, qtbot) -> None:
    window = open_window("lead")
    ids = sidebar_ids(window)
    assert ctrl(qtbot, window, Qt.Key.Key_PageUp) == ids[-1]
    assert ctrl(qtbot, window, Qt.Key.Key_PageUp) == ids[-2]
    assert ctrl(qtbot, window, Qt.Key.Key_PageDown) == ids[-1]
    assert ctrl(qtbot, window, Qt.Key.Key_PageDown) == ids[0]


def test_inside_a_page_ctrl_tab_keeps_switching_its_tabs_and_ctrl_pgdown_the_pages(
    open_window, qtbot
) -> None:
    window = open_window("lead")
    ids = sidebar_ids(window)
    page = window.show_page("people")
    assert page is not None
    tabs = page.findChild(QTabWidget)
    table = tabs.currentWidget().findChild(QTableView)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab, CTRL)  # Qt's own key for a tab widget's next tab
    assert tabs.currentIndex() == 1 and window.current_page_id() == "people"
    focused = window.focusWidget()
    assert focused is not None and tabs.isAncestorOf(focused)
    assert ctrl(qtbot, window, Qt.Key.Key_PageDown, to=focused) == ids[ids.index("people") + 1]


def test_go_to_page_lists_the_pages_in_sidebar_order_and_finds_one_by_its_chinese_name(
    open_window, qtbot
) -> None:
    window = open_window("lead")
    window.show_page("hazards")
    dialog = go_to_page(qtbot, window)
    assert len(listed(dialog)) == 13 and listed(dialog)[0] == "Dashboard"
    assert dialog.chosen() == "hazards"  # nothing typed: the page in front
    type_chinese(dialog.filter, "审计")
    assert listed(dialog) == ["Audit"]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert window.current_page_id() == "audit" and not dialog.isVisible()


def test_go_to_page_puts_names_that_start_with_the_text_first_and_arrows_choose(open_window, qtbot) -> None:
    window = open_window("lead")
    dialog = go_to_page(qtbot, window)
    qtbot.keyClicks(dialog.filter, "in")
    assert listed(dialog)[:2] == ["Incidents", "Inspections"] and "Warnings" in listed(dialog)[2:]
    assert dialog.chosen() == "incidents"
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert window.current_page_id() == "inspections"


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_the_chinese_window_finds_a_page_by_its_english_name(open_window, qtbot, lang: str) -> None:
    window = open_window("lead")
    dialog = go_to_page(qtbot, window)
    assert dialog.windowTitle() == "转到页面"
    qtbot.keyClicks(dialog.filter, "HAZ")
    assert listed(dialog) == ["隐患管理"]
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
    assert window.current_page_id() == "hazards"


def test_no_key_takes_staff_to_a_lead_only_page(open_window, qtbot) -> None:
    window = open_window("staff")
    ids = sidebar_ids(window)
    assert not LEAD_ONLY & set(ids)
    seen = {ctrl(qtbot, window, Qt.Key.Key_PageDown) for _ in range(len(ids) + 1)}
    seen |= {ctrl(qtbot, window, Qt.Key.Key_PageUp) for _ in range(len(ids) + 1)}
    seen |= {ctrl(qtbot, window, Qt.Key.Key_1 + n) for n in range(9)}
    assert seen == set(ids)
    before = window.current_page_id()
    dialog = go_to_page(qtbot, window)
    assert set(listed(dialog)) == {window.sidebar.item(row).text() for row in range(len(ids))}
    for name in ("Audit", "审计", "Dashboard", "概览"):
        dialog.filter.clear()
        type_chinese(dialog.filter, name)
        assert listed(dialog) == [] and dialog.none_found.isVisible() and not dialog.go_button.isEnabled()
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)
        assert dialog.isVisible() and window.current_page_id() == before


def test_a_locked_window_goes_nowhere_and_closes_go_to_page(open_window, qtbot) -> None:
    window = open_window("lead")
    closed = window.page_keys.ask()
    assert closed is not None
    qtbot.keyClicks(closed.filter, "in")
    qtbot.keyClick(closed.filter, Qt.Key.Key_Down)
    qtbot.keyClick(closed.filter, Qt.Key.Key_Escape)  # a search: left without a question
    assert not closed.isVisible() and window.current_page_id() == "dashboard"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the lock below
    dialog = window.page_keys.ask()
    assert dialog is not None and dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()
    for move in (lambda: window.page_keys.step(1), lambda: window.page_keys.go_to_row(2)):
        move()
        assert window.stack.currentWidget().objectName() == "lock_cover" and window.current_page_id() == ""
    assert window.page_keys.ask() is None


def test_f1_names_the_page_keys(open_window, qtbot) -> None:
    rows = f1_rows(qtbot, open_window("lead"))
    assert rows["Ctrl+1 … Ctrl+9"] == "Go to the page at that place in the sidebar"
    assert rows["Ctrl+PgDown"] == "Next page in the sidebar (after the last, the first)"
    assert rows["Ctrl+PgUp"] == "Previous page in the sidebar (before the first, the last)"
    assert rows["Ctrl+G"] == "Go to page: type part of its name, in Chinese or English"


@pytest.mark.parametrize("lang", ["zh_CN"])
def test_f1_names_the_page_keys_in_chinese(open_window, qtbot, lang: str) -> None:
    rows = f1_rows(qtbot, open_window("lead"))
    assert rows["Ctrl+PgDown"] == "侧边栏中的下一个页面（最后一个之后回到第一个）"
    assert rows["Ctrl+PgUp"] == "侧边栏中的上一个页面（第一个之前回到最后一个）"
    assert rows["Ctrl+G"] == "转到页面：输入页面名称的一部分，中文或英文均可"
    assert rows["Ctrl+1 … Ctrl+9"] == "切换到侧边栏中对应位置的页面"


def test_a_name_matches_by_its_start_first_then_anywhere_case_ignored() -> None:
    assert match_rank(["审计", "Audit"], "AUD") == 0
    assert match_rank(["People & contacts", "人员与联系人"], "contacts") == 1
    assert match_rank(["审计", "Audit"], "drill") is None
    assert match_rank(["审计", "Audit"], "  ") == 0  # nothing typed: every page
