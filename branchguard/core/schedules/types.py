"""Domain types of schedules: kinds, policies, statuses, and the plain records the services return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import LabelledEnum


class ScheduleKind(LabelledEnum):
    """What a schedule is for; drills and inspections attach their own record through `subject_id`."""

    DRILL = "drill"
    INSPECTION = "inspection"
    HAZARD = "hazard"
    ACTION = "action"  # a drill's corrective action: its due date, the owner reminded
    COMPLAINT = "complaint"  # a complaint's statutory due date, the handler reminded
    TRAINING = "training"  # a certificate's expiry: one reminder ahead of it
    CUSTOM = "custom"

    @classmethod
    def _prefix(cls) -> str:
        return "schedule_kind"


class WorkingDayPolicy(LabelledEnum):
    """What happens to an occurrence that falls on a public holiday or a weekend that is not a
    make-up workday."""

    NONE = "none"  # keep the date
    NEXT = "next"  # move to the next working day, same wall-clock time
    PREVIOUS = "previous"  # move to the previous working day
    SKIP = "skip"  # drop it (a daily patrol simply does not happen on a day off)
    # keep only the last working day before days off that hold a public holiday (节前检查); every
    # other occurrence is dropped. The "before_holidays" preset is a daily rule with this policy.
    BEFORE_HOLIDAY = "before_holiday"

    @classmethod
    def _prefix(cls) -> str:
        return "working_days"


class OccurrenceStatus(LabelledEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def _prefix(cls) -> str:
        return "occurrence_status"


class ReminderKind(LabelledEnum):
    AHEAD = "ahead"  # the lead time before due
    OVERDUE = "overdue"  # at the due time, when it is still open

    @classmethod
    def _prefix(cls) -> str:
        return "reminder_kind"


class DueWindow(LabelledEnum):
    """When open items fall due, seen from now: already (overdue), later today, or from now up to
    the end of the sixth day after today (the next seven days, today included)."""

    OVERDUE = "overdue"
    TODAY = "today"
    NEXT_7_DAYS = "next_7_days"

    @classmethod
    def _prefix(cls) -> str:
        return "due_window"


@dataclass(frozen=True)
class DueFilter:
    """Open items in a window of due times, of the given kinds (empty: every kind); the items a
    rule still promises count with the written ones, as the calendar shows them."""

    window: DueWindow
    kinds: tuple[ScheduleKind, ...] = ()


@dataclass(frozen=True)
class ScheduleInput:
    """What a form or the CLI submits. `rule` is a preset name (daily, weekly, monthly, quarterly,
    semiannual, yearly), an RFC 5545 RRULE, or empty for a one-off; `until` or `count` end it.
    A naive `start` is wall-clock time in `timezone` (empty: this PC's zone)."""

    title: str
    start: datetime
    kind: ScheduleKind = ScheduleKind.CUSTOM
    owner: str = ""
    rule: str = ""
    lead_minutes: int = 24 * 60
    working_days: WorkingDayPolicy = WorkingDayPolicy.NONE
    timezone: str = ""
    subject_id: int | None = None
    notes: str = ""
    until: date | None = None  # last day (inclusive), added to the rule as UNTIL
    count: int | None = None  # number of occurrences, added to the rule as COUNT


@dataclass(frozen=True)
class ScheduleInfo:
    id: int
    kind: ScheduleKind
    subject_id: int | None
    title: str
    owner: str
    rule: str  # normalised RRULE body, "" for a one-off
    start_at: datetime  # UTC
    timezone: str
    lead_minutes: int
    working_days: WorkingDayPolicy
    active: bool
    notes: str
    created_by: str
    created_at: datetime
    updated_at: datetime
    next_due: datetime | None  # the first occurrence after "now" (UTC), materialised or not
    open_count: int
    overdue_count: int


@dataclass(frozen=True)
class OccurrenceInfo:
    """One occurrence; `id` is None for one computed from the rule but not yet materialised."""

    id: int | None
    schedule_id: int
    kind: ScheduleKind
    title: str
    owner: str
    timezone: str  # the schedule's wall clock, to show the times in
    rule_at: datetime  # the rule's instant (UTC): the identity of the occurrence
    due_at: datetime  # after the working-day policy, or a reschedule (UTC)
    status: OccurrenceStatus
    overdue: bool
    done_at: datetime | None = None
    done_by: str | None = None
    note: str = ""
    subject_id: int | None = None  # the drill, hazard, … the schedule belongs to
    recurring: bool = False

    @property
    def uid(self) -> str:
        """Stable across exports and restarts: the schedule and the rule's instant."""
        return self.calendar_uid()

    def calendar_uid(self, installation: str = "") -> str:
        """`uid` with the database it comes from (`installation`): an .ics file's UIDs must be
        unique worldwide (RFC 5545), and schedule ids start at 1 in every database, so two
        branches' calendars merged in one program replaced each other's events."""
        return calendar_uid(self.schedule_id, self.rule_at, installation)


def calendar_uid(schedule_id: int, rule_at: datetime, installation: str = "") -> str:
    """The UID of the occurrence of a schedule at the rule's instant `rule_at` (UTC), written or
    promised, and of its cancellation once it went (core/schedules/revisions.py)."""
    host = f"{installation}.branchguard" if installation else "branchguard"
    return f"{schedule_id}-{rule_at.strftime('%Y%m%dT%H%M%SZ')}@{host}"


@dataclass(frozen=True)
class ReminderInfo:
    id: int
    occurrence_id: int
    schedule_id: int
    title: str
    owner: str
    kind: ReminderKind
    due_at: datetime
    fire_at: datetime
    snooze_until: datetime | None
    notified_at: datetime | None
    dismissed_at: datetime | None
    # the schedule's kind and the record it belongs to (the item done by hand or by its record)
    schedule_kind: ScheduleKind = ScheduleKind.CUSTOM
    subject_id: int | None = None
    # why the item may not be marked done, or skipped, by hand (in the window's words), None where
    # it may: links.hand_refusal, the rule `complete` applies, so the bell offers only what it takes
    done_refusal: Message | None = None
    skip_refusal: Message | None = None
    # the same schedule's earlier missed reminders, folded behind this one (its latest) into one
    # row of the bell (rules.fold_missed), latest first; () for a reminder that is a row alone
    earlier: tuple[ReminderInfo, ...] = ()

    @property
    def folded(self) -> tuple[ReminderInfo, ...]:
        """This reminder and those folded behind it: what acting on its row acts on."""
        return (self, *self.earlier)


@dataclass(frozen=True)
class CatchUpResult:
    """What one catch-up materialised: occurrences (overdue ones flagged) and reminder rows."""

    occurrences: tuple[OccurrenceInfo, ...]
    reminders_created: int

    @property
    def overdue(self) -> tuple[OccurrenceInfo, ...]:
        return tuple(o for o in self.occurrences if o.overdue)


@dataclass(frozen=True)
class Revision:
    """An exported event's revision: its SEQUENCE, which a calendar program compares to take a new
    copy over the one it holds (RFC 5545 §3.8.7.4), and when it last changed (UTC, whole seconds:
    LAST-MODIFIED, and DTSTAMP, which in a file without METHOD means the same, §3.8.7.2)."""

    sequence: int
    modified_at: datetime


@dataclass(frozen=True)
class Withdrawn:
    """An occurrence an earlier export may have held that the schedules no longer have: its date
    moved (a drill's new date is another occurrence), its rule changed, its schedule paused, ended
    or removed. Exported cancelled, under its old UID, so a calendar that imports the file takes it
    off (core/schedules/revisions.py)."""

    schedule_id: int
    kind: ScheduleKind
    title: str
    timezone: str
    rule_at: datetime
    due_at: datetime  # where the earlier export put it
    revision: Revision

    def calendar_uid(self, installation: str = "") -> str:
        return calendar_uid(self.schedule_id, self.rule_at, installation)
