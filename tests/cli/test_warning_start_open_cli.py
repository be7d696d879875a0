"""`warning add --start` and `warning start` while the natural-disaster plan's real incident is
open (NAT at yellow, an orange typhoon warning comes): nothing is started; `warning add` keeps
the warning (its id on the output) and the one-line refusal names the exact command that raises
the open incident's level, and `--despite-open`, which starts a second, separate event."""

from __future__ import annotations

import json
import re

from tests.cli.cli_support import Run
from tests.cli.test_warning_cli import an_hour_ago, ok


def _add(run: Run, level: str, *more: str, lang: str = "en") -> tuple[int, str, str]:
    return run("warning", "add", "--source", "meteorological", "--level", level, "--kind", "typhoon",
               "--received", an_hour_ago(), "--text", f"台风{level}预警", *more, lang=lang)  # fmt: skip


def _open_nat(run: Run) -> list[int]:
    listed = json.loads(ok(run, "incident", "list", "--open", "--real", "--json"))
    return sorted(i["id"] for i in listed if i["playbook_code"] == "NAT")


def test_warning_add_start_while_nat_is_open_records_it_and_names_the_level_change(run: Run) -> None:
    code, out, err = _add(run, "yellow", "--start")
    assert code == 0, err
    nat = int(re.search(r"#(\d+)", out.splitlines()[1]).group(1))  # type: ignore[union-attr]

    code, out, err = _add(run, "orange", "--start")
    assert code == 1 and err.count("\n") == 1, (code, out, err)
    orange = int(out)  # recorded: its id, as without --start
    assert f"#{orange}" in err and f"#{nat}" in err, err
    advice = f"incident warning {nat} orange --warning {orange}"  # the warning applied, named
    assert advice in err and "--despite-open" in err, err
    assert _open_nat(run) == [nat]
    kept = next(w for w in json.loads(ok(run, "warning", "list", "--json")) if w["id"] == orange)
    assert kept["active"] and kept["incident_id"] is None

    code, _out, err = run("warning", "start", str(orange), lang="zh_CN")
    assert code == 1 and advice in err and "已作为事件" in err, err
    ok(run, *advice.split())  # what the advice says to do
    joined = next(w for w in json.loads(ok(run, "warning", "list", "--json")) if w["id"] == orange)
    assert joined["active"] and joined["incident_id"] == nat, joined
    assert [(e["kind"], e["incident_id"]) for e in joined["events"]] == [("applied", nat)]
    assert f"#{nat}" in ok(run, "warning", "list").splitlines()[-1]  # the Incident column
    code, _out, err = run("warning", "start", str(orange), "--despite-open")
    assert code == 1 and f"applied to incident #{nat}" in err, err  # in that incident: once
    assert _open_nat(run) == [nat]


def test_only_the_warnings_own_level_is_applied_for_it(run: Run) -> None:
    nat = int(re.search(r"#(\d+)", _add(run, "yellow", "--start")[1].splitlines()[1]).group(1))  # type: ignore[union-attr]
    orange = int(_add(run, "orange", "--start")[1])
    code, _out, err = run("incident", "warning", str(nat), "red", "--warning", str(orange))
    assert code == 1 and f"#{orange}" in err, err
    listed = json.loads(ok(run, "incident", "list", "--open", "--real", "--json"))
    assert next(i for i in listed if i["id"] == nat)["warning_level"] == "yellow"


def test_despite_open_starts_a_second_separate_event(run: Run) -> None:
    code, out, err = _add(run, "yellow", "--start")
    assert code == 0, err
    code, out, err = _add(run, "orange", "--start", "--despite-open")
    assert code == 0 and "Incident #" in out, err
    later = int(_add(run, "red")[1])
    second = int(ok(run, "warning", "start", str(later), "--despite-open"))
    assert len(_open_nat(run)) == 3 and second in _open_nat(run)
