"""ORM models of inspections and the hazard register.

Templates are versioned like playbooks (an approved version is never changed; edits make a draft;
approving it retires the previous one). An inspection records the version it ran on and has one
answer row per item from the start. A submitted inspection is never changed: corrections are
amendment rows. A hazard from a failed item is unique per (inspection, item number), so the rule
"a failed item opens exactly one hazard" also holds against two sessions racing. Photos and evidence
live in the content-addressed attachment store; rows keep [{name, sha256, size, media_type}].
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchguard.db.base import Base, UTCDateTime, utcnow

# hazards and inspections point at each other; each module imports the other (both load fully either way).
from branchguard.db.models import hazards as hazard_models  # noqa: F401  (tables its foreign keys point at)
from branchguard.db.models import incidents as incident_models  # noqa: F401
from branchguard.db.models import schedules as schedule_models  # noqa: F401


class TemplateRow(Base):
    __tablename__ = "inspection_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list["TemplateVersionRow"]] = relationship(
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
    items: Mapped[list["TemplateItemRow"]] = relationship(
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
    # a fault regulation says is corrected on the spot (MPS Order 61 art. 31): a fail asks for it
    correct_on_spot: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # on failure, offer to start this playbook at once (the card-slot item -> ATM); "" for none
    on_fail_playbook: Mapped[str] = mapped_column(String(32), default="", server_default="")

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

    answers: Mapped[list["AnswerRow"]] = relationship(
        back_populates="inspection", order_by="AnswerRow.number", cascade="all, delete-orphan"
    )
    amendments: Mapped[list["AmendmentRow"]] = relationship(
        back_populates="inspection", order_by="AmendmentRow.id", cascade="all, delete-orphan"
    )
    corrections: Mapped[list["CorrectionRow"]] = relationship(
        back_populates="inspection", order_by="CorrectionRow.number", cascade="all, delete-orphan"
    )
    escalations: Mapped[list["EscalationRow"]] = relationship(
        back_populates="inspection", order_by="EscalationRow.number", cascade="all, delete-orphan"
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


class CorrectionRow(Base):
    """A failed item corrected on the spot (当场整改): what was done, by whom and when. The item's
    photos are its evidence. At submit it becomes a hazard recorded closed, not an open one."""

    __tablename__ = "inspection_corrections"
    __table_args__ = (UniqueConstraint("inspection_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(String(64))
    corrected_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    inspection: Mapped[InspectionRow] = relationship(back_populates="corrections")


class EscalationRow(Base):
    """A failed item that started its playbook: the incident it opened (once per item)."""

    __tablename__ = "inspection_escalations"
    __table_args__ = (UniqueConstraint("inspection_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="RESTRICT"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    playbook_code: Mapped[str] = mapped_column(String(32))
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="RESTRICT"), index=True)
    escalated_by: Mapped[str] = mapped_column(String(64))
    escalated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    inspection: Mapped[InspectionRow] = relationship(back_populates="escalations")
