"""settings.ini written safely: one thread at a time (the window sets while pool threads read and
the writer thread sets), and a write the system refuses leaves the file and the value as they were,
said with the file and the system's reason."""

from __future__ import annotations

import configparser
import errno
import threading
from pathlib import Path
from typing import IO, Any

import pytest

from branchguard.config import LocalSettings
from branchguard.core.kernel.errors import BranchGuardError


def _disk_full_halfway(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up after the first line of the file is written."""

    def write(_parser: configparser.ConfigParser, fh: IO[str], *_args: Any) -> None:
        fh.write("[branchguard]\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(configparser.ConfigParser, "write", write)


def test_a_full_disk_leaves_the_file_and_the_value_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = LocalSettings(tmp_path / "data")
    settings.set("language", "en")
    stored = settings.path.read_bytes()
    _disk_full_halfway(monkeypatch)
    for key, value in (("language", "zh_CN"), ("backup_keep_daily", "3")):  # set before, and never set
        with pytest.raises(BranchGuardError) as refused:
            settings.set(key, value)
        assert refused.value.text("en") == (
            f"cannot write the settings file {settings.path} (No space left on device); the setting "
            "was NOT changed, the file is as it was. Check that the disk has free space and that this "
            "account may write there, then try again."
        )
        assert "磁盘空间已满" in refused.value.text("zh_CN")
    assert settings.path.read_bytes() == stored
    assert (settings.get("language"), settings.get_int("backup_keep_daily")) == ("en", 14)
    assert [p.name for p in settings.data_dir.iterdir()] == ["settings.ini"]  # no half-written file beside it
    monkeypatch.undo()
    settings.set("backup_keep_daily", "5")  # room again: the next write stores what is meant, no more
    assert LocalSettings(settings.data_dir).get("language") == "en"
    assert settings.get("backup_keep_daily") == "5"


def test_a_file_that_cannot_be_replaced_is_said_with_the_systems_reason(tmp_path: Path) -> None:
    settings = LocalSettings(tmp_path / "data")
    settings.path.mkdir(parents=True)  # a folder where the file goes: not replaced, even by root
    with pytest.raises(BranchGuardError) as refused:
        settings.set("report_font", "/fonts/simhei.ttf")
    assert f"{settings.path} (Is a directory)" in refused.value.text("en")
    assert settings.get("report_font") == "" and not settings.path.with_suffix(".ini.tmp").exists()


def test_threads_that_read_and_write_at_once_each_see_a_whole_file(tmp_path: Path) -> None:
    """Without the lock two writers shared one temporary file (one replaced it while the other was
    writing it: FileNotFoundError) and a reader met the parser half changed."""
    settings = LocalSettings(tmp_path / "data")
    failures: list[BaseException] = []
    start = threading.Barrier(3)

    def hammer(work: Any) -> threading.Thread:
        def run() -> None:
            start.wait()
            try:
                for n in range(300):
                    work(n)
            except BaseException as exc:  # what the test reports
                failures.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        return thread

    threads = [
        hammer(lambda n: settings.set("backup_keep_daily", str(n % 50 + 1))),
        hammer(lambda n: settings.set("backup_keep_monthly", str(n % 50))),
        hammer(lambda n: settings.get_int("backup_keep_daily")),
    ]
    for thread in threads:
        thread.join()
    assert failures == []
    assert LocalSettings(tmp_path / "data").get("backup_keep_daily") == "50"
    assert LocalSettings(tmp_path / "data").get("backup_keep_monthly") == "49"


def test_the_lock_is_held_while_the_file_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another thread cannot take it meanwhile: it would read or write the parser mid-write."""
    settings = LocalSettings(tmp_path / "data")
    seen: list[bool] = []
    original = configparser.ConfigParser.write

    def write(parser: configparser.ConfigParser, fh: IO[str], *args: Any) -> None:
        free: list[bool] = []
        other = threading.Thread(target=lambda: free.append(_free(settings)))
        other.start()
        other.join()
        seen.extend(free)
        original(parser, fh, *args)

    monkeypatch.setattr(configparser.ConfigParser, "write", write)
    settings.set("language", "en")
    assert seen == [False] and _free(settings)


def _free(settings: LocalSettings) -> bool:
    lock = getattr(settings, "_lock", None)
    if lock is None:
        return True  # no lock at all: nothing keeps another thread out
    if not lock.acquire(blocking=False):
        return False
    lock.release()
    return True

