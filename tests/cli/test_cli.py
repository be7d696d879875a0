"""The command line end to end, in-process: output shapes, exit codes and error lines."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.cli_support import Run, invoke, with_lead


def _runner(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def _run(*args: str, stdin: str = "", lang: str = "zh_CN") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return invoke(capsys, data_dir, args, lang)

    _run.data_dir = data_dir  # type: ignore[attr-defined]
    return _run


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `branchguard --data-dir <tmp> ARGS…`; returns (exit code, stdout, stderr)."""
    return _runner(tmp_path / "data", capsys, monkeypatch)


@pytest.fixture
def on_demo(records_data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """`run` on the demo branch as `branchguard demo` leaves it: a copy of the run's (see
    tests/conftest.py, records_template), where running `demo` first took about 0.7 s a test.
    In Chinese and with a stdin, as `run`: tests/cli/conftest.py's `demo_run` has neither."""
    return _runner(records_data_dir, capsys, monkeypatch)


def test_demo_fills_once_and_prints_accounts(run) -> None:
    code, out, err = run("demo")
    assert code == 0, err
    for username, password in (
        ("lead", "lead-demo-2026"),
        ("staff", "staff-demo-2026"),
        ("auditor", "auditor-demo-2026"),
    ):
        assert username in out and password in out
    assert "示范银行城东支行营业部" in out

    code, out, err = run("demo")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "已有网点数据" in err

    assert run("demo", "--if-empty") == (0, "", "")


def test_people_list_json_shape(on_demo) -> None:
    code, out, _ = on_demo("people", "list", "--json")
    assert code == 0
    people = json.loads(out)
    assert isinstance(people, list) and len(people) == 9
    head = next(p for p in people if p["name"] == "王建国")
    assert head["branch_role"] == "branch_head"
    assert head["mobile"] == "13901010001"
    assert {"id", "name", "branch_role", "mobile", "phone", "on_duty", "notes", "updated_at"} <= set(head)

    code, out, _ = on_demo("people", "list", "--json", "--post", "teller", "--on-duty")
    assert sorted(p["name"] for p in json.loads(out)) == ["刘洋", "张伟"]


def test_contacts_list_has_public_numbers_from_the_start(run) -> None:
    with_lead(run.data_dir)  # nothing but the account that logs in
    code, out, _ = run("contacts", "list", "--json")
    assert code == 0
    contacts = json.loads(out)
    assert [c["phone"] for c in contacts if c["builtin"]] == ["110", "119", "120", "96110"]
    assert all("id" in c for c in contacts)


def test_user_add_reads_password_from_stdin_and_prints_id(on_demo) -> None:
    code, out, err = on_demo("user", "add", "bob", "--role", "staff", stdin="long-enough-pw\n")
    assert code == 0, err
    new_id = int(out.strip())
    code, out, _ = on_demo("user", "list", "--json")
    users = {u["username"]: u for u in json.loads(out)}
    assert users["bob"]["id"] == new_id and users["bob"]["role"] == "staff"
    assert "password_hash" not in users["bob"]


@pytest.mark.parametrize(
    ("args", "stdin", "code", "needle"),
    [
        (("user", "add", "bob", "--role", "staff"), "short\n", 1, "8"),
        (("user", "add", "lead", "--role", "staff"), "long-enough-pw\n", 1, "lead"),
        (("user", "add", "b o b", "--role", "staff"), "long-enough-pw\n", 1, "b o b"),
        (("user", "add", "bob", "--role", "boss"), "long-enough-pw\n", 2, "boss"),
    ],
)
def test_user_add_bad_input_writes_nothing(on_demo, args, stdin, code, needle) -> None:
    before = json.loads(on_demo("user", "list", "--json")[1])
    got, out, err = on_demo(*args, stdin=stdin, lang="en")
    assert got == code
    assert needle in err and "Traceback" not in err
    assert out == ""
    assert json.loads(on_demo("user", "list", "--json")[1]) == before


def test_audit_list_json_records_cli_changes(on_demo) -> None:
    on_demo("user", "add", "carol", "--role", "auditor", stdin="long-enough-pw\n")
    code, out, _ = on_demo("audit", "list", "--json", "--action", "user.create")
    events = json.loads(out)
    assert code == 0
    newest = events[0]
    assert newest["action"] == "user.create" and newest["actor"] == "lead"  # who logged in
    assert newest["after"] == {"username": "carol", "role": "auditor"}
    assert {"id", "at", "actor", "action", "entity", "entity_id", "summary"} <= set(newest)
    assert len(events) == 4  # three demo accounts and carol


def test_usage_errors_exit_2(run) -> None:
    assert run("people")[0] == 2
    assert run("no-such-command")[0] == 2
    assert run("audit", "list", "--since", "yesterday")[0] == 2


def test_newer_database_is_refused_with_one_line(on_demo) -> None:
    db = on_demo.data_dir / "branchguard.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db.read_bytes()
    code, _out, err = on_demo("people", "list", lang="en")
    assert code == 1
    assert "newer BranchGuard" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_english_messages(on_demo) -> None:
    code, _, err = on_demo("demo", lang="en")
    assert code == 1 and "already holds branch data" in err


def test_no_subcommand_opens_the_window(run, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr("branchguard.app.run_gui", lambda *a, **k: calls.append(a) or 0)
    assert run()[0] == 0
    assert calls and calls[0][0] == str(run.data_dir)


def test_module_entry_point(tmp_path: Path) -> None:
    with_lead(tmp_path)  # the lead logs in through the environment (tests/cli/conftest.py)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "branchguard",
            "--data-dir",
            str(tmp_path),
            "--lang",
            "en",
            "contacts",
            "list",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "110" in proc.stdout and "119" in proc.stdout and "120" in proc.stdout


def test_a_command_runs_with_the_collector_back_on(tmp_path: Path) -> None:
    """The process pauses garbage collection while a command starts (cli._STARTING) and
    turns it back on, start-up's objects frozen, before the command's own work."""
    with_lead(tmp_path)
    code = (
        "import gc, sys\n"
        "import branchguard.cli as cli\n"
        "real = cli._run_command\n"
        "def spy(handler, args):\n"
        "    def watched(ctx, a):\n"
        "        print('collector', gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
        "        return handler(ctx, a)\n"
        "    return real(watched, args)\n"
        "cli._run_command = spy\n"
        f"sys.argv = ['branchguard', '--data-dir', {str(tmp_path)!r}, '--lang', 'en', 'contacts', 'list']\n"
        "sys.exit(cli.main())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "collector True True" in proc.stderr


def test_contact_card_pdf(on_demo, tmp_path: Path) -> None:
    pdf = tmp_path / "card.pdf"
    code, _out, err = on_demo("contacts", "card", "-o", str(pdf))
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for needle in ("示范银行城东支行营业部", "110", "119", "120", "王建国", "李晓梅", "周强"):
        assert needle in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    embedded = [line for line in fonts.splitlines()[2:] if line.split()[-5] == "yes"]
    assert any("WenQuanYi" in line or "Hei" in line or "Song" in line for line in embedded), fonts


def test_contact_card_to_unwritable_place_fails_cleanly(on_demo, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "card.pdf"
    code, _out, err = on_demo("contacts", "card", "-o", str(target), lang="en")
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert not target.exists()


def test_version_goes_to_standard_output(run) -> None:
    from branchguard import __version__

    code, out, err = run("--version")
    assert (code, out, err) == (0, f"branchguard {__version__}\n", "")


def test_command_table_names_what_each_module_registers() -> None:
    """`build_parser(command)` imports the module the table names for that command only: the table
    must say which module registers each command, and list every one, in the help's order."""
    import argparse
    import importlib

    from branchguard.cli import COMMAND_MODULES, build_parser

    found: dict[str, str] = {}
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        sub = argparse.ArgumentParser().add_subparsers(dest="command")
        importlib.import_module(f"branchguard.cli.{module}").register(sub)
        found.update(dict.fromkeys(sub.choices, module))
    assert found == COMMAND_MODULES
    full = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert list(full) == list(COMMAND_MODULES)
    for command, module in COMMAND_MODULES.items():
        one = build_parser(command)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert command in one and {COMMAND_MODULES[c] for c in one} == {module}


def test_a_command_imports_no_other_command_module() -> None:
    """`hazard list` in a fresh interpreter loads the inspections command module, not the others
    (each pulls in its domain), and an unknown command still lists every command."""
    code = (
        "import sys\n"
        "from branchguard.cli import build_parser\n"
        "build_parser('hazard').parse_args(['hazard', 'list', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('branchguard.cli.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.strip()
    assert "branchguard.cli.inspections" in loaded
    for other in ("dashboard", "complaints", "drills", "reports", "accounts", "playbooks"):
        assert f"branchguard.cli.{other}'" not in loaded, loaded


def test_an_unknown_command_lists_every_command(run) -> None:
    code, _out, err = run("no-such-command")
    assert code == 2
    assert "hazard" in err and "complaint" in err and "verify" in err


def test_the_version_read_without_importlib_metadata_is_the_installed_one() -> None:
    """The log line's version comes from the dist-info on the path, read by hand: the same as
    importlib.metadata's, and that module stays unloaded."""
    code = (
        "import sys, branchguard\n"
        "v = branchguard.__version__\n"
        "print(v, 'importlib.metadata' in sys.modules)\n"
        "from importlib import metadata\n"
        "print(metadata.version('branchguard'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first == f"{second} False"


def test_an_audit_range_ending_before_it_begins_is_refused_not_listed_empty(demo_run: Run) -> None:
    code, out, err = demo_run("audit", "list", "--since", "2026-12-10", "--until", "2026-12-01")
    assert (code, out) == (1, "") and "Date range: the end must be after the start" in err
    code, out, err = demo_run("audit", "list", "--since", "2026-12-01", "--until", "2026-12-01")
    assert code == 0, err  # one day: its start and its end


def test_an_audit_list_cut_by_its_limit_says_how_many_it_left_out(demo_run: Run) -> None:
    """A year's trail (19,146 events on ten years of a branch) was listed as its newest 1000, saying
    nothing, while the window counted them all: an auditor's --json export held a twentieth."""
    complaints = ("audit", "list", "--json", "--action", "complaint")
    total = len(json.loads(demo_run(*complaints, "--limit", "1000000")[1]))
    code, out, err = demo_run(*complaints, "--limit", "3")
    assert code == 0 and len(json.loads(out)) == 3 and total > 3
    assert f"3 of {total} events" in err and f"--limit {total}" in err
    code, out, err = demo_run(*complaints, "--limit", str(total))  # all of them: nothing said
    assert code == 0 and len(json.loads(out)) == total and err == ""
