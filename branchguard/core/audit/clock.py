"""Is the PC's clock behind the newest record? Said at each login, in the window and on the command
line, before anything is written.

A record made while the clock ran ahead (a year ahead, then corrected), or any record made before
the clock was set back, is newer than "now": what is written from then on reads as if it came
first, in the audit trail, an incident's log and every report. Nothing is re-timed (that would
falsify evidence); the person about to write is told, and can have the clock fixed first.

The newest record is the newest audit event: every change through a service writes one, and its
time column is indexed, so the check is one MAX over an index on both engines, whatever the age of
the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from branchguard.core.kernel import clock_check
from branchguard.core.kernel.i18n import Message
from branchguard.db.models.foundation import AuditEventRow

_SHOWN = "%Y-%m-%d %H:%M"


@dataclass(frozen=True)
class ClockBehind:
    """The PC's clock is earlier than the newest record: `now` as the clock gave it, `newest` the
    record's time (both UTC)."""

    now: datetime
    newest: datetime

    @property
    def message(self) -> Message:
        return Message(
            "audit.clock_behind",
            newest=self.newest.astimezone().strftime(_SHOWN),
            now=self.now.astimezone().strftime(_SHOWN),
        )


def newest_record(session: Session) -> datetime | None:
    """The time of the newest audit event, or None when the trail is empty."""
    return session.scalar(select(func.max(AuditEventRow.at)))


def clock_behind(session: Session, now: datetime | None = None) -> ClockBehind | None:
    """Whether `now` (the clock's, by default) is earlier than the newest record by more than
    kernel/clock_check.SLACK; None when it is not."""
    now = now or datetime.now(UTC)
    newest = newest_record(session)
    if newest is None or not clock_check.behind(newest, now):
        return None
    return ClockBehind(now, newest)
