"""What the lead typed in a hazard's detail when the save was refused because another PC changed the
hazard so that it can no longer be edited here (closed there, most often). The detail then shows the
hazard as stored, read-only, so the typing cannot go back into its fields; it is shown under them
instead, field by field with its caption, with the message saying plainly that nothing was saved.

A read-only box with a "Copy what you typed" button, rather than the button alone or a message box:
a description may run to hundreds of characters and the lead wants to read what was kept against
the hazard as closed, take part of it or all of it (into a reopened hazard, a new one, a note), and
the next thing copied elsewhere does not lose it; a message box would stand between the lead and the
hazard it is about, and be gone once answered. The box stays until the detail closes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from branchguard.core.hazards.types import HazardSeverity
from branchguard.gui.kit.plain import plain


def as_text(value: Any) -> str:
    """A field's value (of HazardInput) as it reads in the field."""
    if isinstance(value, HazardSeverity):
        return value.label
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


class KeptTyping(QWidget):
    """Hidden until `keep` is given typing that could not go back into the fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazard_kept_typing")
        self.caption = plain(QLabel())
        self.caption.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("hazard_kept_text")
        self.text.setReadOnly(True)  # a copy of the typing, not a field: Esc does not ask about it
        self.text.setMaximumHeight(120)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("hazard_kept_copy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.copy_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.text)
        self.caption.setText(self.tr("What you typed, not saved:"))
        self.copy_button.setText(self.tr("Copy what you typed"))
        self.hide()

    def refusal(self, title: str, closed: bool) -> str:
        """The message line's words: what happened to hazard `title` (`closed` there, or changed so
        that this user can no longer edit it), that nothing was saved, and where the typing is."""
        if closed:
            text = self.tr("%1 was closed on another PC after you opened it: nothing was saved.")
        else:
            text = self.tr(
                "%1 was changed on another PC after you opened it so that you can no longer edit it: "
                "nothing was saved."
            )
        text = text.replace("%1", title)
        if self.isHidden():
            return text
        below = self.tr("What you typed is shown below: copy it to keep it.")
        return text + "\n" + below

    def keep(self, typed: list[tuple[str, Any]]) -> None:
        """Show `typed`: (a field's caption, the value typed in it), in the fields' order."""
        texts = [
            self.tr("%1: %2").replace("%1", caption).replace("%2", as_text(value)) for caption, value in typed
        ]
        self.text.setPlainText("\n\n".join(texts))
        self.setVisible(bool(texts))

    def copy(self) -> None:
        """All of it on the clipboard, each field under its caption."""
        QGuiApplication.clipboard().setText(self.text.toPlainText())
