"""iCalendar (.ics) export of occurrences: one VEVENT each, with a stable UID and a reminder alarm.

A deadline that is a whole day (a hazard's fix-by date, a complaint's reply-by date: kept as the
day's last second, 23:59:59) is an all-day event on that day, as a calendar program shows a due
date; it was a one-hour meeting from 23:59:59 to 00:59:59 the next day, on two days in Outlook.

Each event carries its revision (core/schedules/revisions.py): SEQUENCE, LAST-MODIFIED, and DTSTAMP
the same instant, which is what DTSTAMP means in a file without METHOD (RFC 5545 §3.8.7.2), so a
file exported again with nothing changed is the same to the byte. A calendar program that imports
it again takes an event whose SEQUENCE grew over the copy it holds: a moved occurrence moves there,
a skipped one and one that went (`Withdrawn`) are STATUS:CANCELLED and come off. Lines are folded
at 75 octets and end in CRLF (icalendar's `to_ical`)."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from branchguard import __version__
from branchguard.core.kernel.i18n import t
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus, Revision, Withdrawn

# Outlook needs an end; an hour blocks the slot without claiming the whole day.
EVENT_LENGTH = timedelta(hours=1)
LAST_SECOND = time(23, 59, 59)  # a deadline that is a whole day is kept as its last second
DAY_ALARM_AT = timedelta(hours=9)  # an all-day deadline's reminder: at 09:00, its lead's days before


def installation(code: str, created_at: datetime) -> str:
    """What tells this database's events from another's in their UIDs: the branch's code and the
    instant its record was made, hashed (16 hex digits; the same after a backup is restored)."""
    return hashlib.sha256(f"{code}|{created_at.isoformat()}".encode()).hexdigest()[:16]


def whole_day(occ: OccurrenceInfo | Withdrawn) -> date | None:
    """The day an occurrence is due by, when it is due by the end of a day in its schedule's zone
    (None: it is due at a time of day: a drill at 10:00, a hazard's interim control in hours)."""
    local = occ.due_at.astimezone(ZoneInfo(occ.timezone) if occ.timezone else None)
    return local.date() if local.time() == LAST_SECOND else None


def to_ics(
    items: Iterable[OccurrenceInfo],
    lead_minutes: Mapping[int, int],
    now: datetime,
    notes: Mapping[int, str] | None = None,
    installation: str = "",
    revisions: Mapping[tuple[int, datetime], Revision] | None = None,
    withdrawn: Iterable[Withdrawn] = (),
) -> bytes:
    """Times are written in UTC ("Z"): every calendar program shows them in its own local time.
    `notes` are the schedules' notes by schedule id ("bring the key to the cash vault"): they go
    into each event's description, after owner, kind and status, with the occurrence's own note
    (why it was skipped, what was done); text is escaped as the summary is (icalendar's vText).
    `installation` goes into every UID (OccurrenceInfo.calendar_uid). `revisions` are the items'
    by (schedule id, rule instant); an item without one is at SEQUENCE 0, changed `now`.
    `withdrawn` are written after the items, cancelled."""
    cal = Calendar()
    cal.add("prodid", f"-//BranchGuard//Schedules {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ics.calendar_name"))
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for occ in items:
        revision = (revisions or {}).get((occ.schedule_id, occ.rule_at)) or Revision(0, stamp)
        event = _event(occ, occ.calendar_uid(installation), revision)
        day = whole_day(occ)
        lines = [t("ics.kind", kind=occ.kind.label), t("ics.status", status=occ.status.label)]
        if occ.owner:
            lines.insert(0, t("ics.owner", owner=occ.owner))
        lines += _notes((notes or {}).get(occ.schedule_id, ""), occ.note)
        event.add("description", "\n".join(lines))
        event.add("status", "CANCELLED" if occ.status is OccurrenceStatus.SKIPPED else "CONFIRMED")
        lead = lead_minutes.get(occ.schedule_id, 0)
        if lead and occ.status is OccurrenceStatus.OPEN:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", occ.title)
            alarm.add("trigger", _trigger(lead, day is not None))
            event.add_component(alarm)
        cal.add_component(event)
    for gone in withdrawn:
        event = _event(gone, gone.calendar_uid(installation), gone.revision)
        event.add("description", "\n".join([t("ics.kind", kind=gone.kind.label), t("ics.withdrawn")]))
        event.add("status", "CANCELLED")
        cal.add_component(event)
    return bytes(cal.to_ical())


def _event(occ: OccurrenceInfo | Withdrawn, uid: str, revision: Revision) -> Event:
    """An event's UID, revision, times, summary and category."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", revision.modified_at)
    event.add("last-modified", revision.modified_at)
    event.add("sequence", revision.sequence)
    day = whole_day(occ)
    if day is not None:
        event.add("dtstart", day)  # VALUE=DATE; the end is the next day's start (RFC 5545)
        event.add("dtend", day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a due date does not make the day busy
    else:
        event.add("dtstart", occ.due_at.astimezone(UTC))
        event.add("dtend", occ.due_at.astimezone(UTC) + EVENT_LENGTH)
    event.add("summary", occ.title)
    event.add("categories", [occ.kind.label])
    return event


def _trigger(lead_minutes: int, all_day: bool) -> timedelta:
    """When the reminder rings, before the event's start: an all-day deadline starts at midnight,
    so its reminder rings at 09:00 on the day its lead reaches back to (a day: the day before)."""
    if not all_day:
        return timedelta(minutes=-lead_minutes)
    return DAY_ALARM_AT - timedelta(days=math.ceil(lead_minutes / (24 * 60)))


def _notes(schedule_notes: str, occurrence_note: str) -> list[str]:
    """The schedule's notes and the occurrence's note as description lines (none when empty)."""
    lines = []
    if schedule_notes.strip():
        lines.append(t("ics.notes", notes=schedule_notes.strip()))
    if occurrence_note.strip():
        lines.append(t("ics.note", note=occurrence_note.strip()))
    return lines
