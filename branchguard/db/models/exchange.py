"""ORM models of the exchange with head office.

Branch side: `exchange_packages` remembers each period package made (its ledger head), so the next
package carries the ledger entries since the previous one.

Head-office side (its own database): `head_office` (one row) marks the database as head office's;
`ho_branches` the registered branches with their public keys and the ledger head received so far;
`ho_packages` every package imported; `ho_ledger` the received ledger positions (continuity);
`ho_records` the branches' records, one row per (branch, kind, record), the latest package's copy
(a drill rule's compliance is kept per period: its record is "<period>/<rule>");
`ho_quarantine` the packages refused for rewriting or dropping history, with the reason.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow

GENESIS = "0" * 64


class ExchangePackageRow(Base):
    """A period package this branch made: the ledger head it carried."""

    __tablename__ = "exchange_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    previous_seq: Mapped[int] = mapped_column(Integer)
    ledger_seq: Mapped[int] = mapped_column(Integer)
    ledger_hash: Mapped[str] = mapped_column(String(64))
    manifest_sha256: Mapped[str] = mapped_column(String(64))


class HeadOfficeRow(Base):
    """Present only in a head-office database: its name."""

    __tablename__ = "head_office"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class HoBranchRow(Base):
    __tablename__ = "ho_branches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    public_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519, hex
    fingerprint: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    added_by: Mapped[str] = mapped_column(String(64))
    ledger_seq: Mapped[int] = mapped_column(Integer, default=0)
    ledger_hash: Mapped[str] = mapped_column(String(64), default=GENESIS)
    last_package_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class HoPackageRow(Base):
    __tablename__ = "ho_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("ho_branches.id", ondelete="RESTRICT"), index=True)
    period: Mapped[str] = mapped_column(String(16))
    manifest_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64))
    ledger_from: Mapped[int] = mapped_column(Integer)
    ledger_to: Mapped[int] = mapped_column(Integer)
    ledger_hash: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    file_name: Mapped[str] = mapped_column(String(255))


class HoLedgerRow(Base):
    """A ledger position received from a branch: what a later package must agree with."""

    __tablename__ = "ho_ledger"

    branch_id: Mapped[int] = mapped_column(
        ForeignKey("ho_branches.id", ondelete="RESTRICT"), primary_key=True, autoincrement=False
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))


class HoRecordRow(Base):
    """A branch's record as its latest package carried it (a drill rule's compliance: as each
    period's package carried it, `source_id` "<period>/<rule>"); the columns the roll-up counts by
    are taken out of `data` at import."""

    __tablename__ = "ho_records"
    __table_args__ = (
        UniqueConstraint("branch_id", "kind", "source_id"),
        Index("ix_ho_records_kind", "kind", "branch_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("ho_branches.id", ondelete="RESTRICT"))
    package_id: Mapped[int] = mapped_column(ForeignKey("ho_packages.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32), default="")
    level: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="")
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class HoQuarantineRow(Base):
    """A package refused because it rewrites or drops history head office holds: kept, with why."""

    __tablename__ = "ho_quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    received_by: Mapped[str] = mapped_column(String(64))
    branch_code: Mapped[str] = mapped_column(String(50))
    file_name: Mapped[str] = mapped_column(String(255))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    stored: Mapped[str] = mapped_column(String(500))
    reason_key: Mapped[str] = mapped_column(String(64))
    reason_params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
