"""People types: a person's post, a contact's kind, and the roster's and contacts' records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
    # Every plan reports to the superior branch (上级行), which reaches head office: its security
    # duty is the number a branch keeps. Stored as "head_office_security" before; see _missing_.
    SUPERIOR_SECURITY = "superior_security"
    POLICE_STATION = "police_station"  # the local police station (辖区派出所), besides 110
    CASH_IN_TRANSIT = "cash_in_transit"
    GUARD_COMPANY = "guard_company"
    PUBLIC_RELATIONS = "public_relations"  # the superior branch's PR / public-opinion desk
    CONSUMER_PROTECTION = "consumer_protection"
    LEGAL_COMPLIANCE = "legal_compliance"
    CARD_DEPARTMENT = "card_department"
    PROPERTY_MANAGEMENT = "property_management"
    ALARM_COMPANY = "alarm_company"
    IT_HELPDESK = "it_helpdesk"
    POWER_COMPANY = "power_company"
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "contact_kind"

    @classmethod
    def _missing_(cls, value: Any) -> ContactKind | None:
        """Contacts, audit records and exchange files written before the rename keep the old
        value; they read as the kind it became."""
        return cls(FORMER_VALUES[value]) if value in FORMER_VALUES else None

    def stored_values(self) -> tuple[str, ...]:
        """Every value a row of this kind may hold: its own and any it had before."""
        return (self.value, *(old for old, new in FORMER_VALUES.items() if new == self.value))


FORMER_VALUES: dict[str, str] = {"head_office_security": "superior_security"}


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


def builtin_name(kind: str, name: str) -> str:
    """A built-in public number's name in the language shown: it is stored in Chinese, as the
    database was first made; a name the branch gave it stays as it is."""
    from branchguard.core.kernel.i18n import t

    key = f"contact.builtin.{kind}"
    return t(key) if name == t(key, lang="zh_CN") else name


@dataclass(frozen=True)
class ContactInfo:
    id: int
    name: str  # as stored (what an edit starts from)
    kind: ContactKind
    phone: str
    alt_phone: str
    notes: str
    builtin: bool
    sort_order: int

    @property
    def shown_name(self) -> str:
        """The name to show: a built-in number's in the language shown."""
        return builtin_name(self.kind.value, self.name) if self.builtin else self.name
