"""Faults on the command line: one worded line on stderr, exit 1, no traceback, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from branchguard.db import engine as engine_module
from branchguard.db.engine import LockRetry
from tests.cli.cli_support import Run


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err
    prefixes = ("branchguard: error:", "branchguard：错误：")  # English, Chinese (the default)
    assert len([line for line in err.splitlines() if line.startswith(prefixes)]) == 1


def _log_texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM incident_log ORDER BY incident_id, seq")]


@pytest.fixture
def run(fresh_run: Run) -> Run:
    return fresh_run  # on a new database; `started` is on the demo branch


@pytest.fixture
def started(demo_run: Run, tmp_path: Path) -> tuple[Path, str]:
    code, out, _ = demo_run("incident", "start", "--title", "停电")
    assert code == 0
    incident = out.strip()
    assert demo_run("incident", "log", incident, "--kind", "note", "--text", "已通知物业")[0] == 0
    return tmp_path / "data" / "branchguard.sqlite", incident


def test_a_held_write_lock_is_named_and_nothing_written(
    demo_run: Run, started: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, incident = started
    monkeypatch.setattr(engine_module, "LOCK_RETRY", LockRetry(wait_ms=20, pauses=(0.01, 0.01)))
    before = _log_texts(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err = demo_run("incident", "log", incident, "--kind", "note", "--text", "未保存")
    finally:
        holder.rollback()
        holder.close()
    assert code == 1
    _no_traceback(err)
    assert err.count("retrying…") == 1  # said once, not at every retry
    assert "stayed locked by another program" in err and "NOT saved" in err
    assert _log_texts(db) == before
    assert demo_run("incident", "log", incident, "--kind", "note", "--text", "再试一次")[0] == 0
    assert _log_texts(db) == [*before, "再试一次"]


def test_a_read_held_up_by_the_logins_record_says_read_only_reads_at_once(
    demo_run: Run, started: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every login is recorded, so `incident list` waited ~28 s on another program's write lock
    and said "a change was NOT saved" where the user changed nothing."""
    db, _incident = started
    monkeypatch.setattr(engine_module, "LOCK_RETRY", LockRetry(wait_ms=20, pauses=(0.01, 0.01)))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _out, err = demo_run("incident", "list")
        read_only = demo_run("--read-only", "incident", "list")
    finally:
        holder.rollback()
        holder.close()
    assert code == 1 and "stayed locked" in err and "--read-only reads at once" in err
    assert read_only[0] == 0, read_only[2]  # the same list, at once


def test_a_full_disk_is_worded_and_keeps_what_was_saved(
    demo_run: Run, started: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from branchguard.core.incidents import log as incident_log

    db, incident = started
    before = _log_texts(db)

    def full(*_args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(incident_log, "_index_after", full)
    code, _out, err = demo_run(
        "incident", "log", incident, "--kind", "note", "--text", "未保存", lang="zh_CN"
    )  # fmt: skip
    assert code == 1
    _no_traceback(err)
    assert "磁盘已满" in err and "本次更改未保存" in err
    assert _log_texts(db) == before and "已通知物业" in before


def test_demo_on_a_full_disk_leaves_the_database_empty(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from branchguard.core.demo import drills as drill_demo

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(drill_demo, "fill", full)
    code, out, err = run("demo")
    assert code == 1 and out == ""
    _no_traceback(err)
    assert "disk holding" in err and "is full" in err
    monkeypatch.undo()
    code, out, _ = run("demo", "--if-empty")
    assert code == 0 and "lead-demo-2026" in out


def test_read_only_views_and_verifies_and_refuses_changes(
    demo_run: Run, started: tuple[Path, str], tmp_path: Path
) -> None:
    db, incident = started
    content = db.read_bytes()
    code, out, err = demo_run("--read-only", "verify")
    assert code == 0 and "chain consistent" in out, err
    code, out, _ = demo_run("--read-only", "incident", "show", incident)
    assert code == 0 and "已通知物业" in out
    pdf = tmp_path / "report.pdf"
    code, _out, err = demo_run("--read-only", "report", "incident", incident, "-o", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out, err = demo_run("--read-only", "dashboard", "--json")  # reads without catching up
    assert code == 0 and '"incidents_open"' in out, err
    summary = tmp_path / "summary.pdf"
    code, _out, err = demo_run("--read-only", "report", "summary", "--period", "2026", "-o", str(summary))
    assert code == 0 and summary.read_bytes().startswith(b"%PDF"), err
    code, _out, err = demo_run("--read-only", "incident", "log", incident, "--kind", "note", "--text", "x")
    assert code == 1
    _no_traceback(err)
    assert "read-only" in err and "NOT saved" in err
    # a backup of data opened read-only is made and, as nothing is written there, not recorded
    # (it once failed as "could not be recorded in the audit trail")
    code, out, err = demo_run("--read-only", "backup", "-o", str(tmp_path / "copy.zip"))
    assert code == 0 and out.startswith(f"backup written: {tmp_path / 'copy.zip'}"), err
    assert db.read_bytes() == content


def test_read_only_folder_by_permissions(demo_run: Run, started: tuple[Path, str]) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root writes through chmod: the --read-only test covers the read-only open")
    db, incident = started
    folder = db.parent
    folder.chmod(0o555)
    db.chmod(0o444)
    try:
        code, out, err = demo_run("verify")
        assert code == 0 and "chain consistent" in out
        assert "opened read-only" in err
        code, _out, err = demo_run("incident", "log", incident, "--kind", "note", "--text", "x")
        assert code == 1 and "read-only" in err
        _no_traceback(err)
        # a backup off a read-only disk: SQLite once refused to read the file without `immutable`
        archive = folder.parent / "copy.zip"
        code, out, err = demo_run("backup", "-o", str(archive))
        assert code == 0 and archive.is_file(), err
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_a_damaged_database_is_named(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)  # run may have made it: the file is overwritten below
    db = folder / "branchguard.sqlite"
    junk = b"\x00garbage" * 2000
    db.write_bytes(junk)
    for lang, words in (("en", "damaged"), ("zh_CN", "已损坏")):
        code, out, err = run("verify", lang=lang)
        assert code == 1 and out == ""
        _no_traceback(err)
        assert words in err and "restore" in err
    assert db.read_bytes() == junk


def test_a_file_of_the_users_that_cannot_be_written_is_named_not_the_data_folder(
    demo_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o on a read-only disk once said "the data folder … is read-only", though it was writable."""
    import errno
    import os

    from branchguard.core.kernel import output

    def read_only_disk(_src: object, dst: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dst))

    monkeypatch.setattr(output.os, "replace", read_only_disk)
    card = tmp_path / "stick" / "card.pdf"
    card.parent.mkdir()
    code, _out, err = demo_run("contacts", "card", "-o", str(card))
    assert code == 1 and f"cannot write {card}" in err and "data folder" not in err, err
    assert not card.exists() and list(card.parent.iterdir()) == []  # nothing of it left


def test_a_file_of_the_users_in_a_folder_that_is_gone_is_named(demo_run: Run, tmp_path: Path) -> None:
    """-o into a folder that is not there (a USB stick pulled): that file, worded, no traceback."""
    card = tmp_path / "stick" / "card.pdf"
    for lang, words in (("en", f"cannot use {card}"), ("zh_CN", f"无法使用 {card}")):
        code, out, err = demo_run("contacts", "card", "-o", str(card), lang=lang)
        assert code == 1 and out == "" and words in err, err
        _no_traceback(err)
        assert "data folder" not in err and "数据文件夹" not in err
    assert not card.parent.exists()
