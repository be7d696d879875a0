"""The playbook editor, the page's Approve and Discard and the history and compare dialogs read and
write off the GUI thread (a statement on a shared database can take 200 ms and more), on the real
thread pool: the editor's tabs and Save wait for the plan, Save pressed twice saves once, typing on
while it saves stays unsaved, a locked database is said with the edits kept; the page's Approve
asks once the draft is read and approves once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.types import PlaybookStatus
from branchguard.gui.playbooks.diff_view import PlaybookDiffDialog
from branchguard.gui.playbooks.editor import PlaybookEditor
from branchguard.gui.playbooks.history import PlaybookHistoryDialog
from branchguard.gui.playbooks.page import PlaybooksPage
from tests.gui.dialog_support import Held, fault_place, locked, refuse_with, said_locked, sql_threads  # noqa: F401  (fault_place: a fixture)
from tests.gui.incidents.incident_support import login, session_for
from tests.gui.playbooks.test_playbooks_page import answer_yes, save_draft_with_new_step

pytestmark = pytest.mark.usefixtures("fault_place")  # faults worded with where the data is


def _has_draft(page: PlaybooksPage, code: str) -> bool:
    return next(s for s in page.list.model.rows() if s.code == code).has_draft


def test_the_editor_reads_and_saves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    books, session = gui_ctx.services.playbooks, session_for(gui_ctx, "lead")
    read = Held(monkeypatch, books, "get")
    with sql_threads(gui_ctx.engine) as sql:
        editor = PlaybookEditor(session, "FIRE")
        qtbot.addWidget(editor)
        editor.show()
        assert not editor.tabs.isEnabled() and editor.work.note.text() == "Reading…"
        assert not editor.save() and not editor.approve_button.isEnabled()  # nothing to save yet
        read.release()
        qtbot.waitUntil(lambda: editor.work.ready() and editor.tabs.isEnabled())
        assert editor.general.title_en.text() and editor.steps.rowCount() > 0
        editor.general.title_en.setText("Fire, revised")
        save = Held(monkeypatch, books, "save_draft")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: save.calls == 1)
        assert not editor.save_button.isEnabled() and editor.work.note.text() == "Saving…"
        assert not editor.close_button.isEnabled() and not editor.save()  # pressed again: nothing more
        qtbot.keyClick(editor, Qt.Key.Key_Escape)  # it waits for its save
        assert editor.isVisible()
        editor.general.title_zh.setText("火灾（修订）")  # typed on while it saves
        save.release()
        qtbot.waitUntil(lambda: editor.work.ready() and "draft version" in editor.status.text())
        assert sql.on_gui_thread() == [] and "INSERT" in sql.off_gui_thread()
    assert save.calls == 1 and pool_tasks.gui_thread not in save.threads + read.threads
    draft = books.get(login(gui_ctx, "lead"), "FIRE", prefer_draft=True)
    assert draft.info.status is PlaybookStatus.DRAFT and draft.content.title.en == "Fire, revised"
    assert editor.isWindowModified()  # what was typed meanwhile is not saved yet
    editor.stack.setClean()  # closed without the unsaved-changes question


def test_a_refused_editor_save_keeps_the_edits_and_says_why(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = PlaybookEditor(session_for(gui_ctx, "lead"), "FIRE")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(editor.work.ready)
    editor.general.title_en.setText("Fire, revised")
    refuse_with(monkeypatch, gui_ctx.services.playbooks, "save_draft", locked())
    assert editor.save()
    qtbot.waitUntil(lambda: editor.error.isVisibleTo(editor))
    assert editor.error.text() == said_locked(gui_ctx) and editor.save_button.isEnabled()
    assert editor.general.title_en.text() == "Fire, revised" and editor.isWindowModified()
    editor.stack.setClean()


def test_the_pages_approve_reads_asks_and_approves_off_the_gui_thread_once(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft_with_new_step(gui_ctx, "FIRE", "清点人数后报告")
    books = gui_ctx.services.playbooks
    page = PlaybooksPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    page.select_code("FIRE")
    qtbot.waitUntil(lambda: page.approve_button.isEnabled())
    asked = answer_yes(monkeypatch)
    read = Held(monkeypatch, books, "get")
    approve = Held(monkeypatch, books, "approve")
    with sql_threads(gui_ctx.engine) as sql:
        page.approve_button.click()
        qtbot.waitUntil(lambda: read.calls >= 1)
        assert asked == [] and not page.approve_button.isEnabled() and not page.discard_button.isEnabled()
        page.approve()  # again meanwhile: nothing more
        read.release()
        qtbot.waitUntil(lambda: approve.calls == 1)
        assert len(asked) == 1 and "FIRE" in asked[0]
        page.approve()
        approve.release()
        qtbot.waitUntil(lambda: not _has_draft(page, "FIRE"))
        assert sql.on_gui_thread() == [] and "UPDATE" in sql.off_gui_thread()
    assert approve.calls == 1 and pool_tasks.gui_thread not in approve.threads + read.threads


def test_a_refused_discard_is_said_and_changes_nothing(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft_with_new_step(gui_ctx, "FIRE", "清点人数后报告")
    page = PlaybooksPage(session_for(gui_ctx, "lead"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0)
    page.select_code("FIRE")
    answer_yes(monkeypatch)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    refuse_with(monkeypatch, gui_ctx.services.playbooks, "discard_draft", locked())
    page.discard_draft()
    assert not page.discard_button.isEnabled()
    qtbot.waitUntil(lambda: warned != [])
    assert said_locked(gui_ctx) in warned[0] and page.discard_button.isEnabled()
    assert _has_draft(page, "FIRE")


def test_the_history_and_a_comparison_are_read_off_the_gui_thread(
    gui_ctx: AppContext, pool_tasks: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_draft_with_new_step(gui_ctx, "FIRE", "清点人数后报告")
    session = session_for(gui_ctx, "lead")
    history = Held(monkeypatch, gui_ctx.services.playbooks, "history")
    diff = Held(monkeypatch, gui_ctx.services.playbooks, "diff")
    with sql_threads(gui_ctx.engine) as sql:
        dialog = PlaybookHistoryDialog(session, "FIRE")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.model.rowCount() == 0 and dialog.work.note.text() == "Reading…"
        history.release()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
        dialog.select_numbers(1, 2)
        compared = dialog.compare()
        assert isinstance(compared, PlaybookDiffDialog) and compared.work.reading()
        diff.release()
        qtbot.waitUntil(lambda: compared.view.diff is not None)
        assert sql.on_gui_thread() == [] and "SELECT" in sql.off_gui_thread()
    assert pool_tasks.gui_thread not in history.threads + diff.threads
    assert compared.view.steps_model.rowCount() > 0
