"""Whose is the window's lock file, and is it still theirs: read as QLockFile writes it, judged here.

QLockFile writes five lines: the holder's PID, its program name, the host name, the machine's unique
ID and the boot's ID. Its own rule takes over a lock whose process is gone, or of an earlier boot
(a power cut), but it takes the PID's word that a process of the same program name is the holder:
after a window was killed the PID may have gone to another Python (or BranchGuard) process, and
every start and every restore was refused as "already open" until that process ended. A process
that started after the lock was written is not its holder: the lock is stale. A lock file its holder
still holds as QLockFile does (held_open) is live whatever the times say: a clock set forward after
the window started makes it look younger than its lock. On another PC (a shared folder) nothing can
be seen of the holder, so its lock is never stale from here.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from branchguard.core.faults.holders import host_name, process_runs

# How far a process's start may seem to lie after the lock it wrote: the boot time the start is
# reckoned from is whole seconds (Linux's btime), and a file system's times may be coarse (FAT: 2 s).
START_SLACK_SECONDS = 3.0


class Holding(Enum):
    LIVE = "live"  # its process runs on this PC
    STALE = "stale"  # left by a process of this PC that ended (a crash, a power cut)
    ELSEWHERE = "elsewhere"  # written on another PC: its process cannot be seen from here


@dataclass(frozen=True)
class WindowLock:
    path: Path
    pid: int
    host: str
    machine: str  # QSysInfo::machineUniqueId, empty where Qt has none
    boot: str  # QSysInfo::bootUniqueId, empty where Qt has none (Windows)
    written: float  # the file's modification time: when the lock was taken (Qt never rewrites it)

    def since(self) -> str:
        return datetime.fromtimestamp(self.written, UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def read(path: Path) -> WindowLock | None:
    """The lock at `path`; None when there is none, or it names no PID (unreadable, cut short)."""
    try:
        written = path.stat().st_mtime
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        pid = int(lines[0].strip())
    except (OSError, ValueError):
        return None
    if pid <= 0:
        return None
    field = [line.strip() for line in (*lines[2:5], "", "", "")]
    return WindowLock(path, pid, field[0], field[1], field[2], written)


def holding(lock: WindowLock) -> Holding:
    """Whether the lock's holder still holds it, by QLockFile's rule, and by the holder's start
    time where the system tells it (a PID given to a process started after the lock was written)."""
    if not _this_pc(lock):
        return Holding.ELSEWHERE
    if held_open(lock.path):
        return Holding.LIVE  # whatever the times say: a clock set forward since makes a holder "younger"
    boot = _boot_id()
    if lock.boot and boot and lock.boot != boot:
        return Holding.STALE  # written before the PC restarted
    if not process_runs(lock.pid):
        return Holding.STALE
    started = process_started(lock.pid)
    if started is not None and started > lock.written + START_SLACK_SECONDS:
        return Holding.STALE  # the PID was given again, to a process younger than the lock
    return Holding.LIVE


def held_open(path: Path) -> bool:
    """Whether a running process holds the file as QLockFile's holder does: flock() on Unix (Qt's
    native lock beside the file), opened without sharing writes on Windows. False when nobody does,
    or when it cannot be told (then the PID and the times decide)."""
    if sys.platform == "win32":
        try:
            with open(path, "r+b"):
                return False
        except PermissionError:  # a sharing violation: its holder has it open
            return True
        except OSError:
            return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:  # a file system without flock
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _this_pc(lock: WindowLock) -> bool:
    """QLockFile's test: the machine's unique ID when the lock has one and this PC's can be read,
    else the host name (no host name at all: this PC)."""
    machine = _machine_ids()
    if lock.machine and machine:
        return lock.machine in machine
    return not lock.host or lock.host.casefold() == host_name().casefold()


def _first_line(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.readline().strip()
    except OSError:
        return ""


def _machine_ids() -> set[str]:
    """This PC's unique IDs as Qt reads them (Linux: D-Bus's or systemd's machine-id; Windows: the
    registry's MachineGuid); empty where none can be read."""
    if sys.platform == "win32":
        import winreg

        try:
            key = winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE,
                r"SOFTWARE\Microsoft\Cryptography",
                0,
                winreg.KEY_READ | winreg.KEY_WOW64_64KEY,
            )
            with key:
                return {str(winreg.QueryValueEx(key, "MachineGuid")[0])}
        except OSError:
            return set()
    return {i for i in map(_first_line, ("/var/lib/dbus/machine-id", "/etc/machine-id")) if i}


def _boot_id() -> str:
    return _first_line("/proc/sys/kernel/random/boot_id") if sys.platform.startswith("linux") else ""


def process_started(pid: int) -> float | None:
    """When the process `pid` started (seconds since the epoch), where the system says it (Linux,
    Windows); None elsewhere, or when it cannot be read."""
    if sys.platform == "win32":
        return _windows_started(pid)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, counted after the name's ")"
        btime = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text(encoding="ascii").splitlines()
            if line.startswith("btime ")
        )
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return btime + ticks / os.sysconf("SC_CLK_TCK")


def _windows_started(pid: int) -> float | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    times = [wintypes.FILETIME() for _ in range(4)]  # creation, exit, kernel, user
    try:
        ok = kernel.GetProcessTimes(handle, *(ctypes.byref(t) for t in times))
    finally:
        kernel.CloseHandle(handle)
    if not ok:
        return None
    created = times[0]
    hundred_ns = (created.dwHighDateTime << 32) | created.dwLowDateTime  # since 1601-01-01
    return hundred_ns / 10_000_000 - 11_644_473_600
