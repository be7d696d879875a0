"""Everyone is somebody: every command that reads or changes records logs in (cli/login.py) and acts
with that user's role, through the window's account service, lockout rule and audit trail."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.cli.cli_support import LEAD_PASSWORD, STAFF_PASSWORD, as_user, invoke


@pytest.fixture
def data_dir(records_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo branch (as `demo` fills it, without any login, at first run), and nobody logged in."""
    as_user(monkeypatch, None)
    return records_data_dir


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return invoke(capsys, data, args, "en")


def audit_rows(data: Path, action: str) -> list[tuple[str, str]]:
    """(actor, summary) of each audit event of `action`, oldest first, read straight from the file."""
    with sqlite3.connect(data / "branchguard.sqlite") as conn:
        query = "SELECT actor, summary FROM audit_events WHERE action = ? ORDER BY id"
        return [(str(a), str(s)) for a, s in conn.execute(query, (action,))]


def usernames(data: Path) -> set[str]:
    with sqlite3.connect(data / "branchguard.sqlite") as conn:
        return {str(r[0]) for r in conn.execute("SELECT username FROM users")}


@pytest.mark.parametrize(
    "args",
    [
        ("people", "list"),
        ("incident", "list"),
        ("verify",),
        ("audit", "list"),
        ("backup", "-o", "x.zip"),
        ("user", "list"),
        ("playbook", "list"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_command_that_reads_records_needs_a_login(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    code, out, err = cli(capsys, monkeypatch, data_dir, *args)
    assert (code, out) == (1, "")
    assert err == "branchguard: error: this command needs a login: give --user NAME or set BRANCHGUARD_USER\n"


def test_user_add_without_a_login_or_as_staff_is_refused_and_writes_no_account(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = usernames(data_dir)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "user", "add", "mallory", "--role", "lead",
                          stdin="mallory-pass-1\n")
    assert code == 1 and "needs a login" in err
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "user", "add", "mallory", "--role", "lead",
                          stdin="mallory-pass-1\n")
    assert code == 1 and "Staff 'staff' may not create user accounts" in err
    assert usernames(data_dir) == before
    assert audit_rows(data_dir, "user.refused") == [("staff", "user add (user.create)")]


def test_staff_closing_an_incident_is_refused_and_the_refusal_audited_under_their_name(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, out, err = cli(capsys, monkeypatch, data_dir, "incident", "start", "--playbook", "FIRE", "--drill")
    assert code == 0, err
    iid = int(out)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "incident", "close", str(iid), "--outcome", "done")
    assert code == 1 and "Staff 'staff' may not close incidents" in err and "Traceback" not in err
    assert audit_rows(data_dir, "user.refused") == [("staff", "incident close (incident.close)")]
    # the incident was started in the staff member's own name, and is still open
    assert audit_rows(data_dir, "incident.start")[-1][0] == "staff"
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    shown = json.loads(cli(capsys, monkeypatch, data_dir, "incident", "show", str(iid), "--json")[1])
    assert (shown["status"], shown["started_by"]) == ("open", "staff")


def test_wrong_passwords_on_the_command_line_count_toward_the_lockout_and_are_audited(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "staff", "not-the-password")
    for _ in range(4):
        code, _out, err = cli(capsys, monkeypatch, data_dir, "people", "list")
        assert (code, err) == (1, "branchguard: error: Wrong user name or password\n")
    code, _out, err = cli(capsys, monkeypatch, data_dir, "people", "list")
    assert code == 1 and "Account 'staff' is locked" in err
    as_user(monkeypatch, "staff", STAFF_PASSWORD)  # the right password waits for the lock, as in the window
    code, _out, err = cli(capsys, monkeypatch, data_dir, "people", "list")
    assert code == 1 and "is locked" in err
    failed = [json.loads(summary) for _, summary in audit_rows(data_dir, "user.login_failed")]
    assert [said["params"].get("n") for said in failed] == [1, 2, 3, 4, 5, None]
    assert failed[-1]["key"] == "user.audit.tried_locked"  # the try while locked: audited, not counted
    assert len(audit_rows(data_dir, "user.locked")) == 1
    as_user(monkeypatch, "auditor", "auditor-demo-2026")
    code, out, err = cli(capsys, monkeypatch, data_dir, "audit", "list", "--text", "staff")
    assert code == 0, err
    assert "staff: wrong password (5/5)" in out and "staff locked until" in out and "+00:00" not in out


def test_a_name_no_account_has_is_audited_and_an_empty_password_is_refused_uncounted(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`BRANCHGUARD_USER=nobody … incident list` left no trace; `echo "" | … --password-stdin`
    counted toward the lockout."""
    as_user(monkeypatch, "nobody", "x")
    code, _out, err = cli(capsys, monkeypatch, data_dir, "incident", "list")
    assert (code, err) == (1, "branchguard: error: Wrong user name or password\n")
    assert [actor for actor, _ in audit_rows(data_dir, "user.login_failed")] == ["system"]
    as_user(monkeypatch, "staff")
    code, _out, err = cli(capsys, monkeypatch, data_dir, "--password-stdin", "incident", "list", stdin="\n")
    assert (code, err) == (1, "branchguard: error: Enter the password\n")
    assert len(audit_rows(data_dir, "user.login_failed")) == 1  # the empty one is neither audited ...
    with sqlite3.connect(data_dir / "branchguard.sqlite") as conn:  # ... nor counted
        counted = conn.execute("SELECT failed_attempts FROM users WHERE username = 'staff'").fetchone()[0]
    assert counted == 0
    as_user(monkeypatch, "auditor", "auditor-demo-2026")
    code, out, err = cli(capsys, monkeypatch, data_dir, "audit", "list", "--action", "user.login_failed")
    assert code == 0, err
    assert "'n…' (6 characters): no such account" in out and "nobody" not in out  # masked


def test_a_stranger_only_slows_the_lead_down_and_another_lead_lets_them_in_at_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "user", "add", "deputy", "--role", "lead",
                          stdin="deputy-pass-2026\n")
    assert code == 0, err
    as_user(monkeypatch, "lead", "stranger-guess")
    for _ in range(20):
        code, _out, err = cli(capsys, monkeypatch, data_dir, "incident", "list")
        assert code == 1
    assert "Too many wrong passwords for 'lead': try again in" in err
    with sqlite3.connect(data_dir / "branchguard.sqlite") as conn:
        waits = conn.execute(
            "SELECT (julianday(locked_until) - julianday('now')) * 86400 FROM users WHERE username = 'lead'"
        ).fetchone()[0]
    assert waits <= 60  # a wait of a minute at most, never a lock of lockout_minutes
    assert audit_rows(data_dir, "user.locked") == []
    as_user(monkeypatch, "deputy", "deputy-pass-2026")
    code, out, err = cli(capsys, monkeypatch, data_dir, "user", "unlock", "lead")
    assert (code, out, err) == (0, "'lead' can log in again\n", "")
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    assert cli(capsys, monkeypatch, data_dir, "incident", "list")[0] == 0
    assert audit_rows(data_dir, "user.unlock") == [("deputy", "lead")]


def test_password_from_stdin_from_the_environment_and_none_at_all(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, None)
    auditor = ("--user", "auditor")
    code, _out, err = cli(capsys, monkeypatch, data_dir, *auditor, "--password-stdin", "audit", "list",
                          stdin="auditor-demo-2026\n")
    assert code == 0, err
    assert audit_rows(data_dir, "user.login")[-1] == ("auditor", "auditor")
    code, _out, err = cli(capsys, monkeypatch, data_dir, *auditor, "--password-stdin", "audit", "list")
    assert code == 1 and "--password-stdin: standard input holds no password line" in err
    code, _out, err = cli(capsys, monkeypatch, data_dir, "--user", "auditor", "audit", "list")
    assert code == 1
    assert "no password: type it at a terminal, or use --password-stdin or BRANCHGUARD_PASSWORD" in err
    monkeypatch.setenv("BRANCHGUARD_PASSWORD", "auditor-demo-2026")
    assert cli(capsys, monkeypatch, data_dir, "--user", "auditor", "audit", "list")[0] == 0
    # --user wins over BRANCHGUARD_USER; an auditor reads, never acts
    monkeypatch.setenv("BRANCHGUARD_USER", "lead")
    code, _out, err = cli(capsys, monkeypatch, data_dir, "--user", "auditor", "incident", "start")
    assert code == 1 and "Auditor 'auditor' may not" in err
    # with --password-stdin, `user add` reads the login's password first, then the new account's
    as_user(monkeypatch, None)
    lines = f"{LEAD_PASSWORD}\nteller-pass-2026\n"
    code, _out, err = cli(capsys, monkeypatch, data_dir, "--user", "lead", "--password-stdin",
                          "user", "add", "teller", "--role", "staff", stdin=lines)
    assert code == 0, err
    as_user(monkeypatch, "teller", "teller-pass-2026")
    assert cli(capsys, monkeypatch, data_dir, "people", "list")[0] == 0


def test_first_run_and_make_run_need_no_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, None)
    data = tmp_path / "fresh"
    # info shows no record: it works without a login, on a new or a filled database; a folder
    # without data (a mistyped --data-dir) it says so, and makes no database there
    code, out, err = cli(capsys, monkeypatch, data, "info")
    assert code == 1 and out == "" and f"there is no BranchGuard data in {data}" in err
    assert not data.exists()
    # the first account, with no login (nobody could log in yet), must be able to add the others
    code, _out, err = cli(capsys, monkeypatch, data, "user", "add", "chief", "--role", "staff",
                          stdin="chief-pass-2026\n")
    assert code == 1 and "the first account must be a safety lead" in err
    code, out, err = cli(capsys, monkeypatch, data, "user", "add", "chief", "--role", "lead",
                         "--branch-name", "城西支行", stdin="chief-pass-2026\n")
    assert code == 0 and out.strip().isdigit(), err
    code, out, err = cli(capsys, monkeypatch, data, "info")
    assert code == 0 and "schema_revision: " in out and "\nbranch:" not in out, err
    code, _out, err = cli(capsys, monkeypatch, data, "user", "add", "mallory", "--role", "lead",
                          stdin="mallory-pass-1\n")
    assert code == 1 and "needs a login" in err
    assert usernames(data) == {"chief"}
    # `make run` runs `demo --if-empty` at every start: on a database with data it does nothing
    assert cli(capsys, monkeypatch, data, "demo", "--if-empty") == (0, "", "")
    code, _out, err = cli(capsys, monkeypatch, data, "demo")  # refused, never a prompt
    assert code == 1 and "Traceback" not in err
    assert cli(capsys, monkeypatch, data, "info")[0] == 0


def test_restore_over_data_with_accounts_needs_a_lead(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "copy.zip"
    as_user(monkeypatch, "lead", LEAD_PASSWORD)
    assert cli(capsys, monkeypatch, data_dir, "backup", "-o", str(archive))[0] == 0
    as_user(monkeypatch, None)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "restore", str(archive), "--yes")
    assert code == 1 and "needs a login" in err
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, _out, err = cli(capsys, monkeypatch, data_dir, "restore", str(archive), "--yes")
    assert code == 1 and "Staff 'staff' may not" in err
    assert audit_rows(data_dir, "user.refused") == [("staff", "restore (backup.restore)")]
    assert not [p for p in data_dir.iterdir() if p.name.startswith("before-restore-")]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("pressed", "code", "said"),
    [
        (EOFError, 1, "no password was typed (the input ended): nothing was done"),
        (KeyboardInterrupt, 130, "interrupted: what was not finished was not saved"),
    ],
    ids=["ctrl-d", "ctrl-c"],
)
def test_ctrl_d_or_ctrl_c_at_the_password_prompt_is_one_line_not_a_traceback(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    pressed: type[BaseException], code: int, said: str,
) -> None:  # fmt: skip
    def prompt(_text: str) -> str:
        raise pressed

    monkeypatch.setenv("BRANCHGUARD_USER", "lead")
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", prompt)
    result, out, err = invoke(capsys, data_dir, ("incident", "list"), "en")
    assert (result, out) == (code, "")
    assert err.strip().splitlines()[-1] == f"branchguard: error: {said}"
    assert "Traceback" not in err
