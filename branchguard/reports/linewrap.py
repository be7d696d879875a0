"""Breaking plain text into lines for table cells drawn as strings: a fraction of a Paragraph's cost."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth

# Chinese (and other CJK) characters: a line may break before or after any of them.
_CJK = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
# Closing punctuation never starts a line, opening punctuation never ends one (the Chinese
# typesetting rule ReportLab's CJK wrapping follows too).
_CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")
_OPENING = frozenset("（《「『【〔〈“‘([{")


def is_cjk(ch: str) -> bool:
    """Whether `ch` is a Chinese (or other CJK) character or full-width mark."""
    code = ord(ch)
    return any(low <= code <= high for low, high in _CJK)


def may_break(before: str, after: str) -> bool:
    """Whether a line may end between these two characters."""
    if after in _CLOSING or before in _OPENING:
        return False
    return before.isspace() or after.isspace() or is_cjk(before) or is_cjk(after)


class _Widths(dict[str, float]):
    """Character -> width, measured the first time a character is asked for."""

    def __init__(self, font_name: str, size: float) -> None:
        super().__init__()
        self._font, self._size = font_name, size

    def __missing__(self, ch: str) -> float:
        width = self[ch] = stringWidth(ch, self._font, self._size)
        return width


class LineWrapper:
    """Wraps text to a width in one font and size, measuring each distinct character once."""

    def __init__(self, font_name: str, size: float) -> None:
        self._widths = _Widths(font_name, size)

    def width(self, text: str) -> float:
        return sum(map(self._widths.__getitem__, text))

    def wrap(self, text: str, room: float) -> str:
        """`text` with line breaks so that no line is wider than `room` points."""
        return "\n".join(line for part in text.split("\n") for line in self._lines(part, room))

    def _lines(self, text: str, room: float) -> list[str]:
        # Offsets to widths once; each line's end is then found by bisection, and only there
        # is the text looked at for a place to break (a Chinese line breaks almost anywhere).
        edge = [0.0, *accumulate(map(self._widths.__getitem__, text))]
        end = len(text)
        lines: list[str] = []
        start = 0  # where the current line begins
        while edge[end] - edge[start] > room:
            fits = bisect_right(edge, edge[start] + room) - 1  # the line may run up to here
            at = fits
            while at > start and not may_break(text[at - 1], text[at]):
                at -= 1
            if at <= start:  # a word longer than the line is cut where it must be
                at = max(fits, start + 1)
            lines.append(text[start:at].rstrip())
            start = at
            while start < end and text[start].isspace():  # a blank at the break disappears
                start += 1
        if start < end or not lines:
            lines.append(text[start:].rstrip())
        return lines
