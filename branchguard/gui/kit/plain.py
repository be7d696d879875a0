"""Stored text shown literally, never as markup.

Qt guesses the format of a label's, a message box's and a tooltip's text: whatever looks like
HTML (`Qt.mightBeRichText`) is rendered as rich text. A title, a step or a note typed by a user
or read from a plan file would then be drawn bold, cut off at a "<", or worse: an `<img src=…>`
makes Qt read a local file (or one on a network share) when the text is shown. Every widget
that shows such text goes through one of these helpers, so the rule lives in one place."""

from __future__ import annotations

from html import escape
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Shown = TypeVar("Shown", QLabel, QMessageBox)

WRAP_HINT = 600  # the width a wrapped label asks for at most; the layout gives it more when there is room


def plain(widget: Shown) -> Shown:
    """`widget` (a label or a message box) set to show its text as typed, never as markup."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def literal(text: str) -> str:
    """`text` as rich text that shows it literally, line breaks kept: for a tooltip, which has no
    plain-text setting, and for a static QMessageBox.question/warning, which guesses. Escaped
    inside rich text that keeps spaces and breaks (and still wraps a long line, which a plain
    tooltip would not). Empty stays empty: no tooltip."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{escape(text, quote=False)}</p>'


tip = literal  # the name a tooltip reads best with


class WrapLabel(QLabel):
    """A plain-text label that wraps at spaces (a long title takes two lines) and never asks for
    more width than a small screen has: a word wider than the room (a 200-character title
    without a space) is cut at the label's edge instead of widening the window past 1024 px; the
    caller puts the whole text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain(self)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), WRAP_HINT), hint.height())
