"""An exported deadline that is a whole day (a hazard's fix-by date, a complaint's reply-by date,
kept as the day's last second) is an all-day event on that day, its reminder at 09:00 the day its
lead reaches back to; before, it was a one-hour meeting from 23:59:59 to 00:59:59 the next day, on
two days in Outlook, ringing at 23:59. A UID names the database it comes from: schedule ids start
at 1 everywhere, and two branches' files merged in one calendar replaced each other's events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from branchguard.core.schedules.ics import installation, to_ics
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus, ScheduleKind

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2031, 3, 1, tzinfo=UTC)


def _occurrence(due_local: datetime, kind: ScheduleKind = ScheduleKind.HAZARD) -> OccurrenceInfo:
    due = due_local.replace(tzinfo=SHANGHAI).astimezone(UTC)
    return OccurrenceInfo(
        id=1,
        schedule_id=1,
        kind=kind,
        title="隐患 YH-2031-0003：自助区灯箱松动",
        owner="李晓梅",
        timezone="Asia/Shanghai",
        rule_at=due,
        due_at=due,
        status=OccurrenceStatus.OPEN,
        overdue=False,
    )


def test_a_deadline_at_the_end_of_a_day_is_an_all_day_event_on_that_day() -> None:
    data = to_ics([_occurrence(datetime(2031, 3, 5, 23, 59, 59))], {1: 24 * 60}, NOW)
    assert b"DTSTART;VALUE=DATE:20310305" in data and b"DTEND;VALUE=DATE:20310306" in data
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert event.decoded("dtstart") == date(2031, 3, 5)
    assert str(event["transp"]) == "TRANSPARENT"  # a due date does not make the day busy
    # a day ahead: 09:00 the day before, not midnight two days ahead nor 23:59 the night before
    assert event.walk("VALARM")[0].decoded("trigger") == -timedelta(hours=15)


def test_a_deadline_at_a_time_of_day_stays_an_hour_at_that_time() -> None:
    """A hazard's interim control is due in hours (opened 14:20 + 24 h), a drill at 09:30."""
    for kind in (ScheduleKind.HAZARD, ScheduleKind.DRILL):
        data = to_ics([_occurrence(datetime(2031, 3, 5, 14, 20), kind)], {1: 60}, NOW)
        (event,) = Calendar.from_ical(data).walk("VEVENT")
        assert event.decoded("dtstart") == datetime(2031, 3, 5, 6, 20, tzinfo=UTC)
        assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(hours=1)
        assert event.walk("VALARM")[0].decoded("trigger") == -timedelta(hours=1)


def test_two_databases_give_the_same_occurrence_different_uids_each_stable() -> None:
    occurrence = _occurrence(datetime(2031, 3, 5, 8, 30), ScheduleKind.INSPECTION)
    made = datetime(2026, 1, 5, 2, 0, 0, 123456, tzinfo=UTC)
    east, west = installation("DEMO-0101", made), installation("DEMO-0202", made)
    again = installation("DEMO-0101", made)
    later = installation("DEMO-0101", made + timedelta(microseconds=1))  # a second database, same code
    assert len({east, west, later}) == 3 and east == again

    def uid(host: str) -> str:
        (event,) = Calendar.from_ical(to_ics([occurrence], {}, NOW, installation=host)).walk("VEVENT")
        return str(event["uid"])

    assert uid(east) == f"1-20310305T003000Z@{east}.branchguard" == uid(again)
    assert uid(east) != uid(west)
