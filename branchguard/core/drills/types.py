"""Drill domain types: plan kinds, statuses, criteria, compliance and the records services return."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from branchguard.core.incidents.types import FollowUpAction, FollowUpInput, IncidentDetail
from branchguard.core.kernel.i18n import Message
from branchguard.core.kernel.types import LabelledEnum, Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanTier


class DrillScope(LabelledEnum):
    COMPREHENSIVE = "comprehensive"  # 综合演练
    SINGLE_TOPIC = "single_topic"  # 单项（专项）演练

    @classmethod
    def _prefix(cls) -> str:
        return "drill_scope"


class DrillMode(LabelledEnum):
    LIVE = "live"  # 实战演练
    TABLETOP = "tabletop"  # 桌面推演

    @classmethod
    def _prefix(cls) -> str:
        return "drill_mode"


class DrillStatus(LabelledEnum):
    PLANNED = "planned"
    RUNNING = "running"
    EVALUATED = "evaluated"
    CANCELLED = "cancelled"

    @classmethod
    def _prefix(cls) -> str:
        return "drill_status"


# The audit action of a void of a drill recorded afterwards (core/drills/held.py): the plan's row keeps
# only its status, the event when, by whom and why; the drill report and head office's package read it.
VOID_AUDIT_ACTION = "drill.void"


class DrillAction(enum.StrEnum):
    """What can be done to one drill plan or run; core/drills/rules.py says in which statuses and by
    whom."""

    RUN = "run"
    MOVE = "move"  # to another date, while planned (a one-off plan: a series moves by occurrence)
    CANCEL = "cancel"
    HEADCOUNT = "headcount"
    EVALUATE = "evaluate"
    VIEW_ACTIONS = "view_actions"  # the corrective actions of the evaluation
    COMPLETE_ACTION = "complete_action"
    VOID = "void"  # a drill recorded afterwards by mistake: it stops counting, its record stays
    RECORD_HAZARD = "record_hazard"  # a problem a held drill found, opened as a hazard linked to it


class ComplianceStatus(LabelledEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @classmethod
    def _prefix(cls) -> str:
        return "compliance_status"


@dataclass(frozen=True)
class Criterion:
    code: str
    text: Text2
    weight: int


@dataclass(frozen=True)
class CriteriaSet:
    code: str
    name: Text2
    categories: tuple[IncidentCategory, ...]  # empty: the fallback for any plan
    criteria: tuple[Criterion, ...]
    region: str = ""


@dataclass(frozen=True)
class ComplianceRule:
    """A required drill: at most `interval_months` between completed drills that match. A drill
    matches when its plan's category, the drill's scope and its plan's tier are among the rule's
    (an empty tuple matches any). A notice rule (`notice_working_days` set) asks instead for the
    authority to be told that many working days before each matching drill; its interval is unused."""

    code: str
    name: Text2
    interval_months: int
    categories: tuple[IncidentCategory, ...] = ()  # empty: any category
    scopes: tuple[DrillScope, ...] = ()  # empty: any scope
    source: str = ""
    active: bool = True
    region: str = ""
    tiers: tuple[PlanTier, ...] = ()  # empty: any tier of the plan drilled
    notice_working_days: int | None = None

    @property
    def notice(self) -> bool:
        return self.notice_working_days is not None


@dataclass(frozen=True)
class DrillPlanInput:
    """What a form or the CLI submits. A naive `date` is local wall-clock time; with `rrule` (a
    preset name or an RFC 5545 rule) the plan owns a recurring drill schedule starting then."""

    playbook_code: str
    date: datetime
    scope: DrillScope = DrillScope.SINGLE_TOPIC
    mode: DrillMode = DrillMode.LIVE
    announced: bool = True
    rrule: str = ""
    title: str = ""
    participants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> names
    observers: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    expected_headcount: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class DrillPlan:
    id: int
    title: str
    playbook_code: str
    category: IncidentCategory
    scope: DrillScope
    mode: DrillMode
    announced: bool
    planned_at: datetime | None  # UTC; for a series, its next due occurrence
    schedule_id: int | None
    rule: str  # the schedule's RRULE, "" for a one-off
    series_id: int | None
    participants: dict[str, tuple[str, ...]]
    observers: tuple[str, ...]
    goals: tuple[str, ...]
    expected_headcount: int | None
    criteria_set: str
    status: DrillStatus
    incident_id: int | None
    run_at: datetime | None
    score: float | None
    notes: str
    created_by: str
    created_at: datetime
    ended: bool = False  # its run's incident is closed: the drill is over and can be evaluated

    @property
    def recurring(self) -> bool:
        return bool(self.rule)

    @property
    def recorded_afterwards(self) -> bool:
        """Held without BranchGuard and recorded later from its paper record (core/drills/held.py):
        done, with no live log. A run always has its incident."""
        return self.run_at is not None and self.incident_id is None

    @property
    def voided(self) -> bool:
        """Recorded afterwards by mistake and voided (core/drills/held.py): it counts for nothing; its
        scores stay in its report as evidence of what was entered."""
        return self.recorded_afterwards and self.status == DrillStatus.CANCELLED


@dataclass(frozen=True)
class HeldDrillInput:
    """A drill held without BranchGuard (before the branch installed it, or on paper while it was
    down), recorded afterwards with its evaluation. A naive `held_at` is local wall-clock time;
    `reference` says where its paper record is kept."""

    playbook_code: str
    held_at: datetime
    reference: str
    evaluation: EvaluationInput
    scope: DrillScope = DrillScope.SINGLE_TOPIC
    mode: DrillMode = DrillMode.LIVE
    announced: bool = True
    title: str = ""
    evaluator: str = ""  # who scored it, as the paper form names them; empty: whoever enters it


@dataclass(frozen=True)
class EvaluationInput:
    scores: dict[str, int]  # criterion code -> 0..100
    problems: str = ""
    lessons: str = ""
    actions: tuple[FollowUpInput, ...] = ()


@dataclass(frozen=True)
class ScoredCriterion:
    code: str
    text: Text2
    weight: int
    score: int  # 0..100

    @property
    def points(self) -> float:
        """This criterion's share of the weighted 0–100 total."""
        return self.score * self.weight / 100


@dataclass(frozen=True)
class Evaluation:
    plan_id: int
    criteria_set: str
    criteria: tuple[ScoredCriterion, ...]
    score: float  # weighted, 0..100
    problems: str
    lessons: str
    evaluator: str
    evaluated_at: datetime


@dataclass(frozen=True)
class StepResult:
    """A plan step in the run: its target and the minutes it actually took from the start."""

    number: int
    text: Text2
    target_minutes: int | None
    actual_minutes: float | None  # None while pending or when skipped
    verdict: str  # pending, skipped, done, on_time, late (as incident_text.step_timing)


@dataclass(frozen=True)
class Voided:
    """A drill recorded afterwards and voided (core/drills/held.py): when (UTC), by whom, why."""

    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class DrillRecord:
    """Everything the drill report shows: the plan, its run (incident) and its evaluation."""

    plan: DrillPlan
    incident: IncidentDetail | None
    steps: tuple[StepResult, ...]
    headcount: tuple[int, int | None] | None  # (present, expected) of the last count
    evaluation: Evaluation | None
    actions: tuple[FollowUpAction, ...]
    voided: Voided | None = None  # a drill recorded afterwards, voided


@dataclass(frozen=True)
class ComplianceItem:
    """A rule's state. For a notice rule: `next_planned` is the next matching drill, `next_due` the
    last working day to notify the authority (None with no drill planned), `last_*` unused."""

    rule: ComplianceRule
    last_done: datetime | None  # UTC start of the last matching completed run
    last_plan_id: int | None
    next_due: date | None  # None: never done and no branch to count from, which is overdue
    next_planned: datetime | None  # the next matching plan or schedule occurrence
    status: ComplianceStatus
    # set when the working days counted fall beyond every holiday table (weekdays were counted)
    note: Message | None = None
    # never done: the local day the branch began with BranchGuard, its first interval counted from it
    first_since: date | None = None
