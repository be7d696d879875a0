"""`branchguard warning …`, `incident start --warning`, `incident warning` and `library refresh`
end to end, in-process."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from tests.cli.cli_support import Run


def ok(run: Run, *args: str, lang: str = "en") -> str:
    code, out, err = run(*args, lang=lang)
    assert code == 0, err
    return out


def an_hour_ago() -> str:
    return (datetime.now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")


def test_warnings_recorded_listed_lifted_and_started(run: Run) -> None:
    first = ok(run, "warning", "add", "--source", "meteorological", "--level", "red", "--kind", "typhoon",
               "--received", an_hour_ago(), "--text", "台风红色预警").split()  # fmt: skip
    wid = int(first[0])
    second = int(ok(run, "warning", "add", "--source", "police", "--level", "yellow", "--kind", "other",
                    "--received", an_hour_ago(), "--text", "辖区治安预警").strip())  # fmt: skip
    listed = json.loads(ok(run, "warning", "list", "--json"))
    assert [w["id"] for w in listed] == [second, wid] or {w["id"] for w in listed} == {wid, second}
    assert all(w["active"] and w["incident_id"] is None for w in listed)
    table = ok(run, "warning", "list", lang="zh_CN")
    assert "红色预警" in table and "气象局" in table and "生效中" in table and "台风" in table

    lifted = ok(run, "warning", "lift", str(second), "--note", "已解除")
    assert "Lifted" in lifted
    active = json.loads(ok(run, "warning", "list", "--active", "--json"))
    assert [w["id"] for w in active] == [wid]

    iid = int(ok(run, "warning", "start", str(wid)).strip())
    shown = json.loads(ok(run, "incident", "show", str(iid), "--json"))
    assert shown["playbook_code"] == "NAT" and shown["warning_level"] == "red"
    assert "台风红色预警" in shown["entries"][1]["text"]
    code, out, err = run("warning", "start", str(wid))
    assert code == 1 and out == "" and "already started" in err

    started = ok(run, "warning", "add", "--source", "head_office", "--level", "orange", "--kind", "rainstorm",
                 "--received", an_hour_ago(), "--text", "暴雨橙色预警", "--start",
                 "--despite-open").splitlines()  # fmt: skip
    assert len(started) == 2 and "Incident #" in started[1]


def test_bad_warning_input_is_one_line_naming_the_field(run: Run) -> None:
    code, out, err = run("warning", "add", "--source", "police", "--level", "red", "--kind", "flood",
                         "--received", "tomorrow", "--text", "x")  # fmt: skip
    assert code == 1 and out == "" and "Received at" in err and err.count("\n") == 1
    code, _out, err = run("warning", "add", "--source", "police", "--level", "purple", "--kind", "flood",
                          "--received", an_hour_ago(), "--text", "x")  # fmt: skip
    assert code == 2 and "purple" in err
    code, _out, err = run("warning", "lift", "99")
    assert code == 1 and "#99" in err


def test_incident_warning_level_at_start_and_changed(run: Run) -> None:
    iid = int(ok(run, "incident", "start", "--playbook", "NAT", "--warning", "yellow").strip())
    assert "Yellow warning" in ok(run, "incident", "show", str(iid))
    assert "Red warning" in ok(run, "incident", "warning", str(iid), "red", "--reason", "升级")
    shown = json.loads(ok(run, "incident", "show", str(iid), "--json"))
    assert shown["warning_level"] == "red" and shown["entries"][-1]["kind"] == "warning_change"
    listed = ok(run, "incident", "list")
    assert "Red warning" in listed
    code, _out, err = run("incident", "start", "--playbook", "FIRE", "--warning", "red")
    assert code == 1 and "Warning level" in err


def test_library_refresh_adds_what_is_missing_then_nothing(run: Run) -> None:
    # a new database has every built-in plan; its checklists are written on first use, not yet here
    preview = json.loads(ok(run, "library", "refresh", "--dry-run", "--json"))
    assert preview["playbooks"] == [] and "FIRE_DAILY" in preview["templates"]
    said = ok(run, "library", "refresh", "--dry-run")  # it said "Added", writing nothing
    assert "Would add 0 built-in plans" in said and "nothing was written" in said
    assert "Added 0 built-in plans" in ok(run, "library", "refresh")
    assert "Nothing to add" in ok(run, "library", "refresh")
    assert json.loads(ok(run, "library", "refresh", "--dry-run", "--json")) == {
        "playbooks": [],
        "templates": [],
    }
