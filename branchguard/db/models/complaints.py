"""ORM models of customer complaints: the categories (data), complaints, their steps and history."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import incidents as incident_models  # tables its foreign keys point at
from branchguard.db.models import schedules as schedule_models  # noqa: F401


class ComplaintCategoryRow(Base):
    """A complaint category (attitude, process, fees, …): data, seeded from a built-in list."""

    __tablename__ = "complaint_categories"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class ComplaintRow(Base):
    """A complaint (投诉), grumble (抱怨) or objection (异议) and where it stands in the five steps."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    channel: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    # None for a grumble or an objection: only complaints run the clock
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    clock_stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    customer_name: Mapped[str] = mapped_column(String(100))
    customer_phone: Mapped[str] = mapped_column(String(32), default="")
    customer_id_number: Mapped[str] = mapped_column(String(32), default="")
    representatives: Mapped[list[str]] = mapped_column(JSON, default=list)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), nullable=True
    )
    subject_person: Mapped[str] = mapped_column(String(100), default="")
    subject_post: Mapped[str] = mapped_column(String(100), default="")
    business_line: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(
        ForeignKey("complaint_categories.code", ondelete="RESTRICT"), index=True
    )
    request: Mapped[str] = mapped_column(Text)
    facts: Mapped[str] = mapped_column(Text, default="")
    first_responsible: Mapped[str] = mapped_column(String(100))
    handler: Mapped[str] = mapped_column(String(100), default="")
    cause: Mapped[str | None] = mapped_column(String(16), nullable=True)
    satisfaction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    registered_by: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # the one-off COMPLAINT schedule carrying the due reminders (a new one after an extension)
    schedule_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedules.id", ondelete="SET NULL"), nullable=True
    )

    steps: Mapped[list["ComplaintStepRow"]] = relationship(
        back_populates="complaint", order_by="ComplaintStepRow.id", cascade="all, delete-orphan"
    )
    events: Mapped[list["ComplaintEventRow"]] = relationship(
        back_populates="complaint", order_by="ComplaintEventRow.id", cascade="all, delete-orphan"
    )
    # the archive's follow-up actions, on the one corrective-action list (incident_actions)
    actions: Mapped[list[incident_models.IncidentActionRow]] = relationship(
        order_by="IncidentActionRow.id", foreign_keys="IncidentActionRow.complaint_id"
    )


class ComplaintStepRow(Base):
    """One of the five steps as recorded: who, when, the text, its own fields, evidence by hash."""

    __tablename__ = "complaint_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    complaint: Mapped[ComplaintRow] = relationship(back_populates="steps")


class ComplaintEventRow(Base):
    """The complaint's history: registered, assigned, each step, extended, withdrawn."""

    __tablename__ = "complaint_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    complaint: Mapped[ComplaintRow] = relationship(back_populates="events")
