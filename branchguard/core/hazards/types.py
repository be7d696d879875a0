"""Hazard-register types: severities, statuses, sources, remediation, events, the policy and the records."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.types import LabelledEnum, Text2


class HazardSeverity(LabelledEnum):
    """Least severe first: a change towards the start of this list is a downgrade."""

    GENERAL = "general"  # 一般隐患
    MAJOR = "major"  # 重大隐患

    @classmethod
    def _prefix(cls) -> str:
        return "hazard_severity"


class HazardStatus(LabelledEnum):
    """open -> remediated (by someone) -> verified (by someone else) -> closed; reopen goes back to
    open from remediated, verified or closed."""

    OPEN = "open"
    REMEDIATED = "remediated"
    VERIFIED = "verified"
    CLOSED = "closed"

    @classmethod
    def _prefix(cls) -> str:
        return "hazard_status"

    @property
    def is_open(self) -> bool:
        """Still counts in the register's open figures (not yet verified or closed)."""
        return self in (HazardStatus.OPEN, HazardStatus.REMEDIATED)


class HazardAction(enum.StrEnum):
    """What can be done to one hazard; core/hazards/rules.py says in which statuses and by whom."""

    EDIT = "edit"
    SET_DUE = "set_due"  # move the due date by hand, part of an edit
    DOWNGRADE = "downgrade"  # a lower severity, part of an edit (needs a reason)
    ADD_STEP = "add_step"
    REMEDIATE = "remediate"
    VERIFY = "verify"
    CLOSE = "close"
    REOPEN = "reopen"


class HazardSource(LabelledEnum):
    INSPECTION = "inspection"  # a failed item (automatic)
    MANUAL = "manual"  # entered by hand
    DRILL = "drill"  # a problem a held drill found (`drill_id`)

    @classmethod
    def _prefix(cls) -> str:
        return "hazard_source"


class RemediationKind(LabelledEnum):
    """A remediation (整改) step; a major hazard's policy milestones are steps of the first three
    kinds."""

    INTERIM_CONTROL = "interim_control"  # 临时管控措施
    PLAN = "plan"  # 整改方案
    HEAD_OFFICE_REPORT = "head_office_report"  # 上报上级行
    ACTION = "action"  # work done
    ON_THE_SPOT = "on_the_spot"  # 当场整改: an inspection fault corrected while the inspector watched

    @classmethod
    def _prefix(cls) -> str:
        return "remediation_kind"


class HazardEventKind(LabelledEnum):
    OPENED = "opened"
    EDITED = "edited"
    STEP_ADDED = "step_added"
    REMEDIATED = "remediated"
    VERIFIED = "verified"
    CLOSED = "closed"
    REOPENED = "reopened"
    WAIVED = "waived"  # verified or closed with policy milestones outstanding, and why

    @classmethod
    def _prefix(cls) -> str:
        return "hazard_event"


@dataclass(frozen=True)
class SeverityRule:
    """Deadlines for one severity, counted from when the hazard opens."""

    severity: HazardSeverity
    fix_days: int
    interim_hours: int | None = None  # interim control measures within
    plan_days: int | None = None  # remediation plan within
    report_head_office: bool = False


@dataclass(frozen=True)
class SeverityPolicy:
    general: SeverityRule = SeverityRule(HazardSeverity.GENERAL, fix_days=7)
    major: SeverityRule = SeverityRule(
        HazardSeverity.MAJOR, fix_days=30, interim_hours=24, plan_days=3, report_head_office=True
    )

    def rule(self, severity: HazardSeverity) -> SeverityRule:
        return self.major if severity == HazardSeverity.MAJOR else self.general


@dataclass(frozen=True)
class HazardInput:
    """A hand-entered hazard, or the editable fields of one. `due` is a local calendar date (the
    end of that day in the branch's zone); None: from the severity policy."""

    description: str
    severity: HazardSeverity = HazardSeverity.GENERAL
    location: str = ""
    owner: str = ""  # a person's name; the owner gets the due-date reminders
    due: date | None = None
    title: str = ""  # short; defaults to the description's first line


@dataclass(frozen=True)
class HazardInfo:
    """A row of the register. `overdue` and `age_days` are computed at read time (UTC now)."""

    id: int
    number: str  # human reference, e.g. YH-2026-0007
    title: str
    description: str
    severity: HazardSeverity
    status: HazardStatus
    source: HazardSource
    location: str
    owner: str
    due_date: date  # the calendar date it is due by (stored as a date)
    due_at: datetime  # derived, UTC: the end of that date in the branch's zone (reminders, sorting)
    interim_due_at: datetime | None  # major only
    plan_due_at: datetime | None  # major only
    report_head_office: bool
    inspection_id: int | None
    item_number: int | None
    template_code: str  # "" for a manual hazard
    opened_by: str
    opened_at: datetime
    remediated_by: str | None
    remediated_at: datetime | None
    verified_by: str | None
    verified_at: datetime | None
    closed_by: str | None
    closed_at: datetime | None
    schedule_id: int | None  # the one-off HAZARD schedule carrying the due reminders
    drill_id: int | None  # the drill that found it (source DRILL)
    overdue: bool
    age_days: int  # days open: from opened_at to closed_at (or now)
    # a major hazard's policy milestones with no step of their kind (rules.outstanding_milestones)
    outstanding: tuple[RemediationKind, ...] = ()

    @property
    def closed_short(self) -> bool:
        """Verified or closed with policy milestones outstanding (under a recorded waiver)."""
        return bool(self.outstanding) and not self.status.is_open


@dataclass(frozen=True)
class RemediationStep:
    id: int
    kind: RemediationKind
    text: str
    evidence: tuple[AttachmentRef, ...]
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class HazardEvent:
    id: int
    kind: HazardEventKind
    actor: str
    at: datetime
    note: str
    changes: dict[str, tuple[str, str]]  # field -> (before, after), for EDITED


@dataclass(frozen=True)
class HazardDetail:
    info: HazardInfo
    photos: tuple[AttachmentRef, ...]  # from the failed item (and its amendment)
    steps: tuple[RemediationStep, ...]
    events: tuple[HazardEvent, ...]
    verification_note: str
    checklist: Text2 = field(default_factory=Text2)  # the name of the checklist that found it, if any
    drill_title: str = ""  # the title of the drill that found it, if any

    @property
    def evidence(self) -> tuple[AttachmentRef, ...]:
        return tuple(ref for step in self.steps for ref in step.evidence)

    def milestone_done(self, kind: RemediationKind) -> bool:
        return any(step.kind == kind for step in self.steps)


@dataclass(frozen=True)
class HazardFilter:
    statuses: tuple[HazardStatus, ...] = ()  # empty: any
    open_only: bool = False  # open or remediated
    severity: HazardSeverity | None = None
    owner: str = ""
    overdue_only: bool = False
    text: str = ""  # in number, title, description, location
    opened_from: date | None = None  # local dates, inclusive
    opened_to: date | None = None
    inspection_id: int | None = None
    source: HazardSource | None = None
    drill_id: int | None = None  # raised from this drill


@dataclass(frozen=True)
class HazardCounts:
    """For the dashboard: open hazards (open or remediated) by severity, and the overdue ones."""

    open_by_severity: dict[HazardSeverity, int]
    overdue_by_severity: dict[HazardSeverity, int]

    @property
    def open_total(self) -> int:
        return sum(self.open_by_severity.values())

    @property
    def overdue_total(self) -> int:
        return sum(self.overdue_by_severity.values())
