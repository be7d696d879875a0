"""ORM models of the early-warning log (预警记录): warnings received from outside (the weather
bureau, the police, head office, emergency management) and what later happened to each.

Both tables are append-only: a warning is never edited; its lifting, cancelling or the incident it
started are later rows of `early_warning_events`.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from branchguard.db.base import Base, UTCDateTime, utcnow
from branchguard.db.models import incidents as incident_models  # noqa: F401  (tables its foreign keys point at)


class EarlyWarningRow(Base):
    """A warning as received: when, from whom, its colour, the hazard, the text, who wrote it down."""

    __tablename__ = "early_warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    source: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EarlyWarningEventRow(Base):
    """A later fact about a warning: lifted, cancelled, or the incident it started."""

    __tablename__ = "early_warning_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    warning_id: Mapped[int] = mapped_column(ForeignKey("early_warnings.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="RESTRICT"), nullable=True, index=True
    )
