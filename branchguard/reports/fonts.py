"""Finds, checks and registers the CJK font every PDF report embeds (or the CID fallback)."""

from __future__ import annotations

import os
import struct
import sys
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from branchguard.core.kernel.i18n import t

# ReportLab's built-in Adobe CID font: always available, never embedded, so a PDF viewer on a
# PC without Chinese fonts shows boxes or nothing. It is the last resort, and we say so.
FALLBACK_FONT = "STSong-Light"

# Characters a font must map for Chinese reports; a Latin-only TrueType file (a wrong setting)
# loads fine but would print every Chinese name as empty boxes.
PROBE_TEXT = "应急联络卡网点负责人"


@dataclass(frozen=True)
class FontCandidate:
    """A font file to try; a TrueType collection (.ttc) also needs the face index inside it."""

    path: Path
    subfont_index: int = 0
    bold_path: Path | None = None


@dataclass(frozen=True)
class FontChoice:
    """The font the reports use: registered ReportLab names plus what to tell the user."""

    name: str
    bold_name: str
    path: Path | None
    embedded: bool
    warning: str | None


def default_candidates() -> list[FontCandidate]:
    """The system fonts worth embedding, best first, for the platform we run on."""
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [
            FontCandidate(fonts / "msyh.ttc", 0, fonts / "msyhbd.ttc"),
            FontCandidate(fonts / "msyh.ttf", 0, fonts / "msyhbd.ttf"),
            FontCandidate(fonts / "simhei.ttf"),
            FontCandidate(fonts / "simsun.ttc"),
        ]
    share = Path("/usr/share/fonts/truetype")
    return [
        FontCandidate(share / "wqy" / "wqy-microhei.ttc"),
        FontCandidate(share / "wqy" / "wqy-zenhei.ttc"),
        FontCandidate(share / "arphic" / "uming.ttc"),
    ]


# One search at a time: `_parse` is cached, but two threads asking at once (the Settings page's check
# and a report built beside it) each parsed the CJK collection, 140-190 ms of the GIL each.
_searching = threading.Lock()


def find_cjk_font(setting: str = "", candidates: Sequence[FontCandidate] | None = None) -> FontChoice:
    """The first usable font: the file set in Settings, then the system candidates, then the
    non-embedded CID fallback. Fonts are parsed and registered with ReportLab once per process, by
    one thread at a time."""
    with _searching:
        return _find(setting, candidates)


def _find(setting: str, candidates: Sequence[FontCandidate] | None) -> FontChoice:
    problem = ""
    if setting.strip():
        configured = Path(setting.strip()).expanduser()
        found = _load(FontCandidate(configured))
        if isinstance(found, FontChoice):
            return found
        problem = t("report.font.setting_unusable", path=configured, error=found)
    for candidate in default_candidates() if candidates is None else candidates:
        found = _load(candidate)
        if isinstance(found, FontChoice):
            if not problem:
                return found
            instead = t("report.font.instead", font=found.name)
            return replace(found, warning=t("report.font.join", first=problem, second=instead))
    _register_fallback()
    fallback = t("report.font.fallback", font=FALLBACK_FONT)
    return FontChoice(
        name=FALLBACK_FONT,
        bold_name=FALLBACK_FONT,
        path=None,
        embedded=False,
        warning=t("report.font.join", first=problem, second=fallback) if problem else fallback,
    )


def _load(candidate: FontCandidate) -> FontChoice | str:
    """The registered font, or why this file cannot be used."""
    name, reason = _register_ttf(candidate.path, candidate.subfont_index)
    if name is None:
        return reason
    bold = name
    if candidate.bold_path is not None:
        bold = _register_ttf(candidate.bold_path, candidate.subfont_index)[0] or name
    _register_family(name, bold)
    return FontChoice(name=name, bold_name=bold, path=candidate.path, embedded=True, warning=None)


def _register_ttf(path: Path, subfont_index: int) -> tuple[str | None, str]:
    """(registered ReportLab name, "") or (None, why the file is unusable, translated now)."""
    if not path.is_file():
        return None, t("report.font.missing")
    font = _parse(str(path), subfont_index)
    if isinstance(font, str):
        return None, t(font)
    if any(ord(ch) not in font.face.charToGlyph for ch in PROBE_TEXT):
        return None, t("report.font.no_cjk")
    _mark_missing(font)
    if font.fontName not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(font)
    return font.fontName, ""


@cache
def _parse(path: str, subfont_index: int) -> TTFont | str:
    """The parsed font or the message key of why ReportLab refused it (its own words are English:
    "Not a recognized TrueType font: version=0x89504E47" for a PNG, shown in the Chinese window).

    Cached per process: parsing a CJK collection takes a noticeable fraction of a second."""
    try:
        font = TTFont(Path(path).name, path, subfontIndex=subfont_index)
    except TTFError as exc:
        # Among others: CFF outlines (Noto/Source Han .otf and CFF .ttc), which ReportLab
        # cannot embed, and files that are not fonts at all.
        said = str(exc).lower()
        if "postscript outlines" in said:
            return "report.font.cff"
        return "report.font.no_embedding" if "embedding" in said else "report.font.not_truetype"
    except (OSError, ValueError, IndexError, KeyError, struct.error):
        return "report.font.not_truetype"
    # Registered under the face's PostScript name (e.g. WenQuanYiMicroHei): that is what the
    # PDF, pdffonts and `branchguard info` show, so the user sees one name everywhere.
    font.fontName = font.face.name.decode("latin-1") or Path(path).stem
    return font


@cache
def _register_family(name: str, bold: str) -> None:
    # <b> in a Paragraph looks the family up; without a bold face it falls back to the regular.
    pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)


@cache
def _register_fallback() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    _register_family(FALLBACK_FONT, FALLBACK_FONT)


# Drawn for a character the embedded font has no glyph for: the geta mark, which Chinese and
# Japanese typesetting print where the type lacks a character.
MISSING_MARK = "\u3013"  # 〓


class _Marked(dict):
    """A font's table (character → glyph, or → width) that answers a character it lacks with the
    mark's entry, or a blank's for a space or control character it lacks (a tab pasted from Excel
    prints as a space, as before). ReportLab asks the glyph table with `in` then `[]` when it
    subsets the font, and the width table with `get`."""

    def __init__(self, table: dict[int, int], mark: int, blank: int) -> None:
        super().__init__(table)
        self.mark, self.blank = mark, blank

    def __contains__(self, code: object) -> bool:
        return True

    def __missing__(self, code: int) -> int:
        return self.blank if unicodedata.category(chr(code))[0] in "CZ" else self.mark

    def get(self, code: int, default: int | None = None) -> int:  # type: ignore[override]
        return self[code]


def _mark_missing(font: TTFont) -> None:
    """A character the font lacks (an emoji, a rare surname character of CJK Extension B such as
    𠮷) is drawn as the mark: ReportLab drew the font's empty glyph, so a name lost a character
    without a trace. (Its text layer garbles a character beyond the Basic Multilingual Plane either
    way: the mark at least shows the reader that one is missing.) Once per parsed font (`_parse` is
    cached); a font without the mark keeps its empty glyph."""
    face = font.face
    code = ord(MISSING_MARK)
    if isinstance(face.charToGlyph, _Marked) or code not in face.charToGlyph:
        return
    space = ord(" ")
    glyphs, widths, default = face.charToGlyph, face.charWidths, face.defaultWidth
    face.charToGlyph = _Marked(glyphs, glyphs[code], glyphs.get(space, 0))
    face.charWidths = _Marked(widths, widths.get(code, default), widths.get(space, default))
