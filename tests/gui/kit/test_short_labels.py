"""ButtonRow: a row's short labels at larger text, only where the full ones do not fit one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from branchguard.gui.kit.short_labels import ButtonRow

LABELS = [("Change level…", "Level…"), ("Initial report…", "Report…"), ("Close incident…", "Close…")]



def _row(qtbot: Any) -> tuple[QWidget, ButtonRow, list[QPushButton]]:
    owner = QWidget()
    qtbot.addWidget(owner)
    box = QVBoxLayout(owner)
    box.setContentsMargins(8, 4, 8, 4)
    row = ButtonRow(owner)
    box.addWidget(row)
    box.addStretch(1)
    buttons = []
    for full, short in LABELS:
        button = QPushButton()
        row.flow.add_widget(button)
        row.label(button, full, short)
        buttons.append(button)
    return owner, row, buttons


def _full_width(row: ButtonRow) -> int:
    """The owner's width that holds the row's full labels on one line."""
    return sum(width for _full, _short, width in row.labels.values()) + 4 * (len(row.labels) - 1) + 16


def test_at_larger_text_the_short_labels_show_only_where_the_full_ones_wrap(
    qtbot: Any, text_size: Callable[[float], None]
) -> None:
    text_size(15)
    owner, row, buttons = _row(qtbot)
    owner.resize(_full_width(row) + 20, 100)
    owner.show()
    assert [b.text() for b in buttons] == [full for full, _short in LABELS]
    owner.resize(owner.width() - 40, 100)
    qtbot.waitUntil(lambda: buttons[0].text() == "Level…")
    assert [b.text() for b in buttons] == [short for _full, short in LABELS]
    assert [b.accessibleName() for b in buttons] == [full for full, _short in LABELS]
    buttons[2].hide()  # two full labels fit again (the row hears it as a layout request)
    qtbot.waitUntil(lambda: [b.text() for b in buttons[:2]] == ["Change level…", "Initial report…"])


def test_at_the_usual_size_the_full_labels_stay_and_the_row_wraps(
    qtbot: Any, text_size: Callable[[float], None]
) -> None:
    text_size(10)
    owner, row, buttons = _row(qtbot)
    assert _full_width(row) > 200
    owner.resize(200, 200)
    owner.show()
    qtbot.waitUntil(lambda: owner.width() == 200)
    assert [b.text() for b in buttons] == [full for full, _short in LABELS]
