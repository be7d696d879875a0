"""Names and text from outside made harmless: attachment file names, and text a terminal shows.

A file name someone hands the app may try to climb out of a folder (`../x`, `C:\\x`, `D:payload.exe`),
to become a device on Windows (`CON`, `nul.txt`, `COM1.pdf`), to disguise its type with a
right-to-left override (`invoice\u202egpj.exe` shows as `invoiceexe.jpg`) or with trailing dots
and spaces Windows drops (`report.pdf.exe.`), or to be too long for the file system.
`clean_file_name` keeps the last part of such a name and makes it a plain file name; a name that
leaves nothing usable becomes `attachment` (a photo is not refused for its name).

`printable` strips control characters (ANSI escape sequences among them) and bidirectional
overrides from text before a terminal shows it: a title must not move the cursor, clear the screen
or reorder what the line says.
"""

from __future__ import annotations

import re
import unicodedata

NAME_LIMIT = 120
FALLBACK_NAME = "attachment"

# Bidirectional embeddings, overrides and isolates, the marks, and the line/paragraph separators.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\ufeff"
# ESC [ … final byte, ESC ] … BEL/ST, and any other ESC + one character: whole sequences go.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?|\x9b[0-?]*[ -/]*[@-~]")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{kind}{n}" for kind in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*]')


# Every control character (Unicode's Cc: C0, DEL, C1) and the bidirectional ones.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
# The same but the newline, which multi-line output (a command's JSON) keeps: such text passes
# with one scan, not a Python call per line break (0.3 s of `hazard list --json` at ten years).
_UNSAFE_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]")


def all_printable(texts: list[str]) -> bool:
    """Whether `printable` leaves every one of `texts` as it is: one scan over them all (a table of
    6,200 rows has 43,000 cells; the characters it looks for are single ones, so joining the texts
    with a space finds one exactly when some text holds one)."""
    return not _UNSAFE.search(" ".join(texts))


def printable(text: object, *, keep_newlines: bool = False) -> str:
    """`text` as a terminal may show it: escape sequences removed, other control characters and
    bidirectional overrides dropped (tabs become spaces; newlines too unless `keep_newlines`)."""
    value = str(text)
    if not (_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).search(value):  # nearly always: no copy
        return value
    value = _ANSI.sub("", value)
    if keep_newlines:
        value = value.replace("\r\n", "\n")

    def replace(match: re.Match[str]) -> str:
        ch = match.group()
        if ch == "\n" and keep_newlines:
            return ch
        return " " if ch in "\t\r\n" else ""

    return _UNSAFE.sub(replace, value)


def is_reserved_on_windows(name: str) -> bool:
    """Whether Windows takes `name` for a device: CON, NUL.txt, com1.tar.gz, "LPT1 .pdf"…"""
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    return stem in _RESERVED


def clean_file_name(name: str, limit: int = NAME_LIMIT) -> str:
    """A plain file name from `name`: its last path part, without a drive prefix, control or
    bidirectional characters, characters Windows forbids, trailing dots and spaces, a reserved
    device name (prefixed with `_`), at most `limit` characters (the extension kept)."""
    value = unicodedata.normalize("NFC", str(name))
    value = _UNSAFE.sub("", value)
    value = re.split(r"[/\\]", value)[-1]
    value = re.sub(r"^[A-Za-z]:", "", value)  # a drive prefix: D:payload.exe
    value = _WINDOWS_FORBIDDEN.sub("_", value)
    value = value.strip(" ").rstrip(". ")
    if value.strip(".") == "":
        return FALLBACK_NAME
    if is_reserved_on_windows(value):
        value = f"_{value}"
    if len(value) > limit:
        stem, dot, suffix = value.rpartition(".")
        if dot and 0 < len(suffix) <= 16 and stem:
            value = stem[: limit - len(suffix) - 1].rstrip(". ") + "." + suffix
        else:
            value = value[:limit].rstrip(". ")
    return value or FALLBACK_NAME


# What "open" may hand to the system's default application: documents and pictures whose viewers do
# not run code. Anything else (an .exe, .bat, .lnk, .js, .hta, .scr, a macro workbook, a name with no
# type) is never opened: the window shows the folder holding it instead, and nothing runs.
VIEWABLE_SUFFIXES = frozenset(
    {
        ".pdf",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".webp",
        ".tif",
        ".tiff",
        ".txt",
        ".csv",
        ".docx",
        ".xlsx",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
    }
)


def opens_as_document(name: str) -> bool:
    """Whether a file of this (cleaned) name may be opened with its default application."""
    cleaned = clean_file_name(name)
    suffix = cleaned[cleaned.rfind(".") :].lower() if "." in cleaned else ""
    return cleaned == name and suffix in VIEWABLE_SUFFIXES
