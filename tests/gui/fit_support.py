"""What "fits a 1024×768 screen" means, checked on a shown widget: used by tests/gui/test_fit.py.

- the window's minimum size (its layout's minimum, or a minimum set by hand) is within the screen,
  so the window manager can make it that small and it does not grow past it when a page is shown;
- no button or plain label shows less than its text: a button narrower than its text, a label
  that does not wrap and is narrower than its text ("ause schedu", "New checklis");
- nothing that can be clicked or read lies outside the window (cut off at the bottom or the
  right), unless it sits inside a scroll area, where the user can scroll to it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

SMALL = QSize(1024, 768)


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


def fit_problems(window: QWidget, limit: QSize = SMALL) -> list[str]:
    """Every way the shown `window` fails to fit `limit`; empty when it fits."""
    problems = []
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() > limit.width() or minimum.height() > limit.height():
        problems.append(
            f"minimum size {minimum.width()}×{minimum.height()} exceeds {limit.width()}×{limit.height()}"
        )
    if window.width() > limit.width() or window.height() > limit.height():
        problems.append(f"window is {window.width()}×{window.height()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width() - 2:
                problems.append(f"{name_of(widget)} clipped: {widget.width()} < {widget.sizeHint().width()}")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            need = widget.minimumSizeHint().width()
            if widget.width() < need - 2:
                problems.append(f"{name_of(widget)} clipped: {widget.width()} < {need}")
        scrolls = _in_scroll_area(widget, window)  # the user scrolls to what is out of view there
        if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)) and widget.width() > 0 and not scrolls:
            shown = _visible_area(widget, window)
            if shown.width() < widget.width() - 2 or shown.height() < widget.height() - 2:
                problems.append(f"{name_of(widget)} cut off by the window's edge")
    return problems
