"""Account types: the record of a login account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from branchguard.core.kernel.types import Role


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    created_at: datetime
