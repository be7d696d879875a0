"""`branchguard inspection …` and `hazard list|show`, in-process, each call a fresh start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.cli_support import Run
from tests.photo_support import picture_file


def _json(run: Run, *args: str) -> object:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_templates_json_lists_the_builtin_checklists(run: Run) -> None:
    templates = _json(run, "inspection", "templates")
    assert isinstance(templates, list) and len(templates) == 15
    first = templates[0]
    assert first["code"] == "FIRE_DAILY" and first["name"] == {
        "zh": "防火巡查（营业期间每2小时）",
        "en": "Fire patrol (every 2 hours while open)",
    }
    assert (first["cadence"], first["status"], first["version"], first["items"]) == (
        "two_hourly",
        "approved",
        1,
        7,
    )


def test_a_run_from_start_to_hazards(run: Run, tmp_path: Path) -> None:
    code, out, err = run("inspection", "start", "fire_daily", "--location", "营业厅")
    assert code == 0, err
    iid = out.strip()
    assert iid.isdigit()
    photo = picture_file(tmp_path / "exit.jpg")
    code, out, err = run(
        "inspection", "answer", iid, "2", "fail", "--note", "后门被纸箱堵住", "--photo", str(photo)
    )
    assert code == 0 and out.startswith("Item 2: Fail"), err
    assert run("inspection", "answer", iid, "5", "fail", "--note", "防火门常开")[0] == 0
    code, out, err = run("inspection", "answer", iid, "rest", "pass")
    assert code == 0 and out.startswith("5 item(s) marked Pass"), err
    code, _out, err = run("inspection", "submit", iid)
    assert code == 1 and "--inspector" in err  # no signature yet: says how to give one
    code, out, err = run("inspection", "submit", iid, "--inspector", "张三")
    assert code == 0, err
    assert out.startswith(f"Inspection #{iid} submitted: 2 failed item(s), 2 hazard(s) opened")
    code, _out, err = run("inspection", "submit", iid)
    assert code == 1 and "submitted" in err and "Traceback" not in err
    code, _out, err = run("inspection", "answer", iid, "1", "fail")
    assert code == 1 and "amendment" in err

    hazards = _json(run, "hazard", "list", "--open")
    assert isinstance(hazards, list)
    assert sorted((h["item_number"], h["severity"], h["title"]) for h in hazards) == [
        (2, "major", "后门被纸箱堵住"),
        (5, "general", "防火门常开"),
    ]
    assert all(
        h["status"] == "open" and h["inspection_id"] == int(iid) and h["owner"] == "张三" for h in hazards
    )
    major = next(h for h in hazards if h["severity"] == "major")
    shown = _json(run, "hazard", "show", str(major["id"]))
    assert isinstance(shown, dict)
    assert shown["number"] == major["number"] and shown["photos"][0]["name"] == "exit.jpg"
    assert [e["kind"] for e in shown["history"]] == ["opened"] and shown["report_head_office"] is True
    # by the reference the register shows (YH-2026-0004), as well as by its number
    assert _json(run, "hazard", "show", major["number"].lower()) == shown
    year = int(major["number"].split("-")[1])
    wrong_year = major["number"].replace(f"YH-{year}-", f"YH-{year - 1}-")  # its number, another year
    code, out, err = run("hazard", "show", wrong_year)
    assert code == 1 and out == "" and wrong_year in err
    inspection = _json(run, "inspection", "show", iid)
    assert isinstance(inspection, dict)
    assert inspection["status"] == "submitted" and inspection["failed"] == 2
    assert inspection["signatures"] == {"inspector": "张三"}
    assert [i["hazard_id"] is not None for i in inspection["items"]] == [
        False,
        True,
        False,
        False,
        True,
        False,
        False,
    ]


def test_a_submit_refused_leaves_the_inspector_as_signed(run: Run) -> None:
    """`submit --inspector` refused (items unanswered) signs nothing: it once signed first."""
    iid = run("inspection", "start", "fire_daily")[1].strip()
    assert run("inspection", "sign", iid, "inspector", "李晓梅")[0] == 0
    code, _out, err = run("inspection", "submit", iid, "--inspector", "赵敏")
    assert code == 1 and "Traceback" not in err
    shown = _json(run, "inspection", "show", iid, "--json")
    assert isinstance(shown, dict) and shown["signatures"]["inspector"] == "李晓梅", shown


def test_hazard_list_filters_and_an_empty_register(run: Run) -> None:
    assert _json(run, "hazard", "list") == []
    code, out, _err = run("hazard", "list")
    assert code == 0 and "No hazards" in out
    iid = run("inspection", "start", "VAULT")[1].strip()
    run("inspection", "answer", iid, "1", "fail", "--note", "单人开库")
    run("inspection", "answer", iid, "rest", "pass")
    assert run("inspection", "sign", iid, "inspector", "李四")[0] == 0
    assert run("inspection", "submit", iid)[0] == 0
    assert len(_json(run, "hazard", "list", "--severity", "major")) == 1
    assert _json(run, "hazard", "list", "--severity", "general") == []
    assert _json(run, "hazard", "list", "--overdue") == []
    code, out, err = run("hazard", "list", lang="zh_CN")
    assert code == 0 and "重大隐患" in out and "单人开库" in out, err


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("inspection", "start", "NOPE"), 1, "NOPE"),
        (("inspection", "answer", "1", "x", "pass"), 1, "'x'"),
        (("inspection", "answer", "1", "1", "maybe"), 2, "invalid choice"),
        (("inspection", "answer", "99", "1", "pass"), 1, "99"),
        (("inspection", "answer", "1", "rest", "pass", "--note", "n"), 1, "rest"),
        (("hazard", "show", "7", "--json"), 1, "7"),
        (("hazard", "list", "--from", "yesterday"), 2, "is not a date like 2026-12-31"),
    ],
)
def test_bad_input_is_one_clear_line(run: Run, args: tuple[str, ...], code: int, needle: str) -> None:
    run("inspection", "start", "FIRST_AID")  # inspection 1 exists
    got, _out, err = run(*args)
    assert got == code and needle in err and "Traceback" not in err


def test_a_blocked_exit_corrected_on_the_spot_from_the_command_line(run: Run, tmp_path: Path) -> None:
    iid = run("inspection", "start", "FIRE_DAILY")[1].strip()
    code, out, err = run("inspection", "answer", iid, "2", "fail", "--note", "后门被纸箱堵住")
    assert code == 0, err
    assert f"inspection answer {iid} 2 fail --corrected" in out  # the rule asks for it
    photo = picture_file(tmp_path / "cleared.jpg", "green")
    code, out, err = run(
        "inspection", "answer", iid, "2", "fail", "--corrected", "纸箱已搬离", "--photo", str(photo)
    )
    assert code == 0 and "纸箱已搬离" in out, err
    run("inspection", "answer", iid, "rest", "pass")
    code, out, err = run("inspection", "submit", iid, "--inspector", "张三")
    assert code == 0 and "Closed" in out, err
    assert _json(run, "hazard", "list", "--open") == []
    (item,) = [i for i in _json(run, "inspection", "show", iid, "--json")["items"] if i["number"] == 2]
    assert item["corrected"] == "纸箱已搬离" and item["correct_on_spot"] and item["hazard_id"]


def test_a_failed_card_slot_offers_and_starts_the_atm_plan(run: Run) -> None:
    iid = run("inspection", "start", "SELF_SERVICE", "--location", "自助区")[1].strip()
    code, out, err = run("inspection", "answer", iid, "1", "fail", "--note", "插卡口有加装物")
    assert code == 0, err
    assert "ATM" in out and f"inspection escalate {iid} 1" in out
    code, out, err = run("inspection", "escalate", iid, "1")
    assert code == 0 and out.startswith("Incident #") and "(ATM)" in out, err
    incident = out.split("#", 1)[1].split(" ", 1)[0]
    shown = _json(run, "incident", "show", incident)
    assert shown["playbook_code"] == "ATM" and shown["location"] == "自助区"
    assert any("police agree" in e["text"] for e in shown["entries"])
    code, _out, err = run("inspection", "escalate", iid, "1")
    assert code == 1 and incident in err and "Traceback" not in err


def test_hazard_add_needs_an_owner_and_a_due_date_not_before_today(run: Run) -> None:
    before = _json(run, "hazard", "list")
    code, out, err = run("hazard", "add", "消防通道堆放杂物")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Owner: is required" in err  # names the field, one line
    code, _out, err = run("hazard", "add", "消防通道堆放杂物", "--owner", "李安全", "--due", "2020-01-01")
    assert code != 0 and "2020-01-01" in err and len(err.strip().splitlines()) == 1
    assert _json(run, "hazard", "list") == before  # nothing was entered
    made = _json(run, "hazard", "add", "消防通道堆放杂物", "--owner", "李安全", "--location", "后通道")
    assert isinstance(made, dict) and made["owner"] == "李安全" and made["location"] == "后通道"


def test_hazard_show_says_the_title_once(run: Run) -> None:
    """A description that is only the title (the title is its first line unless given) is not
    printed again; the lines after it are, and so is a description unlike its title."""
    def shown(*add: str) -> list[str]:
        made = _json(run, "hazard", "add", *add, "--owner", "李安全")
        assert isinstance(made, dict)
        code, out, err = run("hazard", "show", made["number"])
        assert code == 0, err
        return out.splitlines()[1:3]

    title, after = shown("消防通道堆放杂物")
    assert title == "消防通道堆放杂物" and "消防通道堆放杂物" not in after  # the location line follows
    assert shown("灭火器压力不足\n三楼东侧两具，指针在红区") == ["灭火器压力不足", "三楼东侧两具，指针在红区"]
    assert shown("后门闭门器损坏", "--title", "后门关不严") == ["后门关不严", "后门闭门器损坏"]


def test_hazard_add_from_a_held_drill_is_linked_and_listed_by_it(run: Run, tmp_path: Path) -> None:
    from tests.cli.test_drill_cli import SCORES

    scores = tmp_path / "scores.yaml"
    scores.write_text(SCORES.split("actions:")[0], encoding="utf-8")
    held = ("drill", "record-held", "--playbook", "FIRE", "--held", "2026-10-15 09:30", "--reference", "台账")
    assert run(*held, "--scores", str(scores))[0] == 0  # drill #1
    code, _out, err = run("drill", "plan", "--playbook", "fire", "--date", "2031-08-31 09:30")
    assert code == 0, err  # drill #2, only planned
    code, out, err = run("hazard", "add", "金库人员撤离慢", "--owner", "李安全", "--drill", "2")
    assert code == 1 and out == "" and "Drill" in err and "held" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run("hazard", "add", "金库人员撤离慢", "--owner", "李安全", "--drill", "9")
    assert code == 1 and "There is no drill #9" in err
    made = _json(run, "hazard", "add", "金库人员撤离慢", "--owner", "李安全", "--drill", "1")
    assert isinstance(made, dict) and made["drill_id"] == 1 and made["source"] == "drill"
    _json(run, "hazard", "add", "灯箱松动", "--owner", "李安全")
    listed = _json(run, "hazard", "list", "--drill", "1")
    assert isinstance(listed, list) and [h["id"] for h in listed] == [made["id"]]
    code, out, err = run("hazard", "show", str(made["id"]), lang="zh-CN")
    assert code == 0 and "演练发现" in out and "#1" in out, err
