"""A one-line label that ends in "…" when its text is wider than the room it has, never cut
mid-word in a Latin script, with the whole text in its tooltip: for secondary lines on a small
screen (the console's "Next:" line), where a wrapped line would take a step row's height."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from branchguard.gui.kit.plain import plain, tip

ELLIPSIS = "…"
WORD_JOINTS = "/\\-_"  # a path's or a file name's: a cut may follow one


def word_cut(shown: str, full: str) -> str:
    """`shown` (an elided `full`) moved back to the last space when it ends inside a Latin word, or
    to just after a slash or hyphen where one comes later (a path or a file name, moved back to the
    space before it, read "Attachment: …"); Chinese has no spaces and may end after any character."""
    if shown == full or not shown.endswith(ELLIPSIS):
        return shown
    kept = shown[: -len(ELLIPSIS)]

    def latin(c: str) -> bool:
        return c.isascii() and c.isalnum()

    if kept and len(kept) < len(full) and latin(kept[-1]) and latin(full[len(kept)]):
        space = kept.rfind(" ")
        joint = max(kept.rfind(mark) for mark in WORD_JOINTS)
        if joint > space:
            kept = kept[: joint + 1]
        elif space > 0:
            kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def wrapped_height(text: str, font: QFont, width: int) -> int:
    """The height of `text` wrapped at spaces to `width` in `font`, as a word-wrapped QLabel
    measures it."""
    flags = Qt.TextFlag.TextWordWrap
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), flags, text).height()


def elided_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """`text` wrapped to `width` in `font`, or where it takes more than `lines` lines, as much of it
    as fits in them, ending "…" (see `word_cut`)."""
    most = wrapped_height("\n".join([text] * lines), font, 1 << 20)  # its own glyphs on each line
    if width <= 0 or wrapped_height(text, font, width) <= most:
        return text
    kept, shown, cut = 0, ELLIPSIS, len(text)  # the longest start that fits, halving the rest
    while kept < cut:
        middle = (kept + cut + 1) // 2
        candidate = word_cut(text[:middle] + ELLIPSIS, text)
        if wrapped_height(candidate, font, width) <= most:
            kept, shown = middle, candidate
        else:
            cut = middle - 1
    return shown


class ElidedLabel(QLabel):
    """`text()` is what shows; `full_text()` what was set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(False)
        plain(self)  # stored text (titles, steps), shown as typed

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(tip(text))
        self.setAccessibleName(text)  # read whole to a screen reader: a tooltip needs the mouse
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
        super().setText(word_cut(shown, self._full))
