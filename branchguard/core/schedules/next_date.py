"""Why a schedule shows no next date when the reason is not the schedule's own: "the working day
before each public holiday" is known only for years a holiday table covers, so past the last such
year the rule goes on but no date can be worked out. A blank next date would read as "nothing
due", and the pre-holiday check would silently never come; the list says why and what to do."""

from __future__ import annotations

from datetime import UTC, datetime

from branchguard.core.kernel import working_days
from branchguard.core.schedules.rules import RuleSpec, next_slot
from branchguard.core.schedules.types import ScheduleInfo, WorkingDayPolicy


def no_next_date_note(info: ScheduleInfo, now: datetime) -> str | None:
    """The note for a schedule (active, before each holiday) whose next date cannot be worked out
    because the holiday tables end before it, naming the last year covered and how to add the
    next (working_days.tables_end_note); None for any other schedule, one with a next date, or
    one whose rule has ended by itself (its last date passed, its count reached)."""
    if (
        not info.active
        or info.next_due is not None
        or info.working_days is not WorkingDayPolicy.BEFORE_HOLIDAY
    ):
        return None
    beyond = datetime(working_days.covered_years()[1] + 1, 1, 1, tzinfo=UTC)
    own_dates = RuleSpec(info.rule, info.start_at, info.timezone)  # the rule's dates, days off aside
    if next_slot(own_dates, max(now, beyond)) is None:
        return None
    return working_days.tables_end_note()
