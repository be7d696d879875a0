"""Anchor types: what the anchors read of the ledger, a signed anchor, and what checking anchors proved.

An anchor is one signed line that says "at this moment the ledger ended at entry N with hash H, and
record R's own latest entry was entry M with hash K". Kept outside the database (a folder of the
user's choosing, a printed report, a package sent to head office), it lets `verify --anchor` prove
that the data still holds every anchored state: a truncated, rewritten or replaced ledger no longer
has hash H at entry N, even when its chain was recomputed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from branchguard.core.kernel.i18n import Message

GENESIS = "0" * 64  # the hash of an empty ledger


class Position(Protocol):
    """A place in the ledger: its entry number and that entry's hash (core/ledger's LedgerHead)."""

    @property
    def seq(self) -> int: ...

    @property
    def hash(self) -> str: ...


class LedgerView(Protocol):
    """What the anchors read of the ledger, over one connection. `core/anchors/ledger_link.py` is
    the one place that builds it for the application."""

    def head(self) -> Position:
        """The last entry: seq 0 and 64 zeros when the ledger is empty."""
        ...

    def hash_at(self, seq: int) -> str | None:
        """The hash of entry `seq`, None when there is no such entry."""
        ...

    def record_head(self, entity: str, entity_id: str) -> Position | None:
        """The ledger position of the record's latest entry, None when the ledger has none for it."""
        ...

    def consistent(
        self, only: Collection[tuple[str, str]] | None = None, kinds: Collection[str] | None = None
    ) -> bool:
        """Whether the chain recomputes from its entries and the records (or `only` those named by
        (entity, id), each with its parts, and those of `kinds`) equal their ledgered states: what
        plain `verify` proves."""
        ...


@dataclass(frozen=True)
class Head:
    """A ledger position handed out; satisfies `Position`."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Anchor:
    """One signed anchor line. `record` names the record a report is about ("incident:12"), or is
    empty for a document about no single record (a register); then its seq and hash are None."""

    at: datetime  # UTC
    ledger_seq: int
    ledger_hash: str
    record: str
    record_seq: int | None
    record_hash: str | None
    what: str  # what the head was handed out for, e.g. "report incident 12"
    fingerprint: str  # first 16 hex digits of SHA-256 of the raw public key
    public_key: str  # the raw Ed25519 public key, hex
    signature: str  # Ed25519 over the canonical content (rules.signed_bytes), hex


@dataclass(frozen=True)
class KeyInfo:
    """This installation's signing key, as shown on reports, in Settings and by `anchor show`."""

    fingerprint: str
    public_key: str
    path: str  # the private key file


class SourceKind(Enum):
    FILE = "file"  # an anchor file: one JSON anchor per line
    PDF = "pdf"  # a report PDF with its anchor embedded
    PACKAGE = "package"  # a head-office package: a JSON document with a list of anchors
    EXPORT = "export"  # an exported file carrying its anchor: an Excel workbook, a playbook export


@dataclass(frozen=True)
class ReadAnchor:
    """An anchor as read from a source: where it was (line or list position, from 1) and either
    the anchor or the reason it could not be read."""

    where: int
    anchor: Anchor | None
    problem: Message | None = None


class Failure(Enum):
    """Why one anchor does not hold, in the order checked."""

    UNREADABLE = "unreadable"  # not an anchor at all
    SIGNATURE = "signature"  # edited after signing, or signed by another key than it names
    EMPTY = "empty"  # the ledger holds nothing: emptied, or replaced by a new database
    TRUNCATED = "truncated"  # the ledger now ends below the anchored entry
    REWRITTEN = "rewritten"  # the anchored entry has another hash: history rewritten or replaced
    RECORD = "record"  # the record's anchored entry has another hash or is gone


@dataclass(frozen=True)
class AnchorResult:
    where: int
    anchor: Anchor | None
    failure: Failure | None
    reason: Message | None  # the failure worded, with the numbers and hashes involved
    own_key: bool = False  # signed by this installation's key

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass(frozen=True)
class AnchorReport:
    """What checking the anchors of one source against the current ledger proved."""

    source: str
    kind: SourceKind
    results: tuple[AnchorResult, ...]
    head: Head  # the ledger's end now
    chain_consistent: bool

    @property
    def failures(self) -> tuple[AnchorResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    @property
    def ok(self) -> bool:
        return bool(self.results) and self.chain_consistent and not self.failures

    @property
    def latest(self) -> Anchor | None:
        """The holding anchor that reaches furthest into the ledger (the latest in time among equals)."""
        held = [r.anchor for r in self.results if r.ok and r.anchor is not None]
        return max(held, key=lambda a: (a.ledger_seq, a.at), default=None)


@dataclass(frozen=True)
class Stamp:
    """What a report or export prints about its integrity, and the anchor it appends once written.
    Without a usable signing key (a read-only data folder at first use) `key` and `anchor` are None
    and `problem` says why: the document still prints the heads and the proof."""

    ledger: Head
    record: Head | None
    proof: Message | None  # exactly what was proved when the document was made; None: nothing (prove=False)
    key: KeyInfo | None
    anchor: Anchor | None
    problem: Message | str | None = None


@dataclass(frozen=True)
class AnchorWrite:
    """Whether the stamp's anchor reached the anchor file; when not, why (the document is still written)."""

    path: str
    written: bool
    problem: Message | None = None
