"""The command line and a PC clock that is wrong or gets corrected: `incident show` marks the log
entries whose time is earlier than one written before them (text and JSON), `verify` warns of
them and passes, every logged-in command says once, on stderr, that the clock is behind the newest
record, and `schedule list` says why a pre-holiday check has no next date."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from branchguard.core.kernel import working_days
from tests.cli.cli_support import LEAD_PASSWORD, Run
from tests.core.incidents.test_clock_back import clock_set_back_during
from tests.pc_clock import set_pc_clock


@pytest.fixture
def clock_back(demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """The reviewer's incident, made through the services on the command line's data folder."""
    from branchguard.context import open_context

    ctx = open_context(records_data_dir)
    try:
        return clock_set_back_during(
            ctx, ctx.services.auth.login("lead", LEAD_PASSWORD), set_pc_clock(monkeypatch)
        )
    finally:
        ctx.close()


def test_incident_show_marks_the_entries_that_run_backwards(demo_run: Run, clock_back: int) -> None:
    code, out, _err = demo_run("incident", "show", str(clock_back))
    assert code == 0
    lines = out.splitlines()
    marked = [
        lines[i - 1].split()[0] for i, line in enumerate(lines) if line.strip().startswith("! Time earlier")
    ]
    assert marked == ["3", "4", "6"]
    assert "! Time earlier than entry 5 (" in out
    started = next(line for line in lines if line.startswith("Started "))
    assert "closed " in started and "-2 h 0 min (ends before it starts: was the PC clock changed?)" in started

    code, out, _err = demo_run("incident", "show", str(clock_back), "--json")
    entries = json.loads(out)["entries"]
    assert [e["seq"] for e in entries if "clock_warning" in e] == [3, 4, 6]
    assert "earlier than entry 2" in entries[2]["clock_warning"]


def test_verify_warns_naming_the_incident_and_entries_and_passes(demo_run: Run, clock_back: int) -> None:
    code, out, err = demo_run("verify")
    assert code == 0 and out.startswith("Verified:")
    warned = [line for line in err.splitlines() if f"incident {clock_back}:" in line]
    assert len(warned) == 1 and warned[0].startswith("branchguard: warning: ")
    assert "(entries 3, 4, 6; entry 3 is earlier than entry 2)" in warned[0]

    code, out, _err = demo_run("verify", "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["problems"] == []
    assert [(w["entity"], w["id"]) for w in report["warnings"]] == [("incident", str(clock_back))]


def test_every_command_says_once_that_the_clock_is_behind_the_newest_record(
    demo_run: Run, records_data_dir: Path
) -> None:
    from branchguard.context import open_context
    from branchguard.db.models.foundation import AuditEventRow

    code, _out, err = demo_run("hazard", "list")
    assert code == 0 and "clock" not in err
    ahead = datetime.now(UTC) + timedelta(days=365)  # a record made while the clock ran a year ahead
    ctx = open_context(records_data_dir)
    try:
        with ctx.sessions.begin() as s:
            s.add(AuditEventRow(at=ahead, actor="lead", action="hazard.add", entity="hazard", entity_id="9"))
    finally:
        ctx.close()
    code, out, err = demo_run("hazard", "list", "--json")
    assert code == 0 and json.loads(out)  # the output stays clean
    assert err.count("branchguard: warning: This PC's clock says") == 1
    assert f"the newest record is from {ahead.astimezone().strftime('%Y-%m-%d %H:%M')}" in err


def test_schedule_list_says_why_a_pre_holiday_check_has_no_next_date(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = working_days.covered_years()[1]
    # as at midnight UTC after 31 December 2026 (the PC's zone here): the check before New Year's Day
    # is past, the holidays ahead lie beyond the tables
    listed_at = datetime(last + 1, 1, 1, tzinfo=UTC)
    monkeypatch.setattr("branchguard.cli.schedules.listed_at", lambda: listed_at, raising=False)
    code, out, _err = demo_run("schedule", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    pre_holiday = [s for s in listed if s["working_days"] == "before_holiday"]
    assert pre_holiday and all(s["next_due"] is None for s in pre_holiday)
    for s in pre_holiday:
        note = s["no_next_date"]
        assert f"the holiday tables end with {last}" in note and f"in {last + 1} is not known" in note
        assert "`ho working-days FILE`" in note and "`library import FILE`" in note
    assert all(s["no_next_date"] is None for s in listed if s["working_days"] != "before_holiday")

    code, out, _err = demo_run("schedule", "list")
    ids = ", ".join(f"#{s['id']}" for s in pre_holiday)
    assert code == 0 and f"\n{ids}: No next date: the holiday tables end with {last}" in out
    row = next(line for line in out.splitlines() if line.startswith(f"{pre_holiday[0]['id']} "))
    assert "none: see below" in row


def test_restore_warns_of_what_its_check_found_as_verify_does(
    demo_run: Run, clock_back: int, tmp_path: Path
) -> None:
    """`restore` checks the restored data as `verify` does; it said the failures and left out the
    warnings (an incident's entries earlier than one written before them)."""
    archive = tmp_path / "copy.zip"
    assert demo_run("backup", "-o", str(archive))[0] == 0
    code, _out, err = demo_run("restore", str(archive), "--yes")
    assert code == 0, err
    warned = [line for line in err.splitlines() if f"incident {clock_back}:" in line]
    assert len(warned) == 1 and warned[0].startswith("branchguard: warning: ")
    assert "(entries 3, 4, 6; entry 3 is earlier than entry 2)" in warned[0]
