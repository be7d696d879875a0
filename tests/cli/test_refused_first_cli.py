"""A user whose role may not do a command is told so first, and the refusal is audited, whatever else
is wrong with the request: an auditor submitting an unsigned inspection was told to give
--inspector NAME, and one recording a planned drill's headcount that it "has not been run yet", as
if either would then have been allowed."""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from branchguard.core.kernel.roles import may, refusal
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.base import utcnow
from tests.cli.cli_support import AUDITOR_PASSWORD, LEAD_PASSWORD, STAFF_PASSWORD, Run, as_user


def refusals(data: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(data / "branchguard.sqlite") as conn:
        query = "SELECT actor, summary FROM audit_events WHERE action = 'user.refused' ORDER BY id"
        return [(str(a), str(s)) for a, s in conn.execute(query)]


def test_an_auditor_submitting_an_unsigned_inspection_is_refused_as_an_auditor(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = demo_run("inspection", "start", "fire_daily")
    assert code == 0, err
    iid = out.strip()
    as_user(monkeypatch, "auditor", AUDITOR_PASSWORD)
    code, out, err = demo_run("inspection", "submit", iid)
    assert (code, out) == (1, "")
    assert err == "branchguard: error: Auditor 'auditor' may not run inspections\n", err
    assert refusals(records_data_dir) == [("auditor", "inspection submit (inspection.run)")]


def test_a_lead_submitting_an_unsigned_inspection_is_told_how_to_sign(demo_run: Run) -> None:
    iid = demo_run("inspection", "start", "fire_daily")[1].strip()
    assert demo_run("inspection", "answer", iid, "rest", "pass")[0] == 0
    for inspector in ((), ("--inspector", "")):
        code, _out, err = demo_run("inspection", "submit", iid, *inspector)
        assert code == 1 and f"inspection {iid} has no inspector's signature: give --inspector NAME" in err


def test_an_auditor_recording_a_planned_drills_headcount_is_refused_as_an_auditor(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = demo_run("drill", "list", "--status", "planned", "--json")
    assert code == 0, err
    planned = json.loads(out)[0]
    assert planned["incident_id"] is None  # never run
    as_user(monkeypatch, "auditor", AUDITOR_PASSWORD)
    code, out, err = demo_run("drill", "headcount", str(planned["id"]), "11")
    assert (code, out) == (1, ""), err
    assert err == "branchguard: error: Auditor 'auditor' may not run drills\n", err
    assert refusals(records_data_dir) == [("auditor", "drill headcount (drill.run)")]


def table_counts(data: Path) -> dict[str, int]:
    """Rows per table but the audit trail and the ledger (which a refusal adds to) and the users
    (whose login is recorded)."""
    with sqlite3.connect(data / "branchguard.sqlite") as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        kept = [n for n in names if n not in {"audit_events", "ledger_entries", "users"}]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in kept}


def test_a_staff_playbook_import_is_refused_as_every_command_is_and_audited(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plan = tmp_path / "plans.yaml"
    assert demo_run("playbook", "export", "FIRE", "-o", str(plan))[0] == 0
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, out, err = demo_run("playbook", "import", str(plan))
    assert (code, out) == (1, ""), err
    assert err == "branchguard: error: Staff 'staff' may not import playbooks\n", err
    assert refusals(records_data_dir) == [("staff", "playbook import (playbook.import)")]


def test_staff_unlocking_a_name_no_account_has_is_refused_by_role_first(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    for name in ("ghost", "lead"):  # the same words whether the account exists or not
        code, _out, err = demo_run("user", "unlock", name)
        assert code == 1 and err == "branchguard: error: Staff 'staff' may not unlock user accounts\n", err
    assert refusals(records_data_dir) == [("staff", "user unlock (user.unlock)")] * 2


def test_staff_adding_a_user_is_refused_before_a_password_is_read(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    stdin = io.StringIO("a-new-password-2026\n")
    monkeypatch.setattr("sys.stdin", stdin)
    code, _out, err = demo_run("user", "add", "newbie", "--role", "staff")
    assert code == 1 and err == "branchguard: error: Staff 'staff' may not create user accounts\n", err
    assert stdin.tell() == 0  # the new password was never asked for
    assert refusals(records_data_dir) == [("staff", "user add (user.create)")]


def test_a_refused_dashboard_writes_nothing(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A week on, reminders have fallen due: the catch-up before the figures would write them.
    later = utcnow() + timedelta(days=7)
    monkeypatch.setattr("branchguard.core.schedules.service.utcnow", lambda: later)
    before = table_counts(records_data_dir)
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, _out, err = demo_run("dashboard", "--json")
    assert code == 1 and "may not see the branch at a glance" in err, err
    assert table_counts(records_data_dir) == before
    assert refusals(records_data_dir) == [("staff", "dashboard (dashboard.view)")]
    as_user(monkeypatch, "lead", LEAD_PASSWORD)  # the lead's dashboard does catch up: the test can fail
    assert demo_run("dashboard", "--json")[0] == 0
    assert table_counts(records_data_dir) != before



# -- every command: the role first, whatever the input -------------------------------------------
# A value for each type of argument that parses but names nothing there (a record, a file) or is
# wrong in itself: were it looked at before the role, the command would say so, not the refusal.
NOTHING_THERE = {
    "record_id": "99999",
    "hazard_reference": "99999",
    "complaint_reference": "99999",
    "number": "5",
    "day": "2026-02-28",
    "received_time": "2026-01-01 09:00",
    "post_arg": "teller",
    "Path": "/nonexistent-branchguard/input.yaml",
    "path": "/nonexistent-branchguard/folder",
    None: "no-such-thing",
}
PASSWORDS = {"staff": STAFF_PASSWORD, "auditor": AUDITOR_PASSWORD}


def logged_in_commands() -> list[argparse.ArgumentParser]:
    """Every command someone logs in for, from the command line's own table (build_parser): a new
    one is held to the rule as soon as it is registered."""
    from branchguard.cli import build_parser
    from branchguard.cli.localized import parsers
    from branchguard.cli.login import never

    every = parsers(build_parser())
    return [p for p in every if "handler" in p._defaults and p._defaults.get("needs_login") is not never]


def bad_arguments(command: argparse.ArgumentParser, choice: int = 0) -> list[str]:
    """The command's words and each argument it requires, wrong or naming nothing; of a word from a
    list (`complaint step ID decide`), the `choice`-th."""
    words = command.prog.split()[1:]
    wanted = [g._group_actions[0] for g in command._mutually_exclusive_groups if g.required]
    wanted += [a for a in command._actions if a.required or not a.option_strings]
    for action in dict.fromkeys(wanted):
        if isinstance(action, argparse._HelpAction):
            continue
        if action.nargs == 0:  # a flag: `incident step --done`
            words.append(action.option_strings[0])
            continue
        kind = getattr(action.type, "__name__", None)
        assert action.choices or kind in NOTHING_THERE, f"{command.prog} {action.dest}: add its type above"
        listed = list(action.choices or ())
        value = str(listed[choice % len(listed)]) if listed else NOTHING_THERE[kind]
        words += [action.option_strings[0], value] if action.option_strings else [value]
    return words


def refused_cases() -> list[tuple[str, str, str, list[str]]]:
    """(user, the action refused, the command as the audit trail names it, the command line) for
    each command and each role refused it; again with --unmask where a command has it."""
    from branchguard.cli import build_parser
    from branchguard.cli.login import RoleAction, doing

    cases = []
    for command in logged_in_commands():
        assert "role_action" in command._defaults, f"{command.prog}: give its role_action (cli/login.py)"
        listed = [len(a.choices or ()) for a in command._actions if not a.option_strings]
        argvs = [bad_arguments(command, n) for n in range(max([1, *listed]))]
        if any("--unmask" in a.option_strings for a in command._actions):
            argvs.append([*argvs[0], "--unmask"])
        for argv in argvs:
            args = build_parser(argv[0]).parse_args(argv)
            declared: RoleAction = args.role_action
            actions = (declared,) if isinstance(declared, str) else () if declared is None else declared(args)
            for role in (Role.STAFF, Role.AUDITOR):
                first = next((a for a in actions if not may(Actor(None, role.value, role), a)), None)
                if first is not None:
                    cases.append((role.value, first, doing(args), argv))
    return cases


def test_the_commands_are_all_there_and_refuse_someone() -> None:
    """The table the next test runs holds every command (the schema of the test itself)."""
    cases = refused_cases()
    assert len(logged_in_commands()) > 100
    some = {"hazard close", "drill plan", "playbook import", "people import", "branch set", "complaint step"}
    assert {c[2] for c in cases} >= some
    unmask = ["complaint", "show", "99999", "--unmask"]
    assert ("staff", "complaint.unmask", "complaint show", unmask) in cases
    decide = ["complaint", "step", "99999", "decide", "--text", "no-such-thing"]
    assert ("staff", "complaint.decide", "complaint step", decide) in cases


@pytest.mark.parametrize(
    ("user", "action", "command", "argv"),
    [pytest.param(*case, id=f"{case[0]}: {' '.join(case[3])}") for case in refused_cases()],
)
def test_every_command_refuses_a_role_that_may_not_before_it_looks_at_the_input(
    demo_run: Run,
    records_data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    action: str,
    command: str,
    argv: list[str],
) -> None:
    """Staff or an auditor giving a command their role may not do, with input that names no record
    or file or is wrong: the refusal comes first, in the window's words (roles.refusal), exit 1 as
    every refusal, audited, and nothing else is written."""
    before = table_counts(records_data_dir)
    as_user(monkeypatch, user, PASSWORDS[user])
    code, out, err = demo_run(*argv)
    words = refusal(Actor(None, user, Role(user)), action)
    assert words is not None
    assert (code, out, err) == (1, "", f"branchguard: error: {words.text('en')}\n")
    assert refusals(records_data_dir) == [(user, f"{command} ({action})")]
    assert table_counts(records_data_dir) == before
