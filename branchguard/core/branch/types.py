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

    @property
    def place(self) -> str:
        """Where the branch is, as a report's place says it: its name and address."""
        return "，".join(p for p in (self.name.strip(), self.address.strip()) if p)


def place_of(branch: BranchInfo | None) -> str:
    """The branch's place, or "" before the branch is set up."""
    return branch.place if branch is not None else ""
