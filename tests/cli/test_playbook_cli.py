"""`branchguard playbook …` end to end, in-process: output shapes, round trip, refusals, PDF."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from branchguard.context import open_context
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.playbooks.types import PlanRole, Step
from tests.cli.cli_support import Run, invoke, with_lead

STARTER_CODES = {"GEN", "RUN", "SYS", "ROB", "NAT", "ILL", "INJ", "DIS", "SRG", "OCC", "RUM", "OTH",
                 "FIRE", "ATM", "PWR", "LAW", "CASH", "SUS", "HOST", "MASS", "EPI", "FILM", "SWAL", "FRAUD",
                 "SVC-QUEUE", "SVC-URGENT", "SVC-CASH", "SVC-HOSTILE", "SVC-HANDOVER", "SVC-LAW"}
# What a plan says, as opposed to the bookkeeping of the version that says it.
CONTENT_KEYS = ("code", "title_zh", "title_en", "tier", "category", "levels", "triggers_zh", "triggers_en",
                "cautions_zh", "cautions_en", "roles", "contacts", "steps")



@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """`branchguard --data-dir <dir> ARGS…` (by default tmp/data, in Chinese unless `lang=`)."""

    ready: set[Path] = set()

    def _run(*args: str, lang: str = "zh_CN", data_dir: Path | None = None) -> tuple[int, str, str]:
        folder = data_dir or tmp_path / "data"
        if folder not in ready:  # a database holding the safety lead's account, who logs in
            ready.add(with_lead(folder))
        return invoke(capsys, folder, args, lang)

    return _run


def edit_fire_and_add_a_plan(data_dir: Path) -> None:
    """As the lead would in the window: FIRE gets a new approved version, and a new plan NEWP."""
    ctx = open_context(data_dir)
    try:
        lead, playbooks = Actor.system(), ctx.services.playbooks
        fire = playbooks.get(lead, "FIRE").content
        text = Text2("发现火情立即呼叫并按下报警按钮。", "Shout and press the alarm.")
        first = replace(fire.steps[0], text=text)
        playbooks.save_draft(lead, "FIRE", replace(fire, steps=(first, *fire.steps[1:])))
        playbooks.approve(lead, "FIRE")
        new = replace(
            fire, code="NEWP", title=Text2("新增测试预案", "New test plan"),
            roles=(PlanRole("teller", Text2("柜员", "Teller")),),
            steps=(Step("only", Text2("唯一步骤", "The only step"), "teller", 5),), contacts=(),
        )
        playbooks.create(lead, new)
        playbooks.approve(lead, "NEWP")
    finally:
        ctx.close()


def show_json(run: Run, code: str, data_dir: Path | None = None) -> dict:
    rc, out, err = run("playbook", "show", code, "--json", data_dir=data_dir)
    assert rc == 0, err
    return json.loads(out)


def test_list_shows_the_starter_library(run: Run) -> None:
    code, out, err = run("playbook", "list")
    assert code == 0, err
    assert all(c in out for c in STARTER_CODES) and "火灾与疏散现场处置方案" in out

    plans = json.loads(run("playbook", "list", "--json")[1])
    assert {p["code"] for p in plans} == STARTER_CODES
    fire = next(p for p in plans if p["code"] == "FIRE")
    assert set(fire) == {"id", "code", "title_zh", "title_en", "tier", "category", "category_zh",
                         "category_en", "levels", "status", "version", "has_draft", "builtin", "step_count",
                         "updated_at"}
    assert fire["title_en"] == "Fire and evacuation on-site response plan"
    assert (fire["tier"], fire["category"], fire["levels"]) == ("onsite", "fire_evacuation", ["II"])
    assert (fire["status"], fire["version"]) == ("approved", 1)
    assert (fire["has_draft"], fire["builtin"]) == (False, True)
    assert fire["step_count"] == 14

    # the official names of the CBA guideline (银协发〔2009〕51号), as reports sent upward use them
    names = {p["code"]: (p["category_zh"], p["category_en"]) for p in plans}
    assert names["SRG"] == ("营业网点客流激增", "Surge in branch customer flow")
    assert names["OCC"] == ("不合理占用银行服务资源", "Unreasonable occupation of bank service resources")
    assert names["RUM"] == ("重大失实信息传播", "Spread of major false information")
    assert names["OTH"] == ("其他影响营业网点正常服务的事件", "Other events affecting normal branch service")
    assert names["INJ"][0] == "客户人身伤害"

    # level I: a bank run, and a system failure or disaster across several branches (GEN's grading)
    level_one = json.loads(run("playbook", "list", "--json", "--level", "I")[1])
    assert {p["code"] for p in level_one} == {"GEN", "RUN", "SYS", "NAT"}
    found = json.loads(run("playbook", "list", "--json", "--search", "消火栓")[1])
    assert [p["code"] for p in found] == ["FIRE"]
    assert run("playbook", "list", "--level", "IV")[0] == 2


def test_show_json_shape_and_readable_text(run: Run) -> None:
    fire = show_json(run, "FIRE")
    assert (fire["code"], fire["number"], fire["status"]) == ("FIRE", 1, "approved")
    assert fire["approved_by"] and fire["approved_at"]
    team = {"code": "firefighting_team", "name_zh": "灭火行动组", "name_en": "Firefighting team"}
    assert team in fire["roles"]
    assert fire["contacts"] == [{"kind": "fire", "phone": "119", "name": ""},
                                {"kind": "ambulance", "phone": "120", "name": ""}]
    steps = fire["steps"]
    assert [s["number"] for s in steps] == list(range(1, 15))
    assert steps[3]["condition_zh"] == "如火势无法控制或烟雾浓重"
    assert steps[3]["goto"] == {"number": 7, "key": "withdraw"} and steps[6]["key"] == "withdraw"
    assert steps[12]["checkpoint"] is True and steps[12]["deadline_minutes"] == 15
    assert steps[0]["goto"] is None and steps[0]["role"] == "firefighting_team"
    assert steps[0]["target_minutes"] == 1 and steps[0]["text_en"].startswith("Shout")

    code, out, _ = run("playbook", "show", "FIRE")
    assert code == 0
    for needle in ("火灾与疏散现场处置方案", "II级（重大）", "注意事项", "如火势无法控制或烟雾浓重 → 第 7 步",
                   "上报 15 分钟内", "灭火行动组", "119"):
        assert needle in out, needle
    code, out, _ = run("playbook", "show", "FIRE", lang="en")
    assert "If the fire cannot be controlled or the smoke is thick → step 7" in out
    assert "Report within 24 h" in out


def test_show_missing_version_or_draft_is_one_line(run: Run) -> None:
    for args in (("NOPE",), ("FIRE", "--version", "9"), ("FIRE", "--draft")):
        code, out, err = run("playbook", "show", *args, lang="en")
        assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert "no draft" in run("playbook", "show", "FIRE", "--draft", lang="en")[2]


def test_export_all_then_import_into_a_fresh_library(run: Run, tmp_path: Path) -> None:
    edit_fire_and_add_a_plan(tmp_path / "data")
    exported = tmp_path / "library.yaml"
    code, out, err = run("playbook", "export", "--all", "-o", str(exported))
    assert code == 0, err
    assert str(exported) in out and str(len(STARTER_CODES) + 1) in out

    fresh = tmp_path / "fresh"
    before = run("playbook", "list", "--json", data_dir=fresh)[1]
    code, out, err = run("playbook", "import", str(exported), "--dry-run", data_dir=fresh)
    assert code == 0, err
    assert "将新增（1 个）：NEWP" in out and "将更新（1 个）：FIRE" in out
    assert f"无变化（{len(STARTER_CODES) - 1} 个）" in out
    assert run("playbook", "list", "--json", data_dir=fresh)[1] == before  # a dry run writes nothing

    code, out, err = run("playbook", "import", str(exported), data_dir=fresh, lang="en")
    assert code == 0, err
    assert "Added (1): NEWP" in out and "Updated (1): FIRE" in out
    for plan in json.loads(run("playbook", "list", "--json")[1]):
        source, copy = show_json(run, plan["code"]), show_json(run, plan["code"], fresh)
        assert {k: copy[k] for k in CONTENT_KEYS} == {k: source[k] for k in CONTENT_KEYS}, plan["code"]
        assert copy["status"] == "approved"
    assert show_json(run, "FIRE", fresh)["steps"][0]["text_zh"] == "发现火情立即呼叫并按下报警按钮。"


def test_export_some_and_usage(run: Run, tmp_path: Path) -> None:
    out_file = tmp_path / "two.yaml"
    code, out, _ = run("playbook", "export", "fire", "LAW", "-o", str(out_file))
    assert code == 0 and "2" in out
    text = out_file.read_text(encoding="utf-8")
    assert "code: FIRE" in text and "code: LAW" in text and "code: GEN" not in text
    assert run("playbook", "export", "-o", str(out_file))[0] == 2
    assert run("playbook", "export", "FIRE", "--all", "-o", str(out_file))[0] == 2
    code, _, err = run("playbook", "export", "FIRE", "NOPE", "-o", str(tmp_path / "x.yaml"))
    assert code == 1 and "NOPE" in err and not (tmp_path / "x.yaml").exists()


def _corrupt(exported: str, how: str) -> str:
    if how == "boss":
        return exported.replace("role: lobby_manager", "role: boss", 1)
    # Cut in the middle of the first quoted phone number: the quote is never closed.
    return exported[: exported.index("phone: '") + len("phone: '1")]


@pytest.mark.parametrize(("how", "needles"), [
    ("boss", ("boss", "steps[0].role", "line")),
    ("truncated", ("line",)),
])
def test_bad_file_is_refused_with_its_line_and_nothing_changes(
    run: Run, tmp_path: Path, how: str, needles: tuple[str, ...]
) -> None:
    exported = tmp_path / "library.yaml"
    run("playbook", "export", "--all", "-o", str(exported))
    bad = tmp_path / f"{how}.yaml"
    # Every plan changed as well, so anything written would show in the list.
    bad.write_text(_corrupt(exported.read_text(encoding="utf-8").replace("zh: ", "zh: 改 "), how), "utf-8")
    before = run("playbook", "list", "--json")[1]
    for dry in ((), ("--dry-run",)):
        code, out, err = run("playbook", "import", str(bad), *dry, lang="en")
        assert code == 1 and out == "", err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith(f"branchguard: error: {bad}: line ")
        assert all(n in err for n in needles), err
    assert run("playbook", "list", "--json")[1] == before


def test_missing_file_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    code, out, err = run("playbook", "import", str(tmp_path / "nowhere.yaml"), lang="en")
    assert (code, out) == (1, "")
    assert err == f"branchguard: error: File: '{tmp_path / 'nowhere.yaml'}' does not exist\n"


def test_approve_after_an_edit_prints_the_new_version(run: Run, tmp_path: Path) -> None:
    run("playbook", "list")  # creates the library
    ctx = open_context(tmp_path / "data")
    try:
        fire = ctx.services.playbooks.get(Actor.system(), "FIRE").content
        edited = replace(fire, triggers=Text2("新的启动条件"))
        ctx.services.playbooks.save_draft(Actor.system(), "FIRE", edited)
    finally:
        ctx.close()
    fire_row = next(p for p in json.loads(run("playbook", "list", "--json")[1]) if p["code"] == "FIRE")
    assert fire_row["has_draft"] is True and fire_row["version"] == 1
    assert show_json(run, "FIRE")["number"] == 1  # the approved version until the draft is approved

    assert run("playbook", "approve", "FIRE") == (0, "2\n", "")
    fire_json = show_json(run, "FIRE")
    assert (fire_json["number"], fire_json["status"]) == (2, "approved")
    assert fire_json["triggers_zh"] == "新的启动条件"
    code, out, err = run("playbook", "approve", "FIRE")
    assert code == 1 and out == "" and "FIRE" in err and err.count("\n") == 1


def test_pdf_card(run: Run, tmp_path: Path) -> None:
    pdf = tmp_path / "fire.pdf"
    code, out, err = run("playbook", "pdf", "FIRE", "-o", str(pdf))
    assert code == 0, err
    assert out.strip() == str(pdf) and err == ""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = "".join(text.split())  # a long step may wrap anywhere
    step_one = "发现火情立即大声呼叫，按下火灾报警按钮，报告网点负责人。"
    for needle in ("火灾与疏散现场处置方案", step_one, "灭火行动组"):
        assert needle in text, needle
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows), fonts

    code, _, err = run("playbook", "pdf", "FIRE", "--version", "3", "-o", str(tmp_path / "v3.pdf"))
    assert code == 1 and err.count("\n") == 1 and not (tmp_path / "v3.pdf").exists()


def test_playbook_help_lists_the_actions() -> None:
    proc = subprocess.run([sys.executable, "-m", "branchguard", "playbook", "--help"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0
    for action in ("list", "show", "export", "import", "approve", "pdf"):
        assert action in proc.stdout


def test_a_service_guide_names_the_plan_to_start_and_is_not_started_itself(run: Run) -> None:
    code, out, err = run("playbook", "show", "SVC-CASH", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["tier"] == "service" and shown["linked_plans"] == ["CASH"]
    code, out, err = run("playbook", "show", "SVC-HOSTILE")
    assert code == 0 and "发展为突发事件时启动：DIS" in out, err
    assert json.loads(run("playbook", "show", "CASH", "--json")[1])["linked_plans"] == []
    code, out, err = run("incident", "start", "--playbook", "SVC-CASH")
    assert code == 1 and "服务指引" in err and "Traceback" not in err
