"""`make test`'s choice of a RAM disk for the tests' folders (tools/test_tmp.py): only a tmpfs with
room that runs programs, and a folder of its own for each checkout."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def test_tmp(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))
    from tools import test_tmp

    return test_tmp


@pytest.fixture
def ram_disk(test_tmp: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path taken for the RAM disk, as if it were a tmpfs with room."""
    disk = tmp_path / "shm"
    disk.mkdir()
    monkeypatch.setattr(test_tmp, "RAM_DISK", disk)
    monkeypatch.setattr(test_tmp, "_mount_type", lambda path: "tmpfs" if path == disk else "")
    monkeypatch.setattr(test_tmp, "ROOM", 1)
    return disk


def test_each_checkout_gets_a_private_folder_of_its_own(
    test_tmp: ModuleType, ram_disk: Path, tmp_path: Path
) -> None:
    first, again, other = (test_tmp.folder(tmp_path / name) for name in ("one", "one", "two"))
    assert first is not None and other is not None
    assert first == again != other
    assert first.parent == ram_disk and first.stat().st_mode & 0o777 == 0o700
    assert list(first.iterdir()) == []  # the probe is gone


def test_no_ram_disk_without_a_tmpfs_room_or_the_right_to_run_programs(
    test_tmp: ModuleType, ram_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:
        m.setattr(test_tmp, "_mount_type", lambda path: "ext4")
        assert test_tmp.folder(tmp_path) is None
    with monkeypatch.context() as m:
        m.setattr(test_tmp, "ROOM", 1 << 60)
        assert test_tmp.folder(tmp_path) is None
    with monkeypatch.context() as m:
        m.setattr(test_tmp, "_runs_programs", lambda folder: False)
        assert test_tmp.folder(tmp_path) is None
    assert test_tmp.folder(tmp_path) is not None


def test_a_program_written_in_a_folder_runs_there(test_tmp: ModuleType, tmp_path: Path) -> None:
    assert test_tmp._runs_programs(tmp_path)
    assert not test_tmp._runs_programs(tmp_path / "missing")
