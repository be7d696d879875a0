"""Making, checking and restoring a backup archive of a data folder.

The archive is a zip: the database as an SQLite online-backup copy (consistent while the app
writes), every attachment, the keys folder when there is one, settings.ini, and manifest.json with
each file's size and SHA-256 and the rows per table. Making one writes beside the target and renames
it into place, so a full disk leaves no half archive. Restoring checks every hash and the database's
integrity first, refuses a schema newer than this version, then moves the data in place aside
(`before-restore-<time>/`) before moving the archive's copy in: nothing is ever deleted.

Making one can be stopped (`cancelled`, asked between steps: every `_COPY_PAGES` pages of the
database copy and every chunk of every file): it then raises BackupCancelled, the partial file
removed, and the archive not there. The window stops its daily backup so when it quits
(gui/shell/daily_backup.py), and "Back up now" when its Cancel is pressed; `progress` hears the bytes
read so far. The automatic backups of a folder, one at a time under names of their own, are folder.py's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from branchguard.core.backup import unpack
from branchguard.core.backup.errors import BackupError
from branchguard.core.backup.in_use import refuse_if_in_use, refuse_if_window_open
from branchguard.core.backup.types import (
    DATABASE_NAME,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    BackupManifest,
    BackupResult,
    ManifestFile,
    RestoreResult,
)
from branchguard.core.faults.rules import system_words
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.intake import ZIP_DAMAGE, InputRejected, Limits, load_json
from branchguard.core.kernel.output import OutputRefused, OwnDataRefused, check_target
from branchguard.core.kernel.zips import ZipDamaged, open_zip
from branchguard.db.engine import read_only_uri

DB_FILE = "branchguard.sqlite"
# What a data folder holds that a backup carries (backups/ and earlier set-aside copies are not).
FOLDERS = ("attachments", "keys")
FILES = ("settings.ini",)
_CHUNK = 1024 * 1024
_COPY_PAGES = 1024  # the online copy's step (4 MB at SQLite's page size): a stop is seen between steps
# The manifest lists every attached file (~150 bytes each): 16 MB is over 100,000 files.
MANIFEST_LIMITS = Limits(16 * 1024 * 1024, max_depth=8, max_items=2_000_000)


class BackupCancelled(BackupError):
    """Making the archive was stopped (`cancelled` said so) before it was in place: none was written."""


Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]  # bytes read, of bytes to read


def never() -> bool:
    """A backup nobody stops."""
    return False


def ignore(_done: int, _total: int) -> None:
    """A backup nobody watches."""


def create_backup(
    data_dir: Path,
    db_url: str,
    out: Path,
    app_version: str,
    cancelled: Cancelled = never,
    progress: Progress = ignore,
) -> BackupResult:
    """Write one archive of `data_dir` (and its SQLite database) to `out`; `cancelled` is asked
    between steps, and a stop leaves no archive (BackupCancelled); `progress` hears the bytes read."""
    out = Path(out)
    try:
        check_archive_target(out)  # before its folder is made: a refused place is left as it was
        refuse_if_not_there(out.parent, data_dir)  # `backup -o` onto a stick not plugged in
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_failed(out, exc) from None
    return write_archive(data_dir, db_url, out, app_version, cancelled, progress, _replace_checked)


def _replace_checked(partial: Path, out: Path) -> None:
    check_archive_target(out)  # again: only a regular file is ever replaced
    os.replace(partial, out)


def write_archive(
    data_dir: Path,
    db_url: str,
    out: Path,
    app_version: str,
    cancelled: Cancelled,
    progress: Progress,
    place: Callable[[Path, Path], None],
) -> BackupResult:
    """The archive written beside `out` (whose folder is there), then `place(partial, out)` puts it
    in place once complete; `progress` hears the bytes read of those to read as it goes."""
    try:
        fd, partial_name = tempfile.mkstemp(prefix=".partial-", suffix=".zip", dir=out.parent)
        os.close(fd)
    except OSError as exc:
        raise write_failed(out, exc) from None
    partial = Path(partial_name)
    try:
        with tempfile.TemporaryDirectory(prefix="branchguard-backup-") as work:
            sqlite_path = _sqlite_path(db_url)
            meter = _Meter(progress, _size_of(sqlite_path, data_dir))
            files: list[tuple[str, Path]] = []
            revision: str | None = None
            counts: dict[str, int] = {}
            if sqlite_path is not None:
                snapshot = Path(work) / DB_FILE
                _online_copy(sqlite_path, snapshot, cancelled, meter)
                revision, counts = _describe_database(snapshot)
                files.append((DATABASE_NAME, snapshot))
            files.extend(_data_files(data_dir))
            meter.left(sum(path.stat().st_size for _name, path in files))
            entries: list[ManifestFile] = []
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                for name, path in files:
                    _stop_if(cancelled, out)
                    entries.append(_add_file(zf, name, path, lambda: _stop_if(cancelled, out), meter.read))
                manifest = BackupManifest(
                    created_at=datetime.now(UTC),
                    app_version=app_version,
                    schema_revision=revision,
                    database="sqlite" if sqlite_path is not None else "postgresql",
                    files=tuple(entries),
                    counts=counts,
                )
                zf.writestr(MANIFEST_NAME, json.dumps(_manifest_json(manifest), ensure_ascii=False, indent=2))
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        _stop_if(cancelled, out)  # the last moment: once in place, the archive is made
        place(partial, out)
    except OSError as exc:
        raise write_failed(out, exc) from None
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(out, manifest)


class _Meter:
    """Bytes read of bytes to read, told to `progress`: the database's online copy (its size), then
    every file into the zip. What is to read after the copy is known once it is done (the files are
    listed then: each one the copy's rows name is there); before, the folder's present files stand in."""

    def __init__(self, progress: Progress, first: tuple[int, int]) -> None:
        self._progress = progress
        self.database, rest = first
        self.done, self.total = 0, 2 * self.database + rest

    def copied(self, pages_done: int, pages: int) -> None:
        self._at(self.database * pages_done // max(pages, 1))

    def left(self, to_read: int) -> None:
        """After the copy: the database counted as read, `to_read` bytes still to zip."""
        self.total = self.database + to_read
        self._at(self.database)

    def read(self, size: int) -> None:
        self._at(self.done + size)

    def _at(self, done: int) -> None:
        self.done = min(done, self.total)
        self._progress(self.done, self.total)


def _size_of(sqlite_path: Path | None, data_dir: Path) -> tuple[int, int]:
    """The database's size and the other files', for the first estimate of what is to read. The
    database counts its write-ahead log too: pages written since the last checkpoint are there, and
    the copy holds them (counted without it, the estimate grew once the copy was done, and the
    progress went back)."""
    database = 0
    if sqlite_path is not None:
        for part in (sqlite_path, sqlite_path.with_name(f"{sqlite_path.name}-wal")):
            with contextlib.suppress(OSError):
                database += part.stat().st_size
    rest = 0
    for _name, path in _data_files(data_dir):
        with contextlib.suppress(OSError):
            rest += path.stat().st_size
    return database, rest


def check_backup(archive: Path, known_revisions: list[str]) -> BackupManifest:
    """Read the manifest and prove every file in the archive against it; refuse a newer schema."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(Message("backup.not_a_file", path=str(archive)))
    try:
        with _open_zip(archive) as zf:
            manifest = _read_manifest(zf, archive)
            unpack.check_sizes(manifest, archive)  # before a byte of them is inflated
            listed = {f.path for f in manifest.files}
            present = {i.filename for i in zf.infolist() if not i.is_dir()} - {MANIFEST_NAME}
            if present != listed:
                extra = sorted(present - listed) or sorted(listed - present)
                raise BackupError(Message("backup.file_list_differs", path=str(archive), name=extra[0]))
            for entry in manifest.files:
                digest, size = hashlib.sha256(), 0
                with zf.open(entry.path) as fh:
                    while size <= entry.size and (chunk := fh.read(_CHUNK)):  # a bomb stops here
                        digest.update(chunk)
                        size += len(chunk)
                if size != entry.size or digest.hexdigest() != entry.sha256:
                    raise BackupError(Message("backup.file_changed", path=str(archive), name=entry.path))
    except ZIP_DAMAGE + (KeyError,) as exc:  # noqa: RUF005 (mypy refuses a starred tuple here)
        raise BackupError(Message("backup.unreadable", path=str(archive), error=str(exc))) from None
    except OSError as exc:
        raise BackupError(Message("backup.unreadable", path=str(archive), error=system_words(exc))) from None
    if manifest.schema_revision is not None and manifest.schema_revision not in known_revisions:
        revision = manifest.schema_revision
        raise BackupError(Message("backup.newer_schema", path=str(archive), revision=revision))
    return manifest


def restore_backup(archive: Path, data_dir: Path, db_url: str, known_revisions: list[str]) -> RestoreResult:
    """Put the archive's data in place of `data_dir`'s; what was there is moved aside, not deleted."""
    manifest = check_backup(archive, known_revisions)
    check_restore_target(manifest, db_url, archive)
    sqlite_path = _sqlite_path(db_url)
    data_dir = Path(data_dir)
    unpack.check_room(manifest, data_dir, archive)
    data_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        placed = [n for n in unpack.extract(archive, manifest, staging) if n != unpack.SETTINGS_NAME]
        left_out = unpack.settings_left_out(staging, data_dir)
        if unpack.keep_own_settings(staging, data_dir):  # the archive's db_url and folders are not taken
            placed.append(unpack.SETTINGS_NAME)
        stale = refuse_if_window_open(data_dir)
        upgraded = None
        if manifest.has_database:
            _check_integrity(staging / DATABASE_NAME)
            assert sqlite_path is not None
            refuse_if_in_use(sqlite_path)
            upgraded = _upgrade_staged(staging / DATABASE_NAME, archive)
        moves = _planned_moves(staging, data_dir, sqlite_path, placed)
        aside = data_dir / f"before-restore-{stamp}"
        set_aside = _move_aside(data_dir, sqlite_path, aside)
        try:
            for source, target in moves:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
        except OSError:
            _put_back(aside, data_dir, sqlite_path)
            raise
    except OSError as exc:
        error, into = system_words(exc), str(data_dir)
        if exc.filename:  # which file or folder stopped it
            failed = Message("backup.restore_failed_at", path=into, file=str(exc.filename), error=error)
            raise BackupError(failed) from None
        raise BackupError(Message("backup.restore_failed", path=into, error=error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(manifest, set_aside, left_out, stale, upgraded)


def check_restore_target(manifest: BackupManifest, db_url: str, archive: Path) -> None:
    """A backup restores only where its database kind belongs: one with an SQLite database into an
    SQLite setup; one without (made where the database is on PostgreSQL) not into an SQLite data
    folder, whose database it would replace with none."""
    sqlite = _sqlite_path(db_url) is not None
    if manifest.has_database and not sqlite:
        raise BackupError(Message("backup.needs_sqlite"))
    if not manifest.has_database and sqlite:
        raise BackupError(Message("backup.holds_no_database", path=str(archive)))


# --- making ------------------------------------------------------------------------------------


def write_failed(out: Path, exc: OSError) -> BackupError:
    return BackupError(Message("backup.write_failed", path=str(out), error=system_words(exc)))


def refuse_if_not_there(folder: Path, data_dir: Path) -> None:
    """A backup folder outside the data folder (a USB stick, a share: what the setting is for), or
    the folder of an archive named (`backup -o`), must be there: made anew, a stick not plugged in
    got a folder of that name on the PC's own disk, the backup went into it and was said written.
    The data folder's own (data/backups) is made. A file in a folder's place is said to be one (the
    system's "Not a directory" stood in a Chinese line)."""
    if folder.is_dir():
        return
    if os.path.lexists(folder):
        raise BackupError(Message("backup.folder_is_a_file", path=str(folder)))
    if not _inside(folder, data_dir):
        raise BackupError(Message("backup.folder_missing", path=str(folder)))


def _inside(folder: Path, data_dir: Path) -> bool:
    try:
        return folder.resolve().is_relative_to(data_dir.resolve())
    except OSError:
        return False


def check_archive_target(out: Path) -> None:
    """The rule of every file the app writes (core/kernel/output.py), worded for a backup; the app's
    own data (the database, an archive already in the backup folder) is named as such."""
    try:
        check_target(out)
    except OwnDataRefused as refused:
        raise BackupError(refused.reason_message) from None
    except OutputRefused:
        raise BackupError(Message("backup.target_not_a_file", path=str(out))) from None


def _sqlite_path(db_url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        return None
    return Path(url.database or "")


def _stop_if(cancelled: Cancelled, out: Path) -> None:
    if cancelled():
        raise BackupCancelled(Message("backup.cancelled", path=str(out)))


def _online_copy(source: Path, target: Path, cancelled: Cancelled, meter: _Meter) -> None:
    if not source.is_file():
        raise BackupError(Message("backup.no_database", path=str(source)))
    # As data opened read-only is: in a folder this account cannot write, `immutable` (else SQLite
    # cannot make its shared-memory file there and refuses the file: a backup off a read-only or
    # failing disk is what one wants most).
    src = sqlite3.connect(read_only_uri(source.resolve()), uri=True, timeout=30)
    dst = sqlite3.connect(target)

    def step(_status: int, remaining: int, total: int) -> None:  # raising here ends the copy
        _stop_if(cancelled, target)
        meter.copied(total - remaining, total)

    try:
        src.backup(dst, pages=_COPY_PAGES, progress=step)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    except sqlite3.Error as exc:
        raise BackupError(Message("backup.database_unreadable", path=str(source), error=str(exc))) from None
    finally:
        dst.close()
        src.close()


def _describe_database(path: Path) -> tuple[str | None, dict[str, int]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, counts
    finally:
        conn.close()


def _data_files(data_dir: Path) -> Iterator[tuple[str, Path]]:
    for name in FILES:
        path = data_dir / name
        if path.is_file():
            yield name, path
    for folder in FOLDERS:
        root = data_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink() and not path.name.startswith(".incoming-"):
                yield path.relative_to(data_dir).as_posix(), path


def _add_file(
    zf: zipfile.ZipFile, name: str, path: Path, stop_if: Callable[[], None], read: Callable[[int], None]
) -> ManifestFile:
    """One file into the zip, a chunk at a time: `stop_if` raises between chunks when the backup is
    stopped (a large database compresses for a while), `read` hears each chunk's size."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as src, zf.open(name, "w", force_zip64=True) as dst:
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            stop_if()
            read(len(chunk))
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    return ManifestFile(name, size, digest.hexdigest())


def _manifest_json(m: BackupManifest) -> dict[str, object]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": m.created_at.isoformat(),
        "app_version": m.app_version,
        "schema_revision": m.schema_revision,
        "database": m.database,
        "counts": m.counts,
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in m.files],
    }


# --- checking and restoring ---------------------------------------------------------------------


def _open_zip(archive: Path) -> zipfile.ZipFile:
    """The archive opened as a zip; a file that is none (a text file, a zip cut short at its end)
    is named so in the user's words, not by the zip module's English. One whose directory no longer
    matches its members (a name changed: "no valid manifest.json") is damaged (kernel/zips.py)."""
    try:
        return open_zip(archive)
    except ZipDamaged as damaged:
        if damaged.no_zip:
            raise BackupError(Message("backup.not_a_zip", path=str(archive))) from None
        raise BackupError(Message("backup.unreadable", path=str(archive), error=damaged.detail)) from None


def _read_manifest(zf: zipfile.ZipFile, archive: Path) -> BackupManifest:
    try:
        if zf.getinfo(MANIFEST_NAME).file_size > MANIFEST_LIMITS.max_bytes:
            raise ValueError("manifest size")
        raw = load_json(zf.read(MANIFEST_NAME), MANIFEST_LIMITS, "field.file")
        if raw.get("format") != FORMAT:
            raise ValueError("format")
        if int(raw["version"]) > FORMAT_VERSION:
            raise BackupError(Message("backup.newer_format", path=str(archive), version=raw["version"]))
        files = tuple(ManifestFile(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in raw["files"])
        manifest = BackupManifest(
            created_at=datetime.fromisoformat(raw["created_at"]),
            app_version=str(raw["app_version"]),
            schema_revision=raw.get("schema_revision"),
            database=str(raw["database"]),
            files=files,
            counts={str(k): int(v) for k, v in dict(raw.get("counts", {})).items()},
        )
    except BackupError:
        raise
    except (KeyError, ValueError, TypeError, UnicodeDecodeError, AttributeError, InputRejected):
        raise BackupError(Message("backup.not_a_backup", path=str(archive))) from None
    for entry in manifest.files:
        if not _safe_member(entry.path):
            raise BackupError(Message("backup.unsafe_name", path=str(archive), name=entry.path))
    return manifest


def _safe_member(name: str) -> bool:
    """Only the places a backup writes: the database, settings.ini, attachments/ and keys/ below them."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or ":" in name or not pure.parts:
        return False
    return name == DATABASE_NAME or name in FILES or (pure.parts[0] in FOLDERS and len(pure.parts) > 1)


def _check_integrity(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        result = str(exc)
    finally:
        conn.close()
    if result != "ok":
        raise BackupError(Message("backup.database_damaged", error=result))


def _upgrade_staged(db: Path, archive: Path) -> tuple[str, str] | None:
    """The restored database brought to this version's schema where it lies, before anything in
    place is moved; the schemas it went from and to, None when it was this version's. A backup whose
    database cannot be upgraded is refused with the data in place as it was: restored first, it was
    set aside and the branch left with a database no command opened."""
    from branchguard.db.engine import make_engine, sqlite_url
    from branchguard.db.migrate import SchemaProblem, head_revision, prepare_database

    was, head = _describe_database(db)[0], head_revision()
    if was == head:
        return None  # restored as it was backed up, byte for byte
    engine = make_engine(sqlite_url(db))
    try:
        prepare_database(engine, create=False)
    except SchemaProblem as problem:
        error = problem.params.get("error", problem.key)
        raise BackupError(Message("backup.cannot_upgrade", path=str(archive), error=error)) from None
    finally:
        engine.dispose()
    return str(was), head


def _planned_moves(
    staging: Path, data_dir: Path, sqlite_path: Path | None, placed: list[str]
) -> list[tuple[Path, Path]]:
    moves: list[tuple[Path, Path]] = []
    if DATABASE_NAME in placed and sqlite_path is not None:
        moves.append((staging / DATABASE_NAME, sqlite_path))
    for name in FILES:
        if name in placed:
            moves.append((staging / name, data_dir / name))
    for folder in FOLDERS:
        if (staging / folder).is_dir():
            moves.append((staging / folder, data_dir / folder))
    return moves


def _current_items(data_dir: Path, sqlite_path: Path | None) -> list[Path]:
    items = [data_dir / name for name in (*FILES, *FOLDERS)]
    if sqlite_path is not None:
        items += [sqlite_path, Path(f"{sqlite_path}-wal"), Path(f"{sqlite_path}-shm")]
    return [p for p in items if p.exists()]


def _move_aside(data_dir: Path, sqlite_path: Path | None, aside: Path) -> Path | None:
    current = _current_items(data_dir, sqlite_path)
    if not current:
        return None
    aside.mkdir(parents=True)
    for item in current:
        os.replace(item, aside / item.name)
    return aside


def _put_back(aside: Path, data_dir: Path, sqlite_path: Path | None) -> None:
    if not aside.is_dir():
        return
    for item in aside.iterdir():
        is_database = sqlite_path is not None and item.name.startswith(sqlite_path.name)
        target = (sqlite_path.parent if sqlite_path is not None and is_database else data_dir) / item.name
        if target.exists():
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
        os.replace(item, target)
    with contextlib.suppress(OSError):  # all put back: no empty before-restore folder to puzzle over
        aside.rmdir()
