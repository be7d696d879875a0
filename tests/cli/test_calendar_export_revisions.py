"""`calendar export` again after a change: the unchanged file is the same to the byte; a skipped
item and a paused schedule's items come back cancelled with a higher SEQUENCE, and the command
says how many of the events written are cancellations (a calendar importing the file takes them
off). Before, a paused schedule's items were left out, and stayed in the calendar they went to."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from tests.cli.cli_support import Run

TAKES_OFF = "(a calendar importing the file takes them off)"


def _revisions(target: Path) -> dict[str, tuple[int, str]]:
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    return {str(e["uid"]): (int(e["sequence"]), str(e["status"])) for e in events}


def test_an_export_after_a_pause_cancels_what_an_earlier_one_wrote(run: Run, tmp_path: Path) -> None:
    monday = date.today() + timedelta(days=7 - date.today().weekday())  # next week's
    start = f"{monday} 08:00"
    run("schedule", "add", "Weekly patrol", "--start", start, "--rrule", "weekly")
    span = ("--from", str(monday), "--to", str(monday + timedelta(days=27)))
    first, again = tmp_path / "first.ics", tmp_path / "again.ics"
    code, out, err = run("calendar", "export", *span, "-o", str(first))
    assert code == 0 and out.strip() == f"4 event(s) written to {first}", err
    run("calendar", "export", *span, "-o", str(again))
    assert again.read_bytes() == first.read_bytes()  # DTSTAMP too: it is when the event last changed
    before = _revisions(first)
    assert set(before.values()) == {(0, "CONFIRMED")}

    assert run("schedule", "pause", "1")[0] == 0
    paused = tmp_path / "paused.ics"
    code, out, err = run("calendar", "export", *span, "-o", str(paused))
    assert code == 0, err
    assert out.strip() == f"4 event(s) written to {paused}, 4 of them cancelled {TAKES_OFF}"
    after = _revisions(paused)
    assert set(after) == set(before) and min(s for s, _ in after.values()) > 0
    assert {status for _, status in after.values()} == {"CANCELLED"}


def test_a_skipped_item_is_exported_cancelled_with_a_higher_sequence(run: Run, tmp_path: Path) -> None:
    run("schedule", "add", "Fire door check", "--start", "2020-01-06 08:00")
    target = tmp_path / "c.ics"
    span = ("--from", "2020-01-06", "--to", "2020-01-06")
    run("calendar", "export", *span, "-o", str(target))
    ((uid, before),) = _revisions(target).items()
    (item,) = json.loads(run("schedule", "list", "--json")[1])[0]["open_items"]  # written: overdue
    assert run("schedule", "done", str(item["id"]), "--skip", "closed for renovation")[0] == 0
    code, out, err = run("calendar", "export", *span, "-o", str(target))
    assert code == 0, err
    assert out.strip() == f"1 event(s) written to {target}, 1 of them cancelled {TAKES_OFF}"
    ((again, (sequence, status)),) = _revisions(target).items()
    assert before == (0, "CONFIRMED") and (again, status) == (uid, "CANCELLED") and sequence > 0
