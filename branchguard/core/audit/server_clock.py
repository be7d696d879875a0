"""Is this PC's clock off from the database server's? Asked once when a PostgreSQL database is
opened (context.open_context), by the window and every command alike.

Every time BranchGuard records comes from the clock of the PC that writes it (db/base.utcnow), and
stays so: one clock for an incident's start, its log, its steps and every screen's comparisons.
On a shared database a back-office PC 7 minutes behind writes log entries that read as earlier
than what another PC wrote before them. Nothing is re-timed; it is said instead: the window shows a
banner, a command a warning line, and the audit trail records it once per start, with the user and
the PC, so that an investigator reading the log later knows.

The server's clock is read halfway through one round trip (`SELECT clock_timestamp()`): this PC's
clock before and after, their midpoint compared. On SQLite there is no second clock (the database
is a file on this PC): nothing is asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from branchguard.core.kernel.durations import duration_said
from branchguard.core.kernel.i18n import Message, saying
from branchguard.db.base import utcnow

log = logging.getLogger(__name__)

# How far this PC's clock may be off the server's before it is said. A PC that syncs its clock
# (Windows does weekly, a domain's PCs far more often) stays within seconds of the others; 60 s is
# well above that drift and the measure's own error (half a round trip: milliseconds), and below
# the few minutes at which a log read to the minute shows entries of two PCs in the wrong order.
TOLERANCE = timedelta(seconds=60)


@dataclass(frozen=True)
class ClockOff:
    """This PC's clock minus the database server's, at the start: positive when this PC is ahead."""

    offset: timedelta

    @property
    def ahead(self) -> bool:
        return self.offset > timedelta(0)

    @property
    def seconds(self) -> int:
        return round(self.offset.total_seconds())

    def _amount(self) -> tuple[str, dict[str, int]]:
        """The size of the offset as incident durations are said ("7 min 0 s", "7 分 0 秒")."""
        return duration_said(abs(timedelta(seconds=self.seconds)))

    @property
    def message(self) -> Message:
        """What the window's banner and a command's warning say: how far off, what it does to the
        times recorded, what to do."""
        key, params = self._amount()
        return Message(f"audit.server_clock.{self._way}", amount=Message(key, **params))

    def summary(self, pc: str) -> dict[str, object]:
        """The audit event's summary, worded in the reader's language: the PC, the offset."""
        key, params = self._amount()
        return saying(
            f"audit.server_clock.recorded_{self._way}",
            pc=pc,
            amount=saying(key, **params),
            seconds=self.seconds,
        )

    @property
    def _way(self) -> str:
        return "ahead" if self.ahead else "behind"


def read_offset(engine: Engine) -> timedelta | None:
    """This PC's clock minus the server's, halfway through one round trip; None when the server
    cannot be asked (whatever stops it then stops the start too, in its own words)."""
    try:
        with engine.connect() as conn:
            before = utcnow()
            server: datetime = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
            after = utcnow()
    except SQLAlchemyError as exc:
        log.info("server clock not read: %s", exc)
        return None
    return before + (after - before) / 2 - server


def clock_off(engine: Engine, tolerance: timedelta = TOLERANCE) -> ClockOff | None:
    """Whether this PC's clock is off the PostgreSQL server's by more than `tolerance`; None on
    SQLite, whose database has no clock of its own."""
    if engine.dialect.name == "sqlite":
        return None
    offset = read_offset(engine)
    if offset is None or abs(offset) <= tolerance:
        return None
    log.warning("this PC's clock is %+.0f s off the database server's", offset.total_seconds())
    return ClockOff(offset)
