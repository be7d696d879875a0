"""Inspection and hazard-register domain types: results, statuses, severities, templates, the
records the inspection and hazard services return and the inputs they take.

Times are UTC instants. A hazard's due date is entered as a local calendar date and stored as the
end of that day in the branch's zone (see HazardService); `overdue` compares it with now in UTC.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date, datetime

from branchguard.core.attachments import AttachmentRef
from branchguard.core.domain import LabelledEnum
from branchguard.core.playbook_types import PlaybookStatus, Text2

# Template versions follow the playbook lifecycle: draft -> approved (published) -> retired.
TemplateStatus = PlaybookStatus


class ItemResult(LabelledEnum):
    PASS = "pass"
    FAIL = "fail"
    NA = "na"

    @classmethod
    def _prefix(cls) -> str:
        return "item_result"


class InspectionStatus(LabelledEnum):
    DRAFT = "draft"  # being answered; answers and signatures may change
    SUBMITTED = "submitted"  # frozen; corrections are amendments

    @classmethod
    def _prefix(cls) -> str:
        return "inspection_status"


class Cadence(LabelledEnum):
    """How often a template is run by default; the value is a schedules preset name."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @classmethod
    def _prefix(cls) -> str:
        return "cadence"


class ItemCategory(LabelledEnum):
    """What a checklist item looks at."""

    FIRE_SAFETY = "fire_safety"  # use of fire/electricity, extinguishers, hydrants, fire doors
    ELECTRICAL = "electrical"
    EXITS = "exits"  # exits, escape routes, signs, emergency lighting, evacuation map
    ALARM = "alarm"  # panic buttons, intrusion detectors, alarm paths
    CCTV = "cctv"
    SELF_SERVICE = "self_service"  # ATMs and self-service devices
    CASH_VAULT = "cash_vault"
    FIRST_AID = "first_aid"
    POWER = "power"  # UPS, generator, protected circuits
    STAFFING = "staffing"  # posts staffed, dual control
    RECORDS = "records"  # logs, training and drill records, signatures
    FOLLOW_UP = "follow_up"  # earlier hazards fixed
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "item_category"


class HazardSeverity(LabelledEnum):
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


class HazardSource(LabelledEnum):
    INSPECTION = "inspection"  # a failed item (automatic)
    MANUAL = "manual"  # entered by hand

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

    @classmethod
    def _prefix(cls) -> str:
        return "hazard_event"


class SignatureRole(LabelledEnum):
    INSPECTOR = "inspector"
    REVIEWER = "reviewer"

    @classmethod
    def _prefix(cls) -> str:
        return "signature_role"


# --- templates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateParam:
    """A configurable number an item text refers to as `{key}`, e.g. CCTV `retention_days` = 30."""

    key: str
    name: Text2
    value: int


@dataclass(frozen=True)
class TemplateItem:
    """One checklist item. `key` stays the same across versions. Texts may hold `{param}` fields;
    what inspections and reports show is TemplateContent.render(...) of them."""

    key: str
    text: Text2
    category: ItemCategory
    criterion: Text2  # what "pass" means
    photo_required_on_fail: bool = False
    severity_on_fail: HazardSeverity = HazardSeverity.GENERAL


@dataclass(frozen=True)
class TemplateContent:
    """Everything a version of a template says: what the editor edits."""

    code: str
    name: Text2
    cadence: Cadence
    items: tuple[TemplateItem, ...]
    description: Text2 = field(default_factory=Text2)
    params: tuple[TemplateParam, ...] = ()
    source: str = ""  # where the cadence and items come from, and whether that was checked

    def param(self, key: str) -> int | None:
        return next((p.value for p in self.params if p.key == key), None)

    def render(self, text: Text2) -> Text2:
        """`text` with its `{param}` fields filled from this version's parameters."""
        values = {p.key: p.value for p in self.params}
        return Text2(_fill(text.zh, values), _fill(text.en, values))


def _fill(text: str, values: dict[str, int]) -> str:
    out = []
    for literal, name, _spec, _conv in string.Formatter().parse(text):
        out.append(literal)
        if name is not None:
            out.append(str(values[name]) if name in values else "{" + name + "}")
    return "".join(out)


@dataclass(frozen=True)
class TemplateVersionInfo:
    template_id: int
    version_id: int
    code: str
    number: int
    status: TemplateStatus
    builtin: bool
    created_by: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    note: str


@dataclass(frozen=True)
class TemplateInfo:
    """A row of the template list: the template's current version (approved, else its draft)."""

    id: int
    code: str
    name: Text2
    cadence: Cadence
    status: TemplateStatus
    version: int
    has_draft: bool
    builtin: bool
    item_count: int
    updated_at: datetime


@dataclass(frozen=True)
class TemplateVersion:
    info: TemplateVersionInfo
    content: TemplateContent


# --- inspections -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InspectionInput:
    """What starting an inspection takes besides the template code."""

    location: str = ""  # e.g. 营业厅 / 自助区; hazards from this inspection default to it
    occurrence_id: int | None = None  # the due schedule occurrence this run completes on submit
    notes: str = ""


@dataclass(frozen=True)
class Answer:
    """One item of an inspection, as answered (and as amended: `result`/`note` are the effective
    values after amendments, `original_*` what was submitted)."""

    number: int  # 1-based position in the template version
    item: TemplateItem  # texts already rendered with the version's parameters
    result: ItemResult | None  # None: not answered yet
    note: str
    photos: tuple[AttachmentRef, ...]
    answered_by: str | None
    answered_at: datetime | None
    original_result: ItemResult | None
    hazard_id: int | None  # the hazard this item opened (fail on submit or by amendment)

    @property
    def amended(self) -> bool:
        return self.result != self.original_result


@dataclass(frozen=True)
class Signature:
    role: SignatureRole
    name: str  # the person who signs, as typed / picked from people
    signed_by: str  # the login that recorded it
    signed_at: datetime


@dataclass(frozen=True)
class Amendment:
    """A correction to a submitted inspection: never an edit, always a new row."""

    id: int
    inspection_id: int
    item_number: int
    old_result: ItemResult
    new_result: ItemResult
    note: str
    photos: tuple[AttachmentRef, ...]
    reason: str
    amended_by: str
    amended_at: datetime
    hazard_id: int | None  # opened by this amendment (pass/na -> fail with no hazard yet)


@dataclass(frozen=True)
class InspectionInfo:
    """A row of the inspection list."""

    id: int
    template_code: str
    template_name: Text2
    template_version: int  # the version's number
    template_version_id: int
    status: InspectionStatus
    location: str
    notes: str
    started_by: str
    started_at: datetime
    submitted_by: str | None
    submitted_at: datetime | None
    occurrence_id: int | None
    total: int
    answered: int
    failed: int  # effective (after amendments)
    hazard_count: int
    amendment_count: int


@dataclass(frozen=True)
class InspectionDetail:
    info: InspectionInfo
    params: tuple[TemplateParam, ...]
    answers: tuple[Answer, ...]
    signatures: tuple[Signature, ...]
    amendments: tuple[Amendment, ...]

    def signature(self, role: SignatureRole) -> Signature | None:
        return next((s for s in self.signatures if s.role == role), None)

    @property
    def unanswered(self) -> tuple[int, ...]:
        return tuple(a.number for a in self.answers if a.result is None)


@dataclass(frozen=True)
class InspectionFilter:
    status: InspectionStatus | None = None
    template_code: str = ""
    start: date | None = None  # started on/after (local date)
    end: date | None = None  # started on/before (local date)


# --- hazards -----------------------------------------------------------------------------------


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
    due_at: datetime  # UTC: the end of the due date in the branch's zone
    due_date: date  # that date, local
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
    overdue: bool
    age_days: int  # days open: from opened_at to closed_at (or now)


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
