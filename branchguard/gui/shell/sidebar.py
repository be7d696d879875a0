"""The main window's list of pages, as wide as its longest page name needs at the user's text size.

At 10 pt every name reads whole in 210 px, in either language; at 15 pt (a 150 % system text size)
"People & contacts" read "People & co…" there. The rows follow the text's height too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QListWidget, QStyle, QWidget

from branchguard.gui.kit.text_scale import row_height

WIDTH = 210  # pixels: the list at 10 pt, the least it is
ICON = 20
ROW = 40  # pixels: a page's row at 10 pt
# Beside a name, as the style sheet's QListWidget#sidebar::item has it: its padding (14 px a side),
# its margin (8 px a side) and its focus ring (2 px a side); the gap after the icon; the list's
# right border.
AROUND = 2 * 14 + 2 * 8 + 2 * 2 + 6 + 1


class Sidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setIconSize(QSize(ICON, ICON))
        self.setFixedWidth(WIDTH)
        self.setAccessibleName(self.tr("Pages"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Pages"))
        super().changeEvent(event)

    def fit(self) -> None:
        """Rows as tall and the list as wide as the names in it need (after they were set)."""
        metrics = self.fontMetrics()
        row = QSize(0, row_height(ROW, self))
        widest = 0
        for index in range(self.count()):
            item = self.item(index)
            item.setSizeHint(row)
            widest = max(widest, metrics.horizontalAdvance(item.text()))
        need = widest + ICON + AROUND
        if need > WIDTH:  # larger text, whose taller rows may need the scroll bar on a small screen
            need += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setFixedWidth(max(WIDTH, need))
