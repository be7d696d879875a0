"""The files chosen to go with a record (a complaint step's or a hazard step's evidence): their names
and a button that takes them off again. A file refused on saving (empty, too big, gone since) named
in the dialog's message was otherwise kept in the list: only cancelling, and typing the step again,
got rid of it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from branchguard.gui.kit.plain import plain


class ChosenFiles(QWidget):
    """The names of the files chosen, joined by `separator`, and *Remove all* while there are any."""

    def __init__(self, separator: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self._separator = separator
        self.label = plain(QLabel())  # file names, as they are
        self.label.setProperty("role", "hint")
        self.label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Remove all"))
        self.clear_button.setObjectName(f"{name}_clear")
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.hide()
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label, 1)
        box.addWidget(self.clear_button)

    def add(self, paths: Iterable[Path]) -> None:
        self.paths += paths
        self._show()

    def clear(self) -> None:
        self.paths = []
        self._show()

    def _show(self) -> None:
        self.label.setText(self._separator.join(p.name for p in self.paths))
        self.clear_button.setVisible(bool(self.paths))
