"""The Branches page sorts its "Last period" column by when each period ends: a quarter's package
("2026-Q1") is not later than a month's ("2026-11") because a letter sorts after a digit."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from branchguard.gui.headoffice.models import BranchesModel
from tests.gui.headoffice.test_branches_fit import _busy


def test_last_period_sorts_by_when_it_ends(app: QApplication) -> None:
    model = BranchesModel()
    rows = [replace(_busy(code), last_period=period) for code, period in
            (("B001", "2026-Q1"), ("B002", "2026-11"), ("B003", "2026-Q3"), ("B004", ""))]  # fmt: skip
    model.set_rows(rows)
    model.sort_rows(BranchesModel.PERIOD, Qt.SortOrder.AscendingOrder)
    assert [b.last_period for b in model.rows()] == ["", "2026-Q1", "2026-Q3", "2026-11"]
