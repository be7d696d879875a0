"""Backup service: the safety lead's backups of the data folder, each recorded in the audit trail."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.backup.archive import backup_into_folder, create_backup
from branchguard.core.backup.types import BackupResult
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor


class BackupService:
    def __init__(self, sessions: sessionmaker[Session], data_dir: Path, app_version: str) -> None:
        self._sessions = sessions
        self._data_dir = data_dir
        self._version = app_version

    def create(self, actor: Actor, db_url: str, out: Path) -> BackupResult:
        """One archive at `out`."""
        require(actor, "backup.create")
        result = create_backup(self._data_dir, db_url, out, self._version)
        self._audit(actor, result)
        return result

    def create_in_folder(
        self, actor: Actor, db_url: str, folder: Path, keep_daily: int, keep_monthly: int
    ) -> BackupResult:
        """An automatic backup named by its time in `folder`; older ones beyond those kept go."""
        require(actor, "backup.create")
        result = backup_into_folder(self._data_dir, db_url, folder, self._version, keep_daily, keep_monthly)
        self._audit(actor, result)
        return result

    def _audit(self, actor: Actor, result: BackupResult) -> None:
        # After the archive is written: the archive's own copy does not hold this event.
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
