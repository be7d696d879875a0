"""A user whose role may not do a command is told so first, and the refusal is audited, whatever else
is wrong with the request: an auditor submitting an unsigned inspection was told to give
--inspector NAME, and one recording a planned drill's headcount that it "has not been run yet", as
if either would then have been allowed."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

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
