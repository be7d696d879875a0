"""When an incident's steps are due and late, and which open incident comes first.

Pure functions: no database and no clock (the caller passes `now`), so the console, follow mode,
the handover, the banner and the CLI decide the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime, timedelta

from branchguard.core.incidents.types import Checkpoint, IncidentStep, IncidentSummary, StepState
from branchguard.core.kernel.types import Level

# A report to head office due within this is announced as due soon.
CHECKPOINT_WARNING = timedelta(minutes=5)


class DeadlineState(enum.Enum):
    AHEAD = "ahead"
    SOON = "soon"
    OVERDUE = "overdue"


def step_due(step: IncidentStep, started: datetime) -> datetime | None:
    """When the step should be done: a reporting checkpoint's deadline, else its target time."""
    return step.deadline_at(started) if step.checkpoint else step.target_at(started)


def step_overdue(step: IncidentStep, started: datetime, now: datetime) -> bool:
    """A pending step whose due time has passed; a done or skipped step is never late."""
    if step.state != StepState.PENDING:
        return False
    due = step_due(step, started)
    return due is not None and due < now


def checkpoint_state(point: Checkpoint, now: datetime) -> DeadlineState:
    """How a report to head office stands: overdue once its deadline passed, soon just before."""
    if point.due_at < now:
        return DeadlineState.OVERDUE
    return DeadlineState.SOON if point.due_at - now < CHECKPOINT_WARNING else DeadlineState.AHEAD


def severity(level: Level) -> int:
    """0 for the most severe level (I): sorts the worst first."""
    return list(Level).index(level)


def urgency(summary: IncidentSummary) -> tuple[bool, int, datetime]:
    """Sort key, most urgent first: real incidents before drills, then the most severe level,
    then the oldest."""
    return (summary.drill, severity(summary.level), summary.started_at)


def most_urgent(incidents: Iterable[IncidentSummary]) -> IncidentSummary | None:
    return min(incidents, key=urgency, default=None)
