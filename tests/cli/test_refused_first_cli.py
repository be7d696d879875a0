"""A user whose role may not do a command is told so first, and the refusal is audited, whatever else
is wrong with the request: an auditor submitting an unsigned inspection was told to give
--inspector NAME, and one recording a planned drill's headcount that it "has not been run yet", as
if either would then have been allowed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.cli_support import AUDITOR_PASSWORD, Run, as_user


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
