"""The command line's help speaks the user's language (branchguard/cli/localized.py, help_zh/):
every argument and command has a help text, each has its Chinese, and in zh_CN the help and
argparse's own words and usage errors are Chinese while --lang en leaves them English."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest

from branchguard.cli import build_parser, main
from branchguard.cli.help_zh import HELP_ZH
from branchguard.cli.localized import parsers


def _texts(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str | None]]:
    """(where, text) of every help text, summary and description the parser tree holds."""
    for each in parsers(parser):
        yield f"{each.prog} (description)", each.description
        for group in each._action_groups:  # argparse's own two and any the commands add
            yield f"{each.prog} (group)", group.title
        for action in each._actions:
            if isinstance(action, argparse._SubParsersAction):
                for summary in action._choices_actions:
                    yield f"{each.prog} {summary.dest}", summary.help
            else:
                yield f"{each.prog} {'/'.join(action.option_strings) or action.dest}", action.help


def test_every_argument_and_command_has_a_help_text_and_its_chinese() -> None:
    texts = list(_texts(build_parser()))
    assert len(texts) > 450  # every command's arguments
    assert [where for where, text in texts if not text and "(" not in where] == []
    untranslated = sorted({text for _where, text in texts if text and text not in HELP_ZH})
    assert untranslated == []


# What may stay Latin in the Chinese help: what the user types or reads as it is. The words the
# parsers know (program, command and option names, metavars, argument names, choice values), any
# all-capitals word (a placeholder or a code: FILE, YYYY-MM-DD, PDF, JSON, FIRE), text in backticks
# (a command or value quoted), {choice,lists}, $VARIABLES, identifiers with an underscore, file and
# path names with a dot or slash, URLs; and these names of formats and products:
NAMES = {"BranchGuard", "SQLite", "PostgreSQL", "Excel", "xlsx", "zip", "iCalendar"}
QUOTED = re.compile(r"`[^`]*`|\{[^{}]*\}|\$\w+|\S*[./:@]\S*|\b\w*_\w*\b")
WORD = re.compile(r"[A-Za-z]{3,}")


def _tokens(parser: argparse.ArgumentParser) -> set[str]:
    words = {"branchguard"}
    for each in parsers(parser):
        words.update(each.prog.split())
        for action in each._actions:
            named = [
                *action.option_strings,
                action.dest,
                str(action.metavar or ""),
                *map(str, action.choices or ()),
            ]
            words.update(re.findall("[A-Za-z]+", " ".join(named)))
    return words


HELPS = [
    ("--help",),
    ("incident", "--help"),
    ("hazard", "show", "--help"),
    ("complaint", "add", "--help"),
    ("complaint", "extend", "--help"),
]


def _help(capsys: pytest.CaptureFixture[str], lang: str, args: tuple[str, ...], tmp_path) -> str:
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(tmp_path), "--lang", lang, *args])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("args", HELPS, ids=" ".join)
def test_the_help_in_chinese_has_no_english_word(capsys, tmp_path, args: tuple[str, ...]) -> None:
    out = _help(capsys, "zh_CN", args, tmp_path)
    allowed = _tokens(build_parser()) | NAMES
    left = [w for w in WORD.findall(QUOTED.sub(" ", out)) if w not in allowed and not w.isupper()]
    assert left == [], out
    assert out.startswith("用法：") and "显示本帮助并退出" in out


@pytest.mark.parametrize("args", HELPS, ids=" ".join)
def test_the_help_in_english_is_unchanged(capsys, tmp_path, args: tuple[str, ...]) -> None:
    """--lang en: argparse's words and the texts as the code has them, none translated."""
    out = _help(capsys, "en", args, tmp_path)
    prog = " ".join(["branchguard", *args[:-1]])
    (parser,) = [p for p in parsers(build_parser(args[0] if len(args) > 1 else None)) if p.prog == prog]
    flat = " ".join(out.split())
    assert out.startswith(f"usage: {prog}") and "\noptions:\n" in out
    texts = [a.help for a in parser._actions if a.help and not isinstance(a, argparse._SubParsersAction)]
    texts += (
        [s.help for a in parser._subparsers._group_actions for s in a._choices_actions]
        if parser._subparsers
        else []
    )
    assert texts and [text for text in texts if " ".join(text.split()) not in flat] == []
    glosses = " ".join(texts)  # the English texts' own Chinese terms, e.g. "emergency playbooks (应急预案)"
    assert [zh for zh in map(HELP_ZH.get, texts) if zh and zh in flat and zh not in glosses] == []


def test_the_settings_language_chooses_the_help_without_lang(capsys, tmp_path) -> None:
    (tmp_path / "settings.ini").write_text("[branchguard]\nlanguage = en\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "incident", "--help"])
    assert capsys.readouterr().out.startswith("usage: branchguard incident")
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path / "none"), "incident", "--help"])  # no settings: zh_CN
    assert capsys.readouterr().out.startswith("用法：branchguard incident")


def _usage_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as refused:
        main(list(args))
    assert refused.value.code == 2
    return capsys.readouterr().err


def test_a_usage_error_speaks_the_language(capsys, tmp_path) -> None:
    where = ["--data-dir", str(tmp_path)]
    err = _usage_error(capsys, *where, "incident", "log", "1")
    assert err.splitlines()[0].startswith("用法：branchguard incident log")
    assert err.splitlines()[-1] == "branchguard incident log：错误：缺少必需的参数：--kind, --text"
    err = _usage_error(
        capsys, *where, "--lang", "zh_CN", "incident", "log", "1", "--kind", "x", "--text", "t"
    )
    assert "参数 --kind：无效的选项：'x'（可选：'note'" in err
    err = _usage_error(capsys, *where, "--lang", "en", "incident", "log", "1")
    assert err.splitlines()[0].startswith("usage: branchguard incident log")
    assert err.splitlines()[-1] == (
        "branchguard incident log: error: the following arguments are required: --kind, --text"
    )


def test_argparse_speaks_english_again_after_a_chinese_parse(capsys, tmp_path) -> None:
    """The translating words are argparse's only while a parser of ours works."""
    _usage_error(capsys, "--data-dir", str(tmp_path), "--lang", "zh_CN", "hazard", "show")
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_every_command_s_help_in_chinese_has_no_english_word() -> None:
    """The same rule over every parser's help, not only the ones run above."""
    parser = build_parser(language=lambda: "zh_CN")
    allowed = _tokens(parser) | NAMES
    left = {
        each.prog: words
        for each in parsers(parser)
        if (words := [w for w in WORD.findall(QUOTED.sub(" ", each.format_help())) if w not in allowed])
        and any(not w.isupper() for w in words)
    }
    assert left == {}


def test_a_value_our_argument_types_refuse_is_refused_in_the_language(capsys, tmp_path) -> None:
    """Their messages stayed English inside a Chinese line: 参数 id：'x' is not a whole number."""
    where = ["--data-dir", str(tmp_path)]
    err = _usage_error(capsys, *where, "incident", "show", "x")
    assert err.splitlines()[-1] == "branchguard incident show：错误：参数 id：“x”不是整数"
    err = _usage_error(capsys, *where, "--lang", "en", "incident", "show", "x")
    assert err.splitlines()[-1] == "branchguard incident show: error: argument id: 'x' is not a whole number"
    err = _usage_error(capsys, *where, "incident", "close", "1", "--outcome", "o", "--losses", "1.234")
    assert "“1.234”不是最多两位小数的金额（元）" in err


def test_every_refusal_of_our_argument_types_has_its_chinese() -> None:
    from pathlib import Path

    import branchguard.cli as cli_package

    written = re.compile(r"""refusal\(\s*"((?:[^"\\]|\\.)*)"|_REFUSAL = "((?:[^"\\]|\\.)*)\"""")
    templates = {
        a or b
        for source in Path(cli_package.__file__).parent.glob("*.py")
        for a, b in written.findall(source.read_text(encoding="utf-8"))
    }
    assert len(templates) >= 12
    assert not [t for t in templates if t not in HELP_ZH]



def test_a_commands_own_error_and_warning_speak_the_language_as_argparses_do(run, tmp_path, capsys) -> None:
    """A refusal of the command itself (here a file suffix) began with English "branchguard: error:"
    in a Chinese line, where argparse's own errors say 错误."""
    from branchguard.cli.common import warn

    out = str(tmp_path / "c.txt")
    args = ["calendar", "export", "--from", "2031-01-01", "--to", "2031-01-31", "-o", out]
    assert run(*args, lang="zh_CN") == (2, "", f"branchguard：错误：{out}：文件名须以 .ics 结尾\n")
    warn("x")
    assert capsys.readouterr().err == "branchguard：警告：x\n"
    assert run(*args, lang="en") == (2, "", f"branchguard: error: {out}: the file name must end in .ics\n")
    warn("x")
    assert capsys.readouterr().err == "branchguard: warning: x\n"
