"""People types: a person's post, a contact's kind, and the roster's and contacts' records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from branchguard.core.kernel.types import LabelledEnum


class BranchRole(LabelledEnum):
    """A person's post in the branch (网点岗位)."""

    BRANCH_HEAD = "branch_head"
    DEPUTY_HEAD = "deputy_head"
    SAFETY_OFFICER = "safety_officer"
    LOBBY_MANAGER = "lobby_manager"
    TELLER = "teller"
    CUSTOMER_MANAGER = "customer_manager"
    SECURITY_GUARD = "security_guard"
    IT_LIAISON = "it_liaison"
    CLEANER = "cleaner"
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "branch_role"


class ContactKind(LabelledEnum):
    """What an emergency contact is for."""

    POLICE = "police"
    FIRE = "fire"
    AMBULANCE = "ambulance"
    ANTI_FRAUD = "anti_fraud"
    HEAD_OFFICE_SECURITY = "head_office_security"
    PROPERTY_MANAGEMENT = "property_management"
    ALARM_COMPANY = "alarm_company"
    IT_HELPDESK = "it_helpdesk"
    POWER_COMPANY = "power_company"
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "contact_kind"


@dataclass(frozen=True)
class PersonInput:
    """What a form or the CLI submits to create or edit a staff member."""

    name: str
    branch_role: BranchRole
    mobile: str = ""
    phone: str = ""
    on_duty: bool = True
    notes: str = ""


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    branch_role: BranchRole
    mobile: str
    phone: str
    on_duty: bool
    notes: str
    updated_at: datetime


@dataclass(frozen=True)
class ContactInput:
    name: str
    kind: ContactKind
    phone: str
    alt_phone: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str
    kind: ContactKind
    phone: str
    alt_phone: str
    notes: str
    builtin: bool
    sort_order: int
