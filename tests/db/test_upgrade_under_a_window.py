"""An older database is not upgraded while a BranchGuard window is open on its folder: an older
window went on writing after the upgrade with its own idea of the schema (a schedule it added then
failed `verify` as "not in the ledger"). Quit, the next start upgrades."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.faults.holders import host_name, window_lock_name
from branchguard.core.kernel.errors import SchemaError
from branchguard.db.migrate import SchemaAction

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema_0001.sqlite"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(FIXTURE, folder / "branchguard.sqlite")
    return folder


@pytest.fixture
def window() -> Iterator[subprocess.Popen[bytes]]:
    """A process that stands for the older window (its PID in the lock file, still running)."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def _revision(data: Path) -> str:
    with closing(sqlite3.connect(f"file:{data / 'branchguard.sqlite'}?mode=ro", uri=True)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_no_upgrade_while_a_window_is_open_on_the_folder(data: Path, window: subprocess.Popen[bytes]) -> None:
    lock = data / window_lock_name()
    lock.write_text(f"{window.pid}\npython\n{host_name()}\n", encoding="utf-8")  # as QLockFile writes it

    with pytest.raises(SchemaError) as refused:
        open_context(data, lang="en")

    assert refused.value.message.startswith(
        f"The database must be upgraded to this version, and BranchGuard is open on {data} (PID {window.pid})"
    )
    assert refused.value.message.endswith("nothing was changed")
    assert _revision(data) == "0001" and not (data / "backups").exists()

    window.kill()  # the window quit
    window.wait()
    ctx = open_context(data, lang="en")
    try:
        assert ctx.schema.action is SchemaAction.UPGRADED
    finally:
        ctx.close()


def test_no_upgrade_while_another_pc_has_a_window_on_the_shared_folder(data: Path) -> None:
    (data / "branchguard-desk-2.lock").write_text("4242\nBranchGuard.exe\ndesk-2\n", encoding="utf-8")

    with pytest.raises(SchemaError) as refused:
        open_context(data, lang="zh_CN")

    assert "其他电脑（desk-2）" in refused.value.message and "未做任何改动" in refused.value.message
    assert _revision(data) == "0001" and not (data / "backups").exists()
