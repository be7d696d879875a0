"""`branchguard verify` over the ledger: clean after use, every broken record named on its own
line with a non-zero exit, the JSON report, and a database with no records said to be so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.cli_support import Run, invoke


def test_verify_names_every_broken_record_and_exits_non_zero(demo_run: Run, tmp_path: Path) -> None:
    code, out, _err = demo_run("verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"]
    assert report["proved"].startswith("chain consistent; not checked against an outside anchor")
    assert report["head"]["seq"] == report["entries"] > 0 and len(report["head"]["hash"]) == 64

    with sqlite3.connect(tmp_path / "data" / "branchguard.sqlite") as db:
        (user_id,) = db.execute("SELECT id FROM users WHERE username = 'staff'").fetchone()
        db.execute("UPDATE users SET role = 'lead' WHERE id = ?", (user_id,))
        (event,) = db.execute("SELECT max(id) FROM audit_events").fetchone()
        db.execute("DELETE FROM audit_events WHERE id = ?", (event,))
    code, out, err = demo_run("verify")
    assert code == 1 and "Traceback" not in err
    # verify's own login is recorded first and is given the deleted event's number again: the
    # ledger, which saw that number created before, names the deletion all the same.
    lines = err.splitlines()
    assert len(lines) == 2
    assert f"branchguard: error: account {user_id}: role is lead, ledger says staff" in lines
    assert any(f"audit event {event} deleted outside the app" in line for line in lines)
    assert "Verify FAILED: 2 problem(s)" in out
    code, out, _err = demo_run("verify", "--json")
    assert code == 1 and [p["entity"] for p in json.loads(out)["problems"]] in (
        ["user", "audit_event"],
        ["audit_event", "user"],
    )


def test_a_new_or_emptied_database_says_it_has_no_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Verify needs no login on a database with no account: nobody could log in to it."""

    def run(*args: str) -> tuple[int, str, str]:
        return invoke(capsys, tmp_path / "data", args, "en")

    from branchguard.context import open_context

    open_context(tmp_path / "data").close()  # a new database, as the window's first run makes it
    assert run("info")[0] == 0  # built-in content only
    code, out, _err = run("verify")
    assert code == 0 and "there is nothing anyone wrote to verify" in out
    assert run("demo")[0] == 0
    (tmp_path / "data" / "branchguard.sqlite").write_bytes(b"")  # emptied to zero bytes
    for suffix in ("-wal", "-shm"):
        (tmp_path / "data" / f"branchguard.sqlite{suffix}").unlink(missing_ok=True)
    code, out, err = run("verify")  # a lost database, not a new one: refused, not refilled
    assert code == 1 and out == "" and "is missing or empty" in err
    assert (tmp_path / "data" / "branchguard.sqlite").stat().st_size == 0


def test_no_command_gives_a_role_of_its_own() -> None:
    """The role of whoever runs `verify` on a database with no account is the role table's to say
    (core/kernel/roles.py: no_account): `verify` once built an auditor itself. No module of cli/
    names a Role member."""
    import ast

    from branchguard.core.kernel.types import Role

    cli = Path(__file__).resolve().parents[2] / "branchguard" / "cli"
    named = [
        f"{path.name}:{node.lineno} Role.{node.attr}"
        for path in sorted(cli.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr in Role.__members__
        and isinstance(node.value, ast.Name)
        and node.value.id == "Role"
    ]
    assert named == []
