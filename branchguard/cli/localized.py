"""The command line's help and usage errors in the user's language.

The English texts stay in the code as they are; in Chinese, help_zh's catalogue words them. Two
kinds of text pass through it: what the parsers hold (each argument's help, a command's summary and
description, the section headings argparse stored when it made the parser), worded by
`LocalizedFormatter` as the help is formatted; and what argparse words as it runs ("usage: ", its
error messages), which it asks gettext for by name (`argparse._`): while a `LocalizedParser`
parses, formats or errs, that name answers from the same catalogue.

The language is `--lang` when given, else settings.ini's `language` in the data folder, else zh_CN
(as the window and the commands choose it: config.resolve). It is worked out when a text first needs
it: a command that prints no help nor usage error reads nothing for it, nor imports the catalogue.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

Language = Callable[[], str]  # the language of the help, asked for when a text is worded


def help_language(lang: str | None = None, data_dir: str | None = None) -> Language:
    """`lang` (the --lang given) when it names a language, else the data folder's setting, else the
    default; an unknown one in either place is passed over (main() refuses a wrong --lang itself)."""

    @cache
    def language() -> str:
        from branchguard.core.kernel.i18n import DEFAULT_LANGUAGE, normalize_language

        for source in (lambda: lang, lambda: _setting(data_dir)):
            chosen = source()
            if chosen:
                try:
                    return normalize_language(chosen)
                except ValueError:
                    continue
        return DEFAULT_LANGUAGE

    return language


def _setting(data_dir: str | None) -> str | None:
    from pathlib import Path

    from branchguard.config import LocalSettings, default_data_dir
    from branchguard.core.kernel.errors import ValidationError

    try:
        folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return LocalSettings(folder).get("language")
    except (OSError, ValidationError):  # unreadable (said where it is read for the command): the default
        return None


def worded(text: str, lang: str) -> str:
    """`text` (English, as in the code or argparse) in `lang`; one the catalogue lacks stays English."""
    if lang == "en" or not text:
        return text
    from branchguard.cli.help_zh import HELP_ZH

    return HELP_ZH.get(text, text)


class LocalizedFormatter(argparse.HelpFormatter):
    """argparse's formatter, wording what the parser holds in the parser's language."""

    def __init__(self, prog: str, language: Language) -> None:
        super().__init__(prog)
        self._language = language

    def start_section(self, heading: str | None) -> None:
        super().start_section(worded(heading, self._language()) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(worded(text, self._language()) if text else text)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return worded(action.help, self._language()) if action.help else action.help


class LocalizedParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and usage errors speak its `language`; its sub-parsers are of
    this class too (argparse makes them of the parent's), given the language by `localize`."""

    language: Language = staticmethod(help_language())  # replaced by localize() for each parser

    def _get_formatter(self) -> argparse.HelpFormatter:
        return LocalizedFormatter(self.prog, self.language)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with argparse_words(self.language):
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with argparse_words(self.language):
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with argparse_words(self.language):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_words(self.language):
            return super().format_help()

    def error(self, message: str) -> Any:  # NoReturn, as argparse's
        with argparse_words(self.language):
            super().error(message)


def localize(parser: argparse.ArgumentParser, language: Language) -> None:
    """Give `parser` and every sub-parser under it `language`: once, where the parser is built."""
    for each in parsers(parser):
        each.language = language  # type: ignore[attr-defined]


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """`parser` and every sub-parser under it, depth first."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):  # an alias names a parser again
                yield from parsers(child)


_PARSING: list[Language] = []  # the languages of the parses in progress, innermost last


def parsing_language() -> str:
    """The language of the parse in progress (English outside one)."""
    return _PARSING[-1]() if _PARSING else "en"


def refusal(template: str, *values: object) -> argparse.ArgumentTypeError:
    """An argument type's refusal in the language of the parse in progress: `template` is English
    with a %s per value, and the catalogue holds its Chinese (argparse words it "argument X: …")."""
    return argparse.ArgumentTypeError(worded(template, parsing_language()) % values)


@contextmanager
def argparse_words(language: Language) -> Iterator[None]:
    """While inside, argparse's own words (its gettext calls) come in `language`, worked out when
    argparse first asks for one. Re-entered by a sub-parser's parse: each exit restores the last."""
    own = vars(argparse)
    saved = own["_"], own["ngettext"]
    own["_"] = lambda text: worded(text, language())
    own["ngettext"] = lambda one, many, n: worded(one if n == 1 else many, language())
    _PARSING.append(language)
    try:
        yield
    finally:
        _PARSING.pop()
        own["_"], own["ngettext"] = saved
