"""Exchange types: a reporting period, what a package holds, and what making one gave."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from branchguard.core.kernel.i18n import Message


@dataclass(frozen=True)
class Period:
    """A month ("2026-11") or a quarter ("2026-Q4"): local days from `start` up to, not including, `end`."""

    name: str
    start: date
    end: date


@dataclass(frozen=True)
class PackagePreview:
    """What a package of `period` would carry, counted before it is made."""

    period: Period
    branch_code: str
    branch_name: str
    counts: dict[str, int]  # records per kind
    documents: int  # PDF reports
    ledger_from: int  # the first ledger entry it carries (the one after the previous package's head)
    ledger_to: int  # the ledger's head now
    previous_period: str  # "" when no package was made before
    notes: tuple[Message, ...] = ()


@dataclass(frozen=True)
class PackageResult:
    path: str
    period: Period
    manifest_sha256: str
    counts: dict[str, int]
    documents: int
    ledger_from: int
    ledger_to: int
    ledger_hash: str
    fingerprint: str
    files: int
    anchor_problem: Message | None = None  # the package is written; its anchor line was not
    notes: tuple[Message, ...] = ()
