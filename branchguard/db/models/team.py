"""ORM models of the team roster: who holds each plan role (and the backup), and training records."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import foundation as foundation_models  # noqa: F401  (tables its foreign keys point at)


class TeamAssignmentRow(Base):
    """One plan role (a team such as 灭火行动组 or a post) and the person who holds it."""

    __tablename__ = "team_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_code: Mapped[str] = mapped_column(String(40), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    backup_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    assigned_by: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TrainingRecordRow(Base):
    """A training a person took, and the certificate's expiry where it has one (calendar dates)."""

    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    trained_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    certificate: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # the one-off TRAINING schedule that reminds of the expiry (None: no expiry)
    schedule_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
