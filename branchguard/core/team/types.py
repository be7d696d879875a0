"""Team roster types: the training kinds, a role and who holds it, training records, and what is
missing in a role when an incident starts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from branchguard.core.kernel.types import LabelledEnum, Text2


class Gap(LabelledEnum):
    """Why a role cannot count on its holder."""

    UNASSIGNED = "unassigned"  # nobody holds it
    ABSENT = "absent"  # the holder is off duty (and so is the backup, or there is none)
    UNTRAINED = "untrained"  # the one who stands in has no record of a training the role needs
    EXPIRED = "expired"  # … or only expired ones

    @classmethod
    def _prefix(cls) -> str:
        return "team_gap"


class Expiry(LabelledEnum):
    """A training record's certificate seen from a day."""

    NONE = "none"  # no expiry
    VALID = "valid"
    EXPIRING = "expiring"  # within the reminder's lead
    EXPIRED = "expired"

    @classmethod
    def _prefix(cls) -> str:
        return "team_expiry"


@dataclass(frozen=True)
class TrainingKind:
    code: str
    name: Text2


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    on_duty: bool


@dataclass(frozen=True)
class RoleGap:
    """One role's problem at a moment; `person` is whom it is about ("" when unassigned),
    `kind` the training code (untrained, expired)."""

    role: str
    name: Text2
    gap: Gap
    person: str = ""
    kind: str = ""


@dataclass(frozen=True)
class TeamRole:
    """A role the approved plans name, who holds it and who backs them up, and the training it needs.
    `in_plans` False: no approved plan names it any more (a new version dropped it), kept on the
    roster, under the name its last plan version gave, while someone holds it."""

    code: str
    name: Text2
    holder: Person | None
    backup: Person | None
    needs: tuple[str, ...]
    gaps: tuple[RoleGap, ...] = field(default=())
    in_plans: bool = True


@dataclass(frozen=True)
class TrainingInput:
    """What a form or the CLI submits; `person` is the person's id."""

    person: int
    kind: str
    trained_on: date
    expires_on: date | None = None
    certificate: str = ""
    notes: str = ""


@dataclass(frozen=True)
class TrainingRecord:
    id: int
    person_id: int
    person: str
    kind: str
    kind_name: Text2
    trained_on: date
    expires_on: date | None
    certificate: str
    notes: str
    expiry: Expiry
    renewed: bool  # a later record of the same person and kind replaces this one
