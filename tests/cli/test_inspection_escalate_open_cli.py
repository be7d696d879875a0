"""`inspection escalate` of a failed item while its plan's real incident is open: refused, naming
that incident and both ways past it; `--into ID` logs the failure (its evidence rule) in that
incident, `--despite-open` starts a second, separate one."""

from __future__ import annotations

import json

from tests.cli.cli_support import Run


def _open_atms(run: Run) -> list[int]:
    code, out, err = run("incident", "list", "--open", "--real", "--json")
    assert code == 0, err
    return sorted(i["id"] for i in json.loads(out) if i["playbook_code"] == "ATM")


def _failed_card_slot(run: Run) -> str:
    iid = run("inspection", "start", "SELF_SERVICE", "--location", "自助区")[1].strip()
    code, _out, err = run("inspection", "answer", iid, "1", "fail", "--note", "插卡口有加装物")
    assert code == 0, err
    return iid


def test_escalating_into_the_open_incident_logs_the_failure_there(run: Run) -> None:
    code, out, err = run("incident", "start", "--playbook", "ATM")
    assert code == 0, err
    atm = int(out)
    iid = _failed_card_slot(run)

    code, out, err = run("inspection", "escalate", iid, "1")
    assert code == 1 and out == "" and err.count("\n") == 1, (code, out, err)
    assert f"#{atm}" in err and f"--into {atm}" in err and "--despite-open" in err, err
    assert "Playbook:" not in err and err.lower().count("log") == 1, err  # one way said once, no label
    code, _out, err = run("inspection", "escalate", iid, "1", lang="zh_CN")
    assert code == 1 and f"--into {atm}" in err and "--despite-open" in err and "已作为事件" in err, err
    assert _open_atms(run) == [atm]

    code, out, err = run("inspection", "escalate", iid, "1", "--into", str(atm))
    assert code == 0 and out.startswith(f"Logged in incident #{atm} (ATM)"), (out, err)
    assert _open_atms(run) == [atm]
    code, out, err = run("incident", "show", str(atm), "--json")
    assert code == 0, err
    assert any(
        f"Inspection #{iid}, item 1" in e["text"]
        and "logged in this incident" in e["text"]
        and "police agree" in e["text"]
        for e in json.loads(out)["entries"]
    )


def test_despite_open_starts_a_second_incident_and_the_two_options_exclude_each_other(run: Run) -> None:
    atm = int(run("incident", "start", "--playbook", "ATM")[1])
    iid = _failed_card_slot(run)
    code, _out, err = run("inspection", "escalate", iid, "1", "--into", str(atm), "--despite-open")
    assert code == 2 and "not allowed with" in err, err
    code, out, err = run("inspection", "escalate", iid, "1", "--despite-open")
    assert code == 0 and out.startswith("Incident #"), err
    assert len(_open_atms(run)) == 2
