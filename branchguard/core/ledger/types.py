"""What the ledger hands out: its head, a broken record, the verify report, a record's seal."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from branchguard.core.kernel.i18n import Message


class LedgerAction(StrEnum):
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    ADOPT = "adopt"  # a record that existed before the ledger did, taken in once
    APPEND = "append"  # an incident log entry: its digest is the entry's own chain hash
    ALTERED = "altered"  # a record found changed outside the app, as found (core/ledger/outside.py)


@dataclass(frozen=True)
class LedgerHead:
    """A position in the ledger: the entry number and its hash (0 and 64 zeros when empty)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class LedgerProblem:
    """One broken record (or the chain itself, entity "ledger"), and what is wrong with it."""

    entity: str
    entity_id: str
    message: Message


@dataclass(frozen=True)
class LedgerReport:
    """What `verify` found. `proved` says exactly what a clean run proves, and no more."""

    head: LedgerHead
    entries: int  # ledger entries
    records: int  # evidence records found in the database
    incidents: int
    log_entries: int
    attachments: int  # attachment files re-hashed
    problems: tuple[LedgerProblem, ...]
    written: int = (
        0  # records someone wrote (accounts, incidents, drills, inspections, …): not built-in content
    )
    # What a reader must know though nothing is broken: an incident log whose times run backwards
    # (the PC's clock was changed while it was written). Not a problem: `ok` ignores them.
    warnings: tuple[LedgerProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def empty(self) -> bool:
        """No record anyone wrote: a new database (or one emptied and opened again) holds only the
        built-in content the app loads itself, and a clean verify of it proves nothing about records."""
        return self.written == 0

    @property
    def proved(self) -> Message:
        if not self.ok:
            return Message("ledger.proved.broken", count=len(self.problems))
        return Message("ledger.proved.consistent")

    def verdict(self, proved: Message) -> Message:
        """The verdict's line, as `verify` prints it and the Audit page's Verify… heads its box
        with: failed, nothing written to verify, or passed with what the check covered and `proved`
        (what a clean run proves: `self.proved`, or more with anchors)."""
        if not self.ok:
            return Message(
                "cli.ledger.failed", count=len(self.problems), entries=self.entries, records=self.records
            )
        if self.empty:
            return Message("cli.ledger.empty", entries=self.entries, records=self.records)
        return Message(
            "cli.ledger.ok",
            entries=self.entries,
            records=self.records,
            incidents=self.incidents,
            log_entries=self.log_entries,
            files=self.attachments,
            seq=self.head.seq,
            hash=self.head.hash,
            proved=proved,
        )
