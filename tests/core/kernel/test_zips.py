"""A zip opened with its directory proved: a byte changed in the list of files at its end is damage,
not a member missing; a name that no longer decodes is damage, not a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from branchguard.core.kernel.zips import ZipDamaged, open_zip
from tests.zip_damage import rename_in_directory, undecodable_in_directory


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    path = tmp_path / "sound.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", '{"format": "x"}')
        zf.writestr("manifest.sig", "00" * 64)
    return path


def test_a_sound_zip_opens(sound: Path) -> None:
    with open_zip(sound) as zf, sound.open("rb") as fh, open_zip(fh) as again:
        assert zf.namelist() == again.namelist() == ["manifest.json", "manifest.sig"]


def test_a_name_changed_in_the_directory_is_damage(sound: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    listed = rename_in_directory(sound, "manifest.sig", bad)
    with zipfile.ZipFile(bad) as zf:  # read as the zip module reads it: one member missing
        assert "manifest.sig" not in zf.namelist() and listed in zf.namelist()
    with pytest.raises(ZipDamaged) as damaged:
        open_zip(bad)
    assert not damaged.value.no_zip and listed in damaged.value.detail


def test_a_name_that_does_not_decode_is_damage(sound: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    undecodable_in_directory(sound, "manifest.sig", bad)
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(bad)
    with pytest.raises(ZipDamaged) as damaged:
        open_zip(bad)
    assert not damaged.value.no_zip


@pytest.mark.parametrize("kind", ["cut_short", "text"])
def test_a_file_that_is_no_zip_is_said_so(sound: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.zip"
    data = sound.read_bytes()
    bad.write_bytes(data[: len(data) // 2] if kind == "cut_short" else b"not a zip")
    with pytest.raises(ZipDamaged) as damaged:
        open_zip(bad)
    assert damaged.value.no_zip
