"""Qt-free message catalogue shared by the services, the CLI and the reports.

The GUI translates its own widgets with Qt Linguist; text that originates below the GUI
(validation messages, role names, report captions) comes from here so the CLI and PDFs speak
the same language as the window.
"""

from __future__ import annotations

from collections.abc import Mapping

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
        from branchguard.core.kernel.catalogue import build_catalogue

        _catalog = build_catalogue()
    return _catalog


def has_message(key: str) -> bool:
    return key in load_catalog()


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The message `key` in the current (or given) language, formatted with `params`."""
    entry = load_catalog()[key]
    text = entry[0] if (lang or _current) == "en" else entry[1]
    return text.format(**params) if params else text


class Message:
    """A message key and its parameters, worded only when shown (`text()`, `str()`), so text
    kept for later speaks the language of that moment. A parameter that is itself translatable
    (it has `translated(lang)`: a Message, a labelled enum, a bilingual text) is worded in the
    same language."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params: Mapping[str, object] = params

    def text(self, lang: str | None = None) -> str:
        words = {
            name: value.translated(lang) if hasattr(value, "translated") else value
            for name, value in self.params.items()
        }
        return t(self.key, lang, **words)

    def translated(self, lang: str | None = None) -> str:
        return self.text(lang)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.key!r}{args})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, dict(self.params)) == (other.key, dict(other.params))

    __hash__ = None  # type: ignore[assignment]  # parameters may be unhashable


def translate(text: Message | str, lang: str | None = None) -> str:
    """A message worded in `lang`; a plain string is already worded and returned as it is."""
    return text.text(lang) if isinstance(text, Message) else text


class Listed:
    """Several texts as one parameter of a Message (each a Message, a bilingual text or a plain
    string), joined by the separator message `sep` in the language it is worded in: a domain's own
    ("；" between clauses, "、" between names)."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: tuple[object, ...], sep: str) -> None:
        self.parts = parts
        self.sep = sep

    def translated(self, lang: str | None = None) -> str:
        words = (p.translated(lang) if hasattr(p, "translated") else str(p) for p in self.parts)
        return t(self.sep, lang).join(words)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Listed) and (self.parts, self.sep) == (other.parts, other.sep)

    __hash__ = None  # type: ignore[assignment]  # its parts may be unhashable


# -- text the app makes, kept to be worded when shown ------------------------------------------
# Stored as plain JSON beside the text written in the language of the moment (a log entry's data,
# for one): {"key": "...", "params": {...}} for a catalogue message, {"zh": "...", "en": "..."} for a
# bilingual text (a plan's title); a parameter may itself be either form.


def saying(key: str, /, **params: object) -> dict[str, object]:
    """A catalogue message as stored JSON, to be worded by `worded` in the reader's language."""
    return {"key": key, "params": dict(params)}


def both(zh: str, en: str) -> dict[str, object]:
    """A bilingual text as stored JSON (`worded` picks the reader's language, else the other)."""
    return {"zh": zh, "en": en}


def worded(said: object, lang: str | None = None) -> str | None:
    """What `saying` or `both` stored, in `lang` (the current language by default); None when it
    is neither or names a key this version does not know, so the caller shows the text as stored."""
    if not isinstance(said, Mapping):
        return None
    if "key" in said:
        key, params = said.get("key"), said.get("params") or {}
        if not isinstance(key, str) or not has_message(key) or not isinstance(params, Mapping):
            return None
        words: dict[str, object] = {}
        for name, value in params.items():
            inner = worded(value, lang) if isinstance(value, Mapping) else value
            words[str(name)] = "" if inner is None else inner
        try:
            return t(key, lang, **words)
        except (KeyError, IndexError, ValueError):
            return None
    if "zh" in said or "en" in said:
        zh, en = str(said.get("zh") or ""), str(said.get("en") or "")
        return (en or zh) if (lang or _current) == "en" else (zh or en)
    return None
