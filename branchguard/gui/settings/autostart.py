"""Start BranchGuard when the user logs on: the Windows registry Run key or an XDG autostart file.

Qt-free on purpose (the tests check the file and the registry writes without a window). The command
started is the one running now: the frozen executable, else the `branchguard` script beside this
Python, else `python -m branchguard`; with `--data-dir` when the data folder is not the default one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from branchguard import APP_NAME

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
DESKTOP_FILE = "branchguard.desktop"


def launch_command(data_dir: Path, default_dir: Path | None) -> list[str]:
    """The command line that starts this BranchGuard's window on `data_dir` (named unless it is
    `default_dir`; None: always named, as when the folder came from the environment, which a
    logon start may not have)."""
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        scripts = Path(sys.executable).parent
        script = next(
            (p for p in (scripts / "branchguard", scripts / "branchguard.exe") if p.is_file()), None
        )
        command = [str(script)] if script is not None else [sys.executable, "-m", "branchguard"]
    if default_dir is None or Path(data_dir).resolve() != Path(default_dir).resolve():
        command += ["--data-dir", str(data_dir)]
    return command


class Autostart(Protocol):
    def enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...


# --- Linux and other XDG desktops ----------------------------------------------------------------


def xdg_config_home() -> Path:
    env = os.environ.get("XDG_CONFIG_HOME", "")
    # The specification: a relative path there is invalid and ignored.
    return Path(env) if env and Path(env).is_absolute() else Path.home() / ".config"


def desktop_exec(command: Sequence[str]) -> str:
    """The Exec value: arguments with reserved characters quoted as the Desktop Entry spec says."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for arg in command:
        escaped = arg.replace("%", "%%")
        if any(c in reserved for c in arg) or not arg:
            for c in ("\\", '"', "`", "$"):
                escaped = escaped.replace(c, "\\" + c)
            escaped = f'"{escaped}"'
        parts.append(escaped)
    # A backslash in a string value is itself escaped once more by the file format.
    return " ".join(parts).replace("\\", "\\\\")


class XdgAutostart:
    """~/.config/autostart/branchguard.desktop (respecting XDG_CONFIG_HOME)."""

    def __init__(self, config_home: Path | None = None) -> None:
        self.path = (config_home or xdg_config_home()) / "autostart" / DESKTOP_FILE

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        text = "\n".join(
            (
                "[Desktop Entry]",
                "Type=Application",
                f"Name={APP_NAME}",
                "Comment=Emergency response, drills and inspections: reminders",
                f"Exec={desktop_exec(command)}",
                "Icon=branchguard",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            )
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


# --- Windows -------------------------------------------------------------------------------------


class RunKeyWriter(Protocol):
    """One value under HKCU\\...\\Run: read, write, delete (the tests inject a dict-backed one)."""

    def read(self, name: str) -> str | None: ...

    def write(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class WinregRunKey:
    """The real HKEY_CURRENT_USER Run key, through winreg (Windows only)."""

    def read(self, name: str) -> str | None:
        if sys.platform != "win32":  # mypy checks what follows for Windows only
            raise OSError("the registry is on Windows only")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def write(self, name: str, value: str) -> None:
        if sys.platform != "win32":  # mypy checks what follows for Windows only
            raise OSError("the registry is on Windows only")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform != "win32":  # mypy checks what follows for Windows only
            raise OSError("the registry is on Windows only")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsAutostart:
    def __init__(self, registry: RunKeyWriter | None = None) -> None:
        self.registry = registry or WinregRunKey()

    def enabled(self) -> bool:
        return bool(self.registry.read(APP_NAME))

    def enable(self, command: Sequence[str]) -> None:
        self.registry.write(APP_NAME, subprocess.list2cmdline(list(command)))

    def disable(self) -> None:
        self.registry.delete(APP_NAME)


def default_data_dir_for_logon() -> Path | None:
    """The data folder a start at logon finds by itself; None when this one came from
    BRANCHGUARD_DATA_DIR (then the command names it)."""
    from branchguard.config import DATA_DIR_ENV, default_data_dir

    return None if os.environ.get(DATA_DIR_ENV) else default_data_dir()


def for_this_system(platform: str = sys.platform) -> Autostart | None:
    """The start-at-logon mechanism of this OS; None where there is none we support (macOS)."""
    if platform == "win32":
        return WindowsAutostart()
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return XdgAutostart()
    return None
