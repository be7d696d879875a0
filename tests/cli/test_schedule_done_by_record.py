"""`schedule done` refuses an item its record ends (a hazard's due date, a complaint's deadline, a
certificate's expiry): it says where the work is done, and the item stays owed."""

from __future__ import annotations

import json

from branchguard.core.kernel.i18n import Message
from tests.cli.cli_support import Run

ENDED = {
    "hazard": "schedule.ends_with_hazard",
    "complaint": "schedule.ends_with_complaint",
    "training": "schedule.ends_with_training",
}


def _overdue(run: Run) -> list[dict[str, object]]:
    code, out, err = run("schedule", "due", "--window", "overdue", "--json")
    assert code == 0, err
    items: list[dict[str, object]] = json.loads(out)
    return items


def test_done_on_an_item_its_record_ends_is_refused_and_the_item_stays(demo_run: Run) -> None:
    owned = [o for o in _overdue(demo_run) if o["kind"] in ENDED and o["subject_id"] is not None]
    assert {o["kind"] for o in owned} >= {"hazard", "complaint"}, owned  # the demo's overdue records
    for item in owned:
        code, out, err = demo_run("schedule", "done", str(item["id"]))
        assert code == 1 and out == "", (item, out)
        assert Message(ENDED[str(item["kind"])]).text("en") in err
    ids = [o["id"] for o in owned]
    assert [o["id"] for o in _overdue(demo_run) if o["id"] in ids] == ids
    code, _out, err = demo_run("schedule", "done", str(owned[0]["id"]), lang="zh_CN")
    assert code == 1 and Message(ENDED[str(owned[0]["kind"])]).text("zh_CN") in err
