"""An option that takes one of a set of codes takes the name the window shows for it too, in either
language and without regard to case or spaces (cli/choices.py): `--severity 重大隐患`, `--channel
"phone hotline"`. A Chinese user typing what the window showed was refused with English codes. An
unknown value is refused as before, with the codes listed."""

from __future__ import annotations

import json

import pytest

from branchguard.cli.choices import codes
from branchguard.core.complaints.types import ComplaintChannel
from branchguard.core.hazards.types import HazardSeverity
from tests.cli.cli_support import Run


@pytest.mark.parametrize("said", ["major", "重大隐患", "Major", " MAJOR ", "重大 隐患"])
def test_a_code_or_its_name_in_either_language_gives_the_code(said: str) -> None:
    option = codes(HazardSeverity)
    assert option["choices"] == ["general", "major"]
    assert option["type"](said) == "major"


def test_an_unknown_value_is_left_for_argparse_to_refuse() -> None:
    assert codes(ComplaintChannel)["type"]("fax") == "fax"


def _listed(run: Run, *args: str, lang: str = "en") -> list[dict[str, object]]:
    code, out, err = run(*args, "--json", lang=lang)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_the_command_line_takes_the_windows_words(demo_run: Run) -> None:
    by_code = _listed(demo_run, "hazard", "list", "--severity", "major")
    assert by_code and all(h["severity"] == "major" for h in by_code)
    assert _listed(demo_run, "hazard", "list", "--severity", "重大隐患") == by_code
    phoned = _listed(demo_run, "complaint", "list", "--channel", "phone")
    assert _listed(demo_run, "complaint", "list", "--channel", "电话热线", lang="zh_CN") == phoned
    assert _listed(demo_run, "complaint", "list", "--channel", "Phone hotline") == phoned
    code, _out, err = demo_run("hazard", "list", "--severity", "grave")
    assert code == 2 and "'grave'" in err and "general" in err and "major" in err
