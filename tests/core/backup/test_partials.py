"""What a backup stopped dead leaves (a killed command, a PC switched off: its `.partial-` file) is
removed by a later automatic backup once it is older than any backup still writing could be; a
recent one, perhaps another process's backup in progress, is left."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from branchguard.core.backup.folder import STALE_PARTIAL
from branchguard.core.kernel.types import Actor


def test_an_automatic_backup_removes_the_partial_files_of_backups_stopped_dead(
    ctx: Any, lead: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stale, recent = folder / ".partial-k1ll3d.zip", folder / ".partial-wr1t1ng.zip"
    stale.write_bytes(b"PK half an archive")
    recent.write_bytes(b"PK being written")
    old = time.time() - STALE_PARTIAL.total_seconds() - 60
    os.utime(stale, (old, old))

    ctx.services.backup.create_in_folder(lead, ctx.config.db_url, folder, 7, 12)

    assert not stale.exists() and recent.exists()
    assert len(list(folder.glob("branchguard-*.zip"))) == 1
