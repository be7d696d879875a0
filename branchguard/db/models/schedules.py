"""ORM models of schedules, their materialised occurrences and reminders: the scheduler's record.

APScheduler only holds jobs derived from these rows. An occurrence is unique per (schedule,
rule instant) and a reminder per (occurrence, kind), so a catch-up that runs again, after any
number of restarts or from two processes at once, can never add a duplicate.

Schedules and occurrences are evidence (the ledger keeps them: core/ledger/rules.py), so every write
to them is ledgered, a Core one through core/ledger/recording.py; reminders are bookkeeping.
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow


class ScheduleRow(Base):
    """A one-off or recurring (RFC 5545 RRULE) date, in wall-clock time of `timezone`."""

    __tablename__ = "schedules"
    # A drill, hazard, action or complaint finds its own schedules (migration 0013).
    __table_args__ = (Index("ix_schedules_kind_subject_id", "kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    # The drill plan, inspection or hazard of that kind this schedule belongs to, when attached.
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(100), default="")
    rrule: Mapped[str] = mapped_column(String(300), default="")
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    lead_minutes: Mapped[int] = mapped_column(Integer, default=1440)
    working_days: Mapped[str] = mapped_column(String(16), default="none")
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Rule instants before this are not owed: set at creation and whenever the rule changes.
    catch_up_from: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OccurrenceRow(Base):
    """One occurrence, written when its reminder window opens (or, on catch-up, when found due)."""

    __tablename__ = "schedule_occurrences"
    # rule_at alone: the calendar's range over rule instants (migration 0013); status and due_at:
    # what is still owed, earliest first (migration 0022).
    __table_args__ = (
        UniqueConstraint("schedule_id", "rule_at"),
        Index("ix_schedule_occurrences_rule_at", "rule_at"),
        Index("ix_schedule_occurrences_status_due_at", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("schedules.id", ondelete="CASCADE"), index=True)
    # The rule's instant: the occurrence's identity, unchanged when it is shifted or rescheduled.
    rule_at: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ReminderRow(Base):
    """A reminder of an occurrence: ahead of due by the lead time, or when it is overdue."""

    __tablename__ = "schedule_reminders"
    __table_args__ = (UniqueConstraint("occurrence_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(
        ForeignKey("schedule_occurrences.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    fire_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    snooze_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Set when announced (tray message); cleared by a snooze so it is announced again after it.
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    dismissed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
