"""iCalendar (.ics) export of occurrences: one VEVENT each, with a stable UID and a reminder alarm."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from branchguard import __version__
from branchguard.core.kernel.i18n import t
from branchguard.core.schedules.types import OccurrenceInfo, OccurrenceStatus

# Outlook needs an end; an hour blocks the slot without claiming the whole day.
EVENT_LENGTH = timedelta(hours=1)


def to_ics(
    items: Iterable[OccurrenceInfo],
    lead_minutes: Mapping[int, int],
    now: datetime,
    notes: Mapping[int, str] | None = None,
) -> bytes:
    """Times are written in UTC ("Z"): every calendar program shows them in its own local time.
    `notes` are the schedules' notes by schedule id ("bring the key to the cash vault"): they go
    into each event's description, after owner, kind and status, with the occurrence's own note
    (why it was skipped, what was done); text is escaped as the summary is (icalendar's vText)."""
    cal = Calendar()
    cal.add("prodid", f"-//BranchGuard//Schedules {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ics.calendar_name"))
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for occ in items:
        event = Event()
        event.add("uid", occ.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", occ.due_at.astimezone(UTC))
        event.add("dtend", occ.due_at.astimezone(UTC) + EVENT_LENGTH)
        event.add("summary", occ.title)
        event.add("categories", [occ.kind.label])
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
            alarm.add("trigger", timedelta(minutes=-lead))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def _notes(schedule_notes: str, occurrence_note: str) -> list[str]:
    """The schedule's notes and the occurrence's note as description lines (none when empty)."""
    lines = []
    if schedule_notes.strip():
        lines.append(t("ics.notes", notes=schedule_notes.strip()))
    if occurrence_note.strip():
        lines.append(t("ics.note", note=occurrence_note.strip()))
    return lines
