"""The one writer: only a regular file is ever replaced, never a device, a FIFO or a folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import NoReturn

import pytest

from branchguard.core.kernel import output
from branchguard.core.kernel.output import OutputRefused, write_file


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "out"
    made.mkdir()
    return made


def refused(path: Path | str) -> OutputRefused:
    with pytest.raises(OutputRefused) as err:
        write_file(path, b"%PDF-1.4 report")
    assert err.value.field == "field.output"
    return err.value


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX devices")
def test_a_device_is_never_replaced() -> None:
    assert refused("/dev/null").reason_message.key == "output.not_regular"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_refused_without_blocking(folder: Path) -> None:
    fifo = folder / "out.pdf"
    os.mkfifo(fifo)
    assert refused(fifo).reason_message.key == "output.not_regular"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in folder.iterdir()] == ["out.pdf"]  # no temporary file left


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    assert refused(tmp_path).reason_message.key == "output.is_folder"
    with pytest.raises(FileNotFoundError) as err:  # as open() says it, naming the file asked for
        write_file(tmp_path / "nowhere" / "x.pdf", b"data")
    assert err.value.filename == str(tmp_path / "nowhere" / "x.pdf")


def test_a_regular_file_is_replaced_whole(folder: Path) -> None:
    target = folder / "report.pdf"
    target.write_bytes(b"old")
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="links")
def test_a_link_is_followed_to_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_file(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    (tmp_path / "dev.pdf").symlink_to("/dev/null")
    assert refused(tmp_path / "dev.pdf").reason_message.key == "output.not_regular"


def test_a_target_that_became_something_else_while_writing_is_left_alone(folder: Path) -> None:
    target = folder / "report.pdf"

    def write_while_swapped() -> None:
        with output.writing(target) as fh:
            fh.write(b"data")
            target.mkdir()  # swapped for a folder between the check and the rename

    with pytest.raises(OutputRefused) as err:
        write_while_swapped()
    assert err.value.reason_message.key == "output.changed"
    assert target.is_dir() and [p.name for p in folder.iterdir()] == ["report.pdf"]


def test_windows_device_names_are_refused_there(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(output.sys, "platform", "win32")
    assert refused(tmp_path / "NUL.pdf").reason_message.key == "output.reserved"
    assert refused(tmp_path / "com1").reason_message.key == "output.reserved"


def test_a_clean_up_that_fails_too_does_not_hide_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a read-only mount the unlink of the unfinished temporary file fails as the write did;
    that second error reached the user, naming `.reg.xlsx.<hex>.tmp` instead of reg.xlsx."""
    import errno

    def refused(self: Path, *args: object, **kwargs: object) -> NoReturn:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "open", refused)
    monkeypatch.setattr(Path, "unlink", refused)
    target = tmp_path / "reg.xlsx"
    with pytest.raises(OSError, match="Read-only file system") as raised:
        write_file(target, b"x")
    assert (raised.value.errno, raised.value.filename) == (errno.EROFS, str(target))
