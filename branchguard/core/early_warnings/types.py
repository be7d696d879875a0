"""Early-warning types: the four-colour level, where a warning came from, what it warns of, and
the plain-data shapes the GUI, CLI and reports read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from branchguard.core.kernel.types import LabelledEnum


class WarningLevel(LabelledEnum):
    """The national four-colour warning (蓝色/黄色/橙色/红色预警), mildest first."""

    BLUE = "blue"
    YELLOW = "yellow"
    ORANGE = "orange"
    RED = "red"

    @classmethod
    def _prefix(cls) -> str:
        return "warning_level"

    @property
    def severe(self) -> bool:
        """Orange and red: the dashboard counts these while they are in force."""
        return self in (WarningLevel.ORANGE, WarningLevel.RED)

    def above(self, other: WarningLevel | None) -> bool:
        """Whether this level is more severe than `other` (any level is, than none)."""
        order = list(WarningLevel)
        return other is None or order.index(self) > order.index(other)


class WarningSource(LabelledEnum):
    """Who issued the warning the branch received."""

    METEOROLOGICAL = "meteorological"
    POLICE = "police"
    HEAD_OFFICE = "head_office"
    EMERGENCY_MANAGEMENT = "emergency_management"
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "warning_source"


class WarningKind(LabelledEnum):
    """The hazard a warning is about."""

    TYPHOON = "typhoon"
    RAINSTORM = "rainstorm"
    FLOOD = "flood"
    SNOW = "snow"
    HEAT = "heat"
    EARTHQUAKE = "earthquake"
    OTHER = "other"

    @classmethod
    def _prefix(cls) -> str:
        return "warning_kind"


class WarningEventKind(LabelledEnum):
    """A later fact about a warning, recorded after it and never instead of it."""

    LIFTED = "lifted"
    CANCELLED = "cancelled"
    STARTED = "started"  # the incident it started
    APPLIED = "applied"  # joined the plan's incident open when it came (logged there)

    @classmethod
    def _prefix(cls) -> str:
        return "warning_event"


ENDING = (WarningEventKind.LIFTED, WarningEventKind.CANCELLED)  # no longer in force
JOINING = (WarningEventKind.STARTED, WarningEventKind.APPLIED)  # taken into an incident


@dataclass(frozen=True)
class WarningFilter:
    """Which warnings a list shows: only those in force (not lifted or cancelled), only orange and
    red. The Warnings page, `warning list` and the dashboard's count read the same statement."""

    active_only: bool = False
    severe_only: bool = False


@dataclass(frozen=True)
class WarningInput:
    received_at: datetime
    source: WarningSource
    level: WarningLevel
    kind: WarningKind
    text: str


@dataclass(frozen=True)
class WarningEvent:
    id: int
    kind: WarningEventKind
    at: datetime
    actor: str
    note: str
    incident_id: int | None


@dataclass(frozen=True)
class EarlyWarning:
    """A warning with its later events, oldest first."""

    id: int
    received_at: datetime
    source: WarningSource
    level: WarningLevel
    kind: WarningKind
    text: str
    recorded_by: str
    recorded_at: datetime
    events: tuple[WarningEvent, ...] = ()

    @property
    def ended(self) -> WarningEvent | None:
        """The event that lifted or cancelled it, if any."""
        return next((e for e in self.events if e.kind in ENDING), None)

    @property
    def active(self) -> bool:
        return self.ended is None

    @property
    def joined(self) -> WarningEvent | None:
        """The event that took it into an incident: the one it started, or the open one its
        level was applied to. A warning joins one incident at most."""
        return next((e for e in self.events if e.kind in JOINING), None)

    @property
    def incident_id(self) -> int | None:
        """The incident it started or was applied to, if any."""
        joined = self.joined
        return joined.incident_id if joined is not None else None
