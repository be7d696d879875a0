"""Pages held in a QTabWidget, made where they stay; a tab widget that repaints what moved.

A widget added to a QTabWidget moves into the tab widget's own QStackedWidget, and a widget moved
under a new parent is polished again with every widget inside it (the style sheet applied anew).
A page's tab content made inside that stack from the start is styled once: `tab_home(tabs)` is the
parent to make it with. Qt names that stack; without it (a later Qt may not), None: the content is
made without a parent and moved when added, as a QTabWidget does anyway. Measured on the
Incidents page at ten years: a console's move was 6 ms of its 25 (docs/architecture.md,
"Speed tricks")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget

_STACK_NAME = "qt_tabwidget_stackedwidget"  # QTabWidget's own name for the stack of its pages


def tab_home(tabs: QTabWidget) -> QStackedWidget | None:
    """The widget a tab's content should be made in, so adding it as a tab moves nothing. Asked
    each time, not kept: Qt made it, and its Python wrapper kept from a page's start went stale
    when the pages of the user before were deleted in the turn that built it (the lead locked,
    staff logged in: their Incidents page raised "already deleted" and opened no console)."""
    return tabs.findChild(QStackedWidget, _STACK_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


class PageTabs(QTabWidget):
    """A QTabWidget that repaints itself after a layout request only when the request moved its
    tab bar or pages. Qt's repaints the whole tab widget at each one, and one comes whenever a size
    hint changes anywhere inside: a count label's text repainted every table, button and filter
    of the page (Inspections at ten years: two or three 9-10 ms repaints of the whole page as its
    reads came back; Drills one per show and per refresh). What changes inside repaints itself."""

    def event(self, event: QEvent) -> bool:
        quiet = Qt.WidgetAttribute.WA_UpdatesDisabled
        if event.type() != QEvent.Type.LayoutRequest or not self.isVisible() or self.testAttribute(quiet):
            return super().event(event)
        before = self._placed()
        self.setAttribute(quiet, True)  # not setUpdatesEnabled(), which repaints the whole widget again
        try:
            handled = super().event(event)
        finally:
            self.setAttribute(quiet, False)
        if self._placed() != before:
            self.update()
        return handled

    def _placed(self) -> list[QRect]:
        children = self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return [child.geometry() for child in children if child.isVisible()]
