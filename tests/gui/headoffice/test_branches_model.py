"""The Branches page sorts its "Last period" column by when each period ends (a quarter's package,
"2026-Q1", is not later than a month's, "2026-11", because a letter sorts after a digit), and names
the drill rules as the branch's packages name them."""

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


def test_drill_rules_are_named_as_the_branch_named_them(app: QApplication) -> None:
    """The package carries each rule's name in both languages: the column's tooltip says it in the
    window's language, never the rule's code ("COMPREHENSIVE 已逾期")."""
    from branchguard.core.kernel.i18n import set_language
    from branchguard.core.kernel.types import Text2

    b = replace(
        _busy("B001"),
        compliance={"FIRE_EVAC": "overdue", "OWN_RULE": "on_time"},
        rule_names={"FIRE_EVAC": Text2("消防疏散演练", "Fire and evacuation drill")},
    )
    model = BranchesModel()
    for lang, fire in (("zh_CN", "消防疏散演练"), ("en", "Fire and evacuation drill")):
        set_language(lang)
        said = model._tip(b, BranchesModel.COMPLIANCE) or ""
        assert fire in said and "FIRE_EVAC" not in said, said
        assert "OWN_RULE" in said  # a rule of a package without names: its code
