"""The playbook editor's Save, beaten by another PC's save of the same plan: the conflict is said on
the editor's error line in the command line's words (core/faults), the editor stays open with what
was typed. It once went up as a crash box "unexpected error (IntegrityError)"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy.exc import IntegrityError

from branchguard.context import AppContext
from branchguard.db.models.playbooks import PlaybookRow
from branchguard.gui.kit import tasks
from branchguard.gui.kit.forms import FieldForm, attempt
from branchguard.gui.playbooks.editor import PlaybookEditor
from branchguard.gui.shell.session import GuiSession


@pytest.fixture
def conflict(gui_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> IntegrityError:
    """The database's own refusal of a plan code another PC has just taken; faults worded for this
    database, as the main window sets up."""
    monkeypatch.setattr(tasks, "_fault_place", gui_ctx.place)
    with pytest.raises(IntegrityError) as refused, gui_ctx.sessions.begin() as s:
        s.add(PlaybookRow(code="FIRE", builtin=False))
    return refused.value


def test_a_save_beaten_by_another_pc_says_so_and_keeps_the_edit(
    gui_ctx: AppContext, conflict: IntegrityError, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = GuiSession(gui_ctx, gui_ctx.services.auth.login("lead", "lead-demo-2026"))
    editor = PlaybookEditor(session, "FIRE")
    qtbot.addWidget(editor)
    editor.general.title_en.setText("Fire, revised")

    def beaten(*_args: object, **_kwargs: object) -> object:
        raise conflict

    monkeypatch.setattr(session.services.playbooks, "save_draft", beaten)
    assert editor.save()  # started (inline here), and refused
    fault = gui_ctx.explain(conflict)
    assert fault is not None and editor.error.text() == fault.message
    assert not editor.stack.isClean() and editor.general.title_en.text() == "Fire, revised"
    editor.stack.setClean()  # closed without the unsaved-changes question


def test_a_dialog_beaten_by_another_pc_says_so(gui_ctx: AppContext, conflict: IntegrityError, qtbot) -> None:
    form, error = FieldForm(), QLabel()

    def beaten() -> None:
        raise conflict

    assert attempt(form, error, beaten) is None
    fault = gui_ctx.explain(conflict)
    assert fault is not None and error.text() == fault.message
