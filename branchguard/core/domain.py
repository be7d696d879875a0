"""Domain types shared by the services, the CLI and the GUI (plain data, no ORM objects)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from branchguard.core.i18n import t


class LabelledEnum(enum.StrEnum):
    """A str enum whose members have a translated label under `<prefix>.<value>`."""

    @classmethod
    def _prefix(cls) -> str:
        raise NotImplementedError

    @property
    def label(self) -> str:
        return t(f"{self._prefix()}.{self.value}")


class Role(LabelledEnum):
    """Application role of a login account."""

    LEAD = "lead"
    STAFF = "staff"
    AUDITOR = "auditor"

    @classmethod
    def _prefix(cls) -> str:
        return "role"


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
class Actor:
    """Who is calling a service: the logged-in user, or the system itself."""

    user_id: int | None
    username: str
    role: Role

    @classmethod
    def system(cls) -> Actor:
        return cls(user_id=None, username="system", role=Role.LEAD)


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str
    code: str
    address: str
    lockout_threshold: int
    lockout_minutes: int


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    created_at: datetime


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


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    summary: str
    before: dict[str, object] = field(default_factory=dict)
    after: dict[str, object] = field(default_factory=dict)
