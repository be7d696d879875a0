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


def test_stretching_items_share_the_line_squeeze_to_their_minimum_then_wrap(qtbot: Any) -> None:
    """A filter row: as QHBoxLayout lays it out while it fits (the search box takes three shares of
    what is left, a filter one), and on more lines rather than wider than the window at larger text."""
    from PySide6.QtWidgets import QComboBox, QLineEdit

    holder = QWidget()
    qtbot.addWidget(holder)
    outer = QVBoxLayout(holder)
    outer.setContentsMargins(0, 0, 0, 0)
    row = FlowLayout(spacing=8)
    search, combo, button = QLineEdit(), QComboBox(), QPushButton("30 plans")
    search.setMinimumWidth(120)
    combo.addItem("All categories of incident")
    combo.setMinimumWidth(80)
    row.add_widget(search, 3)
    row.add_widget(combo, 1)
    row.add_widget(button)
    outer.addLayout(row)
    outer.addStretch(1)
    hints = [w.sizeHint().width() for w in (search, combo, button)]

    def one_line(*widgets: QWidget) -> bool:  # centred on their line, each at its own height
        return max(w.y() for w in widgets) < min(w.geometry().bottom() for w in widgets)

    assert row.minimumSize().width() == max(120, 80, hints[2])  # a stretching item: its minimum
    holder.resize(sum(hints) + 16 + 400, 200)
    holder.show()
    QCoreApplication.processEvents()
    assert one_line(search, combo, button)
    assert button.width() == hints[2] and button.geometry().right() == holder.width() - 1
    assert search.width() > combo.width() >= hints[1]
    holder.resize(120 + 80 + hints[2] + 16 + 10, 200)  # less than the hints need, more than the minimums
    QCoreApplication.processEvents()
    assert one_line(search, combo, button)
    assert search.width() >= 120 and combo.width() >= 80 and button.width() == hints[2]
    assert search.width() + combo.width() + button.width() + 16 <= holder.width()
    holder.resize(120 + 80 + 8 + 10, 300)  # the button goes to the next line
    QCoreApplication.processEvents()
    assert one_line(search, combo) and button.y() > search.geometry().bottom()
    assert button.width() == hints[2]
