"""Backup types: what an archive holds (its manifest) and what making or restoring one did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

FORMAT = "branchguard.backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_NAME = "database/branchguard.sqlite"


@dataclass(frozen=True)
class ManifestFile:
    path: str  # inside the archive, always with forward slashes
    size: int
    sha256: str


@dataclass(frozen=True)
class BackupManifest:
    created_at: datetime
    app_version: str
    schema_revision: str | None
    database: str  # "sqlite", or "postgresql" (then the archive holds no database: pg_dump does)
    files: tuple[ManifestFile, ...]
    counts: dict[str, int] = field(default_factory=dict)  # rows per table of the database copy

    @property
    def has_database(self) -> bool:
        return any(f.path == DATABASE_NAME for f in self.files)

    @property
    def attachment_count(self) -> int:
        return sum(1 for f in self.files if f.path.startswith("attachments/"))

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: BackupManifest
    pruned: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    set_aside: Path | None  # where the data that was in place went; None for an empty data folder
    # The archive's settings not brought back, as (name, value): places and servers of its PC.
    settings_left_out: tuple[tuple[str, str], ...] = ()
    # Window locks of this PC's windows that had ended (crashed), disregarded: (PID, since).
    stale_windows: tuple[tuple[int, str], ...] = ()
    # The backup's database was of an older schema and brought to this version's: (from, to).
    upgraded: tuple[str, str] | None = None
