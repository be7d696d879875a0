"""The People page writes off the GUI thread (a statement on a shared database can take 200 ms and
more), on the real thread pool: a person's or contact's Save once however often pressed, Esc waiting
for it; a stale save reread there too; a rename's open items and a removal's question read there,
the removal and a role's unassignment written there with their buttons waiting; a locked database
said with the typing kept and nothing changed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from branchguard.context import AppContext
from branchguard.core.hazards.types import HazardInput
from branchguard.core.kernel.i18n import Message
from branchguard.core.people.types import PersonInput
from branchguard.gui.kit.plain import literal
from branchguard.gui.people.dialogs import PersonDialog
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.people.team import TeamTab
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for
from tests.gui.people.test_stale_edit import open_edit, refused_as_stale
from tests.gui.people.test_team_tab import row_of

_SAVE = QDialogButtonBox.StandardButton.Save


pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


@pytest.fixture
def page(gui_ctx: AppContext, pool_tasks: Any, qtbot: Any) -> PeoplePage:
    shown = PeoplePage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    shown.refresh()
    qtbot.waitUntil(lambda: shown.staff_tab.model.rowCount() > 0 and not shown.staff_tab.loader.busy())
    return shown


def _names(ctx: AppContext) -> set[str]:
    return {p.name for p in ctx.services.people.list_people(login(ctx, "lead"))}


def answering(monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_an_edit_is_saved_off_the_gui_thread_once_and_a_refusal_keeps_the_typing(
    page: PeoplePage, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = gui_ctx.services.people
    dialog = open_edit(page.staff_tab, "王建国")
    assert isinstance(dialog, PersonDialog)
    save = dialog.buttons.button(_SAVE)
    dialog.notes.setPlainText("夜间值班")
    refuse_with(monkeypatch, people, "update_person", locked())
    save.click()
    qtbot.waitUntil(lambda: dialog.general_error.isVisibleTo(dialog))
    assert dialog.general_error.text() == said_locked(gui_ctx) and dialog.isVisible() and save.isEnabled()
    assert dialog.notes.toPlainText() == "夜间值班"
    monkeypatch.undo()
    update = Held(monkeypatch, people, "update_person")
    with sql_threads(gui_ctx.engine) as sql:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: update.calls == 1)
        assert not save.isEnabled() and dialog.work.note.text() == "Saving…"
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # pressed again: nothing more
        dialog.accept()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # waits for its save
        assert dialog.isVisible() and dialog.saved is None
        update.release()
        qtbot.waitUntil(lambda: page.staff_tab.dialog is None)  # closed, the list read again
        qtbot.waitUntil(lambda: not page.staff_tab.loader.busy())
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert update.calls == 1 and pool_tasks.gui_thread not in update.threads
    assert dialog.saved is not None and dialog.saved.notes == "夜间值班"


def test_a_stale_save_is_reread_off_the_gui_thread(
    page: PeoplePage, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any
) -> None:
    people, lead = gui_ctx.services.people, login(gui_ctx, "lead")
    dialog = open_edit(page.staff_tab, "王建国")
    assert isinstance(dialog, PersonDialog) and dialog.opened is not None
    wang = dialog.opened
    people.update_person(lead, wang.id, PersonInput(wang.name, wang.branch_role, "13912345678", wang.phone))
    dialog.notes.setPlainText("PC1 的备注")
    with sql_threads(gui_ctx.engine) as sql:
        dialog.buttons.button(_SAVE).click()
        qtbot.waitUntil(lambda: dialog.was_stale)
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert refused_as_stale(dialog, Message("person.record", name="王建国"))
    assert dialog.mobile.text() == "13912345678" and dialog.notes.toPlainText() == wang.notes  # as it is now


def test_a_renames_open_items_are_read_off_the_gui_thread_before_it_asks(
    page: PeoplePage, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = gui_ctx.services.people
    gui_ctx.services.hazards.create(login(gui_ctx, "lead"), HazardInput("灭火器压力不足", owner="吴刚"))
    dialog = open_edit(page.staff_tab, "吴刚")
    assert isinstance(dialog, PersonDialog)
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.name.setText("吴刚强")
    items = Held(monkeypatch, people, "open_items")
    update = Held(monkeypatch, people, "update_person")
    with sql_threads(gui_ctx.engine) as sql:
        save = dialog.buttons.button(_SAVE)
        save.click()
        qtbot.waitUntil(lambda: items.calls == 1)
        assert asked == [] and not save.isEnabled() and dialog.work.note.text() == "Reading…"
        save.click()  # pressed again while it reads: nothing more
        items.release()
        qtbot.waitUntil(lambda: update.calls == 1)
        assert len(asked) == 1 and "灭火器压力不足" in asked[0]
        update.release()
        qtbot.waitUntil(lambda: page.staff_tab.dialog is None)
        qtbot.waitUntil(lambda: not page.staff_tab.loader.busy())
        assert sql.on_gui_thread() == []
    assert items.calls == 1 and update.calls == 1 and pool_tasks.gui_thread not in items.threads
    assert "吴刚强" in _names(gui_ctx)


def test_a_rename_left_while_its_open_items_are_read_saves_nothing(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    people, lead = gui_ctx.services.people, login(gui_ctx, "lead")
    wu = next(p for p in people.list_people(lead) if p.name == "吴刚")
    dialog = PersonDialog(  # as the Staff tab makes it, kept (not deleted) once closed
        lambda data, opened: people.update_person(lead, wu.id, data, opened),
        wu,
        open_items=lambda: people.open_items(lead, wu.id),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.name.setText("吴刚强")
    items = Held(monkeypatch, people, "open_items")
    update = Held(monkeypatch, people, "update_person")
    dialog.buttons.button(_SAVE).click()
    qtbot.waitUntil(lambda: items.calls == 1)
    QDialog.done(dialog, QDialog.DialogCode.Rejected.value)  # Esc, and "Discard" to the question
    items.release()
    qtbot.waitUntil(lambda: not dialog.work.reading())
    update.release()
    assert asked == [] and update.calls == 0 and "吴刚" in _names(gui_ctx)


def test_a_removal_is_read_asked_and_written_off_the_gui_thread_once(
    page: PeoplePage, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    people, tab = gui_ctx.services.people, page.staff_tab
    tab.select_id(next(p.id for p in tab.model.rows() if p.name == "赵敏"))
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    refuse_with(monkeypatch, people, "remove_person", locked())
    tab.remove_button.click()
    qtbot.waitUntil(lambda: warned != [])
    assert warned == [literal(said_locked(gui_ctx))]
    assert "赵敏" in _names(gui_ctx) and tab.remove_button.isEnabled()
    monkeypatch.setattr(people, "remove_person", type(people).remove_person.__get__(people))
    items = Held(monkeypatch, people, "open_items")
    remove = Held(monkeypatch, people, "remove_person")
    with sql_threads(gui_ctx.engine) as sql:
        tab.remove_button.click()
        qtbot.waitUntil(lambda: items.calls == 1)
        assert not tab.remove_button.isEnabled() and len(asked) == 1  # asked once the items are read
        tab.remove()  # Del again: nothing more
        items.release()
        qtbot.waitUntil(lambda: remove.calls == 1)
        assert len(asked) == 2 and "赵敏" in asked[1] and not tab.remove_button.isEnabled()
        tab.remove()
        remove.release()
        qtbot.waitUntil(lambda: "赵敏" not in {p.name for p in tab.model.rows()})
        qtbot.waitUntil(lambda: not tab.loader.busy())
        assert sql.on_gui_thread() == [] and "DELETE" in sql.off_gui_thread()
    assert (items.calls, remove.calls) == (1, 1)
    assert pool_tasks.gui_thread not in items.threads + remove.threads
    assert "赵敏" not in _names(gui_ctx)


def test_an_unassignment_is_written_off_the_gui_thread_its_button_waiting(
    page: PeoplePage, gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    team, lead = gui_ctx.services.team, login(gui_ctx, "lead")
    team.assign(lead, "firefighting_team", team.person_named(lead, "张伟", "field.person").id)
    page.tabs.setCurrentIndex(2)
    tab = page.team_tab
    assert isinstance(tab, TeamTab)
    qtbot.waitUntil(lambda: tab.roles_model.rowCount() > 0)
    held = next(r for r in tab.roles_model.rows() if r.code == "firefighting_team")
    tab._select(tab.roles_table, row_of(tab.roles_model, lambda r: r.code == held.code))
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    unassign = Held(monkeypatch, gui_ctx.services.team, "unassign")
    with sql_threads(gui_ctx.engine) as sql:
        tab.unassign_button.click()
        qtbot.waitUntil(lambda: unassign.calls == 1)
        assert not tab.unassign_button.isEnabled()
        tab.unassign()  # again meanwhile: nothing more
        unassign.release()
        qtbot.waitUntil(lambda: next(r for r in tab.roles_model.rows() if r.code == held.code).holder is None)
        qtbot.waitUntil(lambda: not tab.loader.busy())
        assert sql.on_gui_thread() == [] and "DELETE" in sql.off_gui_thread()
    assert unassign.calls == 1 and pool_tasks.gui_thread not in unassign.threads
