"""A fault of a file the user chose (an export to a read-only or full folder, a PDF a viewer holds)
is worded as that file's, as the command line words its -o; one of the data's own files keeps the
data folder's words. EACCES and EPERM are worded too, not left to a raw PermissionError."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from branchguard.core.faults.machine import explain_fault
from branchguard.core.faults.rules import classify, system_words, users_file
from branchguard.core.faults.types import FaultKind, FaultPlace
from branchguard.core.kernel import output
from branchguard.core.kernel.i18n import Message, translate

DATA = "/srv/branch"
PLACE = FaultPlace(DATA, f"{DATA}/branchguard.sqlite")
TARGET = "/media/usb/reg.xlsx"


def _words(exc: OSError, place: FaultPlace) -> tuple[FaultKind, Message]:
    """The fault's kind and keyed message."""
    fault = explain_fault(exc, place)
    assert fault is not None and isinstance(fault.content, Message)
    return fault.kind, fault.content


def _raised(code: int, filename: str, filename2: str | None = None) -> OSError:
    """An OSError as the system raises it (PermissionError for EACCES and EPERM, and so on)."""
    return OSError(code, os.strerror(code), filename, None, filename2)


@pytest.mark.parametrize(
    ("code", "kind", "key"),
    [
        (errno.EROFS, FaultKind.READ_ONLY, "fault.file_unwritable"),
        (errno.ENOSPC, FaultKind.FULL, "fault.file_unwritable"),
        (errno.EACCES, FaultKind.NO_PERMISSION, "fault.file_no_permission"),
        (errno.EPERM, FaultKind.NO_PERMISSION, "fault.file_no_permission"),
    ],
)
def test_a_chosen_file_is_named_not_the_data_folder(code: int, kind: FaultKind, key: str) -> None:
    said, content = _words(_raised(code, TARGET), PLACE)
    assert said is kind and content.key == key
    assert content.params["path"] == TARGET and translate(content.params["error"], "en") == os.strerror(code)
    for language in ("en", "zh_CN"):
        words = content.text(language)
        assert TARGET in words and DATA not in words


@pytest.mark.parametrize(
    ("code", "kind", "key"),
    [
        (errno.EROFS, FaultKind.READ_ONLY, "fault.read_only"),
        (errno.ENOSPC, FaultKind.FULL, "fault.full"),
        (errno.EACCES, FaultKind.NO_PERMISSION, "fault.no_permission"),
        (errno.EPERM, FaultKind.NO_PERMISSION, "fault.no_permission"),
    ],
)
@pytest.mark.parametrize(
    "own",
    [
        f"{DATA}/attachments/3/photo.jpg",
        f"{DATA}/logs/branchguard.log",
        f"{DATA}/keys/signing.key",
        f"{DATA}/branchguard.sqlite-wal",
        f"{DATA}/branchguard.sqlite-journal",
        DATA,
    ],
)
def test_the_datas_own_file_keeps_the_data_folders_words(
    own: str, code: int, kind: FaultKind, key: str
) -> None:
    said, content = _words(_raised(code, own), PLACE)
    assert said is kind and content.key == key
    assert DATA in content.text("en")


def test_a_database_outside_the_data_folder_is_the_datas() -> None:
    place = FaultPlace(DATA, "/var/db/branch.sqlite")
    for name in ("/var/db/branch.sqlite", "/var/db/branch.sqlite-shm"):
        assert users_file(_raised(errno.EROFS, name), place) is None
    assert users_file(_raised(errno.EROFS, "/var/db/other.pdf"), place) == "/var/db/other.pdf"


def test_a_rename_into_the_data_folder_is_the_datas() -> None:
    """os.replace names both files: one of them the data's, the data folder is said."""
    exc = _raised(errno.EROFS, "/tmp/staged.sqlite", f"{DATA}/branchguard.sqlite")
    assert users_file(exc, PLACE) is None
    assert users_file(_raised(errno.EROFS, "/tmp/a.tmp", TARGET), PLACE) == "/tmp/a.tmp"


def test_no_file_named_is_the_datas() -> None:
    assert _words(OSError(errno.ENOSPC, "No space left on device"), PLACE)[1].key == "fault.full"


def test_permission_is_a_fault() -> None:
    assert classify(PermissionError(errno.EACCES, "Permission denied", TARGET)) is FaultKind.NO_PERMISSION
    assert classify(_raised(errno.EPERM, TARGET)) is FaultKind.NO_PERMISSION
    assert isinstance(_raised(errno.EPERM, TARGET), PermissionError)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes in any folder")
def test_an_export_the_system_refuses_names_the_chosen_file(tmp_path: Path) -> None:
    """A real refusal, through the one helper every export writes with: a folder this account may
    not write."""
    data = tmp_path / "data"
    place = FaultPlace(str(data), str(data / "branchguard.sqlite"))
    target = tmp_path / "out" / "reg.pdf"
    target.parent.mkdir()
    target.parent.chmod(0o500)
    try:
        with pytest.raises(PermissionError) as raised:
            output.write_file(target, b"%PDF")
    finally:
        target.parent.chmod(0o700)
    content = _words(raised.value, place)[1]
    assert content.key == "fault.file_no_permission" and content.params["path"] == str(target)


def test_the_systems_words_are_in_the_readers_language() -> None:
    """A Chinese line quoted the system's English: "无法写入 …：No such file or directory"."""
    from branchguard.core.faults.rules import explain

    for code, en, zh in (
        (errno.ENOENT, "No such file or directory", "文件或文件夹不存在"),
        (errno.ENOSPC, "No space left on device", "磁盘空间已满"),
        (errno.EACCES, "Permission denied", "没有访问权限"),
    ):
        fault = explain(OSError(code, os.strerror(code), TARGET), PLACE)
        assert fault is not None
        assert en in fault.text("en") and zh in fault.text("zh_CN") and en not in fault.text("zh_CN")
    words = system_words(OSError(errno.ENOENT, "No such file or directory", TARGET))
    assert translate(words, "zh_CN") == "文件或文件夹不存在"
    assert translate(words, "en") == "No such file or directory"
    looped = "Too many levels of symbolic links"  # not one a person meets: the system's words
    assert system_words(OSError(errno.ELOOP, looped)) == looped


@pytest.mark.parametrize("code", [errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG])
def test_a_chosen_file_that_cannot_be_used_otherwise_is_named_too(code: int) -> None:
    """An export to a USB stick pulled meanwhile (its folder gone) was worded by the command line
    alone, which had its own test of the file's folder; the window showed "FileNotFoundError: …"."""
    said, content = _words(_raised(code, TARGET), PLACE)
    assert said is FaultKind.FILE and content.key == "fault.file_unusable"
    assert content.params["path"] == TARGET
    for language in ("en", "zh_CN"):
        words = content.text(language)
        assert TARGET in words and DATA not in words


@pytest.mark.parametrize("code", [errno.ENOENT, errno.EISDIR])
def test_the_datas_own_missing_file_is_no_fault(code: int) -> None:
    """A data file gone (an attachment deleted by hand) is no file of the user's: no words of one."""
    for own in (f"{DATA}/attachments/3/photo.jpg", f"{DATA}/branchguard.sqlite"):
        assert explain_fault(_raised(code, own), PLACE) is None
    assert explain_fault(OSError(errno.ENOENT, "No such file or directory"), PLACE) is None
