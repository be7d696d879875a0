"""ORM models of the playbook library: a plan, its versions, and each version's steps."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from branchguard.db.base import Base, UTCDateTime, utcnow


class PlaybookRow(Base):
    __tablename__ = "playbooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    versions: Mapped[list["PlaybookVersionRow"]] = relationship(
        back_populates="playbook", order_by="PlaybookVersionRow.number", cascade="all, delete-orphan"
    )


class PlaybookVersionRow(Base):
    """One version; approved and retired versions are never changed again."""

    __tablename__ = "playbook_versions"
    __table_args__ = (UniqueConstraint("playbook_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    playbook_id: Mapped[int] = mapped_column(ForeignKey("playbooks.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32), index=True)
    levels: Mapped[list[str]] = mapped_column(JSON)
    triggers_zh: Mapped[str] = mapped_column(Text)
    triggers_en: Mapped[str] = mapped_column(Text)
    cautions_zh: Mapped[str] = mapped_column(Text)
    cautions_en: Mapped[str] = mapped_column(Text)
    roles: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    contacts: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    # [{name, sha256, size, media_type}]; the bytes live in the data folder's attachment store
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, server_default="[]")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    playbook: Mapped[PlaybookRow] = relationship(back_populates="versions")
    steps: Mapped[list["StepRow"]] = relationship(
        back_populates="version", order_by="StepRow.position", cascade="all, delete-orphan"
    )


class StepRow(Base):
    __tablename__ = "playbook_steps"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("playbook_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(40))
    target_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    checkpoint: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    condition_zh: Mapped[str] = mapped_column(Text, default="")
    condition_en: Mapped[str] = mapped_column(Text, default="")
    goto_key: Mapped[str | None] = mapped_column(String(40), nullable=True)

    version: Mapped[PlaybookVersionRow] = relationship(back_populates="steps")
