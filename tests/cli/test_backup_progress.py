"""`backup` on a terminal says how many bytes it has read on standard error, one line rewritten in
place as the whole percent moves and cleared before the result; `restore` says how far its check of
the restored ledger is, as `verify` does (cli/progress_line.py). Anywhere else (a pipe, a file, a
script) both print exactly what they did before."""

from __future__ import annotations

import io
import itertools
import re
import sys
from pathlib import Path

import pytest

from branchguard.core.backup import archive as backup_archive
from branchguard.core.ledger import verify
from tests.cli.cli_support import invoke

CLEAR = "\r\x1b[K"
Capsys = pytest.CaptureFixture[str]


class Terminal(io.StringIO):
    """Standard error as a terminal: what the command writes there, kept."""

    def isatty(self) -> bool:
        return True


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """From here on standard error is a terminal."""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    return terminal


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's database (a few MB) read in the steps ten years' 300 MB are: the copy's and the
    zip's steps at 1/64 of their size, so that the percent moves many times."""
    monkeypatch.setattr(backup_archive, "_CHUNK", 16 * 1024)
    monkeypatch.setattr(backup_archive, "_COPY_PAGES", 16)


def said(err: str) -> list[str]:
    """The texts the line showed, in turn."""
    return [text for text in err.split(CLEAR) if text]


@pytest.mark.usefixtures("small_steps")
def test_backup_on_a_terminal_says_the_bytes_read_then_clears_the_line(
    records_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    code, piped, err = invoke(capsys, records_data_dir, ["backup", "-o", str(tmp_path / "a.zip")], "en")
    assert code == 0 and err == ""  # not a terminal: nothing on standard error, as before
    assert re.fullmatch(r"backup written: \S+a\.zip \(\d+ files, [\d.]+ MB\)\n", piped), piped
    terminal = on_a_terminal(monkeypatch)
    code, out, _err = invoke(capsys, records_data_dir, ["backup", "-o", str(tmp_path / "b.zip")], "en")
    assert code == 0 and out == piped.replace("a.zip", "b.zip")  # the same result, said the same way
    lines = said(terminal.getvalue())
    shape = re.compile(r"Backing up: [\d.]+ (B|KB|MB) of [\d.]+ (KB|MB) read \((\d+)%\)")
    percents = [int(m[3]) for line in lines if (m := shape.fullmatch(line))]
    assert len(percents) == len(lines) > 2, lines  # every text is the line's, and it moved
    assert percents[-1] == 100
    assert all(a != b for a, b in itertools.pairwise(percents)), percents  # only as it moves
    assert terminal.getvalue().endswith(CLEAR)  # cleared before the result's line


@pytest.mark.usefixtures("small_steps")
def test_backup_into_its_folder_on_a_terminal_in_chinese(
    records_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    terminal = on_a_terminal(monkeypatch)
    folder = tmp_path / "backups"
    folder.mkdir()
    code, out, _err = invoke(capsys, records_data_dir, ["backup", "--folder", str(folder)], "zh_CN")
    assert code == 0 and out.startswith(f"已写入备份：{folder}"), out
    lines = said(terminal.getvalue())
    assert len(lines) > 2 and all(re.fullmatch(r"正在备份：已读 \S+ \S+ / \S+ MB（\d+%）", x) for x in lines)
    assert lines[-1].endswith("（100%）") and terminal.getvalue().endswith(CLEAR)


def test_restore_on_a_terminal_says_how_far_its_check_is(
    records_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    archive = tmp_path / "copy.zip"
    assert invoke(capsys, records_data_dir, ["backup", "-o", str(archive)], "en")[0] == 0
    monkeypatch.setattr(verify, "STEP_EVERY", 50)  # the demo's ledger holds a few hundred entries
    code, piped, err = invoke(capsys, tmp_path / "piped", ["restore", str(archive), "--yes"], "en")
    assert code == 0 and err == ""  # not a terminal: nothing on standard error, as before
    firsts = {"en": "Checking the evidence ledger: entry 50 of ", "zh_CN": "正在核验证据账本：第 50 / "}
    for lang, first in firsts.items():
        terminal = on_a_terminal(monkeypatch)
        target = tmp_path / lang
        code, out, _err = invoke(capsys, target, ["restore", str(archive), "--yes"], lang)
        assert code == 0
        if lang == "en":  # the same result, said the same way
            assert out == piped.replace(str(tmp_path / "piped"), str(target))
        lines = said(terminal.getvalue())
        assert len(lines) > 1 and lines[0].startswith(first), lines
        assert terminal.getvalue().endswith(CLEAR)


@pytest.mark.usefixtures("small_steps")
def test_ctrl_c_during_a_backup_clears_the_line_and_leaves_no_archive(
    records_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    def interrupted(_path: Path) -> None:  # Ctrl-C once the database is copied, before the zip
        raise KeyboardInterrupt

    monkeypatch.setattr(backup_archive, "_describe_database", interrupted)
    terminal = on_a_terminal(monkeypatch)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, _err = invoke(capsys, records_data_dir, ["backup", "-o", str(out_dir / "copy.zip")], "en")
    assert (code, out) == (130, "")
    shown, _, after = terminal.getvalue().rpartition(CLEAR)
    assert said(shown)[-1].startswith("Backing up: ")  # the copy was said, then the line cleared
    assert after == "\nbranchguard: error: interrupted: what was not finished was not saved\n"
    assert list(out_dir.iterdir()) == []  # no archive, no partial one
