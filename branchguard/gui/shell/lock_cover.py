"""What the page stack shows while the screen is locked, and before the first login."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from branchguard.gui.kit.icons import icon


class LockCover(QWidget):
    """A lock and a line under it, centred by stretches: no Qt.AlignmentFlag, as the starting
    window builds it before its first frame (see _PAGE_ROLE in main_window.py)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        box = QVBoxLayout(self)
        self.lock = QLabel()
        self.lock.setPixmap(icon("lock").pixmap(64, 64))
        self.text = QLabel()
        self.text.setProperty("role", "hint")
        box.addStretch(1)
        for label in (self.lock, self.text):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(label)
            row.addStretch(1)
            box.addLayout(row)
        box.addStretch(1)
