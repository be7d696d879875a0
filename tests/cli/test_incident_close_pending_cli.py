"""`branchguard incident close` on an incident or drill with steps still pending: they are listed on
stderr (number and text) and nothing is closed, exit 2, as the window's close dialog lists them
before it asks (incidents.rules.open_at_close); --despite-pending closes it knowingly."""

from __future__ import annotations

import json

import pytest

from tests.cli.cli_support import Run, as_user


def _open_ids(run: Run) -> list[int]:
    code, out, err = run("incident", "list", "--json", "--open")
    assert code == 0, err
    return [i["id"] for i in json.loads(out)]


def _started(run: Run, *args: str) -> str:
    code, out, err = run("incident", "start", "--playbook", "FIRE", *args)
    assert code == 0, err
    return out.strip()


def test_pending_steps_are_listed_and_nothing_closed_without_the_flag(demo_run: Run) -> None:
    iid = _started(demo_run)
    assert demo_run("incident", "step", iid, "1", "--done")[0] == 0
    code, out, err = demo_run("incident", "close", iid, "--outcome", "火情扑灭")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0] == (
        f"branchguard: error: incident {iid} still has 13 pending step(s), 0 reporting checkpoint(s) "
        "overdue; nothing was closed. To close it anyway, add --despite-pending"
    )
    assert [line.split(".")[0].strip() for line in lines[1:]] == [str(n) for n in range(2, 15)]
    assert lines[1].startswith("  2. ") and "(" in lines[1]  # the step's text and its role
    assert int(iid) in _open_ids(demo_run)
    code, _out, err = demo_run("incident", "close", iid, "--outcome", "火情扑灭", lang="zh_CN")
    assert code == 2 and err.startswith(f"branchguard：错误：事件 {iid} 尚有 13 个待办步骤"), err
    assert "  2. " in err and "）" in err
    code, out, err = demo_run("incident", "close", iid, "--outcome", "火情扑灭", "--despite-pending")
    assert code == 0 and f"Incident {iid} closed" in out, err
    assert int(iid) not in _open_ids(demo_run)


def test_a_drill_is_held_to_the_same(demo_run: Run) -> None:
    iid = _started(demo_run, "--drill")
    code, _out, err = demo_run("incident", "close", iid, "--outcome", "演练结束")
    assert code == 2 and "--despite-pending" in err and "\n  1. " in err, err
    assert int(iid) in _open_ids(demo_run)
    assert demo_run("incident", "close", iid, "--outcome", "演练结束", "--despite-pending")[0] == 0


def test_nothing_pending_closes_without_the_flag(demo_run: Run) -> None:
    code, out, err = demo_run("incident", "start", "--title", "门口可疑人员", "--level", "III")
    assert code == 0, err
    code, out, err = demo_run("incident", "close", out.strip(), "--outcome", "已离开")
    assert code == 0 and "closed" in out, err


@pytest.mark.parametrize("user", ["staff", "auditor"])
def test_a_role_that_may_not_close_hears_that_not_the_steps(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch, user: str
) -> None:
    iid = _started(demo_run)
    as_user(monkeypatch, user, f"{user}-demo-2026")
    code, _out, err = demo_run("incident", "close", iid, "--outcome", "x")
    assert code == 1 and "may not close incidents" in err and "pending" not in err, err
