"""Inspection and hazard-register domain types: results, statuses, severities, templates, the
records the inspection and hazard services return and the inputs they take.

Times are UTC instants. A hazard's due date is entered as a local calendar date and stored as the
end of that day in the branch's zone (see HazardService); `overdue` compares it with now in UTC.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from datetime import date, datetime

from branchguard.core.hazards.types import HazardSeverity
from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.types import LabelledEnum, PlaybookStatus, Text2

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

    TWO_HOURLY = "two_hourly"  # every 2 h while open: a public venue's fire patrol
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    BEFORE_HOLIDAYS = "before_holidays"  # the last working day before each public holiday

    @property
    def lead_minutes(self) -> int:
        """How long before each occurrence its owner is reminded: a day, but a quarter of an hour
        for a patrol that comes round every two hours."""
        return 15 if self is Cadence.TWO_HOURLY else 24 * 60

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
    correct_on_spot: bool = False  # regulation says this fault is corrected on the spot: a fail asks for it
    on_fail_playbook: str = ""  # on failure, offer to start this plan at once ("" for none)


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
        return Text2(fill_params(text.zh, values), fill_params(text.en, values))


def fill_params(text: str, values: dict[str, int]) -> str:
    """`text` with each `{key}` of `values` replaced by its value; other fields are left as written."""
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
class Correction:
    """A failed item corrected on the spot (当场整改): what was done, by whom, when."""

    text: str
    corrected_by: str
    corrected_at: datetime


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
    correction: Correction | None = None  # corrected on the spot: its hazard is recorded closed
    incident_id: int | None = None  # the incident the failed item started (its on-failure plan)

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
