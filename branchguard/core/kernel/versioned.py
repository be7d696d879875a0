"""The version lifecycle shared by versioned records (inspection templates; the playbook library
follows the same rules): one draft at most, one approved version, approved versions never change,
approving a draft retires the version it replaces."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from branchguard.core.kernel.types import Actor, PlaybookStatus
from branchguard.db.base import utcnow


class VersionRow(Protocol):
    number: int
    status: str
    approved_by: str | None
    approved_at: datetime | None
    retired_at: datetime | None


class HasStatus(Protocol):
    """What choosing a version reads: its status (a row, or a plain row of its columns)."""

    @property
    def status(self) -> str: ...


V = TypeVar("V", bound=VersionRow)
S = TypeVar("S", bound=HasStatus)


def approved(versions: Sequence[S]) -> S | None:
    return next((v for v in versions if v.status == PlaybookStatus.APPROVED), None)


def draft(versions: Sequence[S]) -> S | None:
    return next((v for v in versions if v.status == PlaybookStatus.DRAFT), None)


def current(versions: Sequence[S]) -> S | None:
    """The version people use: the approved one; a never-approved record shows its draft."""
    return approved(versions) or draft(versions) or (versions[-1] if versions else None)


def next_number(versions: Sequence[V]) -> int:
    return max((v.number for v in versions), default=0) + 1


def publish(versions: Sequence[V], row: V, actor: Actor) -> None:
    """Make `row` the approved version; the one approved before is retired."""
    now = utcnow()
    previous = approved(versions)
    if previous is not None and previous is not row:
        previous.status = PlaybookStatus.RETIRED.value
        previous.retired_at = now
    row.status = PlaybookStatus.APPROVED.value
    row.approved_by = actor.username
    row.approved_at = now
