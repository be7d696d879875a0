"""`inspection show` names the incident each escalated item went to ("→ incident #2"), whether the
escalation started it or was logged in it: before, only `--json` had it (review B)."""

from __future__ import annotations

from tests.cli.cli_support import Run


def test_show_names_the_incident_an_escalated_item_went_to(run: Run) -> None:
    atm = run("incident", "start", "--playbook", "ATM")[1].strip()
    iid = run("inspection", "start", "SELF_SERVICE", "--location", "自助区")[1].strip()
    code, _out, err = run("inspection", "answer", iid, "1", "fail", "--note", "插卡口有加装物")
    assert code == 0, err
    code, _out, err = run("inspection", "escalate", iid, "1", "--into", atm)
    assert code == 0, err

    code, out, err = run("inspection", "show", iid)
    assert code == 0 and f"→ incident #{atm}" in out, (out, err)
    assert out.count("→") == 1  # only the escalated item
    code, out, err = run("inspection", "show", iid, lang="zh_CN")
    assert code == 0 and f"→ 事件 #{atm}" in out, (out, err)
