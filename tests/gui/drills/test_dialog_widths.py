"""The drill dialogs at the sizes they open at on a 1024×768 screen (and on a smaller one): every
field and column readable, in Chinese and in English."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.evaluate_dialog import EvaluateDialog
from branchguard.gui.drills.plan_dialog import DrillPlanDialog
from branchguard.gui.drills.scores_box import SLIDER_WIDTH
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS

LANGS = ["zh_CN", "en"]
# What the dialogs get on a 1024×768 screen (their wish bounded by the screen), and on 800×600.
SIZES = [(984, 540), (760, 540)]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def session(gui_ctx: AppContext) -> GuiSession:
    return GuiSession(gui_ctx, gui_ctx.services.auth.login("lead", PASSWORDS["lead"]))


def shown(dialog: Any, qtbot: Any, size: tuple[int, int]) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(*size)
    settle()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_plan_dialogs_people_fields_take_their_columns_width(
    session: GuiSession, qtbot: Any, size: tuple[int, int]
) -> None:
    dialog = DrillPlanDialog(session)
    shown(dialog, qtbot, size)
    dialog.participants.add_row("branch_head", ("张伟", "刘洋"))
    settle()
    table = dialog.participants.table
    column = table.width()
    observers = dialog.observers.edit
    # the observers' field once got 50 px ("Na…") beside its caption, at 1024×768 in English
    assert observers.width() >= 0.75 * column, (observers.width(), column)
    assert observers.width() >= observers.fontMetrics().horizontalAdvance(observers.placeholderText())
    # the names once sat behind a horizontal scroll bar, the role column 170 px of a 220 px table
    assert not table.horizontalScrollBar().isVisible()
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width() + 1, widths
    assert min(widths) >= 0.4 * table.viewport().width(), widths
    # the scenario box no longer as wide as the longest plan title: the people's column gets room
    assert column >= 0.35 * dialog.width(), (column, dialog.width())  # 0.3 at 760 px before
    box = dialog.playbook  # while the list it opens shows each title whole
    longest = max(box.view().fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.view().minimumWidth() >= longest > box.width() * 0.9


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_the_evaluation_shows_its_actions_header_whole(
    gui_ctx: AppContext, session: GuiSession, qtbot: Any, size: tuple[int, int]
) -> None:
    drills = gui_ctx.services.drills
    plan = drills.plan(session.actor, DrillPlanInput("FIRE", datetime.now() + timedelta(days=2)))
    dialog = EvaluateDialog(session, drills.run(session.actor, plan.id))
    shown(dialog, qtbot, (size[0], 620))
    dialog.action_table.add_row("更换二楼过期灭火器 2 具并调高广播音量", "赵敏")
    settle()
    table = dialog.action_table.table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        need = header.fontMetrics().horizontalAdvance(text) + 12
        # the first once read "rrective acti" / "]整改措施", squeezed by two 130 px columns
        assert table.columnWidth(column) >= need, (text, table.columnWidth(column), need)
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    assert sum(widths) <= table.viewport().width() + 1, widths
    due = table.cellWidget(0, 2)
    assert due is not None and due.width() >= due.minimumSizeHint().width() - 4  # its date still reads
    # each score's slider reads as a slider: squashed to ~20 px it looked like a box to tick
    assert all(row.slider.width() >= SLIDER_WIDTH for row in dialog.rows)
    assert isinstance(table.cellWidget(0, 0), QLineEdit)
