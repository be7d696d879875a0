"""Head-office types: a registered branch, an import's outcome, the roll-up of one branch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from branchguard.core.dashboard.rules import Period
from branchguard.core.kernel.types import Text2


@dataclass(frozen=True)
class HoBranch:
    id: int
    code: str
    name: str
    fingerprint: str
    ledger_seq: int


@dataclass(frozen=True)
class HeldHead:
    """What head office holds of one branch's ledger: the head its packages have carried so far
    (each signed by the branch's registered key and chaining from the one before), and the package
    that brought it."""

    code: str
    name: str
    fingerprint: str  # the branch key's, as registered
    packages: int
    ledger_seq: int
    ledger_hash: str
    last_period: str  # "" before any package
    last_manifest: str  # SHA-256 of the last package's manifest; "" before any


class ImportOutcome(Enum):
    IMPORTED = "imported"
    ALREADY = "already"  # the same package was imported before: nothing changed


@dataclass(frozen=True)
class ImportResult:
    file: str
    outcome: ImportOutcome
    branch_code: str
    period: str
    manifest_sha256: str
    records: int = 0
    ledger_entries: int = 0
    # when head office imported the package it held of the same branch and period: this one was
    # sent again, its records replacing that one's copies (None: the period's first)
    replaces: datetime | None = None


@dataclass(frozen=True)
class BranchRollup:
    """One branch as head office sees it from the packages imported."""

    code: str
    name: str
    fingerprint: str
    packages: int
    last_period: str  # of its packages, the period that ends last ("" before any)
    last_imported_at: datetime | None
    ledger_seq: int
    counts: dict[str, int]  # records held per kind
    incidents_by_category: dict[str, int]
    incidents_by_level: dict[str, int]
    hazards_open: int
    hazards_overdue: int
    oldest_open_hazard_days: int | None
    drills_evaluated: int
    drill_score_average: float | None
    drill_score_latest: float | None
    actions_overdue: int
    compliance: dict[str, str] = field(default_factory=dict)  # rule code -> status
    rule_names: dict[str, Text2] = field(default_factory=dict)  # rule code -> its name, as the branch sent it
    complaints_open: int = 0  # not yet archived or withdrawn, as the packages last carried them
    complaints_overdue: int = 0  # no reply yet and past the due time
    # the complaint statistics of every month the packages carried, added up (rules.COMPLAINT_SUMS)
    complaint_totals: dict[str, int] = field(default_factory=dict)

    @property
    def incidents(self) -> int:
        """Its real incidents, drills not counted: as "By level" and the regional report count them
        (`counts["incidents"]` holds every incident record, a drill's run among them)."""
        return sum(self.incidents_by_level.values())

    @property
    def complaint_on_time_rate(self) -> float | None:
        answered = self.complaint_totals.get("answered", 0)
        return self.complaint_totals.get("on_time", 0) / answered if answered else None


@dataclass(frozen=True)
class PeriodRow:
    """One branch's figures for one period, side by side with the others in the regional report."""

    code: str
    name: str
    packages: int  # the periods within it a package came of (one sent twice: once)
    incidents: int
    incidents_by_level: dict[str, int]
    drills: int  # held: run (a drill incident started), or recorded afterwards and not voided
    drill_score_average: float | None
    inspections: int
    hazards_opened: int
    hazards_open_at_end: int
    complaints: int
    actions_overdue: int
    compliance_overdue: int | None  # None: no package held ends with the period, so not known
    # major hazards verified or closed in the period with milestones outstanding (rules.waived_in)
    majors_waived: int = 0
    # from the packages' complaint statistics (complaintstats) of the period's months
    complaint_months: int = 0  # months the branch's packages carried statistics for
    complaints_answered: int = 0  # clock stopped in the period (reply or withdrawal)
    complaints_on_time: int = 0
    complaints_rated: int = 0  # replies with the customer's satisfaction stated
    complaints_satisfied: int = 0
    # the period's months over by the report's day of which no package came (its own or its quarter's)
    months_missing: tuple[str, ...] = ()

    @property
    def complaint_on_time_rate(self) -> float | None:
        return self.complaints_on_time / self.complaints_answered if self.complaints_answered else None

    @property
    def complaint_satisfaction_rate(self) -> float | None:
        return self.complaints_satisfied / self.complaints_rated if self.complaints_rated else None


@dataclass(frozen=True)
class RegionalPeriod:
    """The regional report's content: every branch's figures for one period, side by side."""

    period: Period
    as_of: date  # the last day counted: the period's own, or the branches' today in one still running
    months_over: int  # the period's months over by then (those a branch can have missed)
    rows: list[PeriodRow]
    previous: RegionalPeriod | None = None  # the period before, as head office holds it

    def held_before(self, code: str) -> PeriodRow | None:
        """A branch's figures for the period before, when head office holds a package that sent a
        month of it (a month's own, or its quarter's: June comes in the second quarter's)."""
        if self.previous is None:
            return None
        over = self.previous.months_over
        return next((r for r in self.previous.rows if r.code == code and len(r.months_missing) < over), None)


@dataclass(frozen=True)
class DrillMarks:
    """How a branch's drill came to be, as its package says (rules.drill_marks): held without
    BranchGuard and entered afterwards from its paper record (补录), and voided."""

    recorded_afterwards: bool = False
    reference: str = ""  # where its paper record is kept
    evaluator: str = ""  # who scored it on paper
    entered_at: datetime | None = None
    entered_by: str = ""
    voided: bool = False  # entered by mistake: it no longer counts
    voided_at: datetime | None = None
    voided_by: str = ""
    void_reason: str = ""


@dataclass(frozen=True)
class HoRecord:
    """One of a branch's records as head office holds it (the latest package's copy)."""

    kind: str
    source_id: str
    period: str  # of the package that carried it last
    summary: str  # its title, text or rule name
    category: str
    level: str
    status: str
    opened_at: datetime | None
    due_at: datetime | None
    closed_at: datetime | None
    score: float | None
    drill: DrillMarks | None = None  # a drill's, else None
    drill_run: bool = False  # an incident record that is a drill's run (not counted as an incident)
