"""A row of buttons that shows short labels at larger text where the full ones do not fit on one line.

At 15 pt on a 1024-wide screen the incident console's buttons took two rows in English, and the rows
of steps below lost the height. Short labels ("Level…" for "Change level…", or only an icon) are
shown only where the full ones would wrap: at 15 pt on a wider screen, and at the usual size (where
the row wraps as before), each button keeps its full label. A screen reader reads the full label;
the buttons' tooltips say it too.

The row is a widget of its own: it hears its width change and its buttons shown or hidden (a
layout request), where a filter on the console heard every event of the console.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.text_scale import large_text


class ButtonRow(QWidget):
    """`flow`: the row's FlowLayout; buttons added there and `label`led here show their short
    labels at larger text where the full ones do not fit on one line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, spacing=spacing)
        self.flow.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[QAbstractButton, tuple[str, str, int]] = {}  # full, short, width when full

    def label(self, button: QAbstractButton, full: str, short: str) -> None:
        """`button` (in `flow`) labelled `full`, or `short` where the full labels do not fit one line."""
        button.setText(full)
        button.setAccessibleName(full)
        self.labels[button] = (full, short, button.sizeHint().width())
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button shown or hidden
            self.fit()
        return super().event(event)

    def _full_width(self) -> int:
        """The row's width on one line with every shown button's full label."""
        shown = []
        for index in range(self.flow.count()):
            item = self.flow.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisibleTo(self):
                labelled = self.labels.get(widget) if isinstance(widget, QAbstractButton) else None
                shown.append(labelled[2] if labelled else widget.sizeHint().width())
        return sum(shown) + self.flow.spacing() * max(0, len(shown) - 1)

    def fit(self) -> None:
        short = large_text(self) and self._full_width() > self.width()
        for button, (full, brief, _width) in self.labels.items():
            button.setText(brief if short else full)
