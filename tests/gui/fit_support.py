"""What "fits a 1024×768 screen" (or a 1366×768 one at 125 %) means, checked on a shown widget: used
by tests/gui/test_fit.py.

- the window's minimum size (its layout's minimum, or a minimum set by hand) is within the floor
  (gui/kit/screen.py FLOOR: 1024×554), so the window manager can make it that small on either
  screen and it does not grow past it when a page is shown;
- no button or label shows less than its text: a button narrower than its text, a label that does
  not wrap and is narrower than its text ("ause schedu", "New checklis"), a label that wraps and is
  shorter than its lines need at its width (follow mode's step once lost its second half);
- nothing that can be clicked or read lies outside the window (cut off at the bottom or the
  right), unless it sits inside a scroll area, where the user can scroll to it.

`header_problems`: a table's column narrower than its title ("Playboo", "Days o…" at 15 pt, where
the columns kept widths in pixels chosen for 10 pt).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from branchguard.gui.kit import style
from branchguard.gui.kit.screen import FLOOR, FRAME, SHORTEST

SMALL = QSize(1024, 768)
SHORT = SHORTEST - FRAME  # a window's inside on a 1366×768 screen at 125 % (1053×554)


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractScrollArea, QTabBar, QHeaderView)):
            return True
        parent = parent.parentWidget()
    return False


def _visible_area(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` its ancestors up to `window` let be seen, in window coordinates."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect &= QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        parent = parent.parentWidget()
    return rect & window.rect()


def name_of(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    return f"{type(widget).__name__}({widget.objectName() or '-'}: {text[:30]!r})"


def minimum_problems(window: QWidget, floor: QSize = FLOOR) -> list[str]:
    """Whether the window's minimum size is more than `floor`."""
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > floor.width() or minimum.height() > floor.height():
        return [f"minimum size {minimum.width()}×{minimum.height()} exceeds {floor.width()}×{floor.height()}"]
    return []


def _label_problem(label: QLabel) -> str:
    """How `label` shows less than its text, or ""."""
    if not label.wordWrap():
        need = label.minimumSizeHint().width()
        return f"{name_of(label)} clipped: {label.width()} < {need}" if label.width() < need - 2 else ""
    need = label.heightForWidth(label.width())
    if label.width() > 0 and need > label.height() + 2:
        return f"{name_of(label)} cut: {label.height()} px tall, its lines need {need}"
    return ""


def fit_problems(window: QWidget, limit: QSize = SMALL, floor: QSize = FLOOR) -> list[str]:
    """Every way the shown `window` fails to fit `limit` (its minimum: `floor` too); empty when
    it fits. (At larger text the floor is the screen itself: such a user's pages may need its
    whole height, never more than its width.)"""
    problems = minimum_problems(window, limit.boundedTo(floor))
    if window.width() > limit.width() or window.height() > limit.height():
        problems.append(f"window is {window.width()}×{window.height()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width() - 2:
                problems.append(f"{name_of(widget)} clipped: {widget.width()} < {widget.sizeHint().width()}")
        elif isinstance(widget, QLabel) and widget.text() and (problem := _label_problem(widget)):
            problems.append(problem)
        scrolls = _in_scroll_area(widget, window)  # the user scrolls to what is out of view there
        if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)) and widget.width() > 0 and not scrolls:
            shown = _visible_area(widget, window)
            if shown.width() < widget.width() - 2 or shown.height() < widget.height() - 2:
                problems.append(f"{name_of(widget)} cut off by the window's edge")
    return problems


HEADER_PADDING = 2 * style.HEADER_PAD + 1  # QHeaderView::section's padding a side, its 1 px border


def header_problems(window: QWidget) -> list[str]:
    """Each shown column title of `window`'s tables that does not read whole in its column."""
    problems = []
    for header in window.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)  # the style sheet's section font
        metrics = QFontMetrics(bold)
        for column in range(header.count()):
            title = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else None
            if header.isSectionHidden(column) or not isinstance(title, str) or not title:
                continue
            need = metrics.horizontalAdvance(title) + HEADER_PADDING
            if header.sectionSize(column) < need:
                table = header.parentWidget()
                name = table.objectName() if table is not None else "-"
                problems.append(f"{name} column {title!r}: {header.sectionSize(column)} < {need} px")
    return problems
