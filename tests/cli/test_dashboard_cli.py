"""`branchguard dashboard`: on the demo data each JSON figure equals the count of the list command
it names (which is the same filter the window opens), in both languages."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from branchguard.cli.dashboard import list_command
from branchguard.context import open_context
from branchguard.core.dashboard.service import tile_targets
from tests.branch_age import in_use_since
from tests.cli.cli_support import Run
from tests.pc_clock import incidents_back_then


def test_each_dashboard_figure_equals_its_list_command(
    demo_run: Run, records_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = demo_run
    with closing(open_context(records_data_dir)) as ctx:  # a branch of years: its missed rules are due
        in_use_since(ctx, datetime.now(UTC) - timedelta(days=800))
    today = date.today()
    with incidents_back_then(monkeypatch, datetime.now(UTC) - timedelta(days=3)):  # its action due since
        code, out, err = run("incident", "start", "--title", "漏水", "--level", "III")
    assert code == 0, err
    late = (today - timedelta(days=2)).isoformat()
    assert (
        run("incident", "close", out.strip(), "--outcome", "已处置", "--action", f"换水管|李安全|{late}")[0]
        == 0
    )
    yesterday = f"{today - timedelta(days=1)} 09:00"
    assert run("schedule", "add", "昨日巡查", "--start", yesterday, "--kind", "inspection")[0] == 0
    assert run("schedule", "add", "消防培训", "--start", f"{today + timedelta(days=3)} 10:00")[0] == 0
    code, out, err = run("dashboard", "--json")
    assert code == 0, err
    board = json.loads(out)
    details = {d["name"]: d for d in board["details"]}
    assert board["figures"] == {name: d["value"] for name, d in details.items()}
    assert set(tile_targets()) <= set(details)
    assert board["figures"]["hazards_open"] > 0 and board["figures"]["compliance_overdue"] > 0
    assert board["figures"]["actions_overdue"] >= 1 and board["figures"]["inspections_overdue"] >= 1
    assert board["figures"]["reminders_next_7_days"] >= 1
    for name, detail in details.items():
        if detail["unit"] != "count":
            continue
        code, listed, err = run(*detail["list_command"], "--json")
        assert code == 0, (name, err)
        assert len(json.loads(listed)) == detail["value"], (name, detail["list_command"])
    assert details["hazards_overdue_major"]["list_command"] == [
        "hazard",
        "list",
        "--overdue",
        "--severity",
        "major",
    ]
    assert details["drills_running"]["list_command"] == ["incident", "list", "--open", "--drills"]
    assert details["actions_overdue"]["list_command"] == ["action", "list", "--overdue"]
    assert details["inspections_overdue"]["list_command"] == [
        "schedule", "due", "--window", "overdue", "--kind", "inspection"
    ]  # fmt: skip
    assert len(board["months"]) == 12 and board["months"][-1]["hazards_opened"] >= 1


def test_the_table_names_each_figure_and_its_command_in_chinese(demo_run: Run) -> None:
    run = demo_run
    code, out, _err = run("dashboard", lang="zh_CN")
    assert code == 0
    assert "逾期隐患" in out and "branchguard hazard list --overdue" in out
    for name, target in tile_targets().items():
        assert name in out and " ".join(list_command(target)) in out


def test_incident_list_tells_real_incidents_from_drills(run: Run) -> None:
    assert run("incident", "start", "--title", "漏水", "--level", "III")[0] == 0
    assert run("incident", "start", "--title", "演练", "--level", "III", "--drill")[0] == 0
    real = json.loads(run("incident", "list", "--open", "--real", "--json")[1])
    drills = json.loads(run("incident", "list", "--open", "--drills", "--json")[1])
    assert [i["title"] for i in real] == ["漏水"] and [i["title"] for i in drills] == ["演练"]
    assert run("incident", "list", "--real", "--drills")[0] == 2  # one or the other
