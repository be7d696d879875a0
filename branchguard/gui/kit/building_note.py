"""What a print preview shows while its report is built (gui/kit/print_preview.py): a line over a
bar, busy until the build says how far it is (reports/progress.py: its proof's ledger entries and
records, the rows it has read into the report, then the page it lays out), or stopped with why it
failed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class BuildingNote(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("preview_building")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(360)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.label)
        box.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)

    def show_progress(self, done: int, total: int, text: str) -> None:
        """`done` of `total`; `total` 0 keeps the bar busy (a report's pages are not known before)."""
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(done)
        self.label.setText(text)

    def stop(self, text: str) -> None:
        self.bar.setRange(0, 1)
        self.label.setText(text)
