"""Playbook editor: create, reorder (keys and drag), undo/redo, save as draft, approve, new versions
and their diff, errors shown where they are, unsaved changes, read-only roles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMessageBox

from branchguard.context import AppContext
from branchguard.core.kernel.types import Level, PlaybookStatus
from branchguard.core.people.types import BranchRole
from branchguard.core.playbooks.diff import Change
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.gui.kit import discard
from branchguard.gui.playbooks.editor import PlaybookEditor
from branchguard.gui.playbooks.editor.steps_model import StepsModel
from branchguard.gui.playbooks.preview import PlaybookPreview
from branchguard.gui.shell.session import GuiSession

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Buttons = QMessageBox.StandardButton


class Answers:
    """Stands in for QMessageBox.question: hands out the queued answers and records the texts."""

    def __init__(self) -> None:
        self.queued: list[QMessageBox.StandardButton] = []
        self.asked: list[str] = []

    def question(self, _parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        self.asked.append(text)
        if not self.queued:
            pytest.fail(f"unexpected question: {text}")
        return self.queued.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    box = Answers()
    monkeypatch.setattr(QMessageBox, "question", box.question)
    return box


def login(ctx: AppContext, username: str) -> GuiSession:
    return GuiSession(ctx, ctx.services.auth.login(username, PASSWORDS[username]))


@pytest.fixture
def session(gui_ctx: AppContext) -> GuiSession:
    return login(gui_ctx, "lead")


@pytest.fixture
def open_editor(
    session: GuiSession, qtbot: Any, answers: Answers
) -> Iterator[Callable[..., PlaybookEditor]]:
    opened: list[PlaybookEditor] = []

    def _open(code: str | None = None, who: GuiSession | None = None) -> PlaybookEditor:
        # Not qtbot.addWidget: qtbot closes its widgets before this fixture's teardown runs,
        # and closing an edited editor would ask about the unsaved changes.
        editor = PlaybookEditor(who or session, code)
        with qtbot.waitActive(editor):  # the editor's shortcuts fire only in the active window
            editor.show()
            editor.activateWindow()
        opened.append(editor)
        return editor

    yield _open
    for editor in opened:  # leave without the unsaved-changes question
        editor.stack.setClean()
        editor.close()
        editor.deleteLater()


def texts(editor: PlaybookEditor) -> list[str]:
    return [s.text.zh for s in editor.steps.steps()]


def keys(editor: PlaybookEditor) -> list[str]:
    return [s.key for s in editor.steps.steps()]


def press(editor: PlaybookEditor, qtbot: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    table = editor.steps_panel.table
    table.setFocus()
    qtbot.keyClick(table, key, modifiers)


def add_step(editor: PlaybookEditor, zh: str, en: str, role: str = "") -> None:
    editor.steps_panel.add_step()
    form = editor.steps_panel.form
    form.text_zh.insertPlainText(zh)
    form.text_en.insertPlainText(en)
    if role:
        form.role.setCurrentIndex(form.role.findData(role))


def fill_new_plan(editor: PlaybookEditor, qtbot: Any) -> None:
    """Code, titles, category, a level, a role and three steps, typed as a user would."""
    general = editor.general
    qtbot.keyClicks(general.code, "drill-a")
    general.title_zh.insert("演练预案")  # QTest cannot type characters outside Latin-1
    qtbot.keyClicks(general.title_en, "Drill plan")
    general.category.setCurrentIndex(general.category.findData(IncidentCategory.FIRE_EVACUATION.value))
    general.levels[Level.II].click()
    editor.tabs.setCurrentWidget(editor.roles_panel)
    editor.roles_panel.posts_menu.aboutToShow.emit()
    post = editor.roles_panel.posts_menu.findChild(QAction, "post_lobby_manager")
    assert post is not None and post.isEnabled()
    post.trigger()
    editor.tabs.setCurrentWidget(editor.steps_panel)
    add_step(editor, "甲", "Alpha", "lobby_manager")
    add_step(editor, "乙", "Bravo", "lobby_manager")
    add_step(editor, "丙", "Charlie")


# -- the models ----------------------------------------------------------------------------------
def test_models_stay_consistent_through_edits_undo_and_redo(
    open_editor: Callable[..., PlaybookEditor],
) -> None:
    editor = open_editor("FIRE")
    mode = QAbstractItemModelTester.FailureReportingMode.Warning  # a warning fails the test
    testers = [QAbstractItemModelTester(m, mode) for m in (editor.steps, editor.roles)]
    steps = editor.steps
    steps.add_step(3)
    steps.move_step(0, 5)
    assert steps.moveRows(QModelIndex(), 9, 1, QModelIndex(), 2)
    steps.edit_step(1, None, target_minutes=2)
    steps.remove_step(6)
    editor.roles_panel.add_post(BranchRole.SECURITY_GUARD)
    editor.roles.setData(editor.roles.index(0, 1), "总指挥")
    while editor.stack.canUndo():
        editor.stack.undo()
    assert keys(editor)[:3] == ["alarm", "command", "call119"] and steps.rowCount() == 14
    while editor.stack.canRedo():
        editor.stack.redo()
    assert steps.rowCount() == 14 and editor.roles.rowCount() == 7
    assert len(testers) == 2


# -- create, reorder, undo, save, approve, new version -------------------------------------------
def test_create_reorder_undo_save_approve_and_edit_into_a_second_version(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, qtbot: Any, answers: Answers
) -> None:
    editor = open_editor(None)
    assert editor.banner.text().startswith("New plan: saving creates draft version 1")
    fill_new_plan(editor, qtbot)
    # Typing a field is one undo step, not one per key: code, two titles, category, level, role,
    # then three steps of (add, Chinese text, English text) and two role picks.
    assert editor.stack.count() == 6 + 3 * 3 + 2
    assert editor.meta.get("code") == "DRILL-A"
    assert texts(editor) == ["甲", "乙", "丙"]

    # Keyboard: Ctrl+Up moves the selected step up; the undo button names the move.
    editor.steps_panel.select_row(2)
    press(editor, qtbot, Qt.Key.Key_Up)
    assert texts(editor) == ["甲", "丙", "乙"]
    assert editor.steps_panel.current_row() == 1  # the selection follows the step
    assert editor.undo_button.text() == "Undo move step 3"
    # Drag and drop, through the model's API as a view would call it: the first step to the end.
    model = editor.steps
    data = model.mimeData([model.index(0, StepsModel.COL_TEXT_ZH)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert texts(editor) == ["丙", "乙", "甲"]
    # Undo restores the order step by step; redo (Ctrl+Shift+Z, Ctrl+Y) re-applies it.
    press(editor, qtbot, Qt.Key.Key_Z)
    assert texts(editor) == ["甲", "丙", "乙"]
    press(editor, qtbot, Qt.Key.Key_Z)
    assert texts(editor) == ["甲", "乙", "丙"]
    assert editor.redo_button.text() == "Redo move step 3"
    press(editor, qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    press(editor, qtbot, Qt.Key.Key_Y)
    assert texts(editor) == ["丙", "乙", "甲"]

    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["DRILL-A"]
    actor = editor.session.actor
    stored = gui_ctx.services.playbooks.get(actor, "DRILL-A", prefer_draft=True)
    assert (stored.info.number, stored.info.status) == (1, PlaybookStatus.DRAFT)
    assert [s.text.en for s in stored.content.steps] == ["Charlie", "Bravo", "Alpha"]
    assert [s.role for s in stored.content.steps] == ["", "lobby_manager", "lobby_manager"]
    assert stored.content.title.zh == "演练预案" and stored.content.levels == (Level.II,)
    assert [r.name.zh for r in stored.content.roles] == ["大堂经理"]
    assert not editor.isWindowModified() and editor.general.code.isReadOnly()
    assert editor.banner.text().startswith("Editing draft version 1.")

    answers.queued.append(Buttons.Yes)
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    assert "Approve draft version 1 of DRILL-A?" in answers.asked[-1]
    assert gui_ctx.services.playbooks.get(actor, "DRILL-A").info.status == PlaybookStatus.APPROVED
    assert editor.banner.text().startswith("Editing creates draft version 2;")
    editor.close()

    again = open_editor("DRILL-A")
    assert "draft version 2" in again.windowTitle()
    again.steps_panel.select_row(1)
    again.steps_panel.form.text_en.selectAll()
    qtbot.keyClicks(again.steps_panel.form.text_en, "Bravo, checked")
    assert again.stack.count() == 1
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    history = gui_ctx.services.playbooks.history(actor, "DRILL-A")
    assert [(v.info.number, v.info.status) for v in history] == [
        (2, PlaybookStatus.DRAFT),
        (1, PlaybookStatus.APPROVED),
    ]
    diff = gui_ctx.services.playbooks.diff(actor, "DRILL-A", 1, 2)
    changed = [s for s in diff.steps if s.change == Change.CHANGED]
    assert len(changed) == 1 and changed[0].fields == ("text",) and changed[0].new_number == 2
    assert changed[0].new is not None and changed[0].new.text.en == "Bravo, checked"
    assert diff.count(Change.ADDED) == diff.count(Change.REMOVED) == 0


def test_an_approved_starter_plan_is_saved_as_a_new_draft_with_its_step_keys(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    assert editor.banner.text() == (
        "Editing creates draft version 2; the approved version 1 stays in force until you approve the draft."
    )
    editor.steps_panel.select_row(13)
    press(editor, qtbot, Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier)
    assert editor.steps_panel.current_row() == 14 and editor.steps.rowCount() == 15
    form = editor.steps_panel.form
    assert QApplication.focusWidget() is form.text_zh  # ready to type the new step
    form.text_zh.insertPlainText("清点现金")
    form.target.setValue(30)
    assert editor.save()
    actor = editor.session.actor
    diff = gui_ctx.services.playbooks.diff(actor, "FIRE", 1, 2)
    assert diff.count(Change.ADDED) == 1 and diff.count(Change.CHANGED) == 0
    added = next(s for s in diff.steps if s.change == Change.ADDED)
    assert added.new is not None and added.new.key not in keys(open_editor("FIRE"))[:14]
    assert gui_ctx.services.playbooks.get(actor, "FIRE").info.number == 1  # v1 still in force


# -- jumps -----------------------------------------------------------------------------------------
def test_a_jump_keeps_pointing_at_the_same_step_when_steps_move(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    steps = editor.steps
    extinguish = steps.row_of("extinguish")
    assert steps.item_at(extinguish).goto == "withdraw"
    assert steps.index(extinguish, StepsModel.COL_JUMP).data().startswith("→ step 7:")
    # Withdraw (step 7) up to step 2 with Ctrl+Up, five times.
    editor.steps_panel.select_row(steps.row_of("withdraw"))
    for _ in range(5):
        press(editor, qtbot, Qt.Key.Key_Up)
    assert steps.row_of("withdraw") == 1
    extinguish = steps.row_of("extinguish")
    assert steps.item_at(extinguish).goto == "withdraw"
    assert steps.index(extinguish, StepsModel.COL_JUMP).data().startswith("→ step 2:")
    # A new jump picked in the form is stored as the target's key too.
    editor.steps_panel.select_row(steps.row_of("call119"))
    form = editor.steps_panel.form
    form.condition_en.setText("If nobody answers")
    form.goto.setCurrentIndex(form.goto.findData("meet_brigade"))
    assert editor.save()
    stored = gui_ctx.services.playbooks.get(editor.session.actor, "FIRE", prefer_draft=True).content
    by_key = {s.key: s for s in stored.steps}
    assert by_key["extinguish"].goto == "withdraw" and by_key["call119"].goto == "meet_brigade"
    assert [s.key for s in stored.steps][1] == "withdraw"


def test_removing_a_step_clears_the_jumps_to_it_until_undone(
    open_editor: Callable[..., PlaybookEditor], qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    steps = editor.steps
    editor.steps_panel.select_row(steps.row_of("withdraw"))
    press(editor, qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert steps.row_of("withdraw") == -1 and steps.rowCount() == 13
    assert steps.item_at(steps.row_of("extinguish")).goto is None
    assert steps.item_at(steps.row_of("extinguish")).condition.en.startswith("If the fire")
    assert editor.steps_panel.notice.text() == (
        "Step 7 was removed. The jumps to it from these steps were cleared: 4."
    )
    assert editor.undo_button.text() == "Undo remove step 7"
    editor.stack.undo()
    assert steps.row_of("withdraw") == 6 and steps.item_at(3).goto == "withdraw"


# -- roles and contacts -----------------------------------------------------------------------------
def test_a_role_in_use_cannot_be_removed_or_recoded(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext
) -> None:
    editor = open_editor("FIRE")
    panel, roles = editor.roles_panel, editor.roles
    panel.roles_table.selectRow(roles.row_of("teller"))
    panel.remove_role_button.click()
    assert roles.row_of("teller") >= 0
    assert panel.roles_notice.text() == (
        "“Teller” is responsible for these steps: 6. Give them another role first."
    )
    assert not roles.setData(roles.index(roles.row_of("teller"), roles.COL_CODE), "cashier")
    assert roles.row_of("teller") >= 0 and "cannot change" in panel.roles_notice.text()
    panel.add_post(BranchRole.SECURITY_GUARD)
    guard = roles.row_of("security_guard")
    assert roles.item_at(guard).name.zh == "保安" and roles.item_at(guard).name.en == "Security guard"
    panel.roles_table.selectRow(guard)
    panel.remove_role_button.click()
    assert roles.row_of("security_guard") == -1
    # Contacts: ticking 110 adds it to the plan's call list, after the ones it had.
    police = next(i for i in panel.contact_items() if i.text(1) == "110")
    police.setCheckState(0, Qt.CheckState.Checked)
    # The list is shown again after the tick's own signal, not inside it (that deleted the item
    # being ticked, and crashed now and then).
    assert panel.contacts_list.indexOfTopLevelItem(police) >= 0
    assert [c.phone for c in editor.meta.get("contacts")] == ["119", "120", "110"]
    assert editor.meta.get("contacts")[-1].kind == "police"
    assert editor.save()
    stored = gui_ctx.services.playbooks.get(editor.session.actor, "FIRE", prefer_draft=True).content
    assert [c.phone for c in stored.contacts] == ["119", "120", "110"]


# -- errors ----------------------------------------------------------------------------------------
def test_an_invalid_step_keeps_the_editor_open_with_the_row_selected_and_nothing_written(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    actor = editor.session.actor
    before = gui_ctx.services.playbooks.history(actor, "FIRE")
    panel = editor.steps_panel
    panel.select_row(4)
    panel.form.checkpoint.click()  # a reporting checkpoint, but no deadline
    editor.tabs.setCurrentWidget(editor.general)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.isWindowModified()
    assert editor.tabs.currentWidget() is panel and panel.current_row() == 4
    assert editor.error.text() == "Step 5: reporting deadline: a reporting checkpoint needs a deadline"
    assert panel.form.error_text("report") == "a reporting checkpoint needs a deadline"
    assert QApplication.focusWidget() is panel.form.deadline
    # An empty new step: its text box is where the message goes.
    panel.form.deadline.setValue(10)
    panel.select_row(13)
    panel.add_step()
    panel.select_row(0)
    assert editor.save()  # started, and refused: nothing stored
    assert editor.isWindowModified() and panel.current_row() == 14
    assert panel.form.error_text("text_zh") == "is required"
    assert QApplication.focusWidget() is panel.form.text_zh
    assert gui_ctx.services.playbooks.history(actor, "FIRE") == before


def test_a_general_field_error_is_shown_under_its_input(
    open_editor: Callable[..., PlaybookEditor], qtbot: Any
) -> None:
    editor = open_editor(None)
    qtbot.keyClicks(editor.general.title_en, "No code yet")
    editor.tabs.setCurrentWidget(editor.steps_panel)
    assert editor.save()  # started, and refused: nothing stored
    assert editor.isWindowModified() and editor.tabs.currentWidget() is editor.general
    assert "is not a valid code" in editor.general.form.error_text("code")
    assert QApplication.focusWidget() is editor.general.code


# -- undo details ----------------------------------------------------------------------------------
def test_typing_back_to_the_saved_text_leaves_nothing_to_save(
    open_editor: Callable[..., PlaybookEditor], qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    editor.tabs.setCurrentWidget(editor.general)
    title = editor.general.title_en
    title.end(False)
    qtbot.keyClicks(title, "!")
    assert editor.isWindowModified() and editor.save_button.isEnabled()
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert editor.stack.count() == 0 and not editor.isWindowModified()
    assert not editor.save_button.isEnabled()


def test_ctrl_z_in_a_text_box_undoes_in_the_editor(
    open_editor: Callable[..., PlaybookEditor], qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    panel = editor.steps_panel
    panel.select_row(0)
    panel.form.condition_en.setFocus()
    qtbot.keyClicks(panel.form.condition_en, "If")
    panel.form.target.setValue(2)
    editor.tabs.setCurrentWidget(editor.general)  # undo shows the tab the change was made on
    qtbot.keyClick(editor.general.title_zh, Qt.Key.Key_Z, CTRL)
    assert editor.tabs.currentWidget() is panel
    assert editor.steps.item_at(0).target_minutes == 1 and editor.steps.item_at(0).condition.en == "If"
    qtbot.keyClick(panel.form.condition_en, Qt.Key.Key_Z, CTRL)
    assert editor.steps.item_at(0).condition.en == "" and panel.form.condition_en.text() == ""
    assert not editor.isWindowModified()


# -- leaving -----------------------------------------------------------------------------------------
def test_leaving_with_unsaved_changes_asks_first(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, qtbot: Any
) -> None:
    """The question every dialog asks (gui/kit/discard.py), by the undo stack, with a Save of its own."""

    def answer(editor: PlaybookEditor, button: str) -> None:
        box = discard.question(editor)
        assert box is not None and box.isVisible()
        qtbot.mouseClick(box.findChild(QAbstractButton, button), Qt.MouseButton.LeftButton)

    editor = open_editor("FIRE")
    actor = editor.session.actor
    editor.steps.move_step(0, 1)  # no field shows it: the undo stack does
    editor.close()  # the window's X
    assert editor.isVisible()
    answer(editor, discard.KEEP)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    answer(editor, discard.KEEP)
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    answer(editor, discard.DISCARD)
    assert not editor.isVisible()
    assert [v.info.number for v in gui_ctx.services.playbooks.history(actor, "FIRE")] == [1]

    saving = open_editor("FIRE")
    saving.steps.move_step(0, 1)
    saving.close()
    with qtbot.waitSignal(saving.saved):
        answer(saving, discard.SAVE)
    assert not saving.isVisible()
    assert [v.info.number for v in gui_ctx.services.playbooks.history(actor, "FIRE")] == [2, 1]


def test_nothing_changed_closes_without_a_question(open_editor: Callable[..., PlaybookEditor]) -> None:
    editor = open_editor("FIRE")
    editor.close()
    assert not editor.isVisible()


# -- roles that may not edit ---------------------------------------------------------------------------
@pytest.mark.parametrize("username", ["staff", "auditor"])
def test_staff_and_auditors_get_a_read_only_editor(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext, username: str
) -> None:
    editor = open_editor("FIRE", login(gui_ctx, username))
    assert editor.banner.text() == "Read only: only the safety lead can edit playbooks."
    assert editor.save_button.isHidden() and editor.approve_button.isHidden()
    assert editor.general.title_zh.isReadOnly() and not editor.general.category.isEnabled()
    assert editor.steps_panel.form.text_zh.isReadOnly() and not editor.steps_panel.form.role.isEnabled()
    model = editor.steps
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([model.index(0, 0)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert not editor.steps_panel.remove_action.isEnabled()
    assert not editor.save()
    editor.close()
    assert not editor.isVisible()


# -- attachments ---------------------------------------------------------------------------------
def test_attachments_are_added_undone_saved_and_opened(
    open_editor: Callable[..., PlaybookEditor],
    gui_ctx: AppContext,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    floor_plan = tmp_path / "疏散平面图.pdf"
    floor_plan.write_bytes(b"%PDF floor plan with evacuation routes")
    wiring = tmp_path / "alarm wiring.png"
    wiring.write_bytes(b"\x89PNG alarm wiring")
    chosen = [str(floor_plan), str(wiring)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args: (chosen, ""))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    editor = open_editor("FIRE")
    box = editor.attachments
    assert editor.general.form.error_text("attachments") == "" and box.list.count() == 0
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert [box.list.item(i).text() for i in range(box.list.count())] == [
        "疏散平面图.pdf  (38 B)",
        "alarm wiring.png  (17 B)",
    ]
    assert editor.isWindowModified() and editor.undo_button.text().startswith("Undo attach 疏散平面图.pdf")

    editor.stack.undo()  # one undo takes back the whole add
    assert box.list.count() == 0 and editor.stack.isClean()
    editor.stack.redo()
    box.list.setCurrentRow(1)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert [ref.name for ref in box.refs()] == ["疏散平面图.pdf"]

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    actor = editor.session.actor
    stored = gui_ctx.services.playbooks.get(actor, "FIRE", prefer_draft=True)
    assert [(a.name, a.media_type) for a in stored.content.attachments] == [
        ("疏散平面图.pdf", "application/pdf")
    ]
    diff = gui_ctx.services.playbooks.diff(actor, "FIRE", 1, stored.info.number)
    assert [f.name for f in diff.fields] == ["attachments"]

    # Open hands the viewer a copy with the file's own name, not the stored file.
    box.list.setCurrentRow(0)
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened[-1].toLocalFile())
    assert copy.name == "疏散平面图.pdf" and copy.read_bytes() == floor_plan.read_bytes()
    store_root = gui_ctx.data_dir / "attachments"
    assert store_root not in copy.parents

    # The same content again is not listed twice.
    chosen[:] = [str(floor_plan)]
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert box.list.count() == 1 and editor.stack.isClean()


def test_the_preview_lists_attachments_with_their_sizes(gui_ctx: AppContext, tmp_path: Path) -> None:
    books = gui_ctx.services.playbooks
    lead = gui_ctx.services.auth.login("lead", PASSWORDS["lead"])
    notice = tmp_path / "head-office notice.png"
    notice.write_bytes(b"x" * 2048)
    fire = books.get(lead, "FIRE").content
    draft = books.save_draft(lead, "FIRE", replace(fire, attachments=(books.add_attachment(lead, notice),)))
    preview = PlaybookPreview()
    preview.show_version(draft)
    text = preview.toPlainText()
    assert "Attachments" in text and "head-office notice.png" in text and "2.0 KB" in text
    preview.show_version(books.get(lead, "FIRE", 1))
    assert "Attachments" not in preview.toPlainText()
    preview.deleteLater()


def test_read_only_users_can_open_but_not_change_attachments(
    open_editor: Callable[..., PlaybookEditor], gui_ctx: AppContext
) -> None:
    editor = open_editor("FIRE", login(gui_ctx, "staff"))
    box = editor.attachments
    assert box.add_button.isHidden() and box.remove_button.isHidden() and not box.open_button.isHidden()


def test_files_chosen_together_are_attached_all_or_none(
    open_editor: Callable[..., PlaybookEditor],
    gui_ctx: AppContext,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A later file refused left the earlier ones in the store, named by nothing; the warning now
    says none was attached and names the file refused."""
    floor_plan = tmp_path / "疏散平面图.pdf"
    floor_plan.write_bytes(b"%PDF floor plan with evacuation routes")
    empty = tmp_path / "空白.png"
    empty.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args: ([str(floor_plan), str(empty)], ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warned.append(text))
    store = gui_ctx.data_dir / "attachments"
    before = {p.name for p in store.rglob("*") if p.is_file()}

    editor = open_editor("FIRE")
    qtbot.mouseClick(editor.attachments.add_button, Qt.MouseButton.LeftButton)
    assert editor.attachments.list.count() == 0 and editor.stack.isClean()
    assert len(warned) == 1 and "No file was attached" in warned[0] and "空白.png" in warned[0], warned
    assert {p.name for p in store.rglob("*") if p.is_file()} == before
