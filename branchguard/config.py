"""Every local setting declared once with its default; stored in settings.ini in the data folder.

Branch-wide settings (branch name, lockout policy) live in the database so a shared PostgreSQL
deployment sees one value; what belongs to this PC (language, database URL, report font) lives
here. Window geometry is the GUI's own business (QSettings next to this file).

A database password never stays in settings.ini: one found in `db_url` is moved to the system
keyring (service "BranchGuard", account "user@host") and the file rewritten without it; with no
working keyring the start is refused, saying how to use a pgpass file instead. At connection the
keyring's password is added to a URL that has none; without one, libpq reads PGPASSFILE/~/.pgpass.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from branchguard import APP_NAME
from branchguard.paths import make_private

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

KEYRING_SERVICE = "BranchGuard"
DB_ENV = "BRANCHGUARD_DB"
DATA_DIR_ENV = "BRANCHGUARD_DATA_DIR"
DB_FILE = "branchguard.sqlite"  # the embedded database in the data folder
SECTION = "branchguard"


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    doc: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", "zh_CN", "UI, CLI and report language: zh_CN or en"),
        Setting("db_url", "", "SQLAlchemy URL; empty means the embedded SQLite file in the data folder"),
        Setting("report_font", "", "TrueType font file for Chinese text in PDFs; empty means search"),
        Setting("backup_dir", "", "automatic backups folder (USB stick, share); empty: data/backups"),
        Setting("backup_keep_daily", "14", "automatic backups kept: the newest of each of this many days"),
        Setting("backup_keep_monthly", "12", "automatic backups kept: the newest of this many months"),
        Setting("anchor_dir", "", "signed anchor file folder (USB stick, share); empty: the backups folder"),
    )
}


def default_data_dir() -> Path:
    """The data folder when neither --data-dir nor BRANCHGUARD_DATA_DIR names one.

    Windows: one folder for the PC whoever is logged in (a branch's back-office PC is shared by
    several Windows accounts, which must see one database), %PROGRAMDATA%\\BranchGuard; the
    installer creates it and lets the PC's users modify it. Linux: the user's XDG data folder; a
    shared one is set with BRANCHGUARD_DATA_DIR (README, "Where data lives").
    """
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        return windows_data_dir()
    import platformdirs  # here: only when no data folder was given (a few ms before the first frame)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def windows_data_dir() -> Path:
    """%PROGRAMDATA%\\BranchGuard, unless only the per-user folder of version 0.1
    (%LOCALAPPDATA%\\BranchGuard) holds data: an upgrade keeps using it until it is moved."""
    shared = Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / APP_NAME
    local = os.environ.get("LOCALAPPDATA")
    if local and _holds_data(Path(local) / APP_NAME) and not _holds_data(shared):
        return Path(local) / APP_NAME
    return shared


def _holds_data(folder: Path) -> bool:
    return any((folder / name).exists() for name in (DB_FILE, "settings.ini"))


class LocalSettings:
    """settings.ini in the data folder; unknown keys are kept, unset keys read their default.

    One lock around every read and write: the window sets while pool threads read (a backup's
    retention, a report's font) and the writer thread sets (the anchor folder); configparser is
    not thread-safe, and two writes at once shared one temporary file."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / "settings.ini"
        self._lock = threading.RLock()
        self._parser = configparser.ConfigParser(interpolation=None)
        if self.path.exists():
            try:
                self._parser.read(self.path, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError) as exc:  # a hand edit gone wrong
                raise _unreadable(self.path, exc) from None
        if not self._parser.has_section(SECTION):
            self._parser.add_section(SECTION)

    def get(self, key: str) -> str:
        setting = SETTINGS[key]
        with self._lock:
            return self._parser.get(SECTION, key, fallback=setting.default)

    def get_int(self, key: str) -> int:
        """A whole-number setting; a value that is not one reads as its default."""
        value = self.get(key)
        return int(value) if value.strip().isdigit() else int(SETTINGS[key].default)

    def set(self, key: str, value: str) -> None:
        """Store `value`: the whole file written to a temporary one that then replaces it. A write
        the system refuses (a full disk, a read-only file, no permission) leaves the file and what
        `get` reads as they were, and is raised worded (fault.settings_unwritable)."""
        if key not in SETTINGS:
            raise KeyError(key)
        with self._lock:
            before = self._parser.get(SECTION, key, fallback=None)
            self._parser.set(SECTION, key, value)
            try:
                self._write()
            except OSError as exc:
                if before is None:
                    self._parser.remove_option(SECTION, key)
                else:
                    self._parser.set(SECTION, key, before)
                raise _unwritable(self.path, exc) from None

    def _write(self) -> None:
        tmp = self.path.with_suffix(".ini.tmp")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            with tmp.open("w", encoding="utf-8") as fh:
                self._parser.write(fh)
            make_private(self.data_dir, tmp)
            tmp.replace(self.path)
        except OSError:
            with contextlib.suppress(OSError):  # what was written of it: not left beside the file
                tmp.unlink(missing_ok=True)
            raise


def _unreadable(path: Path, exc: configparser.Error | UnicodeDecodeError) -> Exception:
    """settings.ini that cannot be read, said with its line (or byte) and how to get going again."""
    from branchguard.core.kernel.errors import ValidationError
    from branchguard.core.kernel.i18n import Message

    if isinstance(exc, UnicodeDecodeError):
        where = Message("fault.settings_not_utf8", byte=exc.start + 1)  # counted from 1, as an editor does
    else:
        errors = getattr(exc, "errors", None)  # a ParsingError: each bad line with its number
        line = getattr(exc, "lineno", None) or (errors[0][0] if errors else None)
        where = Message("fault.settings_line", line=line) if line else Message("fault.settings_syntax")
    return ValidationError("", Message("fault.settings_unreadable", path=str(path), where=where))


def _unwritable(path: Path, exc: OSError) -> Exception:
    """settings.ini that the system would not let be written, with its reason."""
    from branchguard.core.faults.rules import system_words
    from branchguard.core.kernel.errors import BranchGuardError
    from branchguard.core.kernel.i18n import Message

    return BranchGuardError(Message("fault.settings_unwritable", path=str(path), error=system_words(exc)))


@dataclass(frozen=True)
class RuntimeConfig:
    """What the command line, the environment and settings.ini decide for this run."""

    data_dir: Path
    db_url: str
    language: str
    settings: LocalSettings

    @property
    def backup_dir(self) -> Path:
        chosen = self.settings.get("backup_dir")
        return Path(chosen).expanduser() if chosen else self.data_dir / "backups"

    @property
    def anchor_dir(self) -> Path:
        """Where the anchor file goes: the folder chosen, else beside the backups."""
        chosen = self.settings.get("anchor_dir")
        return Path(chosen).expanduser() if chosen else self.backup_dir


def resolve(
    data_dir: str | Path | None = None,
    db: str | None = None,
    lang: str | None = None,
    *,
    create: bool = True,
) -> RuntimeConfig:
    """Command-line flags win over the environment, which wins over settings.ini. The data folder
    is made when missing, unless `create` is false (a read-only start writes nothing)."""
    folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            if not folder.is_dir():
                raise
        make_private(folder, folder, folder / "settings.ini")  # also those made before it was private
    settings = LocalSettings(folder)
    if create:  # a read-only start rewrites nothing
        move_password_to_keyring(settings)
    # Imported here, not at the top: the window reads its language and data folder before it paints
    # its first frame, and SQLAlchemy takes longer to import than that frame may.
    from branchguard.db.engine import sqlite_url

    url = db or os.environ.get(DB_ENV) or settings.get("db_url") or sqlite_url(folder / DB_FILE)
    from branchguard.core.kernel.i18n import normalize_language

    language = normalize_language(lang or settings.get("language"))
    return RuntimeConfig(data_dir=folder, db_url=url, language=language, settings=settings)


def on_server(data_dir: Path, db: str | None = None) -> bool:
    """Whether the database `resolve` would pick is a server's (PostgreSQL), not the embedded file:
    read before the window opens, without SQLAlchemy."""
    url = db or os.environ.get(DB_ENV) or LocalSettings(data_dir).get("db_url")
    return bool(url.strip()) and not url.strip().lower().startswith("sqlite")


def keyring_account(url: URL) -> str:
    """The keyring entry of a database server's password: the URL's user@host."""
    return f"{url.username or ''}@{url.host or ''}"


def move_password_to_keyring(settings: LocalSettings) -> None:
    """A password in settings.ini's `db_url` goes to the keyring and out of the file; refused (the
    file left as it is) when no keyring backend works."""
    raw = settings.get("db_url").strip()
    if not raw:
        return
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(raw)
    except ArgumentError:  # not a URL: the engine will say so
        return
    if not url.password:
        return
    from branchguard.core.kernel.errors import BranchGuardError
    from branchguard.core.kernel.i18n import Message

    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_account(url), str(url.password))
    except Exception:  # no backend (keyring.errors.NoKeyringError), a locked or broken one
        where = f"{url.host or 'localhost'}:{url.port or 5432}:{url.database or '*'}:{url.username or '*'}"
        raise BranchGuardError(
            Message(
                "settings.password_needs_keyring",
                path=str(settings.path),
                url=url.render_as_string(hide_password=True),
                line=where,
            )
        ) from None
    bare = url._replace(password=None)  # URL.set() leaves a field given None as it was
    settings.set("db_url", bare.render_as_string(hide_password=False))


def with_stored_password(db_url: str) -> str:
    """`db_url` with the keyring's password for its user@host when it names a server but no
    password; otherwise as given (libpq then reads a pgpass file)."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" or url.password or not url.host:
        return db_url
    try:
        import keyring

        password = keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:  # no working keyring: a pgpass file may hold it
        return db_url
    return url.set(password=password).render_as_string(hide_password=False) if password else db_url
