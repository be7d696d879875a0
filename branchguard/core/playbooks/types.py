"""Playbook domain types: tiers, categories, levels, statuses and the plain-data plan shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from branchguard.core.kernel.attachments import AttachmentRef
from branchguard.core.kernel.types import LabelledEnum, Level, PlaybookStatus, Text2


class PlanTier(LabelledEnum):
    """The three tiers of GB/T 29639, and the branch's service guides (服务指引: the seed deck's
    special service situations; short, what to say and never to do, linked to the plan of their
    category when they turn into an incident)."""

    COMPREHENSIVE = "comprehensive"
    SPECIAL = "special"
    ONSITE = "onsite"
    SERVICE = "service"

    @property
    def is_plan(self) -> bool:
        """An emergency plan proper, not a service guide."""
        return self is not PlanTier.SERVICE

    @classmethod
    def _prefix(cls) -> str:
        return "plan_tier"


class IncidentCategory(LabelledEnum):
    """The 11 service-incident categories of the CBA branch guideline, then branch-practice ones."""

    BANK_RUN = "bank_run"
    SYSTEM_FAILURE = "system_failure"
    ROBBERY = "robbery"
    NATURAL_DISASTER = "natural_disaster"
    SUDDEN_ILLNESS = "sudden_illness"
    PERSONAL_INJURY = "personal_injury"
    DISORDER = "disorder"
    CUSTOMER_SURGE = "customer_surge"
    RESOURCE_OCCUPATION = "resource_occupation"
    FALSE_INFORMATION = "false_information"
    OTHER = "other"
    FIRE_EVACUATION = "fire_evacuation"
    ATM_TAMPERING = "atm_tampering"
    POWER_IT_OUTAGE = "power_it_outage"
    LAW_ENFORCEMENT = "law_enforcement"
    LARGE_CASH_WITHDRAWAL = "large_cash_withdrawal"
    SUSPICIOUS_OBJECT = "suspicious_object"
    # issue 18's missing scenarios (branch practice)
    BRANCH_ROBBERY = "branch_robbery"
    MASS_GATHERING = "mass_gathering"
    PUBLIC_HEALTH = "public_health"
    ONLINE_POSTING = "online_posting"
    CARD_CASH_RETAINED = "card_cash_retained"
    COUNTER_FRAUD = "counter_fraud"

    @classmethod
    def _prefix(cls) -> str:
        return "category"


@dataclass(frozen=True)
class PlanRole:
    """A role a plan assigns steps to: a branch post or a plan-specific team (e.g. 灭火行动组)."""

    code: str
    name: Text2


@dataclass(frozen=True)
class ContactRef:
    """A contact a plan calls, portable across branches: its kind and number."""

    kind: str
    phone: str
    name: str = ""


@dataclass(frozen=True)
class Step:
    """One step of a plan. `key` stays the same across versions so versions can be diffed."""

    key: str
    text: Text2
    role: str = ""
    target_minutes: int | None = None
    checkpoint: bool = False
    deadline_minutes: int | None = None
    condition: Text2 = field(default_factory=Text2)
    goto: str | None = None  # key of the step the condition jumps to


@dataclass(frozen=True)
class PlanContent:
    """Everything a version of a plan says: what the editor edits and the file format carries."""

    code: str
    title: Text2
    tier: PlanTier
    category: IncidentCategory
    levels: tuple[Level, ...]
    triggers: Text2 = field(default_factory=Text2)
    cautions: Text2 = field(default_factory=Text2)
    roles: tuple[PlanRole, ...] = ()
    contacts: tuple[ContactRef, ...] = ()
    steps: tuple[Step, ...] = ()
    attachments: tuple[AttachmentRef, ...] = ()  # floor plans, wiring diagrams, notices


@dataclass(frozen=True)
class VersionInfo:
    playbook_id: int
    version_id: int
    code: str
    number: int
    status: PlaybookStatus
    builtin: bool
    created_by: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    note: str


@dataclass(frozen=True)
class PlaybookSummary:
    """A row of the playbook list: the plan's current version (approved, else its draft)."""

    id: int
    code: str
    title: Text2
    tier: PlanTier
    category: IncidentCategory
    levels: tuple[Level, ...]
    status: PlaybookStatus
    version: int
    has_draft: bool
    builtin: bool
    step_count: int
    updated_at: datetime


@dataclass(frozen=True)
class PlaybookVersion:
    """One version in full: its bookkeeping and its content."""

    info: VersionInfo
    content: PlanContent


@dataclass(frozen=True)
class ImportItem:
    """One plan read from an exchange file, with the status the file gives it."""

    content: PlanContent
    status: PlaybookStatus  # approved or draft
