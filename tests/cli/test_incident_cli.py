"""`branchguard incident …`, `report incident`, `handover` and `verify` end to end, in-process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.cli_support import Run, runner

SUMMARY_KEYS = {
    "id",
    "title",
    "playbook_code",
    "playbook_version",
    "category",
    "level",
    "warning_level",
    "drill",
    "status",
    "started_by",
    "started_at",
    "closed_at",
    "entry_count",
    "chain_head",
}


@pytest.fixture
def run(records_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`branchguard --data-dir <tmp>/data ARGS…` (in Chinese unless `lang=`) on the demo branch."""
    return runner(capsys, records_data_dir, "zh_CN")


def ok(run: Run, *args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out


def one_error_line(result: tuple[int, str, str], code: int = 1) -> str:
    rc, out, err = result
    assert rc == code and out == "", (rc, out, err)
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_a_whole_incident_from_the_command_line(run: Run, tmp_path: Path) -> None:
    iid = int(ok(run, "incident", "start", "--playbook", "FIRE", "--drill"))
    assert (
        ok(run, "incident", "log", str(iid), "--kind", "communication", "--text", "已拨打119").strip() == "3"
    )
    wrong = ok(run, "incident", "log", str(iid), "--kind", "observation", "--text", "烟雾来自机房").strip()
    fix = ok(
        run,
        "incident",
        "log",
        str(iid),
        "--kind",
        "observation",
        "--text",
        "烟雾来自配电间",
        "--corrects",
        wrong,
    )
    ok(run, "incident", "step", str(iid), "1", "--done")
    ok(run, "incident", "step", str(iid), "2", "--skip", "无人受伤")
    assert json.loads(ok(run, "incident", "list", "--json", "--open"))[0]["id"] == iid
    due = (date.today() + timedelta(days=30)).isoformat()
    out = ok(
        run,
        "incident",
        "close",
        str(iid),
        "--outcome",
        "火情扑灭",
        "--injuries",
        "无",
        "--losses",
        "1,250.50",
        "--root-cause",
        "线路老化",
        "--action",
        f"更换线路|张三|{due}",
        "--action",
        "消防培训|李四",
        "--despite-pending",  # steps 3 on were not marked
    )
    assert f"事件 {iid} 已结束" in out

    shown = json.loads(ok(run, "incident", "show", str(iid), "--json"))
    assert SUMMARY_KEYS | {
        "location",
        "report_fields",
        "closed_by",
        "outcome",
        "injuries",
        "losses_cents",
        "root_cause",
        "steps",
        "entries",
        "actions",
    } == set(shown)
    assert (shown["playbook_code"], shown["playbook_version"], shown["drill"]) == ("FIRE", 1, True)
    assert (shown["status"], shown["level"], shown["losses_cents"]) == ("closed", "II", 125050)
    assert (shown["outcome"], shown["injuries"], shown["root_cause"]) == ("火情扑灭", "无", "线路老化")
    assert shown["started_by"] == "lead" and shown["closed_at"] and len(shown["chain_head"]) == 64
    kinds = [e["kind"] for e in shown["entries"]]
    assert kinds == [
        "start",
        "team",  # the demo keeps a roster: the team check follows the start
        "communication",
        "observation",
        "correction",
        "step_done",
        "step_skipped",
        "close",
    ]
    assert [e["seq"] for e in shown["entries"]] == list(range(1, 9)) and shown["entry_count"] == 8
    observed = shown["entries"][int(wrong) - 1]
    assert observed["corrected_by"] == [int(fix)] and shown["entries"][int(fix) - 1]["corrects"] == int(wrong)
    assert set(observed) == {
        "seq",
        "at",
        "actor",
        "kind",
        "text",
        "step",
        "corrects",
        "corrected_by",
        "data",
        "prev_hash",
        "hash",
    }
    first, second, third = shown["steps"][:3]
    assert (first["number"], first["state"], second["state"], second["reason"]) == (
        1,
        "done",
        "skipped",
        "无人受伤",
    )
    assert third["state"] == "pending" and third["role"] and third["text_en"]
    assert [(a["text"], a["owner"], a["due"], a["done_at"]) for a in shown["actions"]] == [
        ("更换线路", "张三", due, None),
        ("消防培训", "李四", None, None),
    ]

    listed = json.loads(ok(run, "incident", "list", "--json"))  # the demo's evaluated drill is one too
    assert all(set(s) == SUMMARY_KEYS for s in listed)
    assert listed[0]["id"] == iid and iid not in [s["id"] for s in listed[1:]]
    assert json.loads(ok(run, "incident", "list", "--json", "--open")) == []
    assert [s["id"] for s in json.loads(ok(run, "incident", "list", "--json", "--search", "配电间"))] == [iid]
    assert json.loads(ok(run, "incident", "list", "--json", "--search", "无此内容")) == []

    text = ok(run, "incident", "show", str(iid))
    for needle in (
        "火灾与疏散现场处置方案",
        "演练 DRILL",
        "已结束",
        "［已被第 5 条更正］",
        "更正第 4 条：烟雾来自配电间",
        "跳过：无人受伤",
        "1,250.50 元",
        "更换线路",
        shown["chain_head"],
    ):
        assert needle in text, needle
    table = ok(run, "incident", "list")
    assert "火灾与疏散现场处置方案" in table and "已结束" in table

    report = tmp_path / "incident.pdf"
    assert ok(run, "report", "incident", str(iid), "-o", str(report)).strip() == str(report)
    pdf_text = subprocess.run(
        ["pdftotext", str(report), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "火灾与疏散现场处置方案" in pdf_text and shown["chain_head"] in pdf_text.replace("\n", "")

    initial = tmp_path / "initial.pdf"
    assert ok(run, "report", "initial", str(iid), "-o", str(initial)).strip() == str(initial)
    initial_text = subprocess.run(
        ["pdftotext", str(initial), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"初报 事件 #{iid}" in initial_text and "向上级报告（初报）" in initial_text


def test_verify_passes_then_names_the_changed_entry(run: Run, tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "data" / "branchguard.sqlite") as db:  # the demo's drill run
        (incidents, entries), = db.execute("SELECT count(DISTINCT incident_id), count(*) FROM incident_log")
    first = ok(run, "incident", "start", "--playbook", "ROB").strip()
    second = ok(run, "incident", "start", "--title", "门口可疑人员", "--level", "I").strip()
    for iid in (first, second):
        ok(run, "incident", "log", iid, "--kind", "note", "--text", "第一条")
        ok(run, "incident", "log", iid, "--kind", "note", "--text", "第二条")
    out = ok(run, "verify")
    assert out.count("\n") == 1
    # the plan's incident has its team check too (the demo keeps a roster)
    assert f"{incidents + 2} 起事件共 {entries + 7} 条处置记录" in out
    assert "已证明：链一致；未对照外部锚点核验" in out

    with sqlite3.connect(tmp_path / "data" / "branchguard.sqlite") as db:
        db.execute("UPDATE incident_log SET text = '改过' WHERE incident_id = ? AND seq = 2", (int(second),))
    code, out, err = run("verify")
    assert code == 1
    assert err.splitlines() == [
        f"branchguard：错误：事件 {second} 第 2 条记录：内容与哈希不符（写入后被改动）"
    ]
    assert "核验未通过：发现 1 处问题" in out
    code, _out, err = run("verify", lang="en")
    assert code == 1 and f"incident {second}, log entry 2: content does not match its hash" in err


def test_ad_hoc_start_and_handover(run: Run, tmp_path: Path) -> None:
    iid = ok(run, "incident", "start", "--level", "I", "--title", "门口可疑人员徘徊").strip()
    shown = json.loads(ok(run, "incident", "show", iid, "--json"))
    assert (shown["playbook_code"], shown["level"], shown["title"], shown["steps"]) == (
        None,
        "I",
        "门口可疑人员徘徊",
        [],
    )
    out = tmp_path / "handover.pdf"
    assert ok(run, "handover", "-o", str(out)).strip() == str(out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "交接班记录" in text and "门口可疑人员徘徊" in text
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in pages


def test_refusals_are_one_line(run: Run, tmp_path: Path) -> None:
    iid = ok(run, "incident", "start", "--playbook", "FIRE").strip()
    assert "第 99 步不存在" in one_error_line(run("incident", "step", iid, "99", "--done"))
    assert "没有编号为 42 的事件" in one_error_line(run("incident", "show", "42"))
    assert "NOPE" in one_error_line(run("incident", "start", "--playbook", "NOPE"))
    assert "第 9 条" in one_error_line(
        run("incident", "log", iid, "--kind", "note", "--text", "x", "--corrects", "9")
    )
    assert "没有编号为 42 的事件" in one_error_line(
        run("report", "incident", "42", "-o", str(tmp_path / "x.pdf"))
    )
    assert not (tmp_path / "x.pdf").exists()
    began = datetime.fromisoformat(json.loads(ok(run, "incident", "show", iid, "--json"))["started_at"])
    day = began.astimezone().date()
    early = f"换线|张三|{day - timedelta(days=1)}"  # due before the incident began
    closing = ("incident", "close", iid, "--outcome", "结束", "--despite-pending")
    said = one_error_line(run(*closing, "--action", early))
    assert f"整改措施 1：完成期限 {day - timedelta(days=1)} 早于事件开始日期（{day}）" in said
    ok(run, *closing)
    assert "已结束" in one_error_line(run("incident", "log", iid, "--kind", "note", "--text", "晚了"))

    # Usage errors: exit 2, nothing written.
    assert run("incident", "log", iid, "--kind", "level_change", "--text", "x")[0] == 2
    assert run("incident", "step", iid, "3")[0] == 2
    assert run("incident", "step", iid, "3", "--done", "--skip", "x")[0] == 2
    assert run("incident", "start", "--level", "IV")[0] == 2
    assert run("incident", "close", iid, "--outcome", "x", "--losses", "很多")[0] == 2
    assert run("incident", "close", iid, "--outcome", "x", "--losses", "1.234")[0] == 2
    assert run("incident", "close", iid, "--outcome", "x", "--action", "只有内容")[0] == 2
    assert run("incident", "close", iid, "--outcome", "x", "--action", "内容|张三|明天")[0] == 2
    assert json.loads(ok(run, "incident", "show", iid, "--json"))["entry_count"] == 3  # start, team, close
