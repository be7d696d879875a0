"""What a restore takes out of a backup archive, and how much: each file no larger than the app ever
writes in its place, everything only when it fits on the disk, each file inflated to no more than
its recorded size, and of settings.ini only the settings that are the branch's own choices.

A backup is a file handed in like any other: a crafted one (2 GB of zeros compressed into 2 MB under
attachments/, its manifest honest) once restored in full and left the disk full of a file no record
names. Its manifest's sizes are held to the limits below before anything is extracted, the disk's
free space to their total, and what inflates is counted while it is written.
"""

from __future__ import annotations

import configparser
import io
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from branchguard.core.backup.errors import BackupError
from branchguard.core.backup.types import BackupManifest
from branchguard.core.kernel.attachments import MAX_ATTACHMENT_BYTES
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import MB, ZIP_DAMAGE, megabytes

SETTINGS_NAME = "settings.ini"
SETTINGS_SECTION = "branchguard"  # config.SECTION (core reads no config)
# The settings a restore brings back: the branch's choices (the language of its reports, how many
# automatic backups it keeps), true on any PC. Every other setting names a place or a server on
# the PC the backup was made on (db_url, backup_dir, anchor_dir, report_font): taken from an
# archive, it points this folder at another database or folder, so the folder's own are kept.
RESTORED_SETTINGS = ("language", "backup_keep_daily", "backup_keep_monthly")
# The largest file the app writes in each place (attachments: the store's limit; keys and
# settings.ini are a few hundred bytes); the database is bounded by the disk alone.
MAX_SMALL_FILE = 1 * MB
# Left free after a restore, beyond the archive's files: the database once more (an upgrade to this
# version's schema rewrites tables, SQLite keeping its journal beside) and room for the app to write.
RESERVE = 64 * MB
_CHUNK = 1024 * 1024


def check_sizes(manifest: BackupManifest, archive: Path) -> None:
    """Every file no larger than the app writes in its place (an attachment over the store's limit
    is none the app made); BackupError naming the first that is."""
    for entry in manifest.files:
        limit = _limit(entry.path)
        if limit is not None and entry.size > limit:
            raise BackupError(
                Message("backup.file_too_big", path=str(archive), name=entry.path, limit=megabytes(limit))
            )


def _limit(name: str) -> int | None:
    top = PurePosixPath(name).parts[0]
    if top == "attachments":
        return MAX_ATTACHMENT_BYTES
    return None if top == "database" else MAX_SMALL_FILE


def needed_bytes(manifest: BackupManifest) -> int:
    """What a restore of this archive takes on the disk of the data folder (see RESERVE)."""
    database = sum(f.size for f in manifest.files if f.path.startswith("database/"))
    return manifest.total_bytes + database + RESERVE


def check_room(manifest: BackupManifest, data_dir: Path, archive: Path) -> None:
    """BackupError, before anything is extracted, when the archive's files would not fit on the
    data folder's disk with the margin kept (needed_bytes)."""
    needed, free = needed_bytes(manifest), free_bytes(data_dir)
    if needed > free:
        raise BackupError(
            Message(
                "backup.no_room",
                path=str(archive),
                folder=str(data_dir),
                needed=megabytes(needed),
                free=megabytes(free),
            )
        )


def free_bytes(folder: Path) -> int:
    """Free space on the disk of `folder`, or of its nearest existing parent (a folder to be made)."""
    folder = Path(folder).absolute()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return shutil.disk_usage(folder).free


def extract(archive: Path, manifest: BackupManifest, staging: Path) -> list[str]:
    """Every file the manifest lists written under `staging`, each stopped once it inflates past its
    recorded size (the archive proved by check_backup may have been replaced since): BackupError
    then, what was written left for the caller to remove with `staging`."""
    names = []
    with zipfile.ZipFile(archive) as zf:
        for entry in manifest.files:
            target = staging / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                written = _copy(zf, entry.path, target, entry.size)
            except ZIP_DAMAGE + (KeyError,):  # noqa: RUF005 (mypy refuses a starred tuple here)
                written = -1
            if written != entry.size:
                raise BackupError(Message("backup.file_changed", path=str(archive), name=entry.path))
            names.append(entry.path)
    return names


def _copy(zf: zipfile.ZipFile, name: str, target: Path, size: int) -> int:
    """The bytes of member `name` written to `target` until they end or pass `size`; how many."""
    written = 0
    with zf.open(name) as src, target.open("wb") as dst:
        while written <= size and (chunk := src.read(_CHUNK)):
            dst.write(chunk)
            written += len(chunk)
    return written


def settings_left_out(staging: Path, data_dir: Path) -> tuple[tuple[str, str], ...]:
    """The archive's settings a restore does not bring back (a place or a server of the PC it was
    made on: db_url, backup_dir, anchor_dir, report_font…) whose value differs from the folder's
    own, to be said: on a new PC the backups would otherwise go to the data folder's disk without
    a word. Asked before `keep_own_settings` rewrites the staged file."""
    archived, own = staging / SETTINGS_NAME, data_dir / SETTINGS_NAME
    theirs = _parsed(archived.read_bytes()) if archived.is_file() else None
    if theirs is None or not theirs.has_section(SETTINGS_SECTION):
        return ()
    mine = _parsed(own.read_bytes()) if own.is_file() else None

    def own_value(key: str) -> str | None:
        if mine is None or not mine.has_option(SETTINGS_SECTION, key):
            return None
        return mine.get(SETTINGS_SECTION, key)

    return tuple(
        (key, value)
        for key, value in theirs.items(SETTINGS_SECTION)
        if key not in RESTORED_SETTINGS and value.strip() and value != own_value(key)
    )


def keep_own_settings(staging: Path, data_dir: Path) -> bool:
    """Write the settings.ini to place into `staging`: the folder's own, with the archive's values
    of RESTORED_SETTINGS (one the archive leaves unset goes back to its default). True when there
    is one to place; a file that cannot be read as settings is kept as it is (the folder's) or
    brings nothing back (the archive's)."""
    archived, own = staging / SETTINGS_NAME, data_dir / SETTINGS_NAME
    theirs = _parsed(archived.read_bytes()) if archived.is_file() else None
    if not own.is_file():
        if theirs is None:
            archived.unlink(missing_ok=True)
            return False
        merged = configparser.ConfigParser(interpolation=None)
    else:
        data = own.read_bytes()
        parsed = _parsed(data)
        if parsed is None or theirs is None:
            archived.write_bytes(data)
            return True
        merged = parsed
    if not merged.has_section(SETTINGS_SECTION):
        merged.add_section(SETTINGS_SECTION)
    for key in RESTORED_SETTINGS:
        if theirs.has_option(SETTINGS_SECTION, key):
            merged.set(SETTINGS_SECTION, key, theirs.get(SETTINGS_SECTION, key))
        else:
            merged.remove_option(SETTINGS_SECTION, key)
    out = io.StringIO()
    merged.write(out)
    archived.write_text(out.getvalue(), encoding="utf-8")
    return True


def _parsed(data: bytes) -> configparser.ConfigParser | None:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(data.decode("utf-8"))
    except (configparser.Error, UnicodeDecodeError):
        return None
    return parser
