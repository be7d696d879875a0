"""`schedule done ID --skip REASON` ends a certificate's overdue item whose holder will not renew
it (the demo's 孙丽, off duty): before, both ways were refused and only a false renewal ended it.
Plain `schedule done` stays refused, and says the skip is there."""

from __future__ import annotations

import json

from branchguard.core.kernel.i18n import Message
from tests.cli.cli_support import Run


def _overdue_certificates(run: Run) -> list[dict[str, object]]:
    code, out, err = run("schedule", "due", "--window", "overdue", "--json")
    assert code == 0, err
    items: list[dict[str, object]] = json.loads(out)
    return [o for o in items if o["kind"] == "training" and o["subject_id"] is not None]


def test_an_off_duty_holders_expired_certificate_is_skipped_with_its_reason(demo_run: Run) -> None:
    [sun] = [o for o in _overdue_certificates(demo_run) if "孙丽" in str(o["title"])]
    code, out, err = demo_run("schedule", "done", str(sun["id"]))
    assert code == 1 and out == ""
    assert Message("schedule.ends_with_training").text("en") in err
    assert "--skip" in err
    code, out, err = demo_run("schedule", "done", str(sun["id"]), "--skip", "left the branch, not renewed")
    assert code == 0, err
    assert sun["id"] not in [o["id"] for o in _overdue_certificates(demo_run)]
