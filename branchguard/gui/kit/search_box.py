"""The search field of the list pages: it asks for a reload once typing pauses, not per keystroke."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from branchguard.core.kernel.validation import SEARCH_LIMIT
from branchguard.gui.kit.discard import DISCARDABLE
from branchguard.gui.kit.icons import icon

TYPING_PAUSE_MS = 250  # searches run over names, phones or every step's text: not once per key


class SearchBox(QLineEdit):
    """Emits `paused` when the text changed and the user stopped typing for a moment."""

    paused = Signal()

    def __init__(
        self, object_name: str, parent: QWidget | None = None, pause_ms: int = TYPING_PAUSE_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setClearButtonEnabled(True)
        self.setMaxLength(SEARCH_LIMIT)  # what every list's search takes (core refuses more)
        self.setProperty(DISCARDABLE, True)  # a search, not work: a dialog's Esc asks nothing for it
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self.paused)
        self.textChanged.connect(lambda _text: self._pause.start())

    def setPlaceholderText(self, text: str) -> None:
        """The hint is the box's name as well: a screen reader said "edit text" and no more."""
        super().setPlaceholderText(text)
        self.setAccessibleName(text)

    def settle(self) -> None:
        """Forget a pending `paused`: the caller is reloading anyway."""
        self._pause.stop()
