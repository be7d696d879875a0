"""The console's Tab order, in the order a lead under stress works: the step in front's Done and
Skip, the steps, the log and the side, then the header's row of actions (level, report, close)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets inside `root`, in the order Tab goes through them (shown or not)."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and root.isAncestorOf(widget):
        found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def actions_last(root: QWidget, actions: QWidget) -> None:
    """The widgets of `actions` moved after every other widget of `root` in the Tab order: they came
    first, and Tab went through five header buttons before the step in front's Done."""
    inside = [w for w in focus_chain(root) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]  # Qt orders these
    moved = [widget for widget in inside if actions.isAncestorOf(widget)]
    rest = [widget for widget in inside if not actions.isAncestorOf(widget) and widget is not actions]
    if not moved or not rest:
        return
    last = rest[-1]
    for widget in moved:
        QWidget.setTabOrder(last, widget)
        last = widget
