"""Breaking plain text into lines for table cells drawn as strings: a fraction of a Paragraph's cost."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

_CJK = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
# A Chinese character stands alone; a run of other letters is a word; blanks separate them.
_TOKENS = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+|\s+")
# Closing punctuation never starts a line, opening punctuation never ends one (the Chinese
# typesetting rule ReportLab's CJK wrapping follows too).
_CLOSING = frozenset("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")
_OPENING = frozenset("（《「『【〔〈“‘([{")


class LineWrapper:
    """Wraps text to a width in one font and size, measuring each distinct character once."""

    def __init__(self, font_name: str, size: float) -> None:
        self._font, self._size = font_name, size
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        widths, total = self._widths, 0.0
        for ch in text:
            w = widths.get(ch)
            if w is None:
                w = widths[ch] = stringWidth(ch, self._font, self._size)
            total += w
        return total

    def wrap(self, text: str, room: float) -> str:
        """`text` with line breaks so that no line is wider than `room` points."""
        return "\n".join(line for part in text.split("\n") for line in self._lines(part, room))

    def _lines(self, text: str, room: float) -> list[str]:
        lines: list[str] = []
        line, used = "", 0.0
        for token in _tokens(text):
            w = self.width(token)
            if used + w <= room or (not line and w <= room):
                line, used = line + token, used + w
                continue
            if token.isspace():  # a blank at the break disappears
                lines.append(line.rstrip())
                line, used = "", 0.0
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0.0
            while w > room:  # a word longer than the line is cut where it must be
                cut = self._fit(token, room)
                lines.append(token[:cut])
                token = token[cut:]
                w = self.width(token)
            line, used = token, w
        if line.strip() or not lines:
            lines.append(line.rstrip())
        return lines

    def _fit(self, token: str, room: float) -> int:
        used = 0.0
        for i, ch in enumerate(token):
            used += self.width(ch)
            if used > room:
                return max(i, 1)
        return len(token)


def _tokens(text: str) -> list[str]:
    """Break opportunities: punctuation is glued to its neighbour so that it moves with it."""
    out: list[str] = []
    glue_next = False
    for token in _TOKENS.findall(text):
        if out and (glue_next or token[0] in _CLOSING):
            out[-1] += token
        else:
            out.append(token)
        glue_next = token[-1] in _OPENING
    return out
