"""`incident start` of a plan whose real incident is still open: refused, naming that incident and
the option past it, `--despite-open`, which starts a second, separate one."""

from __future__ import annotations

import json

from tests.cli.cli_support import Run


def _open_fires(run: Run) -> list[int]:
    code, out, err = run("incident", "list", "--open", "--real", "--json")
    assert code == 0, err
    return sorted(i["id"] for i in json.loads(out) if i["playbook_code"] == "FIRE")


def test_a_plan_started_twice_is_refused_until_despite_open(demo_run: Run) -> None:
    before = _open_fires(demo_run)
    code, out, err = demo_run("incident", "start", "--playbook", "FIRE")
    assert code == 0, err
    first = int(out)

    code, out, err = demo_run("incident", "start", "--playbook", "FIRE")
    assert code == 1 and out == "" and err.count("\n") == 1, (code, out, err)
    assert f"#{first}" in err and "王建国" in err and "--despite-open" in err, err
    code, _out, err = demo_run("incident", "start", "--playbook", "FIRE", lang="zh_CN")
    assert code == 1 and f"#{first}" in err and "--despite-open" in err and "已作为事件" in err, err
    assert _open_fires(demo_run) == [*before, first]

    code, out, err = demo_run("incident", "start", "--playbook", "FIRE", "--despite-open")
    assert code == 0, err
    assert _open_fires(demo_run) == [*before, first, int(out)]


def test_a_drill_of_an_open_plan_is_started(demo_run: Run) -> None:
    assert demo_run("incident", "start", "--playbook", "FIRE")[0] == 0
    code, out, err = demo_run("incident", "start", "--playbook", "FIRE", "--drill")
    assert code == 0 and int(out) > 0, err
