"""Schedule service on SQLite and PostgreSQL: permissions, audit, catch-up, reminders, calendar, .ics."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import Table, func, select

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import store as schedules_store
from branchguard.core.schedules.types import (
    OccurrenceStatus,
    ReminderKind,
    ScheduleInput,
    ScheduleKind,
    WorkingDayPolicy,
)
from branchguard.db.models.schedules import OccurrenceRow, ReminderRow

SHANGHAI = "Asia/Shanghai"


def soon(**delta: float) -> datetime:
    return (datetime.now(UTC) + timedelta(**delta)).replace(microsecond=0)


def one_off(title: str = "Check the fire extinguishers", **kw: Any) -> ScheduleInput:
    values: dict[str, Any] = {
        "start": soon(hours=2),
        "lead_minutes": 60,
        "owner": "王安全",
        "timezone": SHANGHAI,
    }
    return ScheduleInput(title=title, **(values | kw))


def count(ctx: Any, model: type) -> int:
    with ctx.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_lead_manages_everyone_reads(ctx: Any, lead: Actor, staff: Actor, auditor: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(kind=ScheduleKind.INSPECTION))
    assert made.kind is ScheduleKind.INSPECTION and made.owner == "王安全" and made.active
    for who in (staff, auditor):
        with pytest.raises(PermissionDenied):
            svc.add(who, one_off())
        with pytest.raises(PermissionDenied):
            svc.set_active(who, made.id, False)
        with pytest.raises(PermissionDenied):
            svc.update(who, made.id, one_off("Renamed"))
        with pytest.raises(PermissionDenied):
            svc.remove(who, made.id)
        assert [(s.id, s.title) for s in svc.list(who)] == [(made.id, made.title)]
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule."))
    assert [e.action for e in events] == ["schedule.add"]
    assert events[0].actor == "lead" and "王安全" in events[0].summary


def test_start_is_stored_in_utc_and_a_naive_start_is_wall_clock_in_the_zone(ctx: Any, lead: Actor) -> None:
    made = ctx.services.schedules.add(lead, one_off(start=datetime(2027, 3, 1, 9, 0), rule="monthly"))
    assert made.start_at == datetime(2027, 3, 1, 1, 0, tzinfo=UTC)
    assert made.start_at.astimezone(ZoneInfo(SHANGHAI)).hour == 9
    assert made.next_due == made.start_at


def test_invalid_input_names_the_field(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    with pytest.raises(ValidationError):
        svc.add(lead, one_off(title="  "))
    with pytest.raises(ValidationError):
        svc.add(lead, one_off(lead_minutes=-5))
    with pytest.raises(ValidationError):
        svc.add(lead, one_off(rule="FREQ=SECONDLY"))
    with pytest.raises(ValidationError):
        svc.add(lead, one_off(working_days=WorkingDayPolicy.SKIP))  # a one-off cannot be skipped
    with pytest.raises(ValidationError) as caught:  # every Saturday skipped: nothing would be left
        svc.add(lead, one_off(rule="FREQ=WEEKLY;BYDAY=SA", working_days=WorkingDayPolicy.SKIP))
    assert caught.value.field == "field.working_days"
    assert svc.list(lead) == []


def test_catch_up_writes_an_occurrence_once_when_its_reminder_window_opens(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off())  # due in 2 h, reminded 1 h ahead
    assert svc.catch_up(lead, soon(minutes=30)).occurrences == ()  # window not open yet
    first = svc.catch_up(lead, soon(hours=1, minutes=10))
    assert [o.schedule_id for o in first.occurrences] == [made.id]
    assert not first.occurrences[0].overdue
    assert first.reminders_created == 2  # ahead (now) and overdue (at due)
    for _ in range(3):
        assert svc.catch_up(lead, soon(hours=5)).occurrences == ()
    assert count(ctx, OccurrenceRow) == 1 and count(ctx, ReminderRow) == 2
    [item] = svc.open_items(lead, soon(hours=5))
    assert item.overdue and item.title == "Check the fire extinguishers"


def test_an_occurrence_found_already_overdue_gets_only_the_overdue_reminder(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off())
    result = svc.catch_up(lead, soon(days=1))
    assert len(result.overdue) == 1 and result.reminders_created == 1
    [reminder] = svc.reminders(lead, soon(days=1))
    assert reminder.kind is ReminderKind.OVERDUE


def test_inserting_an_existing_occurrence_again_is_ignored(ctx: Any, lead: Actor) -> None:
    """What two processes catching up at once would do: the unique key keeps one row."""
    svc = ctx.services.schedules
    made = svc.add(lead, one_off())
    [occ] = svc.catch_up(lead, soon(days=1)).occurrences
    table = OccurrenceRow.__table__
    assert isinstance(table, Table)
    row = {"schedule_id": made.id, "rule_at": occ.rule_at, "due_at": occ.due_at, "status": "open", "note": ""}
    with ctx.sessions.begin() as s:
        row["created_at"] = soon()
        assert schedules_store._insert_ignoring_duplicates(s, table, [row], ["schedule_id", "rule_at"]) == []
    assert count(ctx, OccurrenceRow) == 1


def test_reminders_fire_ahead_then_overdue_and_can_be_snoozed_and_dismissed(
    ctx: Any, lead: Actor, staff: Actor, auditor: Actor
) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off())
    t_ahead = soon(hours=1, minutes=5)
    svc.catch_up(lead, t_ahead)
    [ahead] = svc.announce(lead, t_ahead)
    assert ahead.kind is ReminderKind.AHEAD
    assert svc.announce(lead, t_ahead + timedelta(minutes=1)) == []  # announced once
    assert [r.id for r in svc.reminders(lead, t_ahead)] == [ahead.id]  # still showing

    for someone_else in (auditor, staff):  # the reminder is 王安全's: staff act on their own only
        with pytest.raises(PermissionDenied):
            svc.snooze(someone_else, ahead.id, t_ahead + timedelta(minutes=10), now=t_ahead)
    with pytest.raises(ValidationError):
        svc.snooze(lead, ahead.id, t_ahead - timedelta(minutes=1), now=t_ahead)
    svc.snooze(lead, ahead.id, t_ahead + timedelta(minutes=10), now=t_ahead)
    assert svc.reminders(lead, t_ahead + timedelta(minutes=5)) == []
    [again] = svc.announce(lead, t_ahead + timedelta(minutes=11))
    assert again.id == ahead.id  # announced again after the snooze

    t_over = soon(hours=2, minutes=1)
    [over] = svc.announce(lead, t_over)
    assert over.kind is ReminderKind.OVERDUE  # the overdue one replaces the ahead one
    assert [r.kind for r in svc.reminders(lead, t_over)] == [ReminderKind.OVERDUE]
    svc.dismiss(lead, over.id, now=t_over)
    assert [r.kind for r in svc.reminders(lead, t_over)] == [ReminderKind.AHEAD]
    actions = [e.action for e in ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule."))]
    assert actions.count("schedule.snooze") == 1 and actions.count("schedule.dismiss") == 1


def test_completing_an_occurrence_stops_its_reminders(
    ctx: Any, lead: Actor, staff: Actor, auditor: Actor
) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off())
    later = soon(days=1)
    [occ] = svc.catch_up(lead, later).occurrences
    assert occ.id is not None
    with pytest.raises(PermissionDenied):
        svc.complete(auditor, occ.id)
    done = svc.complete(staff, occ.id, now=later)
    assert done.status is OccurrenceStatus.DONE and done.done_by == "staff" and not done.overdue
    assert svc.reminders(lead, later) == [] and svc.open_items(lead, later) == []
    with pytest.raises(ValidationError):
        svc.complete(staff, occ.id)
    with pytest.raises(NotFound):
        svc.complete(staff, 9999)


def test_an_occurrence_marked_done_from_two_pcs_at_once_is_marked_once(
    ctx: Any, lead: Actor, staff: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both were told it was saved, the audit trail said done twice, and one note was lost."""
    from tests.interleave_support import race

    svc = ctx.services.schedules
    svc.add(lead, one_off())
    later = soon(days=1)
    [occ] = svc.catch_up(lead, later).occurrences
    assert occ.id is not None
    occurrence_id = occ.id
    race(
        monkeypatch,
        svc,
        lambda s: s.get(OccurrenceRow, occurrence_id),  # what PC A read before PC B's mark
        lambda: svc.complete(staff, occurrence_id, note="gauge green", now=later),
    )
    with pytest.raises(ValidationError):
        svc.complete(lead, occurrence_id, note="replaced one", now=later)
    done = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.done"))
    assert [e.entity_id for e in done].count(str(occurrence_id)) == 1
    shown = svc.calendar(lead, later - timedelta(days=3), later + timedelta(days=1))
    [kept] = [o for o in shown if o.id == occurrence_id]
    assert (kept.done_by, kept.note) == ("staff", "gauge green")


def test_skipping_needs_a_reason(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off())
    [occ] = svc.catch_up(lead, soon(days=1)).occurrences
    assert occ.id is not None
    with pytest.raises(ValidationError):
        svc.complete(lead, occ.id, skipped=True)
    skipped = svc.complete(lead, occ.id, skipped=True, note="网点装修停业")
    assert skipped.status is OccurrenceStatus.SKIPPED and skipped.note == "网点装修停业"


def test_a_paused_schedule_writes_nothing_and_owes_nothing_for_the_pause(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(minutes=-30), rule="daily", lead_minutes=0))
    svc.set_active(lead, made.id, False)
    assert svc.catch_up(lead, soon(days=3)).occurrences == ()
    assert svc.get(lead, made.id).next_due is None
    resumed = svc.set_active(lead, made.id, True)
    assert resumed.active
    # resumed now: the days while paused are not owed, the next one is
    [owed] = svc.catch_up(lead, soon(days=1, minutes=1)).occurrences
    assert soon(hours=23) < owed.due_at < soon(days=1)


def test_changing_the_rule_drops_upcoming_items_and_keeps_overdue_ones(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off(start=soon(hours=-3), rule="daily", lead_minutes=24 * 60))
    # written as the rows stand: none is overdue (start was before creation), tomorrow's is upcoming
    upcoming = svc.catch_up(lead, soon()).occurrences
    assert [o.overdue for o in upcoming] == [False]
    changed = svc.update(lead, made.id, one_off(start=soon(hours=-3), rule="weekly", lead_minutes=60))
    assert changed.rule == "FREQ=WEEKLY" and svc.open_items(lead) == []
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.update"))
    assert "FREQ=DAILY → FREQ=WEEKLY" in events[0].summary


def test_a_schedule_with_history_is_paused_not_deleted(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    keep = svc.add(lead, one_off("Keep"))
    drop = svc.add(lead, one_off("Drop", start=soon(days=30)))
    [occ] = svc.catch_up(lead, soon(days=1)).occurrences
    assert occ.id is not None
    svc.complete(lead, occ.id)
    with pytest.raises(ValidationError):
        svc.remove(lead, keep.id)
    svc.remove(lead, drop.id)
    assert [s.title for s in svc.list(lead)] == ["Keep"]


def test_calendar_shows_written_and_promised_occurrences_once(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    svc.add(lead, one_off("Weekly patrol", start=soon(hours=1), rule="weekly", lead_minutes=120))
    svc.catch_up(lead, soon(hours=2))  # the first one is written now
    items = svc.calendar(lead, soon(), soon(days=22))
    assert len(items) == 4 and len({o.uid for o in items}) == 4
    assert items[0].id is not None and all(o.id is None for o in items[1:])
    gaps = [round((b.due_at - a.due_at).total_seconds() / 86400) for a, b in itertools.pairwise(items)]
    assert gaps == [7, 7, 7]
    with pytest.raises(ValidationError):
        svc.calendar(lead, soon(days=2), soon(days=1))


def test_ics_export_parses_back_with_the_right_times_and_stable_uids(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    svc.add(
        lead,
        one_off(
            "消防演练",
            kind=ScheduleKind.DRILL,
            start=datetime(2027, 3, 1, 9, 30),
            rule="monthly",
            lead_minutes=1440,
            notes="带上金库钥匙",
        ),
    )
    start, end = datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)
    data = svc.export_ics(lead, start, end)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 3
    times = [e.decoded("dtstart") for e in events]
    assert times == [datetime(2027, m, 1, 1, 30, tzinfo=UTC) for m in (3, 4, 5)]  # 09:30 in Shanghai
    assert [t.astimezone(ZoneInfo(SHANGHAI)).strftime("%H:%M") for t in times] == ["09:30"] * 3
    assert {str(e["summary"]) for e in events} == {"消防演练"}
    assert all("带上金库钥匙" in str(e["description"]) for e in events)  # the schedule's notes travel
    assert events[0].walk("VALARM")[0].decoded("trigger") == timedelta(days=-1)
    again = Calendar.from_ical(svc.export_ics(lead, start, end)).walk("VEVENT")
    assert [str(e["uid"]) for e in again] == [str(e["uid"]) for e in events]
    # the UIDs name this database (tests/core/schedules/test_ics_days.py)
    assert re.fullmatch(r"\d+-\d{8}T\d{6}Z@[0-9a-f]{16}\.branchguard", str(events[0]["uid"]))


def test_a_calendar_longer_than_five_years_is_refused_with_the_field(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError) as err:
        svc.export_ics(lead, start, start + timedelta(days=3 * 3660))
    assert err.value.is_about("field.date_range") and err.value.reason_message.key == "validation.span"
    with pytest.raises(ValidationError) as err:
        svc.calendar(lead, datetime(1, 1, 2, tzinfo=UTC), datetime(1, 2, 1, tzinfo=UTC))
    assert err.value.is_about("field.date_range")


@pytest.mark.parametrize("skipped", [False, True])
def test_a_one_off_schedule_ends_with_its_only_occurrence(ctx: Any, lead: Actor, skipped: bool) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off())
    daily = svc.add(lead, one_off("Daily patrol", rule="daily"))
    later = soon(days=1)
    occurrences = svc.catch_up(lead, later).occurrences
    [occ] = [o for o in occurrences if o.schedule_id == made.id]
    [patrol] = [o for o in occurrences if o.schedule_id == daily.id]
    assert occ.id is not None and patrol.id is not None
    assert svc.get(lead, made.id).active
    svc.complete(lead, occ.id, skipped=skipped, note="停业" if skipped else "")
    ended = svc.get(lead, made.id, later)
    assert not ended.active and ended.next_due is None
    assert made.id not in {s.id for s in svc.list(lead, later, include_inactive=False)}
    events = ctx.services.audit.list(lead, AuditFilter(action_prefix="schedule.active"))
    assert [(e.entity_id, e.after) for e in events] == [(str(made.id), {"active": False})]
    # a recurring schedule runs on after an occurrence is done
    svc.complete(lead, patrol.id, now=later)
    assert svc.get(lead, daily.id, later).active


def test_completing_the_next_item_of_a_one_off_ends_it(ctx: Any, lead: Actor) -> None:
    svc = ctx.services.schedules
    made = svc.add(lead, one_off())
    assert svc.complete_next(lead, made.id) is not None  # a drill run before its reminder window opened
    assert not svc.get(lead, made.id).active
    assert svc.complete_next(lead, made.id) is None


def test_open_items_of_given_kinds_are_chosen_in_sql(ctx: Any, lead: Actor, monkeypatch: Any) -> None:
    """The Inspections page asks for its kind only: the other open items are not read and built
    (at ten years 9 of 222 open items were the page's)."""
    svc = ctx.services.schedules
    general = svc.add(lead, one_off())
    drill = svc.add(lead, one_off("Fire drill", kind=ScheduleKind.DRILL))
    svc.catch_up(lead, soon(hours=1, minutes=10))
    built: list[int] = []
    real = schedules_store.occurrence_info

    def counted(occ: Any, sched: Any, *rest: Any) -> Any:
        built.append(sched.id)
        return real(occ, sched, *rest)

    monkeypatch.setattr(schedules_store, "occurrence_info", counted)
    drills = svc.open_items(lead, soon(hours=5), kinds=(ScheduleKind.DRILL,))
    assert [o.schedule_id for o in drills] == [drill.id]
    assert built == [drill.id]
    assert {o.schedule_id for o in svc.open_items(lead, soon(hours=5))} == {general.id, drill.id}
