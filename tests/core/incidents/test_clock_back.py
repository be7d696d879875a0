"""A PC whose clock is set back during an incident: the log keeps every time as the clock gave it,
and says which entries run backwards; a close before the start is a negative duration said as
such, never "0 s"; `verify` warns, naming the incident and the entries, and still passes (the
chain is intact). And a clock behind the newest record is found at login (both engines)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from branchguard.core.audit.clock import newest_record
from branchguard.core.incidents.text import clock_marks, elapsed_text, running_for_text
from branchguard.core.incidents.types import CloseInput, EntryKind
from branchguard.core.kernel.clock_check import SLACK
from branchguard.core.kernel.i18n import set_language
from branchguard.core.kernel.types import Level
from tests.pc_clock import TEN, PcClock, set_pc_clock

H = timedelta(hours=1)


@pytest.fixture(autouse=True)
def chinese_afterwards():
    yield
    set_language("zh_CN")


def clock_set_back_during(ctx, lead, clock: PcClock) -> int:
    """The reviewer's incident: started 10:00, police called 10:30, then the clock set back two
    hours, then a day, then corrected (10:50), and closed at 08:00 by the clock."""
    inc = ctx.services.incidents
    iid = inc.start(lead, None, Level.III, title="Clock test A").id
    for at, text in (
        (TEN + H / 2, "called police at 10:30"),
        (TEN - 1.5 * H, "clock back 2h: evacuated"),
        (TEN - 25.5 * H, "clock back a day"),
        (TEN + H * 5 / 6, "clock fixed"),
    ):
        clock.at = at
        inc.log(lead, iid, EntryKind.NOTE, text)
    clock.at = TEN - 2 * H
    inc.close(lead, iid, CloseInput("resolved"))
    return iid


def test_the_log_keeps_the_clocks_times_and_says_where_they_run_backwards(ctx, lead, monkeypatch) -> None:
    iid = clock_set_back_during(ctx, lead, set_pc_clock(monkeypatch))
    set_language("en")
    detail = ctx.services.incidents.get(lead, iid)
    times = [e.at for e in detail.entries]
    assert times == [
        TEN,
        TEN + H / 2,
        TEN - 1.5 * H,
        TEN - 25.5 * H,
        TEN + H * 5 / 6,
        TEN - 2 * H,
    ]  # as given
    marks = clock_marks(detail.entries)
    assert sorted(marks) == [3, 4, 6]
    assert marks[3] == marks[4] and "earlier than entry 2 (2026-12-06" in marks[3]
    assert "earlier than entry 5" in marks[6] and "PC clock" in marks[6]

    summary = detail.summary
    assert summary.closed_at is not None and summary.closed_at < summary.started_at
    duration = elapsed_text(summary.closed_at - summary.started_at)
    assert duration.startswith("-2 h 0 min") and "clock" in duration and duration != "0 s"
    later = running_for_text(-10 * H)  # a start later than the snapshot: not "just now"
    assert later.startswith("-10 h 0 min") and "clock" in later
    assert running_for_text(timedelta(seconds=30)) == "just now"


def test_verify_warns_of_the_log_and_passes(ctx, lead, monkeypatch) -> None:
    iid = clock_set_back_during(ctx, lead, set_pc_clock(monkeypatch))
    report = ctx.services.ledger.verify(lead)
    set_language("en")
    assert report.ok and not report.problems  # the chain is intact: a warning, not a failure
    assert [(w.entity, w.entity_id) for w in report.warnings] == [("incident", str(iid))]
    said = report.warnings[0].message.text()
    assert f"incident {iid}: 3 log entries" in said
    assert "entries 3, 4, 6; entry 3 is earlier than entry 2" in said


def test_the_clock_behind_the_newest_record_is_found(ctx, lead) -> None:
    with ctx.sessions() as s:
        newest = newest_record(s)
    assert newest is not None
    audit = ctx.services.audit
    assert audit.clock_behind(newest + H) is None and audit.clock_behind(newest - SLACK) is None
    behind = audit.clock_behind(newest - 10 * H)
    set_language("en")
    assert behind is not None and behind.newest == newest
    said = behind.message.text()
    assert newest.astimezone().strftime("%Y-%m-%d %H:%M") in said and "newest record" in said


def test_a_step_marked_before_the_start_by_the_clock_is_neither_on_time_nor_late(
    ctx, lead, monkeypatch
) -> None:
    from branchguard.core.incidents.text import step_timing

    clock = set_pc_clock(monkeypatch)
    inc = ctx.services.incidents
    iid = inc.start(lead, "FIRE").id
    clock.at = TEN - H
    inc.mark_step(lead, iid, 1)
    set_language("en")
    detail = ctx.services.incidents.get(lead, iid)
    timing = step_timing(detail.steps[0], detail.summary.started_at)
    assert timing.verdict == "done" and timing.took == ""
    assert timing.result.startswith("Done, at a time before the incident started")
    assert "PC clock" in timing.result
