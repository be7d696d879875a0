"""English reports set their Latin text in a Latin face: the Chinese font draws curly quotes and the
ellipsis full-width (WenQuanYi: “Start incident” printed as a spaced-out “ Start incident ”, It’ s),
and has no bold.

The report font becomes a pair registered under one name: the Latin face draws every character it
has that is not Chinese, the Chinese font the rest. ReportLab measures a line character by character,
so a character's face never depends on its neighbours: quotes around a Chinese name in an English
report are the Latin ones. Chinese reports keep the Chinese font alone: its full-width quotes and
dashes are the Chinese ones, and a Latin face (wider, with a bold) would move their lines."""

from __future__ import annotations

import os
import struct
import sys
import threading
from dataclasses import dataclass, replace
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from branchguard.core.kernel.i18n import current_language
from branchguard.reports.fonts import FontChoice
from branchguard.reports.linewrap import is_cjk


@dataclass(frozen=True)
class LatinFace:
    """A Latin TrueType face and its bold."""

    path: Path
    bold_path: Path


def latin_candidates() -> list[LatinFace]:
    """Latin faces present wherever the reports are made, best first: Arial on Windows; on Linux
    DejaVu Sans Condensed, as wide as WenQuanYi's Latin letters (so English lines break where they
    did), then DejaVu Sans (fonts-dejavu-extra and -core, which `make setup` installs)."""
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [LatinFace(fonts / "arial.ttf", fonts / "arialbd.ttf")]
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    return [
        LatinFace(dejavu / "DejaVuSansCondensed.ttf", dejavu / "DejaVuSansCondensed-Bold.ttf"),
        LatinFace(dejavu / "DejaVuSans.ttf", dejavu / "DejaVuSans-Bold.ttf"),
    ]


def with_latin(font: FontChoice, candidates: list[LatinFace] | None = None) -> FontChoice:
    """`font` with its Latin text in a Latin face in an English report (the current language). The
    same choice in a Chinese report, for the CID fallback (not a TrueType font to pair), when no Latin
    face is found, or when it is a pair already."""
    if current_language() == "zh_CN" or not font.embedded:
        return font
    if isinstance(pdfmetrics.getFont(font.name), PairedFont):
        return font
    with _pairing:
        for face in latin_candidates() if candidates is None else candidates:
            regular = _load(str(face.path))
            if regular is not None:
                bold = _load(str(face.bold_path)) or regular
                name = _pair(font.name, regular.fontName)
                bold_name = _pair(font.bold_name, bold.fontName)
                _family(name, bold_name)
                return replace(font, name=name, bold_name=bold_name)
    return font


class PairedFont(TTFont):
    """A Chinese and a Latin TrueType font under one name. ReportLab asks a dynamic font for widths
    (stringWidth), to split text into its subsets (splitString) and to name a subset
    (getSubsetInternalName): this one answers each run with the font that draws it, the Latin
    font's subsets numbered from LATIN up. Each font embeds its own subsets."""

    LATIN = 1 << 16

    def __init__(self, name: str, cjk: TTFont, latin: TTFont) -> None:
        # Not TTFont.__init__: there is no file to parse. Ascent and descent are the Chinese font's.
        self.fontName, self.cjk, self.latin = name, cjk, latin
        self.face = _Face(name, cjk.face)
        self.encoding = cjk.encoding
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = cjk._asciiReadable
        self.shapable = False
        self._drawn_by = _Chooser(latin)

    def runs(self, text: str) -> list[tuple[TTFont, str]]:
        """`text` cut into runs of one font each."""
        out: list[tuple[TTFont, str]] = []
        start = 0
        for latin, group in groupby(map(self._drawn_by.__getitem__, text)):
            end = start + sum(1 for _ in group)
            out.append((self.latin if latin else self.cjk, text[start:end]))
            start = end
        return out

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        return sum(font.stringWidth(run, size) for font, run in self.runs(text))

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if isinstance(text, bytes):
            text = text.decode(encoding)
        out: list[tuple[int, bytes]] = []
        for font, run in self.runs(text):
            shift = self.LATIN if font is self.latin else 0
            out += [(shift + subset, chunk) for subset, chunk in font.splitString(run, doc)]
        return out

    def getSubsetInternalName(self, subset: int, doc: Any) -> str:
        if subset >= self.LATIN:
            return str(self.latin.getSubsetInternalName(subset - self.LATIN, doc))
        return str(self.cjk.getSubsetInternalName(subset, doc))

    def addObjects(self, doc: Any) -> None:
        """Nothing: the two fonts add their own subsets (naming one puts its font on the list)."""


class _Face:
    """The Chinese face under the pair's own name (ReportLab keeps one font per face name)."""

    def __init__(self, name: str, face: Any) -> None:
        self.name = name.encode("latin-1", "replace")
        self._face = face

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._face, attr)


class _Chooser(dict[str, bool]):
    """Character -> whether the Latin font draws it, decided the first time it is asked for."""

    def __init__(self, latin: TTFont) -> None:
        super().__init__()
        self._glyphs = latin.face.charToGlyph

    def __missing__(self, ch: str) -> bool:
        latin = self[ch] = ord(ch) in self._glyphs and not is_cjk(ch)
        return latin


# Pairs are registered once per process, by one thread at a time (reports are made off the GUI thread).
_pairing = threading.Lock()


@cache
def _load(path: str) -> TTFont | None:
    """The Latin font registered with ReportLab, or None when the file is missing or unusable."""
    try:
        font = TTFont(Path(path).stem, path)
    except (TTFError, OSError, ValueError, IndexError, KeyError, struct.error):
        return None
    font.fontName = font.face.name.decode("latin-1") or Path(path).stem
    if font.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(font)
    return font


@cache
def _pair(cjk: str, latin: str) -> str:
    name = f"{cjk}+{latin}"
    pdfmetrics.registerFont(PairedFont(name, pdfmetrics.getFont(cjk), pdfmetrics.getFont(latin)))
    return name


@cache
def _family(name: str, bold: str) -> None:
    # <b> in a Paragraph looks the family up: the pair's bold is the Chinese bold with the Latin bold.
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
