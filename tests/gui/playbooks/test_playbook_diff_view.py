"""Version diff view: added, removed, changed and moved steps and changed plan fields, as shown."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester

from branchguard.context import AppContext
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.types import Step
from branchguard.gui.kit.plain import tip
from branchguard.gui.playbooks.diff_view import PlaybookDiffDialog
from branchguard.gui.playbooks.models import (
    CHANGE_BACKGROUNDS,
    CHANGE_ROLE,
    HTML_ROLE,
    FieldChangesModel,
    StepDiffModel,
)
from branchguard.gui.shell.session import GuiSession
from tests.core.playbooks.playbook_samples import sample_plan

MODE = QAbstractItemModelTester.FailureReportingMode.Warning
_R = Qt.ItemDataRole


@pytest.fixture
def dialog(gui_ctx: AppContext, qtbot: Any) -> PlaybookDiffDialog:
    """DRILL v1: steps s1..s5. v2: s2 removed, s3's text and target changed, s5 moved before s4,
    a new step added at the end, and level III added."""
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    playbooks = gui_ctx.services.playbooks
    v1 = sample_plan("DRILL", steps=5)
    playbooks.create(lead, v1)
    playbooks.approve(lead, "DRILL")
    s1, _s2, s3, s4, s5 = v1.steps
    changed = replace(s3, text=Text2("第3步 已修改", "Step 3 revised"), target_minutes=4)
    added = Step(key="s6", text=Text2("清点人数", "Count everyone"), role="branch_head", target_minutes=20)
    v2 = replace(v1, levels=(Level.II, Level.III), steps=(s1, changed, s5, s4, added))
    playbooks.save_draft(lead, "DRILL", v2)
    dialog = PlaybookDiffDialog(GuiSession(gui_ctx, lead), "DRILL", 1, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def rows(model: StepDiffModel) -> list[tuple[str, str, str]]:
    """(change, old number, new number) per row, as the table shows them."""
    return [
        (
            model.index(r, 0).data(CHANGE_ROLE),
            model.index(r, StepDiffModel.COL_OLD_NUMBER).data(),
            model.index(r, StepDiffModel.COL_NEW_NUMBER).data().split("\n")[0],
        )
        for r in range(model.rowCount())
    ]


def row_of(model: StepDiffModel, change: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data(CHANGE_ROLE) == change)


def test_steps_are_aligned_old_beside_new(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.steps_model
    QAbstractItemModelTester(model, MODE)
    assert rows(model) == [
        ("same", "1", "1"),
        ("removed", "2", ""),
        ("changed", "3", "2"),
        ("same", "5", "3"),
        ("same", "4", "4"),
        ("added", "", "5"),
    ]
    assert "1 added, 1 removed, 1 changed" in dialog.view.summary.text()
    assert "version 1 → version 2" in dialog.view.heading.text()


def test_added_step_is_green_and_only_on_the_new_side(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.steps_model
    row = row_of(model, "added")
    assert model.index(row, StepDiffModel.COL_NEW).data(_R.BackgroundRole) == QColor(
        CHANGE_BACKGROUNDS["added"]
    )
    assert model.index(row, StepDiffModel.COL_NEW).data() == "Count everyone"
    assert model.index(row, StepDiffModel.COL_OLD).data() == ""
    assert model.index(row, 0).data(_R.ToolTipRole) == tip("Added")


def test_removed_step_is_red_and_struck_through(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.steps_model
    row = row_of(model, "removed")
    old = model.index(row, StepDiffModel.COL_OLD)
    assert old.data(_R.BackgroundRole) == QColor(CHANGE_BACKGROUNDS["removed"])
    assert old.data() == "Step 2 action"
    assert old.data(_R.FontRole).strikeOut()
    assert old.data(HTML_ROLE).startswith("<s>")
    assert model.index(row, StepDiffModel.COL_NEW).data() == ""


def test_changed_step_is_amber_with_the_changed_fields_emphasised(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.steps_model
    row = row_of(model, "changed")
    new = model.index(row, StepDiffModel.COL_NEW)
    assert new.data(_R.BackgroundRole) == QColor(CHANGE_BACKGROUNDS["changed"])
    html = new.data(HTML_ROLE)
    # Text and target time changed: both set off in bold; the role did not change: plain.
    # Times are worded as on the printed card ("≤ 4 min").
    assert "<b" in html and "Step 3 revised</b>" in html and "≤ 4 min</b>" in html
    assert "Branch head</b>" not in html and "Branch head" in html
    assert "≤ 3 min" not in html  # step 3's old target stays on the old side
    assert "≤ 6 min</b>" in model.index(row, StepDiffModel.COL_OLD).data(HTML_ROLE)


def test_moved_step_says_where_it_came_from(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.steps_model
    moved = [
        r
        for r in range(model.rowCount())
        if "moved from" in model.index(r, StepDiffModel.COL_NEW_NUMBER).data()
    ]
    texts = [model.index(r, StepDiffModel.COL_NEW_NUMBER).data() for r in moved]
    assert "3\nmoved from 5" in texts
    unmoved = next(
        r for r in range(model.rowCount()) if model.index(r, StepDiffModel.COL_OLD_NUMBER).data() == "1"
    )
    assert model.index(unmoved, StepDiffModel.COL_NEW).data(_R.BackgroundRole) is None


def test_changed_plan_fields_show_old_and_new(dialog: PlaybookDiffDialog) -> None:
    model = dialog.view.fields_model
    QAbstractItemModelTester(model, MODE)
    assert [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())] == [
        ["Levels", "II", "II III"]
    ]
    assert dialog.view.fields_box.isVisible()
    assert isinstance(model, FieldChangesModel)


def test_an_added_attachment_is_a_changed_field(gui_ctx: AppContext, qtbot: Any, tmp_path: Any) -> None:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    playbooks = gui_ctx.services.playbooks
    plan = tmp_path / "floor plan.pdf"
    plan.write_bytes(b"%PDF" + b"x" * 1020)
    fire = playbooks.get(lead, "FIRE").content
    playbooks.save_draft(lead, "FIRE", replace(fire, attachments=(playbooks.add_attachment(lead, plan),)))
    dialog = PlaybookDiffDialog(GuiSession(gui_ctx, lead), "FIRE", 1, 2)
    qtbot.addWidget(dialog)
    model = dialog.view.fields_model
    assert [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())] == [
        ["Attachments", "", "floor plan.pdf (1.0 KB)"]
    ]


def test_identical_versions_say_so(gui_ctx: AppContext, qtbot: Any) -> None:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    dialog = PlaybookDiffDialog(GuiSession(gui_ctx, lead), "FIRE", 1, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.view.summary.text() == "The two versions are identical."
    assert not dialog.view.fields_box.isVisible()
    assert all(
        dialog.view.steps_model.index(r, 0).data(CHANGE_ROLE) == "same"
        for r in range(dialog.view.steps_model.rowCount())
    )


def test_a_missing_version_is_reported_not_raised(gui_ctx: AppContext, qtbot: Any) -> None:
    lead = gui_ctx.services.auth.login("lead", "lead-demo-2026")
    dialog = PlaybookDiffDialog(GuiSession(gui_ctx, lead), "FIRE", 1, 7)
    qtbot.addWidget(dialog)
    assert "no version 7" in dialog.view.summary.text()
    assert dialog.view.steps_model.rowCount() == 0


def test_the_differences_are_reached_and_read_by_keyboard(dialog: PlaybookDiffDialog, qtbot: Any) -> None:
    """Only Close took the focus: the changed fields and the steps could not be reached by Tab, nor
    moved through with the arrows, nor read by a screen reader (a step's change was its colour)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tests.gui.spoken_support import spoken_name

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    view = dialog.view
    assert QApplication.focusWidget() is view.steps_table  # the diff read, the steps in front
    reached = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [dialog.close_button, view.fields_table, view.steps_table]
    steps = QApplication.focusWidget()
    assert steps.currentIndex().row() == 0
    QTest.keyClick(steps, Qt.Key.Key_Down)
    current = steps.currentIndex()
    assert current.row() == 1 and steps.selectionModel().isRowSelected(1)
    assert current.data(_R.AccessibleDescriptionRole) == "Removed"  # said, not only red
    assert spoken_name(view.steps_table) == "Steps"
    assert "1 added, 1 removed" in view.steps_table.accessibleDescription()
    assert spoken_name(view.fields_table) == "Plan details that changed"
