"""ORM models of the head-office library on a branch: the head-office key the branch trusts, the
working-day years it holds beyond the built-in holiday data, and each library it applied.

`library_trusted_keys` has one row per purpose ("head_office"): the Ed25519 public key (raw, hex)
and its fingerprint, set by the lead (`branchguard trust head-office KEY_FILE`). `working_day_years`
holds one row per year: its days off (date, festival name) and make-up workdays, from a library or,
at head office, from the table file its staff keep. `library_imports` remembers each applied
library (its manifest's SHA-256 and creation time), so an older library is never applied over a
newer one.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow


class TrustedKeyRow(Base):
    __tablename__ = "library_trusted_keys"

    purpose: Mapped[str] = mapped_column(String(32), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(16))
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class WorkingDayYearRow(Base):
    __tablename__ = "working_day_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    holidays: Mapped[list[Any]] = mapped_column(JSON)  # [[ISO date, festival name], …] in date order
    workdays: Mapped[list[Any]] = mapped_column(JSON)  # [ISO date, …] in date order
    source: Mapped[str] = mapped_column(String(200))
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LibraryImportRow(Base):
    __tablename__ = "library_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())  # when head office made the library
    signer: Mapped[str] = mapped_column(String(16))  # the signing key's fingerprint
    issuer: Mapped[str] = mapped_column(String(200))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
