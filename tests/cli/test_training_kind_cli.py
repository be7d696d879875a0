"""`branchguard training add --kind` takes the kind's name as `training list` shows it, in either
language, as well as its code (it refused 保安员证 and took only guard_licence)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.cli.cli_support import Run

TODAY = date.today()


def test_training_add_takes_the_kinds_displayed_name(demo_run: Run) -> None:
    expires = TODAY + timedelta(days=1000)
    code, out, err = demo_run(
        "training", "add", "周强", "--kind", "保安员证", "--date", TODAY.isoformat(),
        "--expires", expires.isoformat(), lang="zh_CN",
    )  # fmt: skip
    assert code == 0, err
    assert "保安员证" in out
    code, out, err = demo_run("training", "list", "--json")
    assert code == 0, err
    mine = [r for r in json.loads(out) if r["person"] == "周强" and r["expires_on"] == expires.isoformat()]
    assert [r["kind"] for r in mine] == ["guard_licence"]
