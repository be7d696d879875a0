"""ORM models of the hazard register: hazards, their remediation steps and history, the severity policy."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import drills as drill_models  # noqa: F401  (tables its foreign keys point at)
from branchguard.db.models import inspections as inspection_models  # noqa: F401
from branchguard.db.models import schedules as schedule_models  # noqa: F401


class HazardRow(Base):
    """A hazard (隐患). From an inspection: unique per (inspection, item number); by hand: both NULL.
    Raised from a drill (migration 0025): `drill_id`, source "drill"."""

    __tablename__ = "hazards"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_number"),
        # the overdue ones: still open, due before today (migration 0021)
        Index("ix_hazards_status_due_date", "status", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    source: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(200), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    # a calendar date (migration 0019): the same day on every PC, whatever its zone; overdue once
    # that day has ended in the branch's zone
    due_date: Mapped[date] = mapped_column(Date, index=True)
    interim_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    plan_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    report_head_office: Mapped[bool] = mapped_column(Boolean, default=False)
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspections.id", ondelete="RESTRICT"), nullable=True
    )
    item_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    template_code: Mapped[str] = mapped_column(String(32), default="")
    photos: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # the failed item's
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    remediated_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    remediated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    verified_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    verification_note: Mapped[str] = mapped_column(Text, default="")
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the one-off HAZARD schedule carrying the due reminders (a new one after a move or reopen)
    schedule_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedules.id", ondelete="SET NULL"), nullable=True
    )
    # the drill that found it (migration 0025; source "drill"), last as the migration added it
    drill_id: Mapped[int | None] = mapped_column(
        ForeignKey("drill_plans.id", ondelete="RESTRICT"), nullable=True, index=True
    )

    steps: Mapped[list["HazardStepRow"]] = relationship(
        back_populates="hazard", order_by="HazardStepRow.id", cascade="all, delete-orphan"
    )
    events: Mapped[list["HazardEventRow"]] = relationship(
        back_populates="hazard", order_by="HazardEventRow.id", cascade="all, delete-orphan"
    )


class HazardStepRow(Base):
    """A remediation (整改) step, with its evidence photos."""

    __tablename__ = "hazard_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    text: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    hazard: Mapped[HazardRow] = relationship(back_populates="steps")


class HazardEventRow(Base):
    """The hazard's history: opened, edited, remediated, verified, closed, reopened."""

    __tablename__ = "hazard_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # field -> [before, after]

    hazard: Mapped[HazardRow] = relationship(back_populates="events")


class SeverityRuleRow(Base):
    """The branch's hazard severity policy, one row per severity; none stored: the defaults."""

    __tablename__ = "hazard_severity_rules"

    severity: Mapped[str] = mapped_column(String(16), primary_key=True)
    fix_days: Mapped[int] = mapped_column(Integer)
    interim_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plan_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    report_head_office: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
