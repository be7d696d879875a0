"""Start at logon: the XDG autostart file (content, XDG_CONFIG_HOME, removal) and the Windows Run key
through an injected registry writer; the command names the data folder only when it is not the default."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest

from branchguard.gui.settings import autostart
from branchguard.gui.settings.autostart import WindowsAutostart, XdgAutostart, desktop_exec, launch_command


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def read(self, name: str) -> str | None:
        return self.values.get(name)

    def write(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def _exec_args(desktop: Path) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "BranchGuard"
    # The file format's string escape first (\\ -> \), then the Exec key's own quoting.
    return _split_exec(entry["Exec"].replace("\\\\", "\\"))


def _split_exec(value: str) -> list[str]:
    """The Desktop Entry spec's Exec rules: space-separated; a quoted argument in double quotes,
    inside which a backslash escapes one of " ` $ \\; %% is a literal %."""
    args, current, quoted, i = [], "", False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 1
        elif c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            args.append(current)
            current = ""
        elif c == "%" and value[i + 1] == "%":
            current += "%"
            i += 1
        else:
            current += c
        i += 1
    assert not quoted
    return [*args, current]


def test_xdg_file_written_under_xdg_config_home_and_removed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    start = XdgAutostart()
    assert start.path == tmp_path / "cfg" / "autostart" / "branchguard.desktop"
    assert not start.enabled()
    command = ["/opt/Branch Guard/branchguard", "--data-dir", '/srv/data "main" $HOME 100%']
    start.enable(command)
    assert start.enabled()
    assert _exec_args(start.path) == command
    start.disable()
    assert not start.enabled() and not start.path.exists()
    start.disable()  # already off: nothing to do, no error


def test_xdg_relative_config_home_is_ignored(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/cfg")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert XdgAutostart().path == tmp_path / ".config" / "autostart" / "branchguard.desktop"


def test_plain_arguments_stay_unquoted() -> None:
    assert desktop_exec(["/usr/bin/branchguard"]) == "/usr/bin/branchguard"


def test_windows_run_key_through_the_writer() -> None:
    registry = FakeRunKey()
    start = WindowsAutostart(registry)
    assert not start.enabled()
    start.enable([r"C:\Program Files\BranchGuard\BranchGuard.exe", "--data-dir", r"D:\Branch Data"])
    assert registry.values == {
        "BranchGuard": r'"C:\Program Files\BranchGuard\BranchGuard.exe" --data-dir "D:\Branch Data"'
    }
    assert start.enabled()
    start.disable()
    assert registry.values == {} and not start.enabled()


def test_command_names_the_data_folder_only_when_not_default(tmp_path: Path, monkeypatch) -> None:
    default, other = tmp_path / "default", tmp_path / "other"
    plain = launch_command(default, default)
    assert "--data-dir" not in plain
    assert launch_command(other, default)[-2:] == ["--data-dir", str(other)]
    assert launch_command(default, None)[-2:] == ["--data-dir", str(default)]
    monkeypatch.setenv("BRANCHGUARD_DATA_DIR", str(other))
    assert autostart.default_data_dir_for_logon() is None
    monkeypatch.delenv("BRANCHGUARD_DATA_DIR")
    assert autostart.default_data_dir_for_logon() is not None
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", r"C:\BranchGuard\BranchGuard.exe")
    assert launch_command(default, default) == [r"C:\BranchGuard\BranchGuard.exe"]


def test_not_frozen_starts_the_branchguard_script_beside_python(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    assert launch_command(tmp_path, tmp_path) == [str(bin_dir / "python"), "-m", "branchguard"]
    (bin_dir / "branchguard").write_text("#!/bin/sh\n")
    assert launch_command(tmp_path, tmp_path) == [str(bin_dir / "branchguard")]


@pytest.mark.parametrize(
    ("platform", "kind"),
    [("win32", WindowsAutostart), ("linux", XdgAutostart), ("darwin", type(None))],
)
def test_for_this_system(platform: str, kind: type) -> None:
    assert isinstance(autostart.for_this_system(platform), kind)
