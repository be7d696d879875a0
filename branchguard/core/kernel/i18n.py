"""Qt-free message catalogue shared by the services, the CLI and the reports.

The GUI translates its own widgets with Qt Linguist; text that originates below the GUI
(validation messages, role names, report captions) comes from here so the CLI and PDFs speak
the same language as the window.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

_current = DEFAULT_LANGUAGE
# Loaded by the first t(): the window reads its language before its first frame, the catalogue
# (every feature's messages, ~12 ms to import) is needed only after it.
_catalog: dict[str, tuple[str, str]] | None = None


def normalize_language(lang: str | None) -> str:
    """Map user spellings (zh, zh-CN, en_US, …) onto a supported language code."""
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    if code.startswith("en"):
        return "en"
    raise ValueError(f"unsupported language {lang!r}; use one of: {', '.join(LANGUAGES)}")


def set_language(lang: str | None) -> str:
    global _current
    _current = normalize_language(lang)
    return _current


def current_language() -> str:
    return _current


def load_catalog() -> dict[str, tuple[str, str]]:
    """Every message in both languages (imported on first use)."""
    global _catalog
    if _catalog is None:
        from branchguard.core.kernel.messages import CATALOG

        _catalog = CATALOG
    return _catalog


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The message `key` in the current (or given) language, formatted with `params`."""
    entry = load_catalog()[key]
    text = entry[0] if (lang or _current) == "en" else entry[1]
    return text.format(**params) if params else text
