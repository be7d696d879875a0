"""The playbook editor says where a text was changed in one language only since the version in
force (a step's Chinese edited, its English still the old step), as the plan is edited and in the
question before approving; changing the other language too, or undoing, takes it away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QMessageBox

from branchguard.core.kernel.types import Text2
from branchguard.gui.playbooks.editor.dialog import PlaybookEditor
from tests.gui.playbooks.test_playbook_editor import Answers, answers, open_editor, session

__all__ = ["answers", "open_editor", "session"]


def test_a_step_changed_in_one_language_is_said_until_the_other_follows(
    open_editor: Callable[..., PlaybookEditor], answers: Answers, qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    qtbot.waitUntil(lambda: editor.steps.rowCount() > 3)
    note = editor.languages
    assert not note.isVisible()
    third = editor.steps.steps()[2]
    editor.steps.edit_step(2, None, text=Text2(third.text.zh + "（改）", third.text.en))
    assert note.isVisible() and "Step 3: text" in note.text()
    editor.steps.edit_step(2, None, text=Text2(third.text.zh + "（改）", third.text.en + " (changed)"))
    assert not note.isVisible()  # both languages changed: nothing to say
    editor.stack.undo()
    assert note.isVisible() and "Step 3: text" in note.text()
    answers.queued.append(QMessageBox.StandardButton.Cancel)
    editor.approve()  # saves the draft first, then asks
    qtbot.waitUntil(lambda: bool(answers.asked))
    assert "Changed in one language only since the version in force: " in answers.asked[0]
    assert "Step 3: text" in answers.asked[0]
    assert note.isVisible()  # compared with the version in force still, not with the draft saved


def test_a_new_step_and_a_new_plan_have_nothing_to_compare(
    open_editor: Callable[..., PlaybookEditor], qtbot: Any
) -> None:
    editor = open_editor("FIRE")
    qtbot.waitUntil(lambda: editor.steps.rowCount() > 3)
    row = editor.steps.add_step()
    editor.steps.edit_step(row, None, text=Text2("新步骤", ""))
    first = editor.steps.steps()[0]
    editor.steps.edit_step(0, None, text=replace(first.text, en=""))  # the English emptied: not stale
    assert not editor.languages.isVisible()
    assert not open_editor().languages.isVisible()
