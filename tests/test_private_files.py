"""Private by default (POSIX): the data folder and everything BranchGuard or a library it uses puts
there are the owner's only (folders 0700, files 0600), or the group's too in a folder shared by
a group (setgid); an older data folder is tightened when opened."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.kernel.types import Actor
from branchguard.core.people.types import ContactInput, ContactKind

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's (README: icacls)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes_under(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): mode(p) for p in folder.rglob("*")}


def test_a_whole_run_leaves_nothing_readable_by_others(tmp_path: Path) -> None:
    """Through the real entry point, as a user runs it (its umask set there): demo, a backup, a log."""
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHGUARD_")}
    env.update(BRANCHGUARD_USER="lead", BRANCHGUARD_PASSWORD="lead-demo-2026")
    for args in (["demo"], ["backup"], ["incident", "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "branchguard", "--data-dir", str(data), "--lang", "en", *args],
            env=env, capture_output=True, text=True, timeout=300, check=False,
        )
        assert done.returncode == 0, done.stderr
    found = modes_under(data)
    assert mode(data) == 0o700
    for name in ("branchguard.sqlite", "logs/branchguard.log", "logs/crash.log", "backups"):
        assert name in found, sorted(found)
    assert any(name.startswith("attachments/") for name in found), "the demo's inspection photos"
    assert any(name.startswith("backups/") and name.endswith(".zip") for name in found)
    wrong = {
        name: oct(m) for name, m in found.items()
        if m != (0o700 if (data / name).is_dir() else 0o600)
    }
    assert wrong == {}


def test_the_database_its_wal_and_the_settings_are_private_even_without_the_umask(tmp_path: Path) -> None:
    """In a process that never set the umask (here: the test's 022), explicit modes still apply to
    what SQLite and the settings write, and an older, open data folder is tightened."""
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    (data / "settings.ini").write_text("[branchguard]\nlanguage = en\n", encoding="utf-8")
    (data / "settings.ini").chmod(0o644)
    old = os.umask(0o022)
    try:
        ctx = open_context(data)
        try:
            ctx.services.people.add_contact(
                Actor.system(), ContactInput("值班室", ContactKind.SUPERIOR_SECURITY, "010-66880110")
            )
            ctx.config.settings.set("report_font", "")
            db = data / "branchguard.sqlite"
            journal = [db.with_name(db.name + end) for end in ("-wal", "-shm")]
            assert all(p.exists() for p in journal), "WAL mode: the journal is open while the engine is"
            assert {p.name: mode(p) for p in (db, *journal)} == {p.name: 0o600 for p in (db, *journal)}
        finally:
            ctx.close()
    finally:
        os.umask(old)
    assert mode(data) == 0o700
    assert mode(data / "settings.ini") == 0o600


def test_a_folder_shared_by_a_group_keeps_the_group_and_shuts_others_out(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    data.mkdir()
    data.chmod(0o2775)  # setgid: the group's shared folder (README, "Where data lives")
    (data / "settings.ini").write_text("[branchguard]\n", encoding="utf-8")
    (data / "settings.ini").chmod(0o644)
    ctx = open_context(data)
    ctx.close()
    assert mode(data) == 0o2770
    assert mode(data / "settings.ini") == 0o660
    assert mode(data / "branchguard.sqlite") == 0o660


def test_access_is_only_narrowed_a_read_only_folder_stays_read_only(tmp_path: Path) -> None:
    """Every command once made a data folder its owner had set read-only (0500) writable again."""
    from branchguard.paths import make_private

    data = tmp_path / "data"
    data.mkdir()
    settings, loose = data / "settings.ini", data / "loose.txt"
    settings.write_text("")
    loose.write_text("")
    settings.chmod(0o444)
    loose.chmod(0o664)
    data.chmod(0o555)
    try:
        make_private(data, data, settings, loose)
        assert (mode(data), mode(settings), mode(loose)) == (0o500, 0o400, 0o600)
        data.chmod(0o755)
        make_private(data)
        assert mode(data) == 0o700  # others' access still taken away
    finally:
        data.chmod(0o700)
