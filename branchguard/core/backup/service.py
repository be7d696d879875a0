"""Backup service: the safety lead's backups of the data folder, each recorded in the audit trail."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.audit.service import record
from branchguard.core.backup import pending
from branchguard.core.backup.archive import (
    BackupError,
    Cancelled,
    Progress,
    check_backup,
    check_restore_target,
    create_backup,
    ignore,
    never,
)
from branchguard.core.backup.folder import backup_into_folder
from branchguard.core.backup.pending import PendingRestore
from branchguard.core.backup.types import BackupManifest, BackupResult, RestoreResult
from branchguard.core.faults.rules import detail
from branchguard.core.kernel.errors import PermissionDenied
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.models.foundation import UserRow


class BackupService:
    def __init__(
        self, sessions: sessionmaker[Session], data_dir: Path, app_version: str, *, read_only: bool = False
    ) -> None:
        self._sessions = sessions
        self._data_dir = data_dir
        self._version = app_version
        self._read_only = read_only  # data opened read-only: a backup is made, and not recorded

    def create(self, actor: Actor, db_url: str, out: Path, progress: Progress | None = None) -> BackupResult:
        """One archive at `out`; `progress` hears the bytes read of those to read."""
        require(actor, "backup.create")
        standing.confirm(self._sessions, actor)  # the archive is written before its audit record
        result = create_backup(self._data_dir, db_url, out, self._version, progress=progress or ignore)
        self._audit(actor, result)
        return result

    def create_in_folder(
        self,
        actor: Actor,
        db_url: str,
        folder: Path,
        keep_daily: int,
        keep_monthly: int,
        cancelled: Cancelled | None = None,
        progress: Progress | None = None,
    ) -> BackupResult:
        """An automatic backup named by its time in `folder`; older ones beyond those kept go.
        `cancelled` is asked between steps: a stop raises BackupCancelled, nothing written nor audited;
        `progress` hears the bytes read of those to read. One at a time in a process (BackupBusy:
        core/backup/folder.py)."""
        require(actor, "backup.create")
        standing.confirm(self._sessions, actor)
        result = backup_into_folder(
            self._data_dir,
            db_url,
            folder,
            self._version,
            keep_daily,
            keep_monthly,
            cancelled or never,
            progress or ignore,
        )
        self._audit(actor, result)
        return result

    def check_restorer(self, actor: Actor) -> None:
        """Refuse `actor` unless they may replace the data with a backup (`branchguard restore`,
        which restores at once: the command line holds no database open meanwhile)."""
        require(actor, "backup.restore")

    # -- restore at the next start (core/backup/pending.py says why not now) ------------------------
    def check(self, actor: Actor, archive: Path) -> BackupManifest:
        """Prove every file of `archive` against its manifest; what it holds (slow: read it all)."""
        require(actor, "backup.restore")
        from branchguard.db.migrate import known_revisions

        return check_backup(archive, known_revisions())

    def request_restore(
        self, actor: Actor, db_url: str, archive: Path, manifest: BackupManifest
    ) -> PendingRestore:
        """Have the next start restore `archive` (checked by `check`, and checked again then)."""
        require(actor, "backup.restore")
        check_restore_target(manifest, db_url, archive)
        with self._sessions.begin() as s:
            standing.check(s, actor)  # before the marker: a refused request must not restore
            # The marker is written inside the transaction: a failure to write it records nothing.
            asked = pending.write_marker(self._data_dir, archive, actor.username)
            record(
                s,
                actor,
                "backup.restore_requested",
                "backup",
                Path(archive).name,
                after={
                    "archive": str(asked.archive),
                    "created_at": manifest.created_at.isoformat(),
                    "app_version": manifest.app_version,
                    "schema_revision": manifest.schema_revision,
                },
            )
        return asked

    # -- a new PC: the first start, before any account (no login, as `branchguard restore` there) --
    def check_first(self, archive: Path) -> BackupManifest:
        """`check`, asked at the first start: nobody can log in yet, so nobody is asked to."""
        self._refuse_once_accounts()
        from branchguard.db.migrate import known_revisions

        return check_backup(archive, known_revisions())

    def request_first_restore(self, db_url: str, archive: Path, manifest: BackupManifest) -> PendingRestore:
        """`request_restore` at the first start: nobody asked for it by name (`requested_by` is
        empty), and nothing is recorded in the database it replaces, which holds nothing."""
        self._refuse_once_accounts()
        check_restore_target(manifest, db_url, archive)
        return pending.write_marker(self._data_dir, archive, "")

    def _refuse_once_accounts(self) -> None:
        """Refused once an account exists: from then on a safety lead restores (Settings → Backups)."""
        with self._sessions() as s:
            if s.scalar(select(func.count()).select_from(UserRow)):
                raise PermissionDenied(Message("backup.first_restore_accounts"))

    def pending_restore(self) -> PendingRestore | None:
        return pending.read_marker(self._data_dir)

    def cancel_restore(self, actor: Actor) -> bool:
        require(actor, "backup.restore")
        with self._sessions.begin() as s:
            standing.check(s, actor)  # before the marker is removed
            asked = pending.read_marker(self._data_dir)
            if asked is None or not pending.cancel(self._data_dir):
                return False
            record(
                s,
                actor,
                "backup.restore_cancelled",
                "backup",
                asked.archive.name,
                before={"archive": str(asked.archive)},
            )
        return True

    def record_restore(self, asked: PendingRestore, result: RestoreResult) -> None:
        """At the start that restored: say so in the restored database's own audit trail."""
        with self._sessions.begin() as s:
            record(
                s,
                Actor.system(),
                "backup.restore",
                "backup",
                asked.archive.name,
                after={
                    "archive": str(asked.archive),
                    "requested_by": asked.requested_by,
                    "requested_at": asked.requested_at.isoformat(),
                    "created_at": result.manifest.created_at.isoformat(),
                    "set_aside": str(result.set_aside) if result.set_aside else None,
                    # the locks of crashed windows found and disregarded, by the PID they named
                    "stale_window_pids": [pid for pid, _since in result.stale_windows],
                },
            )

    def _audit(self, actor: Actor, result: BackupResult) -> None:
        """After the archive is written: the archive's own copy does not hold this event. When it
        cannot be recorded (a disk that the archive filled), the complete archive stays and the
        refusal says both: "the change was not saved" once read as "no backup was made". On data
        opened read-only nothing is recorded, as nothing else is there."""
        if self._read_only:
            return
        try:
            self._record(actor, result)
        except (DBAPIError, OSError) as exc:
            unrecorded = Message("backup.unrecorded", path=str(result.path), error=detail(exc))
            raise BackupError(unrecorded) from exc

    def _record(self, actor: Actor, result: BackupResult) -> None:
        manifest = result.manifest
        with self._sessions.begin() as s:
            record(
                s,
                actor,
                "backup.create",
                "backup",
                result.path.name,
                after={
                    "path": str(result.path),
                    "files": len(manifest.files),
                    "bytes": manifest.total_bytes,
                    "schema_revision": manifest.schema_revision,
                    "pruned": [p.name for p in result.pruned],
                },
            )
