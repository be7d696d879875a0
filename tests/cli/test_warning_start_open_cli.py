"""`warning add --start` and `warning start` while the natural-disaster plan's real incident is
open (NAT at yellow, an orange typhoon warning comes): nothing is started; `warning add` keeps
the warning (its id on the output, exit 3: not to be added again) and the one-line refusal names
`warning apply`, which logs it in the open incident (raising its level only to a higher one), and
`warning start --despite-open`, which starts a second, separate event."""

from __future__ import annotations

import json
import re

from branchguard.cli.early_warnings import RECORDED_NOT_STARTED
from tests.cli.cli_support import Run
from tests.cli.test_warning_cli import an_hour_ago, ok


def _add(run: Run, level: str, *more: str, lang: str = "en") -> tuple[int, str, str]:
    return run("warning", "add", "--source", "meteorological", "--level", level, "--kind", "typhoon",
               "--received", an_hour_ago(), "--text", f"台风{level}预警", *more, lang=lang)  # fmt: skip


def _open_nat(run: Run) -> list[int]:
    listed = json.loads(ok(run, "incident", "list", "--open", "--real", "--json"))
    return sorted(i["id"] for i in listed if i["playbook_code"] == "NAT")


def test_warning_add_start_while_nat_is_open_records_it_and_names_the_join(run: Run) -> None:
    code, out, err = _add(run, "yellow", "--start")
    assert code == 0, err
    nat = int(re.search(r"#(\d+)", out.splitlines()[1]).group(1))  # type: ignore[union-attr]

    code, out, err = _add(run, "orange", "--start")
    assert code == RECORDED_NOT_STARTED == 3 and err.count("\n") == 1, (code, out, err)
    orange = int(out)  # recorded: its id, as without --start
    assert f"#{orange} is recorded (do not add it again)" in err and f"#{nat}" in err, err
    advice = f"warning apply {orange} --incident {nat}"  # the warning joins that incident
    assert f"{advice} (raises it to Orange warning)" in err, err
    assert f"warning start {orange} --despite-open" in err and "Playbook:" not in err, err
    assert _open_nat(run) == [nat]
    kept = next(w for w in json.loads(ok(run, "warning", "list", "--json")) if w["id"] == orange)
    assert kept["active"] and kept["incident_id"] is None

    code, _out, err = run("warning", "start", str(orange), lang="zh_CN")
    assert code == 1 and advice in err and "已作为事件" in err, err
    assert "调整预警级别" not in err and "预案：NAT" not in err, err  # one sentence, no doubled label
    assert "Orange warning" in ok(run, *advice.split())  # what the advice says to do
    joined = next(w for w in json.loads(ok(run, "warning", "list", "--json")) if w["id"] == orange)
    assert joined["active"] and joined["incident_id"] == nat, joined
    assert [(e["kind"], e["incident_id"]) for e in joined["events"]] == [("applied", nat)]
    assert f"#{nat}" in ok(run, "warning", "list").splitlines()[-1]  # the Incident column
    code, _out, err = run("warning", "start", str(orange), "--despite-open")
    assert code == 1 and f"applied to incident #{nat}" in err, err  # in that incident: once
    assert _open_nat(run) == [nat]


def test_a_milder_warning_is_logged_in_the_open_incident_never_lowering_it(run: Run) -> None:
    code, out, err = _add(run, "orange", "--start")
    nat = int(re.search(r"#(\d+)", out.splitlines()[1]).group(1))  # type: ignore[union-attr]
    code, out, err = _add(run, "blue", "--start")
    blue = int(out)
    assert code == 3 and f"warning apply {blue} --incident {nat};" in err and "raise" not in err, err
    assert "Orange warning" in ok(run, "warning", "apply", str(blue), "--incident", str(nat))
    listed = json.loads(ok(run, "incident", "list", "--open", "--real", "--json"))
    assert next(i for i in listed if i["id"] == nat)["warning_level"] == "orange"
    shown = json.loads(ok(run, "incident", "show", str(nat), "--json"))
    assert "台风blue预警" in shown["entries"][-1]["text"]  # the warning quoted in its log


def test_despite_open_without_start_is_a_usage_error_and_records_nothing(run: Run) -> None:
    code, _out, err = _add(run, "orange", "--despite-open")
    assert code == 2 and "--despite-open" in err and "--start" in err, err
    assert json.loads(ok(run, "warning", "list", "--json")) == []


def test_despite_open_starts_a_second_separate_event(run: Run) -> None:
    code, out, err = _add(run, "yellow", "--start")
    assert code == 0, err
    code, out, err = _add(run, "orange", "--start", "--despite-open")
    assert code == 0 and "Incident #" in out, err
    later = int(_add(run, "red")[1])
    second = int(ok(run, "warning", "start", str(later), "--despite-open"))
    assert len(_open_nat(run)) == 3 and second in _open_nat(run)
