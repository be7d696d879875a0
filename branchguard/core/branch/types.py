"""Branch types: the branch record and its settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str
    code: str
    address: str
    lockout_threshold: int
    lockout_minutes: int
