"""When an incident's steps are due and late, and which open incident comes first.

Pure functions: no database and no clock (the caller passes `now`), so the console, follow mode,
the handover, the banner and the CLI decide the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from branchguard.core.incidents.types import (
    Checkpoint,
    FollowUpInput,
    IncidentDetail,
    IncidentStep,
    IncidentSummary,
    StepState,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import Level, PlaybookStatus
from branchguard.core.playbooks.types import PlaybookSummary

# A report to head office due within this is announced as due soon.
CHECKPOINT_WARNING = timedelta(minutes=5)
# Follow mode: a second Done this soon after the first is a bounce or a double press, not a decision
# (two Space presses 150 ms apart once marked two steps, one of them the 24-hour written report).
DONE_GUARD = timedelta(milliseconds=1200)
# Follow mode offers to undo the last mark for this long after it is on disk.
UNDO_WINDOW = timedelta(seconds=8)


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


def done_guarded(last_press: datetime | None, now: datetime) -> bool:
    """Whether a Done pressed at `now` falls inside the guard interval of the one at `last_press`."""
    return last_press is not None and timedelta(0) <= now - last_press < DONE_GUARD


def undo_open(marked_at: datetime | None, now: datetime) -> bool:
    """Whether a mark made at `marked_at` may still be undone from follow mode."""
    return marked_at is not None and timedelta(0) <= now - marked_at < UNDO_WINDOW


@dataclass(frozen=True)
class OpenAtClose:
    """What is still open when the lead closes an incident: pending steps (the checkpoints
    among them included) and the reporting checkpoints already past their deadline."""

    pending: tuple[IncidentStep, ...]
    overdue_checkpoints: tuple[Checkpoint, ...]

    def __bool__(self) -> bool:
        return bool(self.pending or self.overdue_checkpoints)


def open_at_close(detail: IncidentDetail, now: datetime) -> OpenAtClose:
    """The steps and overdue reporting checkpoints the close dialog asks about, in plan order."""
    started = detail.summary.started_at
    pending = tuple(s for s in detail.steps if s.state == StepState.PENDING)
    overdue = tuple(
        Checkpoint(s.number, s.text, due)
        for s in pending
        if s.checkpoint and (due := s.deadline_at(started)) is not None and due < now
    )
    return OpenAtClose(pending, overdue)


def next_level_choice(current: Level) -> Level:
    """The level the change-level dialog proposes: one step more severe (III → II, II → I); from
    the top level, one step down. Never a jump of two levels on a single Enter."""
    order = list(Level)  # most severe first
    index = order.index(current)
    return order[index - 1] if index > 0 else order[min(1, len(order) - 1)]


def initial_report_step(steps: Iterable[IncidentStep]) -> IncidentStep | None:
    """The plan's initial report to head office: its first reporting checkpoint, in plan order."""
    return next((s for s in steps if s.checkpoint), None)


def severity(level: Level) -> int:
    """0 for the most severe level (I): sorts the worst first."""
    return list(Level).index(level)


def urgency(summary: IncidentSummary) -> tuple[bool, int, datetime]:
    """Sort key, most urgent first: real incidents before drills, then the most severe level,
    then the oldest."""
    return (summary.drill, severity(summary.level), summary.started_at)


def most_urgent(incidents: Iterable[IncidentSummary]) -> IncidentSummary | None:
    return min(incidents, key=urgency, default=None)


def opening_level(plan_levels: Sequence[str]) -> Level:
    """The level an incident starts at when none is given: the least severe its plan allows (a branch
    sees its own branch first; several branches hit, the lead raises it), III without a plan."""
    allowed = [Level(value) for value in plan_levels]
    return max(allowed, key=list(Level).index) if allowed else Level.III


FOLLOW_UP_TEXT_LIMIT = 2000  # an incident's or a drill's follow-up action, as a complaint's


def clean_follow_ups(
    actions: Sequence[FollowUpInput],
    numbers: Sequence[int] = (),
    began: date | None = None,
    drill: bool = False,
) -> tuple[FollowUpInput, ...]:
    """Follow-up or corrective actions as they are stored: each with its text and owner (trimmed,
    the text up to FOLLOW_UP_TEXT_LIMIT characters, the owner 100), its due day within 1900-2200
    and, given the local day its incident (or `drill` run) `began`, not before it (due_from);
    a refusal names the action by its number: 1, 2, … or, given `numbers`, the one said there (a
    form that leaves empty rows out checks with its table's row numbers, the ones the user sees,
    before the service checks the same again). Closing an incident and evaluating a drill both
    take them (a 5,000-character action and a due day of year 1 were once stored)."""
    if numbers and len(numbers) != len(actions):
        raise ValueError("one number per action")
    cleaned = []
    for i, action in enumerate(actions, start=1):
        field = Message("field.follow_up", n=numbers[i - 1] if numbers else i)
        if not action.text.strip() or not action.owner.strip():
            raise ValidationError(field, Message("incident.action_incomplete"))
        cleaned.append(
            FollowUpInput(
                validation.text(action.text, field, limit=FOLLOW_UP_TEXT_LIMIT),
                validation.text(action.owner, field, limit=100),
                validation.day(action.due, "field.due_date") if action.due else None,
            )
        )
    if began is not None:
        due_from(cleaned, began, numbers, drill)
    return tuple(cleaned)


def due_from(
    actions: Sequence[FollowUpInput], began: date, numbers: Sequence[int] = (), drill: bool = False
) -> None:
    """No action falls due before the local day its incident (or drill run) began: set at or after
    it, it was never due then (a mistyped year, a day picked in the wrong month)."""
    key = "incident.action_due_before_drill" if drill else "incident.action_due_before_start"
    for i, action in enumerate(actions, start=1):
        if action.due is not None and action.due < began:
            field = Message("field.follow_up", n=numbers[i - 1] if numbers else i)
            raise ValidationError(field, Message(key, due=action.due, day=began))


def suggested_plans(
    typed: str, plans: Sequence[PlaybookSummary], usage: dict[str, int]
) -> list[PlaybookSummary]:
    """The approved plans the start dialog offers for what is typed, most likely first: the code
    typed whole, then a code or title that starts with it, then one that holds it; among equals the
    plan that started the most incidents (`usage`), then by code."""
    needle = typed.strip().lower()

    def rank(p: PlaybookSummary) -> tuple[int, int, str]:
        code, zh, en = p.code.lower(), p.title.zh.lower(), p.title.en.lower()
        if not needle or code == needle:
            match = 0
        elif code.startswith(needle) or zh.startswith(needle) or en.startswith(needle):
            match = 1
        elif needle in code or needle in zh or needle in en:
            match = 2
        else:
            match = 9
        return (match, -usage.get(p.code, 0), p.code)

    live = [p for p in plans if p.status == PlaybookStatus.APPROVED and p.tier.is_plan]
    return [p for p in sorted(live, key=rank) if rank(p)[0] < 9]
