"""The corrective-actions list left open past midnight: an action due yesterday reads Overdue, in red,
at the list's next read (the day change reads the page shown again), not only after a restart."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from branchguard.core.incidents.types import ActionItem, FollowUpAction
from branchguard.gui.drills import models
from branchguard.gui.drills.models import ActionModel
from branchguard.gui.kit import style


class Today(date):
    """The models module's `date`, whose today() the test turns."""

    current: Today

    @classmethod
    def today(cls) -> Today:
        return cls.current


def test_an_action_due_yesterday_is_overdue_at_the_first_read_after_midnight(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "date", Today)
    monkeypatch.setattr(Today, "current", Today(2026, 12, 7), raising=False)
    due = FollowUpAction(1, 5, "更换灭火器", "周强", date(2026, 12, 7), None, None)
    rows = [ActionItem(due, "火警", drill=True)]
    model = ActionModel()
    model.set_rows(rows)
    state = model.index(0, ActionModel.COL_STATE)
    assert state.data() == "Open"
    monkeypatch.setattr(Today, "current", Today(2026, 12, 8))
    model.set_rows(rows)  # the same rows, read again the next day
    state = model.index(0, ActionModel.COL_STATE)
    assert state.data() == "Overdue"
    assert model.data(state, models.Qt.ItemDataRole.ForegroundRole) == QColor(style.ERROR)
