"""Opens everything below the GUI once: settings, engine, schema, built-in content, services.

The CLI and the window both start here, so they share one start-up path.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, make_url, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.config import DB_FILE, RuntimeConfig, resolve, with_stored_password
from branchguard.core.faults import machine
from branchguard.core.faults.types import Fault, FaultKind, FaultPlace
from branchguard.core.kernel import output
from branchguard.core.kernel.errors import NotFound, SchemaError, ValidationError
from branchguard.core.kernel.i18n import Message, set_language
from branchguard.core.kernel.types import Actor
from branchguard.core.people.service import ensure_builtin_contacts
from branchguard.core.services import Services, build_services
from branchguard.db.engine import is_sqlite, make_engine, make_session_factory, refresh_statistics
from branchguard.db.migrate import SchemaAction, SchemaProblem, SchemaReport, prepare_database
from branchguard.paths import make_private

if TYPE_CHECKING:
    from branchguard.core.audit.server_clock import ClockOff

log = logging.getLogger(__name__)
# Without a log file (a read-only folder, a command before its log starts) Python's last-resort
# handler would print the app's errors raw on stderr beside the one message the user is given.
logging.getLogger("branchguard").addHandler(logging.NullHandler())


@dataclass
class AppContext:
    config: RuntimeConfig
    engine: Engine
    sessions: sessionmaker[Session]
    services: Services
    schema: SchemaReport
    # The one read-only flag: set, the engine refuses every write (the database says so, worded
    # as fault.read_only) and the window shows that changes are disabled.
    read_only: bool = False
    place: FaultPlace = field(default_factory=lambda: FaultPlace("", ""))
    # A head office's database (`ho init`): the window shows head office's pages, not a branch's.
    head_office: bool = False
    # Ends the protection of this data folder's own files from the files the user has written
    # (core/kernel/output.py), which lasts while the context is open.
    release_own_data: Callable[[], None] = field(default=lambda: None, repr=False)
    # This PC's clock off the database server's at the start (core/audit/server_clock.py): the
    # window's banner and a command's warning say it; None within tolerance, and on SQLite.
    clock_off: ClockOff | None = None

    @property
    def data_dir(self) -> Path:
        return self.config.data_dir

    @property
    def upgrade_notice(self) -> Message | None:
        """What this start did to the schema, said by the window and the command line alike: the
        versions and where the copy taken before is; None when nothing was upgraded."""
        if self.schema.action is not SchemaAction.UPGRADED:
            return None
        old, new = self.schema.from_revision, self.schema.to_revision
        return Message("schema.upgraded", old=old, new=new, copy=copy_words(self.schema.backup))

    def explain(self, exc: BaseException) -> Fault | None:
        """`exc` as a worded fault of the machine (locked, full, read-only, damaged, server gone),
        or None when it is not one."""
        return explain_fault(exc, self.place)

    def close(self) -> None:
        if not self.read_only:  # statistics are written: not into data opened read-only
            try:
                refresh_statistics(self.engine)
            except SQLAlchemyError as exc:  # locked, or made read-only meanwhile: they wait for next time
                # info, not a warning: with no log file (a read-only folder) a warning went to the
                # command's stderr as SQLAlchemy's raw text
                log.info("statistics not refreshed: %s", exc)
        self.engine.dispose()
        self.release_own_data()


LockNotice = Callable[[Message], None]


def _used_before(data_dir: Path) -> bool:
    """Whether the data folder holds what only a database's use leaves: the signing key, an
    attachment, or a backup or anchor file in its backups folder."""
    from branchguard.core.anchors.keys import key_path

    folder = Path(data_dir)
    try:
        return (
            key_path(folder).is_file()
            or any(p.is_file() for p in (folder / "attachments").rglob("*"))
            or any((folder / "backups").glob("branchguard-*"))
        )
    except OSError:
        return False


def _has_database(path: str) -> bool:
    """Whether an SQLite database file is there with something in it: SQLite takes an empty file
    for a new database, which opening would fill with an empty schema."""
    try:
        return Path(path).stat().st_size > 0
    except OSError:
        return False


def _holds_data(folder: Path) -> bool:
    """Whether `folder` is there with anything in it but the log a start writes first ("logs":
    diagnostics.LOG_FOLDER, as below): an empty one (the installer's, or made by hand for a new
    branch) has lost no database."""
    try:
        return any(entry.name != "logs" for entry in folder.iterdir())
    except OSError:
        return False


def place_of(config: RuntimeConfig) -> FaultPlace:
    """Where the data is, as fault messages name it (a server by its host, never its password)."""
    from sqlalchemy.engine import make_url

    url = make_url(config.db_url)
    if is_sqlite(config.db_url):
        return FaultPlace(str(config.data_dir), url.database or "", sqlite=True)
    return FaultPlace(str(config.data_dir), f"{url.host or 'localhost'}/{url.database or ''}", sqlite=False)


def explain_fault(exc: BaseException, place: FaultPlace) -> Fault | None:
    """`exc` worded as a fault, naming the other BranchGuards on the folder when it is a lock, the
    disk-full fault for an I/O error on a full disk (core/faults/machine.py)."""
    return machine.explain_fault(exc, place)


def _schema_error(problem: SchemaProblem, place: FaultPlace) -> SchemaError:
    """The refusal in words; an upgrade that a lock or a full disk stopped is said as that fault
    (who holds the lock, what to do) with the upgrade's outcome and where the copy taken before is."""
    if problem.key != "schema.upgrade_failed":
        return SchemaError(Message(problem.key, **problem.params))
    copy = copy_words(problem.params["backup"])
    fault = explain_fault(problem.__cause__, place) if problem.__cause__ is not None else None
    if fault is not None:
        return SchemaError(Message("schema.upgrade_fault", fault=fault.content, copy=copy))
    return SchemaError(Message(problem.key, error=problem.params["error"], copy=copy))


def _no_window_open(data_dir: Path) -> None:
    """Refuse to upgrade under another BranchGuard's window on this folder (here or, on a server's
    shared folder, on another PC): an older one went on writing with its own idea of the schema, and
    a schedule it added after the upgrade failed `verify` as "not in the ledger (added outside the
    app)"."""
    from branchguard.core.faults.holders import other_pc_windows, window_pid

    pid = window_pid(data_dir)
    if pid is not None:
        raise SchemaError(Message("schema.window_open", pid=pid, folder=str(data_dir)))
    elsewhere = other_pc_windows(data_dir)
    if elsewhere:
        pcs = ", ".join(elsewhere)
        raise SchemaError(Message("schema.window_open_elsewhere", pcs=pcs, folder=str(data_dir)))


def log_schema_change(schema: SchemaReport) -> None:
    """The log's line of a schema made or upgraded, and where its copy went. The window's log begins
    once the context is open (app.ContextOpening), so it says this again then."""
    if schema.action != SchemaAction.CURRENT:
        change = (schema.action, schema.from_revision, schema.to_revision, schema.backup)
        log.info("schema %s: %s -> %s (backup: %s)", *change)


def copy_words(backup: object) -> Message:
    """Where the copy taken before an upgrade is; on a server, that BranchGuard took none."""
    return Message("schema.copy_at", backup=str(backup)) if backup else Message("schema.no_copy")


def folder_writable(folder: Path) -> bool:
    """Whether this account can create a file in `folder` and write the database in it (the honest
    test: permission bits say nothing for root, nor for a read-only mount)."""
    db = folder / DB_FILE
    if db.exists() and not os.access(db, os.W_OK):
        return False
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def open_context(
    data_dir: str | Path | None = None,
    db: str | None = None,
    lang: str | None = None,
    *,
    read_only: bool = False,
    on_lock_wait: LockNotice | None = None,
    existing: bool = False,
) -> AppContext:
    """Open settings, engine, schema and services. `read_only` (or a data folder this account cannot
    write) opens without writing anything: no schema change, no built-in content, no log file.
    `existing`: a data folder that is not there, or whose database file is missing or empty, is
    refused, not filled with a new database, when its database would be in it (a command that
    needs someone logged in, given a mistyped folder, once made one and then said the password
    was wrong; `verify` made one in place of a deleted file and found nothing wrong)."""
    if lang:  # the language asked for, before settings.ini is read: a refusal there is in it too
        set_language(lang)
    try:
        if existing:  # looked at first, writing nothing
            looked = resolve(data_dir, db, lang, create=False)
            _check_database_address(looked.db_url)  # before it is read as an address
            if is_sqlite(looked.db_url) and not _has_database(place_of(looked).database):
                if not _holds_data(looked.data_dir):  # none, or made for a new branch: nothing lost
                    raise NotFound(Message("fault.no_database", folder=str(looked.data_dir)))
                raise NotFound(Message("fault.database_missing", file=place_of(looked).database))
        config = resolve(data_dir, db, lang, create=not read_only)
    except (FileExistsError, NotADirectoryError) as exc:  # a file where the folder should be
        raise ValidationError(
            "field.data_dir", Message("fault.data_dir_not_folder", path=str(exc.filename or data_dir))
        ) from None
    set_language(config.language)
    _check_database_address(config.db_url)
    place = place_of(config)
    sqlite = is_sqlite(config.db_url)
    if sqlite and not _has_database(place.database) and _used_before(config.data_dir):
        # A lost database beside the attachments and key of the branch that had it: a new empty one
        # here (the window's first run, `demo`) would start over on top of that branch's evidence.
        raise NotFound(Message("fault.database_lost", file=place.database, folder=place.data_dir))
    read_only = read_only or (sqlite and not folder_writable(config.data_dir))
    if read_only and sqlite and not _has_database(place.database):
        raise Fault(FaultKind.READ_ONLY, Message("fault.read_only_no_database", folder=place.data_dir))

    lock_wait = machine.lock_waits(place, on_lock_wait)
    engine = make_engine(with_stored_password(config.db_url), read_only=read_only, on_lock_wait=lock_wait)
    try:
        if not read_only:
            _make_database_private(config)  # before the upgrade's copy of it, which keeps its mode
        try:
            schema = prepare_database(
                engine,
                config.backup_dir,
                read_only=read_only,
                create=not existing,
                before_upgrade=lambda: _no_window_open(config.data_dir),
            )
        except SchemaProblem as problem:  # the db layer names the message; words are core's
            log.error("schema: %s %s", problem.key, problem.params)
            raise _schema_error(problem, place) from problem
        if not read_only:
            _make_database_private(config)  # a new file, or a -wal/-shm made before it was private
        log_schema_change(schema)
        sessions = make_session_factory(engine)
        if not read_only:
            _open_ledger(sessions)
        services = build_services(
            engine, sessions, config.data_dir, lambda: config.anchor_dir, read_only=read_only
        )
        # Head office's working-day years, before any date is computed: read here, off the window's
        # thread (ContextOpening), not when the schedule engine is first built on it.
        services.install_working_days()
        if not read_only:
            with sessions.begin() as s:
                ensure_builtin_contacts(s)
            if _starter_library_missing(sessions):  # a new database
                _load_starter_library(services, sessions)
            elif schema.action == SchemaAction.UPGRADED or _built_ins_short(sessions):  # what it lacks
                added = services.playbooks.refresh_builtins(Actor.system(), upgrade=True)
                if added:
                    log.info("library refresh: plans %s, templates %s", added.playbooks, added.templates)
    except BaseException as exc:
        engine.dispose()
        worded = isinstance(exc, SchemaError)  # its own words say what became of the schema
        fault = explain_fault(exc, place) if isinstance(exc, Exception) and not worded else None
        if fault is not None and fault is not exc:
            raise fault from exc
        raise
    ctx = AppContext(config, engine, sessions, services, schema, read_only, place, _head_office(sessions))
    if not sqlite:  # one round trip; SQLite's database has no clock of its own
        from branchguard.core.audit.server_clock import clock_off

        ctx.clock_off = clock_off(engine)
    ctx.release_own_data = output.protect(lambda: own_data(config))
    return ctx


def own_data(config: RuntimeConfig) -> output.OwnData:
    """What of this data folder no report, export or backup written where the user said may
    replace, in any role (a handover written over the database left a PDF there): asked at each
    write, so a backup or anchor folder chosen meanwhile counts. A PostgreSQL database has no file
    here; its keys, attachments and the rest are protected all the same."""
    from branchguard.core.anchors.keys import KEYS_FOLDER
    from branchguard.core.anchors.store import FILE_NAME as ANCHOR_FILE
    from branchguard.core.backup.rules import taken_at
    from branchguard.core.faults.holders import RUN_FOLDER

    folder = config.data_dir
    files = (config.settings.path, config.anchor_dir / ANCHOR_FILE, *_database_files(config))
    # "logs": diagnostics.LOG_FOLDER, a layer the context may not import (tests/test_import_contract.py)
    folders = [folder / name for name in (KEYS_FOLDER, "attachments", "logs", RUN_FOLDER)]
    folders += folder.glob("before-restore-*")  # what a restore set aside (core/backup/archive.py)
    # The backups made: a new one, a report or a package may go beside them (a USB stick, say).
    archives = [p for p in _entries(config.backup_dir) if taken_at(p.name) is not None]
    return output.OwnData((*files, *archives), tuple(folders))


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:  # not made yet, or gone
        return []


def _check_database_address(url: str) -> None:
    """An address BranchGuard can open: SQLite, or PostgreSQL through psycopg 3 on a port that can
    be one, well formed (else SQLAlchemy's 'ArgumentError: Could not parse…', a missing driver's
    ModuleNotFoundError (MySQL, psycopg2) or psycopg's 'invalid port number' showed raw)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
        drivername, port = parsed.drivername, parsed.port
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        drivername, port = "", None
    # a plain postgresql:// goes to psycopg 3 (db/engine.py); psycopg2 is no driver of ours
    known = drivername in ("sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg")
    if not known or (port is not None and not 0 < port < 65536):
        shown = url.split("@")[-1] if "@" in url else url  # no user or password in the message
        raise ValidationError("field.db_url", Message("fault.bad_db_url", url=shown))


def _head_office(sessions: sessionmaker[Session]) -> bool:
    """Whether this is a head office's database (its one head_office row, db/models/exchange.py).
    Asked of the bare table: declaring head office's seven models for the question cost every
    command and window start ~13 ms (tests/cli/test_exchange_cli.py holds the answer)."""
    from sqlalchemy import column, select, table

    with sessions() as s:
        return s.scalar(select(column("id")).select_from(table("head_office")).limit(1)) is not None


def _open_ledger(sessions: sessionmaker[Session]) -> None:
    """Every change to evidence made through a session is ledgered from now on; the records of a
    database that predates the ledger are taken in once, before anything else is written."""
    from branchguard.core.ledger import chain, recording

    recording.install()
    with sessions() as s:
        done = chain.adopted(s.connection())
        later = done and bool(chain.later_kinds_missing(s.connection()))
    if not done:
        from branchguard.core.ledger.service import adopt_existing

        log.info("ledger: %d entries taken in", adopt_existing(sessions))
    elif later:  # a ledger kept before it kept those kinds
        from branchguard.core.ledger.service import take_in_later_kinds

        log.info("ledger: %d entries of the kinds it keeps since taken in", take_in_later_kinds(sessions))


def _database_files(config: RuntimeConfig) -> tuple[Path, ...]:
    """The SQLite database file and the -wal, -shm and journal SQLite keeps beside it; none for a
    database on a server."""
    url = make_url(config.db_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    db = Path(url.database)
    return tuple(db.with_name(db.name + end) for end in ("", "-wal", "-shm", "-journal"))


def _make_database_private(config: RuntimeConfig) -> None:
    """SQLite makes the database file (with the process's umask) and gives its -wal, -shm and
    journal the database file's mode: the file is made private, and whatever it made already."""
    files = _database_files(config)
    if files:  # none given would mean the data folder itself
        make_private(config.data_dir, *files)


def _load_starter_library(services: Services, sessions: sessionmaker[Session]) -> None:
    """The built-in plans into a new database. Two PCs opening a new shared database at once both
    find it empty: one loads them, the other's insert conflicts on their codes and finds them there
    now, which is all it wanted; it failed with "another change made the same record at the same
    moment", at a branch's setting up, though no one had changed anything."""
    try:
        services.playbooks.load_starter_library()
    except IntegrityError:
        if _starter_library_missing(sessions):
            raise
        log.info("the starter library was loaded by another PC meanwhile")


STARTER_PLANS = 30  # the built-in plans of resources/playbooks/starter_library.yaml (a test counts them)


def _built_ins_short(sessions: sessionmaker[Session]) -> bool:
    """Whether the database holds fewer built-in plans than this version brings: an upgrade whose
    first start was stopped after the schema's commit, before the plans it brings were added (every
    later start skipped them: 18 plans of 30). A built-in plan is retired, never deleted. One count."""
    with sessions() as s:
        held = s.scalar(text("SELECT count(*) FROM playbooks WHERE builtin = :yes"), {"yes": True})
    return int(held or 0) < STARTER_PLANS


def _starter_library_missing(sessions: sessionmaker[Session]) -> bool:
    """Whether the built-in playbooks still need loading, without importing the playbook layer
    (most starts find them, and need no playbook model until a playbook page opens)."""
    with sessions() as s:
        return s.scalar(text("SELECT 1 FROM playbooks WHERE builtin = :yes LIMIT 1"), {"yes": True}) is None


@dataclass(frozen=True)
class StartRestore:
    """What a restore asked for in Settings did at this start (core/backup/pending.py)."""

    note: Message
    ok: bool
    # Said after the note: the backup's settings not brought back (a place or a server of the PC it
    # was made on), and what the check found that is no failure (a PC clock behind the records).
    also: tuple[Message, ...] = ()

    def text(self) -> str:
        """The whole of it, a paragraph each, in the current language."""
        return "\n\n".join(message.text() for message in (self.note, *self.also))


def open_after_pending_restore(
    data_dir: str | Path | None = None,
    db: str | None = None,
    lang: str | None = None,
    *,
    read_only: bool = False,
    on_lock_wait: LockNotice | None = None,
) -> tuple[AppContext, StartRestore | None]:
    """The window's start: a pending restore first, before anything opens the database; then the
    context (an older restored schema is upgraded there), the restore recorded in the restored
    audit trail and its incident logs verified, as `branchguard restore` does."""
    from branchguard.core.backup import pending
    from branchguard.core.backup.archive import BackupError
    from branchguard.db.migrate import known_revisions

    if read_only:  # a restore writes: it waits for a start with write access
        return open_context(data_dir, db, lang, read_only=True, on_lock_wait=on_lock_wait), None
    config = resolve(data_dir, db, lang)
    set_language(config.language)
    outcome: StartRestore | None = None
    done = None
    try:
        done = pending.apply_pending(config.data_dir, config.db_url, known_revisions())
    except BackupError as exc:
        log.warning("pending restore not done: %s", exc.text("en"))
        outcome = StartRestore(Message("backup.restore_at_start_failed", error=exc.content), ok=False)
    ctx = open_context(data_dir, db, lang, on_lock_wait=on_lock_wait)
    if done is None:
        return ctx, outcome
    asked, result = done
    log.info("restored %s (set aside: %s)", asked.archive, result.set_aside)
    try:
        ctx.services.backup.record_restore(asked, result)
        report = ctx.services.ledger.verify(Actor.system())  # the restored data as a whole
    except BaseException:
        ctx.close()
        raise
    upgraded = result.upgraded
    also = (
        *((Message("cli.restore.upgraded", old=upgraded[0], new=upgraded[1]),) if upgraded else ()),
        *(Message("cli.restore.setting_left_out", name=k, value=v) for k, v in result.settings_left_out),
        *(warning.message for warning in report.warnings),
    )
    where = {
        "archive": str(asked.archive),
        "aside": str(result.set_aside) if result.set_aside is not None else "-",
    }
    if report.ok:
        made = result.manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        note = Message(
            "backup.restored_at_start" if asked.requested_by else "backup.restored_at_first_start",
            at=made,
            user=asked.requested_by,
            records=report.records,
            incidents=report.incidents,
            entries=report.log_entries,
            attachments=report.attachments,
            ledger=report.entries,
            **where,
        )
        return ctx, StartRestore(note, ok=True, also=also)
    problems = "; ".join(f"{p.entity} {p.entity_id}: {p.message.text()}" for p in report.problems)
    log.error("restored %s: ledger check failed: %s", asked.archive, problems)
    failed = Message("backup.restored_check_failed", problems=problems, **where)
    return ctx, StartRestore(failed, ok=False, also=also)
