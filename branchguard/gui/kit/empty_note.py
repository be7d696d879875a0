"""A note painted in an empty table's viewport: what to do first, instead of a bare grid.

`EmptyNote(table, text)` asks `text()` (the owner's wording, "" for none) whenever the table shows no
row; the owner words it by its filters (no records yet, or none that match) and in its language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView

_MARGIN = 24


class EmptyNote(QObject):
    def __init__(self, table: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(table)
        self._table, self._text = table, text
        viewport = table.viewport()
        viewport.installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(viewport.update)

    def text(self) -> str:
        """What the table says now: "" while it shows rows."""
        model = self._table.model()
        return "" if model is None or model.rowCount() else self._text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Painted before the table paints its (no) rows, over the background already filled.
        if event.type() == QEvent.Type.Paint and watched is self._table.viewport() and (text := self.text()):
            viewport = self._table.viewport()
            painter = QPainter(viewport)
            painter.setPen(viewport.palette().color(QPalette.ColorRole.PlaceholderText))
            area = viewport.rect().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), text)
            painter.end()
        return False
