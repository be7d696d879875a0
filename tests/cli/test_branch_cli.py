"""`branchguard branch show|set`: the branch's settings as the window's Settings → Branch shows and
saves them; a value the form refuses is refused naming the field, staff and auditors may not
change them, and what is not given stays as it was."""

from __future__ import annotations

import json

import pytest

from tests.cli.cli_support import AUDITOR_PASSWORD, STAFF_PASSWORD, Run, as_user

DEMO = {
    "name": "示范银行城东支行营业部",
    "code": "DEMO-0101",
    "address": "示范市城东区建设路 88 号",
    "lockout_threshold": 5,
    "lockout_minutes": 15,
}


def _shown(run: Run) -> dict[str, object]:
    code, out, err = run("branch", "show", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert isinstance(shown.pop("id"), int)
    return shown


def test_show_prints_the_branch_in_either_language(demo_run: Run) -> None:
    assert _shown(demo_run) == DEMO
    code, out, err = demo_run("branch", "show", lang="zh_CN")
    assert code == 0, err
    assert out.splitlines() == [
        "网点名称：示范银行城东支行营业部",
        "网点编号：DEMO-0101",
        "地址：示范市城东区建设路 88 号",
        "锁定前允许的错误次数：5",
        "锁定时长（分钟）：15",
    ]


def test_set_changes_what_is_given_and_keeps_the_rest(demo_run: Run) -> None:
    code, out, err = demo_run("branch", "set", "--code", "GZ-0102", "--lockout-threshold", "3")
    assert code == 0, err
    assert "Branch code: GZ-0102" in out.splitlines()
    assert _shown(demo_run) == DEMO | {"code": "GZ-0102", "lockout_threshold": 3}
    code, _out, err = demo_run("branch", "set", "--address", "", "--lockout-minutes", "30")
    assert code == 0, err
    changed = {"code": "GZ-0102", "lockout_threshold": 3, "address": "", "lockout_minutes": 30}
    assert _shown(demo_run) == DEMO | changed
    code, out, err = demo_run("audit", "list", "--json", "--action", "branch.update")
    assert code == 0, err
    assert len(json.loads(out)) == 2  # audited as the window's save is


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--name", " "), "Branch name: "),
        (("--lockout-threshold", "0"), "Wrong passwords before lock: must be between 1 and 20"),
        (("--lockout-minutes", "1441"), "Lock duration (minutes): must be between 1 and 1440"),
        (("--code", "X" * 51), "Branch code: "),
    ],
)
def test_set_refuses_what_the_window_refuses_naming_the_field(
    demo_run: Run, args: tuple[str, ...], said: str
) -> None:
    code, out, err = demo_run("branch", "set", *args)
    assert (code, out) == (1, "") and err.startswith(f"branchguard: error: {said}"), err
    assert _shown(demo_run) == DEMO


def test_set_in_chinese_names_the_field_in_chinese(demo_run: Run) -> None:
    code, _out, err = demo_run("branch", "set", "--name", "", lang="zh_CN")
    assert code == 1 and err.startswith("branchguard：错误：网点名称："), err


@pytest.mark.parametrize(("user", "password"), [("staff", STAFF_PASSWORD), ("auditor", AUDITOR_PASSWORD)])
def test_only_the_lead_may_set_as_in_the_window(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch, user: str, password: str
) -> None:
    as_user(monkeypatch, user, password)
    assert _shown(demo_run) == DEMO  # the window shows them the tab, read-only
    code, _out, err = demo_run("branch", "set", "--code", "X")
    assert code == 1 and "may not change the branch settings" in err, err
    as_user(monkeypatch, "lead", "lead-demo-2026")
    assert _shown(demo_run) == DEMO


def test_before_the_branch_is_set_up_show_says_so_and_set_needs_the_name(run: Run) -> None:
    code, out, err = run("branch", "show")
    assert code == 0 and "not set up yet" in out, err
    assert run("branch", "show", "--json")[1].strip() == "null"
    code, _out, err = run("branch", "set", "--code", "GZ-0102")
    assert code == 1 and err.startswith("branchguard: error: Branch name: "), err
    code, _out, err = run("branch", "set", "--name", "城东支行", "--code", "GZ-0102")
    assert code == 0, err
    assert _shown(run) == {
        "name": "城东支行",
        "code": "GZ-0102",
        "address": "",
        "lockout_threshold": 5,
        "lockout_minutes": 15,
    }
