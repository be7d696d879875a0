"""An exported event carries its revision: SEQUENCE grows with each change of the occurrence or its
schedule, LAST-MODIFIED (and DTSTAMP, the same in a file without METHOD) says when it last changed.
A calendar program that imports the file again keeps the copy it holds unless SEQUENCE grew: a
drill moved to another day stayed on its old one. An event that went (its drill moved, its
schedule paused or removed) is exported cancelled under its old UID, with a higher SEQUENCE, so the
calendar takes it off; an unchanged one is the same to the byte in every export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar
from sqlalchemy import select

from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules.revisions import STRIDE
from branchguard.db.models.schedules import ScheduleRow
from tests.core.schedules.test_schedules import one_off, soon

START = soon(hours=1)
END = START + timedelta(days=28)


def _events(data: bytes) -> dict[str, Any]:
    return {str(e["uid"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def _blocks(data: bytes) -> dict[str, bytes]:
    """Each VEVENT as written, by its UID."""
    found = {}
    for block in data.split(b"BEGIN:VEVENT\r\n")[1:]:
        text = block.split(b"END:VEVENT\r\n")[0]
        uid = next(line for line in text.split(b"\r\n") if line.startswith(b"UID:"))
        found[uid[4:].decode()] = text
    return found


def _revision(event: Any) -> tuple[int, datetime, str]:
    return int(event["sequence"]), event.decoded("last-modified"), str(event["status"])


def _made_yesterday(ctx: Any) -> None:
    """The schedules made a day ago: a change now is later than their making by whole seconds."""
    with ctx.sessions.begin() as s:
        for row in s.scalars(select(ScheduleRow)):
            row.created_at -= timedelta(days=1)


def test_a_moved_occurrence_grows_its_sequence_and_the_others_stay_byte_for_byte(
    ctx: Any, lead: Actor
) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off("Weekly patrol", start=soon(days=1), rule="weekly", lead_minutes=60))
    _made_yesterday(ctx)
    first = svc.export_ics(lead, START, END)
    assert svc.export_ics(lead, START, END) == first  # nothing changed: the same file, DTSTAMP too
    before = _events(first)
    assert len(before) == 4 and {_revision(e)[0] for e in before.values()} == {0}
    created = svc.get(lead, made.id).created_at.replace(microsecond=0)
    assert {e.decoded("dtstamp") for e in before.values()} == {created}
    assert {e.decoded("last-modified") for e in before.values()} == {created}

    items = svc.calendar(lead, START, END)
    second = items[1]
    moved = svc.reschedule_promised(lead, made.id, second.rule_at, second.due_at + timedelta(days=1))
    after = svc.export_ics(lead, START, END)
    uid = next(u for u, e in before.items() if e.decoded("dtstart") == second.due_at)
    sequence, modified, status = _revision(_events(after)[uid])
    assert sequence == 1 and modified > created and status == "CONFIRMED"
    assert _events(after)[uid].decoded("dtstart") == moved.due_at
    # the others (the first one written by the move, promised no more) are as they were
    unchanged = {u: b for u, b in _blocks(first).items() if u != uid}
    assert {u: b for u, b in _blocks(after).items() if u != uid} == unchanged

    svc.reschedule(lead, moved.id, moved.due_at + timedelta(hours=2))
    assert _revision(_events(svc.export_ics(lead, START, END))[uid])[0] == 2
    svc.complete(lead, moved.id, skipped=True, note="停电")  # skipped: cancelled, a step higher
    assert _revision(_events(svc.export_ics(lead, START, END))[uid])[::2] == (3, "CANCELLED")


def test_a_drill_moved_to_another_day_is_cancelled_on_its_old_one(ctx: Any, lead: Actor) -> None:
    """A one-off's UID is its date: the moved drill is a new event, and the old one, which an
    earlier export put in the calendar, came back from no export: it stayed there."""
    day = (datetime.now() + timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    plan = ctx.services.drills.plan(lead, DrillPlanInput("FIRE", day))
    (old,) = _events(ctx.services.schedules.export_ics(lead, START, END))
    assert _revision(_events(ctx.services.schedules.export_ics(lead, START, END))[old])[0] == 0

    ctx.services.drills.move(lead, plan.id, day + timedelta(days=2))
    events = _events(ctx.services.schedules.export_ics(lead, START, END))
    (new,) = set(events) - {old}
    assert _revision(events[old])[::2] == (STRIDE, "CANCELLED")
    assert events[old].decoded("dtstart") == day.astimezone(UTC)  # where the calendar holds it
    assert _revision(events[new])[::2] == (STRIDE, "CONFIRMED")
    assert events[new].decoded("dtstart") == (day + timedelta(days=2)).astimezone(UTC)
    # the old day's alone: not "nothing falls due", its cancellation is what the calendar needs
    at = day.astimezone(UTC)
    assert list(_events(ctx.services.schedules.export_ics(lead, at, at + timedelta(hours=1)))) == [old]

    ctx.services.drills.cancel(lead, plan.id)
    events = _events(ctx.services.schedules.export_ics(lead, START, END))
    assert {u: _revision(e)[::2] for u, e in events.items()} == {
        old: (2 * STRIDE, "CANCELLED"),
        new: (2 * STRIDE, "CANCELLED"),
    }


def test_a_paused_schedule_cancels_its_events_and_resumed_brings_them_back_higher(
    ctx: Any, lead: Actor
) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off("Weekly patrol", start=soon(days=1), rule="weekly", lead_minutes=60))
    first = svc.calendar(lead, START, END)[0]
    moved = svc.reschedule_promised(lead, made.id, first.rule_at, first.due_at + timedelta(hours=3))
    moved = svc.reschedule(lead, moved.id, moved.due_at + timedelta(hours=3))  # twice: its own 2
    before = _events(svc.export_ics(lead, START, END))
    assert sorted(_revision(e)[0] for e in before.values()) == [0, 0, 0, 2]

    svc.set_active(lead, made.id, False)  # the written one is deleted with its moves' count
    paused = _events(svc.export_ics(lead, START, END))
    assert set(paused) == set(before)
    assert {_revision(e)[::2] for e in paused.values()} == {(STRIDE, "CANCELLED")}  # above 2

    svc.set_active(lead, made.id, True)
    resumed = _events(svc.export_ics(lead, START, END))
    assert set(resumed) == set(before)
    assert {_revision(e)[::2] for e in resumed.values()} == {(2 * STRIDE, "CONFIRMED")}


def test_a_removed_schedule_and_a_changed_rule_cancel_what_went(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    gone = svc.add(lead, one_off("Daily check", start=soon(days=1), rule="daily", lead_minutes=60))
    kept = svc.add(lead, one_off("Weekly patrol", start=soon(days=1), rule="weekly", lead_minutes=60))
    before = _events(svc.export_ics(lead, START, END))
    assert len(before) > 4 + 20

    svc.remove(lead, gone.id)
    svc.update(lead, kept.id, one_off("Weekly patrol", start=soon(days=2), rule="weekly", lead_minutes=60))
    after = _events(svc.export_ics(lead, START, END))
    assert set(before) < set(after)  # every earlier event is there, the new ones too
    cancelled = {u for u, e in after.items() if _revision(e)[2] == "CANCELLED"}
    assert cancelled == set(before)
    assert {_revision(after[u])[0] for u in cancelled} == {STRIDE}
    assert {str(after[u]["summary"]) for u in cancelled} == {"Daily check", "Weekly patrol"}
    live = set(after) - cancelled
    assert len(live) == 4 and {_revision(after[u])[0] for u in live} == {STRIDE}


def test_an_occurrence_moved_out_of_the_days_exported_is_exported_where_it_went(
    ctx: Any, lead: Actor
) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off("Weekly patrol", start=soon(days=1), rule="weekly", lead_minutes=60))
    last = svc.calendar(lead, START, END)[-1]
    later = last.due_at + timedelta(days=10)  # past END: the calendar of START..END no longer shows it
    svc.reschedule_promised(lead, made.id, last.rule_at, later)
    events = _events(svc.export_ics(lead, START, END))
    (uid,) = [u for u, e in events.items() if e.decoded("dtstart") == later]
    assert len(events) == 4 and _revision(events[uid])[::2] == (1, "CONFIRMED")


def test_every_line_is_folded_within_75_octets_and_ends_in_crlf(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    title = "消防演练：营业部全员疏散，金库、自助区与监控室分别演练" * 3
    made = svc.add(lead, one_off(title, start=soon(days=1), rule="weekly", notes="带上金库钥匙；" * 20))
    svc.set_active(lead, made.id, False)
    svc.add(lead, one_off(title, start=soon(days=2)))
    data = svc.export_ics(lead, START, END)
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    events = _events(data)
    assert {str(e["summary"]) for e in events.values()} == {title}  # unfolded whole
    assert sorted(str(e["status"]) for e in events.values()) == ["CANCELLED"] * 4 + ["CONFIRMED"]
