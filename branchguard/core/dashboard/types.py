"""What the dashboard hands out: named figures, each with the page and filter it counts, and the
figures of a period (a month of the trends, or the span of a periodic report).

A figure's `target` is the single statement of "where it leads": the window opens `target.page`
with `target.filter` (each page's `show_filtered`), the command line's list commands build the
same filter from their options, and the tests hold both to the figure's value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.drills.types import ComplianceItem, ComplianceStatus
from branchguard.core.early_warnings.types import WarningFilter
from branchguard.core.hazards.types import HazardFilter, HazardStatus, RemediationKind
from branchguard.core.incidents.types import ActionFilter, IncidentFilter, IncidentStatus
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.core.schedules.types import DueFilter


@dataclass(frozen=True)
class ComplianceFilter:
    """The drills page's compliance rules, narrowed to these states (empty: every rule)."""

    statuses: tuple[ComplianceStatus, ...] = ()


PageFilter = (
    IncidentFilter
    | HazardFilter
    | ComplaintFilter
    | ComplianceFilter
    | DueFilter
    | ActionFilter
    | WarningFilter
)


@dataclass(frozen=True)
class Target:
    """Where a figure leads: a page id of gui/shell/pages.py and the filter that page applies."""

    page: str
    filter: PageFilter


@dataclass(frozen=True)
class Figure:
    """One number on the dashboard. `name` is stable (the JSON key, `dashboard.figure.<name>` in
    the catalogue); `unit` is "count" (records the target lists) or "days" (an age)."""

    name: str
    value: int
    target: Target
    unit: str = "count"

    @property
    def is_count(self) -> bool:
        return self.unit == "count"


@dataclass(frozen=True)
class Tile:
    """A tile: a heading key and its figures, the first one the big number."""

    name: str
    figures: tuple[Figure, ...]

    @property
    def main(self) -> Figure:
        return self.figures[0]


@dataclass(frozen=True)
class PeriodFigures:
    """What happened in [start, end) (local dates; `end` is the day after the last): the figures a
    trend's month and a periodic report share, computed by the same queries."""

    start: date
    end: date
    incidents_by_category: dict[str, int] = field(default_factory=dict)  # real incidents started
    incidents_by_level: dict[str, int] = field(default_factory=dict)
    drills_by_category: dict[str, int] = field(default_factory=dict)  # drill runs started
    drills_evaluated: int = 0  # drills run in the period and scored
    drill_score_average: float | None = None  # their mean score (0-100), one decimal
    hazards_opened: int = 0
    # left the open ones in the period: verified, or closed unverified (whichever came first), so
    # that the open count at the period's start + opened - resolved = the open count at its end
    hazards_resolved: int = 0
    hazards_open_at_end: int = 0  # opened before `end` and not yet verified or closed by then
    inspections_due: int = 0  # scheduled inspections falling due in the period
    inspections_done: int = 0  # of those, done
    inspections_submitted: int = 0  # inspections submitted in the period (scheduled or not)
    complaints_received: int = 0  # complaints (投诉) only: what runs the statutory clock
    grumbles_received: int = 0  # 抱怨, registered but no complaint
    objections_received: int = 0  # 异议, registered but no complaint
    # complaints received in the period, by channel, by category code, and by the deck's cause
    # (archived ones)
    complaints_by_channel: dict[str, int] = field(default_factory=dict)
    complaints_by_category: dict[str, int] = field(default_factory=dict)
    complaints_by_cause: dict[str, int] = field(default_factory=dict)
    complaints_answered: int = 0  # complaints (投诉) replied to in the period (a withdrawal is no answer)
    complaints_on_time: int = 0  # of those, replied by the due time
    complaints_rated: int = 0  # replies in the period with the customer's satisfaction stated
    complaints_satisfied: int = 0  # of those, satisfied
    # major hazards verified or closed in the period with policy milestones outstanding, under a
    # waiver that still stood at its end (core/dashboard/waivers.py)
    majors_waived: int = 0

    @property
    def complaint_on_time_rate(self) -> float | None:
        """On time of answered, 0..1; None when none was answered."""
        return self.complaints_on_time / self.complaints_answered if self.complaints_answered else None

    @property
    def complaint_satisfaction_rate(self) -> float | None:
        """Satisfied of the stated answers, 0..1; None when none was stated."""
        return self.complaints_satisfied / self.complaints_rated if self.complaints_rated else None

    @property
    def incidents(self) -> int:
        return sum(self.incidents_by_category.values())

    @property
    def drills(self) -> int:
        return sum(self.drills_by_category.values())

    @property
    def inspection_completion(self) -> float | None:
        """Done of due, 0..1; None when nothing fell due."""
        return self.inspections_done / self.inspections_due if self.inspections_due else None


@dataclass(frozen=True)
class Dashboard:
    """The tiles as of `today` (local), and the months of the trends, oldest first."""

    today: date
    tiles: tuple[Tile, ...]
    months: tuple[PeriodFigures, ...]
    # why schedules' working days may be wrong: a year they reach that no holiday table covers
    # (this year, or the next from November, when the State Council's notice for it is out)
    holiday_note: str | None = None

    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for tile in self.tiles for f in tile.figures)

    def figure(self, name: str) -> Figure:
        for f in self.figures():
            if f.name == name:
                return f
        raise KeyError(name)


# -- the periodic safety report ------------------------------------------------------------------
@dataclass(frozen=True)
class IncidentLine:
    """A real incident started in the period, with how it ended."""

    id: int
    title: str
    category: IncidentCategory
    level: Level
    status: IncidentStatus
    started_at: datetime
    closed_at: datetime | None
    outcome: str
    injuries: str
    losses_cents: int | None


@dataclass(frozen=True)
class ActionLine:
    """A follow-up or corrective action (of an incident, a drill's run, or a complaint's archive:
    then `complaint_number` and no incident)."""

    id: int
    incident_id: int | None
    drill: bool
    text: str
    owner: str
    due: date | None
    done_at: datetime | None
    complaint_number: str = ""

    @property
    def source(self) -> str:
        """Where the action came from, in words."""
        if self.complaint_number:
            return t("summary.complaint_ref", number=self.complaint_number)
        return t("summary.drill_ref" if self.drill else "summary.incident_ref", id=self.incident_id)


@dataclass(frozen=True)
class DrillLine:
    """A planned drill run in the period: its score once evaluated and its corrective actions."""

    plan_id: int
    title: str
    category: IncidentCategory
    run_at: datetime
    score: float | None
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class RuleLine:
    """A compliance rule: its state at the period's end and the matching drills done in it."""

    item: ComplianceItem
    drills: tuple[int, ...]  # plan ids, in run order


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist's inspections in the period: scheduled, done of those, submitted, and the
    items answered and failed in the submitted ones (after amendments)."""

    code: str
    name: Text2
    due: int
    done: int
    submitted: int
    items: int
    failed: int

    @property
    def failure_rate(self) -> float | None:
        return self.failed / self.items if self.items else None


@dataclass(frozen=True)
class Waiver:
    """A major hazard verified or closed with policy milestones outstanding: when, which, and why."""

    at: datetime
    milestones: tuple[RemediationKind, ...]
    reason: str


@dataclass(frozen=True)
class MajorHazardLine:
    """A major hazard open at some time in the period, and its policy milestones: each due time
    and when it was met (None: not yet)."""

    id: int
    number: str  # YH-2026-0007
    title: str
    status: HazardStatus
    opened_at: datetime
    interim_due_at: datetime | None
    interim_done_at: datetime | None
    plan_due_at: datetime | None
    plan_done_at: datetime | None
    report_head_office: bool
    reported_at: datetime | None
    due_at: datetime
    fixed_at: datetime | None  # verified or closed
    remediated_at: datetime | None = None  # reported fixed, not yet verified (None: not yet)
    waiver: Waiver | None = None  # verified or closed with milestones outstanding, standing at the end


@dataclass(frozen=True)
class PeriodReport:
    """Everything the periodic safety report (网点安全管理工作报告) prints. `figures` is exactly
    `DashboardService.figures_for_period(start, end)`; `previous` the same for the period before.
    Overdue counts and ageing are taken at `as_of`: the period's end, or now while it runs."""

    start: date
    end: date
    as_of: datetime
    figures: PeriodFigures
    previous: PeriodFigures
    months: tuple[PeriodFigures, ...]  # the twelve months ending with the period's last, for the charts
    incidents: tuple[IncidentLine, ...]
    drills: tuple[DrillLine, ...]
    rules: tuple[RuleLine, ...]
    checklists: tuple[ChecklistLine, ...]
    hazards_overdue: int  # open and past due at `as_of`
    ageing: tuple[int, ...]  # open hazards at `as_of` per band of rules.AGEING_BANDS
    major_hazards: tuple[MajorHazardLine, ...]
    actions_overdue: tuple[ActionLine, ...]  # open and past their due day at `as_of`
    # the complaint categories' names by code (the figures count codes)
    complaint_categories: dict[str, Text2] = field(default_factory=dict)

    def complaint_months(self) -> tuple[PeriodFigures, ...]:
        """The months of the period (one for a monthly report), from `months`."""
        return tuple(m for m in self.months if self.start <= m.start and m.end <= self.end)


@dataclass(frozen=True)
class FirstSteps:
    """Which of a new branch's first steps are taken: people entered, an account beside the lead's,
    a checklist scheduled, a drill planned (not cancelled). The dashboard names those not taken."""

    staff: bool
    accounts: bool
    schedules: bool
    drills: bool

    def done(self) -> bool:
        return self.staff and self.accounts and self.schedules and self.drills

