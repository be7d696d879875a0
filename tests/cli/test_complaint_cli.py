"""`branchguard complaint …` and `report complaint|complaints` end to end, in-process."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.cli_support import Run


def ok(run: Run, *args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out


def _ago(days: int) -> str:
    return (datetime.now() - timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def _add(run: Run, days: int, *extra: str) -> int:
    out = ok(run, "complaint", "add", "--channel", "counter", "--received", _ago(days),
             "--customer", "张三丰", "--phone", "13800138000", "--subject-person", "王柜员",
             "--category", "attitude", "--text", "柜员态度生硬", *extra)  # fmt: skip
    return int(out.strip())


def test_categories_list_codes_with_both_names(run: Run) -> None:
    cats = json.loads(ok(run, "complaint", "categories", "--json"))
    assert {"code", "name_zh", "name_en"} == set(cats[0])
    assert "attitude" in {c["code"] for c in cats}


def test_the_clock_from_the_command_line(run: Run) -> None:
    cid = _add(run, 20)
    fresh = _add(run, 1)
    [item] = json.loads(ok(run, "complaint", "list", "--json", "--overdue"))
    assert item["id"] == cid and item["overdue"] is True and item["status"] == "accepted"
    assert {"id", "status", "received_at", "due_at", "overdue"} <= set(item)
    assert item["phone"] == "138****8000" and item["customer"] == "张**"
    assert {i["id"] for i in json.loads(ok(run, "complaint", "list", "--json", "--open"))} == {cid, fresh}

    code, _out, err = run("complaint", "extend", str(cid), "--reason", "需调取流水")
    assert code == 1 and item["due_date"] in err  # past its deadline: it stays overdue
    ok(run, "complaint", "extend", str(fresh), "--reason", "需调取流水")
    code, _out, err = run("complaint", "extend", str(fresh), "--reason", "涉及总行")
    assert code == 1 and "approver" in err.lower()
    ok(run, "complaint", "extend", str(fresh), "--reason", "涉及总行", "--approver", "分行王行长")
    code, _out, err = run("complaint", "extend", str(fresh), "--reason", "再延", "--approver", "分行王行长")
    assert code == 1 and "60" in err
    shown = json.loads(ok(run, "complaint", "show", str(fresh), "--json"))
    received = datetime.fromisoformat(shown["received_at"]).astimezone().date()
    assert shown["due_date"] == (received + timedelta(days=60)).isoformat() and not shown["overdue"]

    ok(run, "complaint", "withdraw", str(fresh))
    assert json.loads(ok(run, "complaint", "show", str(fresh), "--json"))["status"] == "withdrawn"


def test_an_extension_decided_in_time_is_entered_days_later_with_decided(run: Run) -> None:
    """Received 20 days ago, its deadline passed 5 days ago; extended on paper 7 days ago and entered
    now with --decided: the deadline moves to day 30 and `complaint show` says both times."""
    cid = _add(run, 20)
    due = json.loads(ok(run, "complaint", "show", str(cid), "--json"))["due_date"]
    ahead = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    extend = ("complaint", "extend", str(cid), "--reason", "需调取流水", "--decided")
    for decided, words in ((_ago(4), due), (ahead, "future"), (_ago(21), "before the complaint was")):
        code, _out, err = run(*extend, decided)
        assert code == 1 and "Extension decided on" in err and words in err, err
    code, _out, err = run(*extend, "12-01 15:00")
    assert code == 2 and "12-01 15:00" in err  # not a time: refused at the door

    decided = _ago(7)
    ok(run, *extend, decided)
    shown = json.loads(ok(run, "complaint", "show", str(cid), "--json"))
    received = datetime.fromisoformat(shown["received_at"]).astimezone().date()
    assert shown["due_date"] == (received + timedelta(days=30)).isoformat() and not shown["overdue"]
    [event] = [e for e in shown["events"] if e["kind"] == "extended"]
    assert datetime.fromisoformat(event["details"]["decided_at"]).strftime("%Y-%m-%d %H:%M") == decided
    assert f"Extension decided {decided}, entered " in ok(run, "complaint", "show", str(cid))
    code, out, _err = run("complaint", "show", str(cid), lang="zh_CN")
    assert code == 0 and f"延期决定于 {decided}（" in out and "补录" in out


def test_list_text_finds_a_complaint_by_number_name_or_words(run: Run) -> None:
    first = _add(run, 2)
    other = _add(run, 1, "--customer", "李四", "--facts", "排队等了一小时")
    number = json.loads(ok(run, "complaint", "show", str(other), "--json"))["number"]

    def found(text: str) -> list[int]:
        return sorted(i["id"] for i in json.loads(ok(run, "complaint", "list", "--json", "--text", text)))

    assert found(number) == [other] and found("李四") == [other] and found("排队") == [other]
    assert found("王柜员") == [first, other] and found("100%") == []


def test_the_steps_and_the_handler_refusal(run: Run, tmp_path: Path) -> None:
    cid = _add(run, 2)
    code, _out, err = run("complaint", "assign", str(cid), "--handler", "王柜员")
    assert code == 1 and "cannot handle" in err
    ok(run, "complaint", "assign", str(cid), "--handler", "李主管")
    still = tmp_path / "still.jpg"
    still.write_bytes(b"\xff\xd8 still")
    ok(run, "complaint", "step", str(cid), "investigate", "--text", "调阅录像", "--attach", str(still))
    ok(run, "complaint", "step", str(cid), "decide", "--text", "致歉", "--basis", "服务规范")
    ok(run, "complaint", "step", str(cid), "reply", "--text", "电话答复", "--satisfaction", "satisfied")
    ok(run, "complaint", "step", str(cid), "archive", "--text", "归档", "--cause", "experience")
    detail = json.loads(ok(run, "complaint", "show", str(cid), "--json"))
    assert [s["step"] for s in detail["steps"]] == ["accept", "investigate", "decide", "reply", "archive"]
    assert detail["steps"][1]["evidence"][0]["name"] == "still.jpg" and detail["handler"] == "李主管"
    shown = ok(run, "complaint", "show", str(cid))
    assert "sha256:" in shown
    assert "王建国" in shown and " lead:" not in shown  # people by display name, not by login


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_report_complaints_writes_the_register(run: Run, tmp_path: Path, suffix: str) -> None:
    _add(run, 3)
    out = tmp_path / f"register{suffix}"
    assert ok(
        run, "report", "complaints", "--period", datetime.now().strftime("%Y-%m"), "-o", str(out)
    ).strip()
    assert out.stat().st_size > 1000


def test_a_complaint_is_named_as_the_register_shows_it(run: Run, tmp_path: Path) -> None:
    """`complaint list` numbers it TS-2026-0007 (the customer is told that); every command on one
    complaint refused it as not a whole number. Another year's number is no other complaint's."""
    cid = _add(run, 1)
    [item] = json.loads(ok(run, "complaint", "list", "--json"))
    number = item["number"]
    assert json.loads(ok(run, "complaint", "show", number.lower(), "--json"))["id"] == cid
    year = int(number.split("-")[1])
    wrong_year = number.replace(f"TS-{year}-", f"TS-{year - 1}-")
    code, _out, err = run("complaint", "assign", wrong_year, "--handler", "李主管")
    assert code == 1 and wrong_year in err
    assert json.loads(ok(run, "complaint", "show", str(cid), "--json"))["handler"] == ""
    ok(run, "complaint", "assign", number, "--handler", "李主管")
    ok(run, "complaint", "step", number, "investigate", "--text", "调阅录像")
    ok(run, "complaint", "extend", number, "--reason", "需调取流水")
    ok(run, "report", "complaint", number, "-o", str(tmp_path / "file.pdf"))
    ok(run, "complaint", "withdraw", number)
    shown = json.loads(ok(run, "complaint", "show", str(cid), "--json"))
    assert (shown["handler"], shown["extensions"], shown["status"]) == ("李主管", 1, "withdrawn")
    text = ok(run, "complaint", "show", number)  # the history beside the steps: why the date moved
    assert "需调取流水" in text and "Withdrawn" in text


def test_report_complaint_file_and_a_bad_suffix(run: Run, tmp_path: Path) -> None:
    cid = _add(run, 3)
    out = tmp_path / "file.pdf"
    ok(run, "report", "complaint", str(cid), "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    code, _out, err = run("report", "complaints", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "xlsx" in err and not (tmp_path / "x.csv").exists()


def test_the_archive_sends_actions_to_the_action_list_and_opens_hazards(run: Run, tmp_path: Path) -> None:
    cid = _add(run, 2)
    soon = (date.today() + timedelta(days=60)).isoformat()  # its reminder is within reach
    ok(run, "complaint", "assign", str(cid), "--handler", "李主管")
    ok(run, "complaint", "step", str(cid), "investigate", "--text", "调阅录像")
    ok(run, "complaint", "step", str(cid), "decide", "--text", "致歉", "--basis", "服务规范")
    ok(run, "complaint", "step", str(cid), "reply", "--text", "电话答复")
    code, _out, err = run(
        "complaint", "step", str(cid), "archive", "--text", "归档", "--cause", "experience",
        "--action", "礼仪培训|张行长|2026-13-01",
    )  # fmt: skip
    assert code == 2 and "2026-13-01" in err
    code, _out, err = run(
        "complaint", "step", str(cid), "archive", "--text", "归档", "--cause", "experience",
        "--action", "礼仪培训",
    )  # fmt: skip
    assert code == 2 and "TEXT|OWNER|YYYY-MM-DD" in err
    ok(run, "complaint", "step", str(cid), "archive", "--text", "归档", "--cause", "experience",
       "--action", f"礼仪培训|张行长|{soon}", "--action", "高峰期加开窗口|李主管",
       "--hazard", "叫号机经常卡纸")  # fmt: skip
    detail = json.loads(ok(run, "complaint", "show", str(cid), "--json"))
    assert [(a["text"], a["owner"], a["due"]) for a in detail["actions"]] == [
        ("礼仪培训", "张行长", soon),
        ("高峰期加开窗口", "李主管", None),
    ]
    [hazard] = detail["hazards"]
    assert hazard["text"] == "叫号机经常卡纸"
    listed = {a["id"]: a for a in json.loads(ok(run, "action", "list", "--json"))}
    for action in detail["actions"]:
        assert listed[action["id"]]["complaint_number"] == detail["number"]
        assert listed[action["id"]]["complaint_id"] == cid and listed[action["id"]]["incident_id"] is None
    assert detail["number"] in ok(run, "action", "list")
    dated = detail["actions"][0]["id"]
    due = json.loads(ok(run, "schedule", "list", "--json"))
    assert any(s["kind"] == "action" and s["subject_id"] == dated for s in due)
    assert "礼仪培训" in ok(run, "action", "done", str(dated))  # the one list's actions can be done
    still_open = {a["id"] for a in json.loads(ok(run, "action", "list", "--open", "--json"))}
    assert dated not in still_open
    reminders = [
        s for s in json.loads(ok(run, "schedule", "list", "--json"))
        if s["kind"] == "action" and s["subject_id"] == dated
    ]  # fmt: skip
    assert reminders and all(s["next_due"] is None or not s["active"] for s in reminders)
    hazard_shown = json.loads(ok(run, "hazard", "show", str(hazard["id"]), "--json"))
    assert detail["number"] in hazard_shown["title"]
    text = ok(run, "complaint", "show", str(cid))
    assert "礼仪培训" in text and "叫号机经常卡纸" in text


def test_the_summary_report_counts_the_complaints(run: Run, tmp_path: Path) -> None:
    cid = _add(run, 0)
    ok(run, "complaint", "step", str(cid), "investigate", "--text", "核实")
    ok(run, "complaint", "step", str(cid), "decide", "--text", "致歉", "--basis", "服务规范")
    ok(run, "complaint", "step", str(cid), "reply", "--text", "答复", "--satisfaction", "satisfied")
    _add(run, 0)
    month = datetime.now().strftime("%Y-%m")
    board = json.loads(ok(run, "dashboard", "--json"))
    [this] = [m for m in board["months"] if m["start"].startswith(month)]
    assert this["complaints_received"] >= 2 and this["complaints_by_channel"]["counter"] >= 2
    assert this["complaints_answered"] >= 1 and this["complaints_satisfied"] >= 1
    out = tmp_path / "summary.pdf"
    code, _out, err = run("report", "summary", "--period", month, "-o", str(out), lang="en")
    assert code == 0, err
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "6. Customer complaints" in flat and "By channel, category and cause" in flat
    assert f"Counter {this['complaints_by_channel']['counter']}" in flat


def test_text_matches_the_name_in_full_only_for_a_role_that_may_unmask(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the window's search (the same service): staff see 欧阳** and find it so, not as 欧阳锋华."""
    from tests.cli.cli_support import STAFF_PASSWORD, as_user

    out = ok(demo_run, "complaint", "add", "--channel", "counter", "--received", _ago(1),
             "--customer", "欧阳锋华", "--category", "attitude", "--text", "柜员态度生硬")  # fmt: skip
    cid = int(out.strip())

    def found(text: str) -> list[int]:
        return [c["id"] for c in json.loads(ok(demo_run, "complaint", "list", "--json", "--text", text))]

    assert found("欧阳锋华") == [cid] == found("锋华")  # the lead may read it unmasked
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    assert found("欧阳锋华") == [] == found("锋华")
    assert found("欧***") == [cid]


def test_a_receipt_decades_ago_is_refused_naming_the_field(run: Run) -> None:
    add = ("complaint", "add", "--channel", "counter", "--received", "1990-12-01 09:30",
           "--customer", "张三丰", "--category", "fees", "--text", "退费")  # fmt: skip
    code, out, err = run(*add)
    assert code == 1 and out == "" and "Received at" in err and "-01-01" in err, err
    assert json.loads(ok(run, "complaint", "list", "--json")) == []
    code, _out, err = run(*add, lang="zh_CN")
    assert code == 1 and "受理时间" in err and "补录" in err, err


def test_a_search_by_a_customers_full_name_is_audited_as_in_the_window(run: Run) -> None:
    """`complaint list --text 张三丰` confirmed that 张三丰 complained, masked or not, and left no
    trace where `--unmask` does; a search by number or words still leaves none."""
    cid = _add(run, 2)
    number = json.loads(ok(run, "complaint", "show", str(cid), "--json"))["number"]

    def audited() -> list[dict[str, str]]:
        out = ok(run, "audit", "list", "--json", "--action", "complaint.search_name")
        return [e for e in json.loads(out) if e["action"] == "complaint.search_name"]

    for text in (number, "柜员态度", "张"):
        assert [i["id"] for i in json.loads(ok(run, "complaint", "list", "--json", "--text", text))] == [cid]
    assert audited() == []
    [item] = json.loads(ok(run, "complaint", "list", "--json", "--text", "张三丰"))
    assert item["customer"] == "张**"
    [event] = audited()
    assert event["entity_id"] == str(cid) and "张三丰" not in json.dumps(event, ensure_ascii=False)


def test_read_only_a_lookup_the_trail_records_is_refused_saying_why(run: Run) -> None:
    """On data opened read-only, `--unmask` and a search by a full name ended in "this change was
    NOT saved", though the lead had changed nothing: they are refused as lookups that cannot be
    recorded, in either language, and nothing in full is printed; a search by words still lists."""
    cid = _add(run, 2)
    unmask = ("--read-only", "complaint", "show", str(cid), "--unmask")
    search = ("A search by a customer's full name", "按客户全名")
    for args, en, zh in (
        (unmask, "Names, phone and identity numbers in full are shown only with a record", "完整的姓名"),
        (("--read-only", "complaint", "list", "--text", "张三丰"), *search),
        (("--read-only", "complaint", "list", "--text", "赵六"), *search),
    ):
        for lang, words in (("en", en), ("zh_CN", zh)):
            code, out, err = run(*args, lang=lang)
            assert (code, out) == (1, ""), err
            assert words in err and "NOT saved" not in err and "未保存" not in err, err
            assert "13800138000" not in err and "张三丰" not in err
    listed = json.loads(ok(run, "--read-only", "complaint", "list", "--json", "--text", "柜员态度"))
    assert [i["id"] for i in listed] == [cid]
    events = json.loads(ok(run, "audit", "list", "--json"))
    assert not {e["action"] for e in events} & {"complaint.unmask", "complaint.search_name"}


def test_a_step_without_words_is_shown_without_a_dangling_colon(run: Run) -> None:
    """A complaint registered with no acknowledgement showed its first step as "… Acceptance  王建国: "."""
    cid = _add(run, 1)
    lines = ok(run, "complaint", "show", str(cid)).splitlines()
    [accepted] = [line for line in lines if line.startswith("- ")][:1]
    assert not accepted.rstrip().endswith(":") and accepted == accepted.rstrip()
    ok(run, "complaint", "step", str(cid), "investigate", "--text", "调取监控")
    assert any(line.endswith(": 调取监控") for line in ok(run, "complaint", "show", str(cid)).splitlines())
