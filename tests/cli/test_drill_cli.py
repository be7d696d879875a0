"""`branchguard drill …`, `compliance` and `report drill`, in-process, each call a fresh start."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from tests.cli.cli_support import Run

SCORES = """\
alarm: 100
call_119: 100
teams: 50
evacuation: 80
guidance: 100
cash_vault: 0
headcount: 100
report: 100
problems: 金库门未及时关闭
lessons: 引导员提前站位
actions:
  - {text: 培训金库关闭流程, owner: 王经理, due: 2031-09-15}
"""


def _listed(run: Run) -> list[dict[str, object]]:
    code, out, err = run("drill", "list", "--json")
    assert code == 0, err
    result: list[dict[str, object]] = json.loads(out)
    return result


def _compliance(run: Run) -> dict[str, dict[str, object]]:
    code, out, err = run("compliance", "--json")
    assert code == 0, err
    return {item["rule"]: item for item in json.loads(out)}


def test_plan_run_evaluate_report_and_compliance(run: Run, tmp_path: Path) -> None:
    fire = _compliance(run)["FIRE_EVAC"]  # a new branch: due within six months of its first day
    assert (fire["status"], fire["last_done"]) == ("on_time", None)
    assert fire["first_period_from"] == date.today().isoformat()
    assert fire["next_due"] == (date.today() + relativedelta(months=6)).isoformat()
    code, out, err = run(
        "drill", "plan", "--playbook", "fire", "--date", "2031-08-31 09:30", "--type", "comprehensive",
        "--mode", "tabletop", "--participant", "branch_head=王经理", "--participant", "疏散引导组=张三,李四",
        "--goal", "三分钟内完成疏散", "--headcount", "12", "--unannounced",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Drill #1 planned for 2031-08-31 09:30")
    [plan] = _listed(run)
    assert plan["playbook"] == "FIRE" and plan["type"] == "comprehensive" and plan["mode"] == "tabletop"
    assert plan["participants"] == {"branch_head": ["王经理"], "疏散引导组": ["张三", "李四"]}
    assert plan["announced"] is False and plan["status"] == "planned" and plan["criteria_set"] == "FIRE"
    assert _compliance(run)["FIRE_EVAC"]["next_planned"] == plan["planned_at"]

    code, out, err = run("drill", "run", "1")
    assert code == 0, err
    incident_id = int(out.strip())
    code, out, err = run("incident", "show", str(incident_id), "--json")
    assert code == 0 and json.loads(out)["drill"] is True, err
    assert run("drill", "headcount", "1", "11")[0] == 0
    assert _compliance(run)["FIRE_EVAC"]["last_drill_id"] is None  # running is not done yet

    scores = tmp_path / "scores.yaml"
    scores.write_text(SCORES, encoding="utf-8")
    code, _out, err = run("drill", "evaluate", "1", "--scores", str(scores))
    assert code == 1 and "#1" in err  # still running: it is evaluated once it has ended
    assert run("incident", "close", str(incident_id), "--outcome", "演练结束", "--despite-pending")[0] == 0
    code, out, err = run("drill", "evaluate", "1", "--scores", str(scores))
    assert code == 0, err
    assert out.strip() == "Drill #1 evaluated: 81 / 100"
    [plan] = _listed(run)
    assert plan["status"] == "evaluated" and plan["score"] == 81.0
    items = _compliance(run)
    fire = items["FIRE_EVAC"]
    assert fire["status"] == "on_time" and fire["last_drill_id"] == 1
    # an on-site plan run as a comprehensive exercise is no comprehensive or special plan drill
    assert items["COMPREHENSIVE"]["last_drill_id"] is None
    assert items["COMPREHENSIVE"]["tiers"] == ["comprehensive", "special"]
    assert items["ONSITE"]["last_drill_id"] == 1
    assert "FIRE_NOTICE" not in items  # regional and optional: off by default

    pdf = tmp_path / "drill.pdf"
    code, out, err = run("report", "drill", "1", "-o", str(pdf), lang="zh_CN")
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "演练报告" in text and "培训金库关闭流程" in text

    code, out, _ = run("compliance", lang="zh_CN")
    assert code == 0 and "消防疏散演练" in out and "按期" in out


def test_a_scores_file_that_misses_a_criterion_is_refused_and_nothing_changes(
    run: Run, tmp_path: Path
) -> None:
    assert run("drill", "plan", "--playbook", "FIRE", "--date", "2031-08-31")[0] == 0
    code, out, _err = run("drill", "run", "1")
    closed = run("incident", "close", out.strip(), "--outcome", "演练结束", "--despite-pending")
    assert code == 0 and closed[0] == 0
    scores = tmp_path / "scores.json"
    scores.write_text(json.dumps({"alarm": 100, "call_119": 90}), encoding="utf-8")
    code, _, err = run("drill", "evaluate", "1", "--scores", str(scores))
    assert code == 1 and "teams" in err and "Traceback" not in err
    scores.write_text("alarm: [", encoding="utf-8")
    code, _, err = run("drill", "evaluate", "1", "--scores", str(scores))
    assert code == 1 and "scores.json" in err
    code, _, err = run("drill", "evaluate", "1", "--scores", str(tmp_path / "missing.yaml"))
    assert code == 1 and "missing.yaml" in err
    [plan] = _listed(run)
    assert plan["status"] == "running" and plan["score"] is None


def test_a_recurring_plan_and_usage_errors(run: Run) -> None:
    code, out, err = run(
        "drill", "plan", "--playbook", "ROB", "--date", "2031-03-01", "--rrule", "semiannual"
    )
    assert code == 0 and "recurring" in out, err
    [plan] = _listed(run)
    assert plan["rrule"].startswith("FREQ=MONTHLY;INTERVAL=6") and plan["schedule_id"] == 1
    code, out, err = run("drill", "list")  # the table says it in words, as the window does
    assert code == 0 and "Every 6 months" in out and "FREQ=" not in out, err
    code, _, err = run("drill", "plan", "--playbook", "NOPE", "--date", "2031-03-01")
    assert code == 1 and "NOPE" in err
    code, _, err = run("drill", "plan", "--playbook", "FIRE", "--date", "someday")
    assert code == 1 and "someday" in err
    code, _, err = run("drill", "plan", "--playbook", "FIRE", "--date", "2027-02-29 10:00")
    assert code == 1 and "'2027-02-29': there is no such day" in err  # not blamed on the form
    assert "Planned for:" in err and "Start" not in err  # the drill's time, not a schedule's start
    code, out, err = run("drill", "plan", "--playbook", "FIRE", "--date", "1999-03-01 10:00")
    assert code == 0 and "already passed" in out, err  # as the window's plan dialog warns
    code, _, err = run("drill", "run", "99")
    assert code == 1 and "99" in err


def test_drill_move_moves_the_plan_its_calendar_entry_and_compliance(run: Run) -> None:
    assert run("drill", "plan", "--playbook", "fire", "--date", "2031-08-31 09:30")[0] == 0
    code, out, err = run("drill", "move", "1", "--date", "2031-09-14 14:00")
    assert code == 0, err
    assert out.startswith("Drill #1 moved to 2031-09-14 14:00")
    [plan] = _listed(run)
    assert str(plan["planned_at"]).startswith("2031-09-14")
    assert _compliance(run)["FIRE_EVAC"]["next_planned"] == plan["planned_at"]
    code, out, err = run("schedule", "list", "--json")
    assert code == 0, err
    [drill_schedule] = [s for s in json.loads(out) if s["kind"] == "drill"]
    assert drill_schedule["next_due"] == plan["planned_at"]
    assert run("drill", "run", "1")[0] == 0
    code, _out, err = run("drill", "move", "1", "--date", "2031-10-01")
    assert code != 0 and "#1" in err


def test_drill_list_is_in_the_order_of_its_date_column_once_a_series_was_run(run: Run) -> None:
    """A monthly drill run once shows its next date and is listed there, the latest date first,
    as the Drills page lists it: it was listed by when it was made (its run among the plans made
    after it, the dates out of order)."""
    monthly = ("--date", "2031-08-31 23:30", "--rrule", "monthly")
    assert run("drill", "plan", "--playbook", "fire", *monthly)[0] == 0
    assert run("drill", "run", "1")[0] == 0  # #2, today
    assert run("drill", "plan", "--playbook", "rob", "--date", "2031-09-10 10:00")[0] == 0  # #3
    assert run("drill", "plan", "--playbook", "rob", "--date", "2031-11-01 10:00")[0] == 0  # #4
    listed = _listed(run)
    assert [p["id"] for p in listed] == [4, 1, 3, 2]
    assert listed[1]["planned_local"].startswith("2031-09-30 23:30")
    code, out, err = run("drill", "list")
    assert code == 0, err
    shown = re.findall(r"^(\d+) .*?(\d{4}-\d\d-\d\d \d\d:\d\d)", out, re.MULTILINE)
    assert [int(n) for n, _date in shown] == [4, 1, 3, 2]
    assert [d for _n, d in shown] == sorted((d for _n, d in shown), reverse=True)
    run_row = next(line for line in out.splitlines() if re.match(r"^2 ", line))
    assert "Run of #1" in run_row, run_row  # as the page's Repeats column says, not "once"


def test_a_drill_held_before_the_install_is_recorded_afterwards(run: Run, tmp_path: Path) -> None:
    """A new branch's fire drill of October, from its paper register: the fire rule is met from the
    day it was held, and the list says the drill was recorded afterwards."""
    assert _compliance(run)["FIRE_EVAC"]["last_drill_id"] is None
    scores = tmp_path / "scores.yaml"
    scores.write_text(SCORES.split("actions:")[0], encoding="utf-8")
    code, out, err = run(
        "drill", "record-held", "--playbook", "fire", "--held", "2026-10-15 09:30",
        "--reference", "安全管理台账第14页", "--scores", str(scores),
    )  # fmt: skip
    assert code == 0, err
    assert out.strip() == "Drill #1 recorded afterwards: held 2026-10-15 09:30, scored 81 / 100"
    [plan] = _listed(run)
    assert plan["recorded_afterwards"] is True and plan["status"] == "evaluated"
    assert plan["incident_id"] is None and plan["score"] == 81
    fire = _compliance(run)["FIRE_EVAC"]
    assert fire["last_drill_id"] == 1 and fire["next_due"] == "2027-04-15"
    code, out, err = run("drill", "list", lang="zh-CN")
    assert code == 0 and "补录" in out, err


def test_a_drill_recorded_afterwards_with_corrective_actions_or_a_future_date_is_refused(
    run: Run, tmp_path: Path
) -> None:
    scores = tmp_path / "scores.yaml"
    scores.write_text(SCORES, encoding="utf-8")  # with an action
    code, _out, err = run(
        "drill", "record-held", "--playbook", "FIRE", "--held", "2026-10-15 09:30",
        "--reference", "台账", "--scores", str(scores),
    )  # fmt: skip
    assert code == 1 and "corrective actions" in err and "Traceback" not in err
    scores.write_text(SCORES.split("actions:")[0], encoding="utf-8")
    code, _out, err = run(
        "drill", "record-held", "--playbook", "FIRE", "--held", "2199-01-01 09:30",
        "--reference", "台账", "--scores", str(scores),
    )  # fmt: skip
    assert code == 1 and "Held at" in err and "still ahead" in err
    code, _out, err = run(  # a day alone was taken at 09:00, a time no record gave
        "drill", "record-held", "--playbook", "FIRE", "--held", "2026-10-15",
        "--reference", "台账", "--scores", str(scores),
    )  # fmt: skip
    assert code == 1 and "Traceback" not in err
    assert "Held at: '2026-10-15' has no time: give the time the drill began too" in err
    code, _out, err = run(
        "drill", "record-held", "--playbook", "FIRE", "--held", "2026-10-15",
        "--reference", "台账", "--scores", str(scores), lang="zh_CN",
    )  # fmt: skip
    assert code == 1 and "“2026-10-15”缺少时刻：请依据记录一并填写演练开始时间" in err
    for day in ("20261015", "2026-W42-4"):  # ISO days Python reads as midnight
        code, _out, err = run(
            "drill", "record-held", "--playbook", "FIRE", "--held", day,
            "--reference", "台账", "--scores", str(scores),
        )  # fmt: skip
        assert code == 1 and f"Held at: '{day}' has no time" in err, err
    assert _listed(run) == []


def test_a_drill_recorded_by_mistake_is_voided_with_its_reason(run: Run, tmp_path: Path) -> None:
    scores = tmp_path / "scores.yaml"
    scores.write_text(SCORES.split("actions:")[0], encoding="utf-8")
    args = ("--playbook", "FIRE", "--held", "2026-10-15 09:30", "--reference", "台账", "--scores")
    assert run("drill", "record-held", *args, str(scores))[0] == 0
    assert _compliance(run)["FIRE_EVAC"]["last_drill_id"] == 1
    code, out, err = run("drill", "void", "1", "--reason", "录错了预案")
    assert code == 0, err
    assert out.strip() == "Drill #1 voided: it no longer counts towards the compliance rules"
    assert _compliance(run)["FIRE_EVAC"]["last_drill_id"] is None
    code, _out, err = run("drill", "void", "1", "--reason", "again")
    assert code == 1 and "Traceback" not in err
    assert "drill #1 is voided already" in err  # not "corrective actions are followed up once…"
    code, out, _err = run("drill", "list")
    (line,) = [row for row in out.splitlines() if row.split()[:1] == ["1"]]
    assert "Voided" in line and "Cancelled" not in line and "81" not in line.split()[-1]
    assert [p["voided"] for p in json.loads(run("drill", "list", "--json")[1])] == [True]


def test_a_corrective_action_with_a_bad_due_date_is_refused_in_the_users_language(
    run: Run, tmp_path: Path
) -> None:
    """A day the calendar lacks, or no date at all, in a scores file's actions: said in the user's
    language with the action's number, not as Python's English ("month must be in 1..12")."""
    assert run("drill", "plan", "--playbook", "FIRE", "--date", "2031-08-31")[0] == 0
    code, out, _err = run("drill", "run", "1")
    closed = run("incident", "close", out.strip(), "--outcome", "演练结束", "--despite-pending")
    assert code == 0 and closed[0] == 0
    scores = tmp_path / "scores.yaml"
    two = SCORES + '  - {text: 复训柜员, owner: 王经理, due: "2031-13-01"}\n'
    scores.write_text(two, encoding="utf-8")
    code, _, err = run("drill", "evaluate", "1", "--scores", str(scores), lang="zh_CN")
    assert code == 1 and "整改措施 2" in err and "日历上没有这一天" in err, err
    assert "month must be" not in err
    scores.write_text(two.replace("2031-13-01", "15 Sept"), encoding="utf-8")
    code, _, err = run("drill", "evaluate", "1", "--scores", str(scores))
    assert code == 1 and "Follow-up action 2: '15 Sept' is not a date (YYYY-MM-DD)" in err, err
    assert "isoformat" not in err
    [plan] = _listed(run)
    assert plan["status"] == "running" and plan["score"] is None
