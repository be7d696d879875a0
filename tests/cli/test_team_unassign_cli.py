"""`branchguard team unassign ROLE` on the demo branch (found: nothing on the command line could
clear a role, so the holder of one a plan's new version dropped could never leave the staff list),
and `team list` naming such a role by its plan name, marked as no longer in an approved plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from branchguard.context import open_context
from tests.cli.cli_support import STAFF_PASSWORD, Run, as_user
from tests.team_support import FORMER_ROLE, held_former_role


def former_role_held(data_dir: Path) -> None:
    ctx = open_context(data_dir)
    try:
        held_former_role(ctx, ctx.services.auth.login("lead", "lead-demo-2026"))
    finally:
        ctx.close()


def test_team_list_marks_a_former_role_and_unassign_frees_its_holder(
    demo_run: Run, records_data_dir: Path
) -> None:
    former_role_held(records_data_dir)
    code, out, err = demo_run("team", "list", "--json")
    assert code == 0, err
    listed = next(r for r in json.loads(out) if r["role"] == FORMER_ROLE)
    assert listed["name"] == {"zh": "指定接待人员", "en": "Designated officer"}
    assert (listed["in_plans"], listed["holder"]) == (False, "钱七")
    code, out, _err = demo_run("team", "list")
    assert code == 0 and "Designated officer (no longer in an approved plan)" in out
    code, out, _err = demo_run("team", "list", lang="zh_CN")
    assert code == 0 and "指定接待人员（已不在已批准预案中）" in out
    code, _out, err = demo_run("people", "remove", "钱七")
    assert code != 0 and "钱七" in err  # still holds the role
    code, out, err = demo_run("team", "unassign", FORMER_ROLE)
    assert code == 0, err
    assert out.strip() == "Designated officer: nobody holds it now"
    code, out, _err = demo_run("team", "list", "--json")
    assert FORMER_ROLE not in {r["role"] for r in json.loads(out)}
    code, _out, err = demo_run("team", "unassign", FORMER_ROLE)  # nobody holds it now
    assert code != 0 and FORMER_ROLE in err
    code, _out, err = demo_run("people", "remove", "钱七")
    assert code == 0, err


def test_team_unassign_of_a_plan_role_in_chinese_and_refused_to_staff(
    demo_run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = demo_run("team", "unassign", "firefighting_team", lang="zh_CN")
    assert code == 0, err
    assert out.strip() == "灭火行动组：已解除岗位人员"
    fire = next(
        r for r in json.loads(demo_run("team", "list", "--json")[1]) if r["role"] == "firefighting_team"
    )
    assert (fire["holder"], fire["in_plans"]) == (None, True)
    as_user(monkeypatch, "staff", STAFF_PASSWORD)
    code, _out, err = demo_run("team", "unassign", "evacuation_team")
    assert code != 0 and err.strip()
