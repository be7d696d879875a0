"""A head-office library damaged on its way down (a byte changed in the zip's list of files) is
refused as a damaged file: it was refused as "not signed (no manifest.sig)", which tells a branch its
head office sends unsigned libraries, or as holding a member its manifest does not list."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from branchguard.core.library_sync import archive
from branchguard.core.library_sync.rules import MANIFEST, SIGNATURE, LibraryRefused
from tests.zip_damage import rename_in_directory, undecodable_in_directory


def _library(path: Path) -> Path:
    """A library's head (the refusals here come before its signature is checked)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, '{"format": "branchguard.library"}')
        zf.writestr(SIGNATURE, "00" * 64)
    return path


@pytest.mark.parametrize("member", [SIGNATURE, MANIFEST])
@pytest.mark.parametrize("damage", [rename_in_directory, undecodable_in_directory])
def test_a_library_damaged_in_its_list_of_files_is_said_damaged(
    tmp_path: Path, member: str, damage: Callable[[Path, str, Path], object]
) -> None:
    bad = tmp_path / "library-2027.zip"
    damage(_library(tmp_path / "sound.zip"), member, bad)
    with pytest.raises(LibraryRefused) as caught:
        archive.read(bad)
    assert caught.value.content.key == "library.damaged"  # type: ignore[union-attr]
    assert f"the library file {bad} is damaged" in caught.value.text("en")
    assert f"资料库文件 {bad} 已损坏" in caught.value.text("zh_CN")


def test_a_library_cut_short_is_no_zip(tmp_path: Path) -> None:
    sound = _library(tmp_path / "sound.zip")
    bad = tmp_path / "library-2027.zip"
    bad.write_bytes(sound.read_bytes()[:40])
    with pytest.raises(LibraryRefused) as caught:
        archive.read(bad)
    assert caught.value.content.key == "library.not_zip"  # type: ignore[union-attr]
    assert "(not a zip file, or one cut short)" in caught.value.text("en")
