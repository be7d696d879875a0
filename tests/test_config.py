"""Where the data folder is when none is named: one for the whole PC on Windows (a branch's back-office
PC is shared by several Windows accounts), the user's XDG data folder on Linux; the environment and
--data-dir override both."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from branchguard import config
from branchguard.cli import main


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A Windows PC's two candidate folders: (%PROGRAMDATA%, the user's %LOCALAPPDATA%)."""
    programdata, localappdata = tmp_path / "ProgramData", tmp_path / "user" / "AppData" / "Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(programdata))
    monkeypatch.setenv("LOCALAPPDATA", str(localappdata))
    monkeypatch.delenv(config.DATA_DIR_ENV)
    return programdata, localappdata


def test_windows_default_is_one_folder_for_every_account(windows: tuple[Path, Path]) -> None:
    programdata, _local = windows
    assert config.default_data_dir() == programdata / "BranchGuard"


def test_windows_upgrade_keeps_using_the_per_user_folder_that_holds_the_data(
    windows: tuple[Path, Path],
) -> None:
    programdata, local = windows
    (programdata / "BranchGuard").mkdir(parents=True)  # the installer made the shared folder, empty
    (local / "BranchGuard").mkdir(parents=True)
    (local / "BranchGuard" / config.DB_FILE).write_bytes(b"")
    assert config.default_data_dir() == local / "BranchGuard"
    # Once the data is moved into the shared folder (backup, then restore there), that one wins.
    (programdata / "BranchGuard" / config.DB_FILE).write_bytes(b"")
    assert config.default_data_dir() == programdata / "BranchGuard"


def test_windows_environment_names_another_folder(
    windows: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "share"))
    assert config.default_data_dir() == tmp_path / "share"


def test_linux_default_is_the_users_xdg_data_folder(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(config.DATA_DIR_ENV)
    assert config.default_data_dir() == isolated_home / "data" / "BranchGuard"


def test_the_command_line_uses_the_default_folder(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(config.DATA_DIR_ENV)
    folder = isolated_home / "data" / "BranchGuard"
    assert main(["--lang", "en", "info"]) == 1  # nothing there yet: said, and nothing made
    assert f"there is no BranchGuard data in {folder}" in capsys.readouterr().err
    assert not (folder / config.DB_FILE).exists()
    assert main(["--lang", "en", "demo"]) == 0
    assert main(["--lang", "en", "info"]) == 0
    assert f"data_dir: {folder}" in capsys.readouterr().out


BAD_SETTINGS = [
    pytest.param(b"[branchguard]\nlanguage = en\nlanguage = zh_CN\n", "line 3 is not right", id="twice"),
    pytest.param(b"garbage\n", "line 1 is not right", id="no-section"),
    pytest.param(b"[branchguard]\nlanguage = \xfd\n", "not UTF-8 text at byte 26", id="not-utf8"),
]


@pytest.mark.parametrize(("content", "where"), BAD_SETTINGS)
@pytest.mark.parametrize("command", [["info"], ["playbook", "list"], ["restore", "--yes", "none.zip"]])
def test_a_settings_file_that_cannot_be_read_is_said_with_its_line_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, where: str, command: list[str]
) -> None:
    """It showed 'DuplicateOptionError: …' or an undecodable byte with neither file nor line, and
    `restore`, the way back for a damaged folder, ended in a traceback."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_bytes(content)
    assert main(["--data-dir", str(data), "--lang", "en", *command]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"branchguard: error: {data / 'settings.ini'} cannot be read ({where}): correct it in a text "
        "editor, or move it out of the data folder to start with the default settings\n"
    )
    assert (data / "settings.ini").read_bytes() == content  # left as it was
