"""FlowLayout: a tool row that wraps instead of widening the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from branchguard.gui.kit.flow import FlowLayout


def _row(qtbot: Any) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = QVBoxLayout(holder)
    row = FlowLayout(spacing=6)
    buttons = [QPushButton(f"Action number {n}") for n in range(6)]
    for button in buttons[:4]:
        row.add_widget(button)
    row.add_stretch()
    for button in buttons[4:]:
        row.add_widget(button)
    outer.addLayout(row)
    outer.addStretch(1)
    return holder, row, buttons


def test_minimum_is_the_widest_item_and_a_narrow_row_wraps(qtbot: Any) -> None:
    holder, row, buttons = _row(qtbot)
    widest = max(b.sizeHint().width() for b in buttons)
    assert row.minimumSize().width() == widest
    one_line = row.sizeHint().width()
    assert row.heightForWidth(one_line) == buttons[0].sizeHint().height()
    assert row.heightForWidth(widest) >= 6 * buttons[0].sizeHint().height()  # one per line
    holder.resize(widest + 40, 400)
    holder.show()
    QCoreApplication.processEvents()
    assert all(b.width() >= b.sizeHint().width() for b in buttons)  # wrapped, never squeezed
    assert len({b.y() for b in buttons}) > 1


def test_on_one_line_the_items_after_the_stretch_sit_at_the_right(qtbot: Any) -> None:
    holder, row, buttons = _row(qtbot)
    holder.resize(row.sizeHint().width() + 300, 200)
    holder.show()
    QCoreApplication.processEvents()
    assert len({b.y() for b in buttons}) == 1
    right_edge = row.geometry().right()
    assert buttons[-1].geometry().right() == right_edge
    assert buttons[4].x() - buttons[3].geometry().right() > 200  # the gap is in the middle


def test_kept_measures_follow_a_changed_text_and_a_hidden_button(qtbot: Any) -> None:
    """The row keeps its items' sizes between relayouts: a longer text or a hidden button must still
    change its minimum, its height at a width and where the buttons go."""
    holder, row, buttons = _row(qtbot)
    holder.resize(row.sizeHint().width() + 40, 300)
    holder.show()
    QCoreApplication.processEvents()
    before = row.minimumSize().width()
    one_line = row.sizeHint().width()
    assert row.heightForWidth(one_line) == buttons[0].sizeHint().height()
    buttons[2].setText("A much longer action name than any other button in this row")
    QCoreApplication.processEvents()
    assert row.minimumSize().width() == buttons[2].sizeHint().width() > before
    assert row.heightForWidth(one_line) > buttons[0].sizeHint().height()  # no longer fits one line
    assert buttons[2].width() >= buttons[2].sizeHint().width()
    buttons[2].hide()
    QCoreApplication.processEvents()
    assert row.minimumSize().width() == before
    assert row.heightForWidth(one_line) == buttons[0].sizeHint().height()
    QCoreApplication.processEvents()
    assert len({b.y() for b in buttons if b.isVisible()}) == 1
