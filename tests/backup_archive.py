"""Backup archives changed as a test needs: a member replaced, the database of another schema with
the manifest saying so (its size and digest), as an older BranchGuard would have written it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

DATABASE_MEMBER = "database/branchguard.sqlite"


def rewrite(archive: Path, out: Path, change: dict[str, bytes]) -> None:
    """`archive` copied to `out` with the members named in `change` given its bytes."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change.get(info.filename, src.read(info.filename)))


def with_database(data: bytes, manifest: dict[str, Any], revision: str) -> dict[str, bytes]:
    """The members that put `data`, a database of schema `revision`, in an archive of `manifest`."""
    manifest["schema_revision"] = revision
    for entry in manifest["files"]:
        if entry["path"] == DATABASE_MEMBER:
            entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    return {DATABASE_MEMBER: data, "manifest.json": json.dumps(manifest).encode()}


def one_revision_back(database: bytes, manifest: dict[str, Any], tmp_path: Path) -> dict[str, bytes]:
    """The archive's database taken down one revision by its own migration, as the version before
    this one would have written it, and the manifest saying so."""
    from alembic import command

    from branchguard.db.engine import make_engine, sqlite_url
    from branchguard.db.migrate import alembic_config, known_revisions

    db = tmp_path / "older.sqlite"
    db.write_bytes(database)
    older = sorted(known_revisions())[-2]
    engine = make_engine(sqlite_url(db))
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, older)
    finally:
        engine.dispose()
    return with_database(db.read_bytes(), manifest, older)
