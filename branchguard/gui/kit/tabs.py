"""Pages held in a QTabWidget, made where they stay.

A widget added to a QTabWidget moves into the tab widget's own QStackedWidget, and a widget moved
under a new parent is polished again with every widget inside it (the style sheet applied anew).
A page's tab content made inside that stack from the start is styled once: `tab_home(tabs)` is the
parent to make it with. Qt names that stack; without it (a later Qt may not), None: the content is
made without a parent and moved when added, as a QTabWidget does anyway. Measured on the
Incidents page at ten years: a console's move was 6 ms of its 25 (docs/architecture.md,
"Speed tricks")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget

_STACK_NAME = "qt_tabwidget_stackedwidget"  # QTabWidget's own name for the stack of its pages


def tab_home(tabs: QTabWidget) -> QStackedWidget | None:
    """The widget a tab's content should be made in, so adding it as a tab moves nothing."""
    return tabs.findChild(QStackedWidget, _STACK_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
