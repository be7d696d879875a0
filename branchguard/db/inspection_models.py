"""ORM models of inspections and the hazard register.

Templates are versioned like playbooks (an approved version is never changed; edits make a draft;
approving it retires the previous one). An inspection records the version it ran on and has one
answer row per item from the start. A submitted inspection is never changed: corrections are
amendment rows. A hazard from a failed item is unique per (inspection, item number), so the rule
"a failed item opens exactly one hazard" also holds against two sessions racing. Photos and evidence
live in the content-addressed attachment store; rows keep [{name, sha256, size, media_type}].
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchguard.db import schedule_models  # noqa: F401  (tables its foreign keys point at)
from branchguard.db.base import Base, UTCDateTime, utcnow


class TemplateRow(Base):
    __tablename__ = "inspection_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list[TemplateVersionRow]] = relationship(
        back_populates="template", order_by="TemplateVersionRow.number", cascade="all, delete-orphan"
    )


class TemplateVersionRow(Base):
    """One version; approved and retired versions are never changed again."""

    __tablename__ = "inspection_template_versions"
    __table_args__ = (UniqueConstraint("template_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_templates.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    cadence: Mapped[str] = mapped_column(String(16))
    description_zh: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")  # where the cadence/items come from
    params: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{key, zh, en, value}]
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    template: Mapped[TemplateRow] = relationship(back_populates="versions")
    items: Mapped[list[TemplateItemRow]] = relationship(
        back_populates="version", order_by="TemplateItemRow.position", cascade="all, delete-orphan"
    )


class TemplateItemRow(Base):
    __tablename__ = "inspection_template_items"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_template_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # 1-based: the item's number
    key: Mapped[str] = mapped_column(String(40))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    criterion_zh: Mapped[str] = mapped_column(Text, default="")
    criterion_en: Mapped[str] = mapped_column(Text, default="")
    photo_required_on_fail: Mapped[bool] = mapped_column(Boolean, default=False)
    severity_on_fail: Mapped[str] = mapped_column(String(16))

    version: Mapped[TemplateVersionRow] = relationship(back_populates="items")


class InspectionRow(Base):
    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_templates.id", ondelete="RESTRICT"), index=True
    )
    # the version the inspection ran on: its items are what the answers refer to
    version_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_template_versions.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_occurrences.id", ondelete="SET NULL"), nullable=True
    )
    started_by: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    submitted_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    inspector_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    inspector_signed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    inspector_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reviewer_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    reviewer_signed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    reviewer_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    answers: Mapped[list[AnswerRow]] = relationship(
        back_populates="inspection", order_by="AnswerRow.number", cascade="all, delete-orphan"
    )
    amendments: Mapped[list[AmendmentRow]] = relationship(
        back_populates="inspection", order_by="AmendmentRow.id", cascade="all, delete-orphan"
    )


class AnswerRow(Base):
    """One item of an inspection, as answered before submit (never changed after it)."""

    __tablename__ = "inspection_answers"
    __table_args__ = (UniqueConstraint("inspection_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(String(8), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    photos: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    answered_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    inspection: Mapped[InspectionRow] = relationship(back_populates="answers")


class AmendmentRow(Base):
    """A correction of a submitted inspection's item: a new row, with its reason, never an edit."""

    __tablename__ = "inspection_amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    old_result: Mapped[str] = mapped_column(String(8))
    new_result: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    photos: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    reason: Mapped[str] = mapped_column(Text)
    amended_by: Mapped[str] = mapped_column(String(64))
    amended_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    hazard_id: Mapped[int | None] = mapped_column(
        ForeignKey("hazards.id", ondelete="SET NULL"), nullable=True
    )

    inspection: Mapped[InspectionRow] = relationship(back_populates="amendments")


class HazardRow(Base):
    """A hazard (隐患). From an inspection: unique per (inspection, item number); by hand: both NULL."""

    __tablename__ = "hazards"
    __table_args__ = (UniqueConstraint("inspection_id", "item_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    source: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(200), default="")
    owner: Mapped[str] = mapped_column(String(100), default="", index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
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

    steps: Mapped[list[HazardStepRow]] = relationship(
        back_populates="hazard", order_by="HazardStepRow.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[HazardEventRow]] = relationship(
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
