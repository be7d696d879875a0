"""Incident domain types: entry kinds, statuses and the plain-data shapes the GUI, CLI and reports read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.hazards.types import HazardInfo
from branchguard.core.kernel.types import LabelledEnum, Level, Text2
from branchguard.core.playbooks.types import IncidentCategory

if TYPE_CHECKING:  # complaints' types name follow-up actions: imported by name only
    from branchguard.core.complaints.types import ComplaintInfo


class EntryKind(LabelledEnum):
    """What a log entry records. The first group is typed by people; the rest by the system."""

    NOTE = "note"
    ACTION = "action"
    COMMUNICATION = "communication"
    DECISION = "decision"
    OBSERVATION = "observation"
    REPORT = "report"  # report to head office (上报)
    LEVEL_CHANGE = "level_change"
    WARNING_CHANGE = "warning_change"  # the four-colour warning level of a weather/disaster incident
    START = "start"
    STEP_DONE = "step_done"
    STEP_SKIPPED = "step_skipped"
    ATTACHMENT = "attachment"
    REPORT_FIELDS = "report_fields"
    HEADCOUNT = "headcount"
    TEAM = "team"  # who holds the plan's roles as it starts, and what they lack
    CORRECTION = "correction"
    CLOSE = "close"

    @classmethod
    def _prefix(cls) -> str:
        return "entry_kind"


# Kinds a person may type into the quick log box (a level change goes through its own call).
TYPED_KINDS = (
    EntryKind.NOTE,
    EntryKind.ACTION,
    EntryKind.COMMUNICATION,
    EntryKind.DECISION,
    EntryKind.OBSERVATION,
    EntryKind.REPORT,
)


class IncidentStatus(LabelledEnum):
    OPEN = "open"
    CLOSED = "closed"

    @classmethod
    def _prefix(cls) -> str:
        return "incident_status"


class StepState(LabelledEnum):
    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def _prefix(cls) -> str:
        return "step_state"


# The initial report to head office (上报), PRODUCT.md domain reference, in order.
REPORT_FIELDS = (
    "place",
    "cause",
    "nature",
    "amounts_people",
    "harm_scope",
    "customer_reaction",
    "trend",
    "measures",
)


# The key of an entry's data that holds what the program wrote, as a message key and values or a
# text in both languages (kernel/i18n.py: saying, both): inside the hashed content, so it is evidence
# like the text, and worded in the reader's language when shown. Entries without it (written
# before, or typed by a person) show their text as stored.
SAID = "said"


@dataclass(frozen=True)
class LogEntry:
    """One committed entry. `corrected_by` is filled when reading: seqs of later corrections."""

    id: int
    incident_id: int
    seq: int
    at: datetime
    actor: str
    kind: EntryKind
    text: str
    step: int | None = None
    corrects: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = ""
    hash: str = ""
    corrected_by: tuple[int, ...] = ()

    @property
    def corrected(self) -> bool:
        return bool(self.corrected_by)


@dataclass(frozen=True)
class IncidentStep:
    """A playbook step as it stands in this incident."""

    number: int  # 1-based
    key: str
    text: Text2
    role: str
    role_name: Text2
    target_minutes: int | None
    checkpoint: bool
    deadline_minutes: int | None
    condition: Text2
    goto: str | None
    state: StepState = StepState.PENDING
    by: str | None = None
    at: datetime | None = None
    reason: str = ""
    holder: str = ""  # who held the role as the incident started (its team entry), and the backup
    backup: str = ""

    def target_at(self, started_at: datetime) -> datetime | None:
        return None if self.target_minutes is None else started_at + timedelta(minutes=self.target_minutes)

    def deadline_at(self, started_at: datetime) -> datetime | None:
        minutes = self.deadline_minutes if self.deadline_minutes is not None else self.target_minutes
        return None if minutes is None else started_at + timedelta(minutes=minutes)


@dataclass(frozen=True)
class Checkpoint:
    """A mandatory reporting step (上报) still open, with its deadline."""

    step: int
    text: Text2
    due_at: datetime


@dataclass(frozen=True)
class FollowUpInput:
    text: str
    owner: str
    due: date | None = None


@dataclass(frozen=True)
class FollowUpAction:
    """An incident's, a drill run's or (with `complaint_id`, no incident) a complaint's action."""

    id: int
    incident_id: int | None
    text: str
    owner: str
    due: date | None
    done_at: datetime | None
    done_by: str | None
    complaint_id: int | None = None

    def overdue(self, today: date) -> bool:
        return self.done_at is None and self.due is not None and self.due < today


@dataclass(frozen=True)
class CloseInput:
    outcome: str
    injuries: str = ""
    losses_cents: int | None = None
    root_cause: str = ""
    actions: tuple[FollowUpInput, ...] = ()


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    title: str
    playbook_code: str | None
    playbook_version: int | None
    category: IncidentCategory
    level: Level
    drill: bool
    status: IncidentStatus
    started_by: str
    started_at: datetime
    closed_at: datetime | None
    entry_count: int
    chain_head: str
    warning_level: WarningLevel | None = None  # weather and disaster incidents only
    # the plan version's own id (its steps are what the incident runs), None for an ad hoc one
    playbook_version_id: int | None = None


@dataclass(frozen=True)
class IncidentDetail:
    """Everything the console, follow mode and the report show about one incident."""

    summary: IncidentSummary
    location: str
    report_fields: dict[str, str]
    steps: tuple[IncidentStep, ...]
    entries: tuple[LogEntry, ...]
    actions: tuple[FollowUpAction, ...]
    closed_by: str | None
    outcome: str
    injuries: str
    losses_cents: int | None
    root_cause: str
    contacts: tuple[tuple[str, str, str], ...] = ()  # (kind, name, phone) from the plan or the branch

    @property
    def id(self) -> int:
        return self.summary.id

    def current_step(self) -> IncidentStep | None:
        return next((s for s in self.steps if s.state == StepState.PENDING), None)

    def next_step(self) -> IncidentStep | None:
        pending = [s for s in self.steps if s.state == StepState.PENDING]
        return pending[1] if len(pending) > 1 else None

    def next_checkpoint(self) -> Checkpoint | None:
        """The open reporting checkpoint due first."""
        started = self.summary.started_at
        open_points = [
            Checkpoint(s.number, s.text, due)
            for s in self.steps
            if s.checkpoint and s.state == StepState.PENDING and (due := s.deadline_at(started)) is not None
        ]
        return min(open_points, key=lambda c: c.due_at, default=None)


@dataclass(frozen=True)
class IncidentFilter:
    status: IncidentStatus | None = None
    level: Level | None = None
    drill: bool | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str = ""  # full text over log entries and titles
    # open incidents with a reporting checkpoint (上报) still pending past its deadline, when listed
    checkpoint_overdue: bool = False


@dataclass(frozen=True)
class ActionFilter:
    """Follow-up and corrective actions (an incident's, or a drill run's): `open_only` not yet done;
    `overdue_only` not done and past their due day (the local day of listing)."""

    open_only: bool = False
    overdue_only: bool = False


@dataclass(frozen=True)
class ActionItem:
    """An action in the list of every incident's, drill's and complaint's actions; a complaint's
    has no incident title and its register number (TS-2026-0007) instead."""

    action: FollowUpAction
    incident_title: str
    drill: bool
    complaint_number: str = ""


@dataclass(frozen=True)
class SearchHit:
    incident_id: int
    incident_title: str
    entry: LogEntry


@dataclass(frozen=True)
class ChainProblem:
    incident_id: int
    seq: int | None  # the first broken entry, or None when the incident's seal is wrong
    reason: str


@dataclass(frozen=True)
class VerifyReport:
    incidents: int
    entries: int
    problems: tuple[ChainProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class HandoverSnapshot:
    """Shift handover (交接班): open incidents with their pending steps, open follow-up actions, open
    hazards and open customer complaints with their statutory clocks."""

    taken_at: datetime
    taken_by: str
    incidents: tuple[IncidentDetail, ...]
    actions: tuple[FollowUpAction, ...]
    hazards: tuple[HazardInfo, ...] = ()
    complaints: tuple[ComplaintInfo, ...] = ()
