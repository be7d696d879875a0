"""The shift handover at 15 pt in the size it opens at on a 1024×768 screen (and at the usual size):
the incident's level and start time read whole, each list's first column is its widest, and every
cell cut short says the whole in its tooltip. At 15 pt the level read "Level II (…", the start
"2026-12-0…", and the follow-up action "Replace the UPS battery in th…" beside its incident's whole
title, the table's cells with no tooltip at all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QTableWidget

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.gui.incidents.handover_dialog import LEVEL_COLUMN, STARTED_COLUMN, HandoverDialog
from branchguard.gui.kit.plain import tip
from branchguard.gui.shell.session import GuiSession
from tests.gui.fit_support import fit_problems, header_problems
from tests.gui.incidents.test_console_larger_text import LARGE_POINTS
from tests.gui.incidents.test_handover_widths import settle
from tests.gui.test_fit import LANGS

CELL_PAD = 6  # a cell's text margins (Fusion's focus frame margin and a pixel, each side)


@pytest.fixture
def opened(world: AppContext, qtbot: Any) -> Callable[[], HandoverDialog]:
    def _open() -> HandoverDialog:
        lead = world.services.auth.login("lead", "lead-demo-2026")
        incidents = world.services.incidents
        incidents.start(lead, "FIRE")
        outage = incidents.start(lead, "SYS")
        soon = date.today() + timedelta(days=3)
        actions = (FollowUpInput("Replace the UPS battery in the server room", "王强", soon),)
        incidents.close(lead, outage.id, CloseInput("service restored", actions=actions))
        dialog = HandoverDialog(GuiSession(world, lead))
        qtbot.addWidget(dialog)
        dialog.resize(980, 680)  # what it asks for, and gets, on a 1024×768 screen
        dialog.show()
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
        settle(qtbot)
        return dialog

    return _open


def cut_without_tip(table: QTableWidget) -> list[str]:
    """The cells of `table` narrower than their text that do not carry it whole in the tooltip."""
    metrics = table.fontMetrics()
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            if cell is None or not cell.text():
                continue
            narrow = metrics.horizontalAdvance(cell.text()) + CELL_PAD > table.columnWidth(column)
            if narrow and cell.toolTip() != tip(cell.text()):
                cut.append(f"{table.objectName()} {row},{column}: {cell.text()!r}")
    return cut


@pytest.mark.parametrize("points", [LARGE_POINTS, 0])
@pytest.mark.parametrize("lang", LANGS)
def test_the_handover_reads_whole_or_says_the_whole(
    opened: Callable[[], HandoverDialog], text_points: Callable[[float], None], points: float
) -> None:
    text_points(points)
    dialog = opened()
    assert not fit_problems(dialog) + header_problems(dialog)
    tree = dialog.incident_tree
    fire = tree.topLevelItem(0)
    for column in (LEVEL_COLUMN, STARTED_COLUMN):
        need = tree.sizeHintForColumn(column)
        assert tree.columnWidth(column) >= need, f"{fire.text(column)!r}: {tree.columnWidth(column)} < {need}"
    tables = (dialog.action_table, dialog.hazard_table, dialog.complaint_table)
    for table in tables:
        widths = [table.columnWidth(c) for c in range(table.columnCount())]
        assert widths[0] == max(widths), f"{table.objectName()}: {widths}"
    assert not [cut for table in tables for cut in cut_without_tip(table)]
