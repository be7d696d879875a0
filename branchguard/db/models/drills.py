"""ORM models of drills: plans, their evaluations, and the criteria sets and compliance rules as data.

A drill run is an incident started with drill=True (`incident_id`); its corrective actions are
that incident's follow-up actions (incident_actions), so the handover and reminders see them too.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import incidents as incident_models  # noqa: F401  (tables its foreign keys point at)
from branchguard.db.models import schedules as schedule_models  # noqa: F401


class DrillPlanRow(Base):
    """One drill, or (with a recurring schedule) a series whose runs are plans with `series_id` set."""

    __tablename__ = "drill_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    playbook_code: Mapped[str] = mapped_column(String(32), index=True)
    # Copied from the plan's approved version when planned: compliance rules match on it.
    category: Mapped[str] = mapped_column(String(32))
    scope: Mapped[str] = mapped_column(String(16))  # comprehensive / single_topic
    mode: Mapped[str] = mapped_column(String(16))  # live / tabletop
    announced: Mapped[bool] = mapped_column(Boolean, default=True)
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    schedule_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedules.id", ondelete="SET NULL"), nullable=True, index=True
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("drill_plans.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    participants: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # role -> [names]
    observers: Mapped[list[str]] = mapped_column(JSON, default=list)
    goals: Mapped[list[str]] = mapped_column(JSON, default=list)
    expected_headcount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    criteria_set: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="planned", index=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DrillEvaluationRow(Base):
    """The scoring of one run; `criteria` keeps what was scored as it was (code, texts, weight, score)."""

    __tablename__ = "drill_evaluations"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("drill_plans.id", ondelete="RESTRICT"), unique=True)
    criteria_set: Mapped[str] = mapped_column(String(32))
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    score: Mapped[float] = mapped_column(Float)
    problems: Mapped[str] = mapped_column(Text, default="")
    lessons: Mapped[str] = mapped_column(Text, default="")
    evaluator: Mapped[str] = mapped_column(String(64))
    evaluated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DrillCriteriaSetRow(Base):
    """A scoring form: criteria (code, zh, en, weight; weights sum to 100) for some playbook categories."""

    __tablename__ = "drill_criteria_sets"
    __table_args__ = (UniqueConstraint("region", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(32), default="")  # "" = the built-in defaults
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ComplianceRuleRow(Base):
    """A required drill: at most `interval_months` between completed drills matching categories, scopes and
    tiers; or, with `notice_working_days`, a notice due that many working days before each such drill."""

    __tablename__ = "drill_compliance_rules"
    __table_args__ = (UniqueConstraint("region", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(32), default="")
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    interval_months: Mapped[int] = mapped_column(Integer)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: any category
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: any scope
    tiers: Mapped[list[str]] = mapped_column(JSON, default=list)  # of the plan drilled; empty: any
    # Set: a notice rule — tell the authority this many working days before each matching drill.
    notice_working_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
