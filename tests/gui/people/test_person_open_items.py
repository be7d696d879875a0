"""The Staff tab tells the lead which open items name a person before removing or renaming them:
those items keep the name they were written with, which nobody on the roster would have then."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput
from branchguard.core.kernel.types import Actor
from branchguard.gui.kit.plain import literal
from branchguard.gui.people.dialogs import PersonDialog
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.shell.session import GuiSession


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The questions asked (their text) and, last in the list, the answer the next one gets."""
    said: list[Any] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        said.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    said.append(answer)  # the test sets said[0][0]
    return said


@pytest.fixture
def page(gui_ctx: AppContext, qtbot: Any) -> PeoplePage:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    gui_ctx.services.hazards.create(lead, HazardInput("灭火器压力不足", owner="吴刚"))
    page = PeoplePage(GuiSession(gui_ctx, lead))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    return page


def _select(page: PeoplePage, name: str) -> None:
    tab = page.staff_tab
    row = tab.model.find_row(lambda item: item.name == name)
    tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(row, 0)).row())


def _names(ctx: AppContext) -> set[str]:
    return {p.name for p in ctx.services.people.list_people(Actor.system())}


def test_removing_someone_who_owns_open_items_lists_them_first(
    page: PeoplePage, gui_ctx: AppContext, asked: list[Any], qtbot: Any
) -> None:
    _select(page, "吴刚")
    page.staff_tab.remove_button.click()
    [question] = asked[1:]
    assert "吴刚 still owns 1 open item, which will name nobody on the roster:" in question
    assert "灭火器压力不足" in question and "remove 吴刚 anyway?" in question
    assert "吴刚" in _names(gui_ctx)  # No: hand them over first
    asked[0][0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(page.session.data_changed):
        page.staff_tab.remove_button.click()
    assert "吴刚" not in _names(gui_ctx)


def _rename(page: PeoplePage, qtbot: Any, old: str, new: str) -> PersonDialog:
    _select(page, old)
    page.staff_tab.edit()
    dialog = page.staff_tab.dialog
    assert isinstance(dialog, PersonDialog)
    dialog.name.setText(new)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    return dialog


def test_renaming_someone_who_owns_open_items_says_which_keep_the_old_name(
    page: PeoplePage, gui_ctx: AppContext, asked: list[Any], qtbot: Any
) -> None:
    dialog = _rename(page, qtbot, "吴刚", "吴刚强")
    [question] = asked[1:]
    assert "1 open item names 吴刚 and will keep that name" in question and "灭火器压力不足" in question
    assert "rename 吴刚 to 吴刚强 anyway?" in question
    assert dialog.isVisible() and "吴刚" in _names(gui_ctx)  # No: the form stays open, nothing saved
    asked[0][0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and "吴刚强" in _names(gui_ctx)


def test_renaming_someone_who_owns_nothing_open_asks_nothing(
    page: PeoplePage, gui_ctx: AppContext, asked: list[Any], qtbot: Any
) -> None:
    dialog = _rename(page, qtbot, "赵敏", "赵敏敏")
    assert asked[1:] == [] and not dialog.isVisible() and "赵敏敏" in _names(gui_ctx)


def test_removing_someone_who_owns_nothing_open_asks_as_before(page: PeoplePage, asked: list[Any]) -> None:
    _select(page, "赵敏")
    page.staff_tab.remove_button.click()
    assert asked[1:] == [literal("Remove 赵敏 from the staff roster?")]
