"""What the dashboard hands out: named figures, each with the page and filter it counts, and the
figures of a period (a month of the trends, or the span of a periodic report).

A figure's `target` is the single statement of "where it leads": the window opens `target.page`
with `target.filter` (each page's `show_filtered`), the command line's list commands build the
same filter from their options, and the tests hold both to the figure's value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from branchguard.core.complaints.types import ComplaintFilter
from branchguard.core.drills.types import ComplianceStatus
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents.types import IncidentFilter


@dataclass(frozen=True)
class ComplianceFilter:
    """The drills page's compliance rules, narrowed to these states (empty: every rule)."""

    statuses: tuple[ComplianceStatus, ...] = ()


PageFilter = IncidentFilter | HazardFilter | ComplaintFilter | ComplianceFilter


@dataclass(frozen=True)
class Target:
    """Where a figure leads: a page id of gui/shell/pages.py and the filter that page applies."""

    page: str
    filter: PageFilter


@dataclass(frozen=True)
class Figure:
    """One number on the dashboard. `name` is stable (the JSON key, `dashboard.figure.<name>` in
    the catalogue); `unit` is "count" (records the target lists) or "days" (an age)."""

    name: str
    value: int
    target: Target
    unit: str = "count"

    @property
    def is_count(self) -> bool:
        return self.unit == "count"


@dataclass(frozen=True)
class Tile:
    """A tile: a heading key and its figures, the first one the big number."""

    name: str
    figures: tuple[Figure, ...]

    @property
    def main(self) -> Figure:
        return self.figures[0]


@dataclass(frozen=True)
class PeriodFigures:
    """What happened in [start, end) (local dates; `end` is the day after the last): the figures a
    trend's month and a periodic report share, computed by the same queries."""

    start: date
    end: date
    incidents_by_category: dict[str, int] = field(default_factory=dict)  # real incidents started
    incidents_by_level: dict[str, int] = field(default_factory=dict)
    drills_by_category: dict[str, int] = field(default_factory=dict)  # drill runs started
    drills_evaluated: int = 0  # drills run in the period and scored
    drill_score_average: float | None = None  # their mean score (0-100), one decimal
    hazards_opened: int = 0
    hazards_closed: int = 0
    hazards_open_at_end: int = 0  # opened before `end` and not yet verified or closed by then
    inspections_due: int = 0  # scheduled inspections falling due in the period
    inspections_done: int = 0  # of those, done
    inspections_submitted: int = 0  # inspections submitted in the period (scheduled or not)
    complaints_received: int = 0

    @property
    def incidents(self) -> int:
        return sum(self.incidents_by_category.values())

    @property
    def drills(self) -> int:
        return sum(self.drills_by_category.values())

    @property
    def inspection_completion(self) -> float | None:
        """Done of due, 0..1; None when nothing fell due."""
        return self.inspections_done / self.inspections_due if self.inspections_due else None


@dataclass(frozen=True)
class Dashboard:
    """The tiles as of `today` (local), and the months of the trends, oldest first."""

    today: date
    tiles: tuple[Tile, ...]
    months: tuple[PeriodFigures, ...]

    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for tile in self.tiles for f in tile.figures)

    def figure(self, name: str) -> Figure:
        for f in self.figures():
            if f.name == name:
                return f
        raise KeyError(name)
