"""What the hazard register's PDF and Excel outputs say alike: the filters as text, the counts,
and how a hazard's cells read (so both files list the same thing in the same words)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from branchguard.core.hazards.types import HazardFilter, HazardInfo, HazardSeverity, HazardStatus
from branchguard.core.kernel.i18n import t

DATE = "%Y-%m-%d"


def describe_filter(hazard_filter: HazardFilter) -> list[tuple[str, str]]:
    """Each filter that narrows the register as (what, value), in the report language; a filter
    left at "any" is not listed, and no filter at all says so."""
    f = hazard_filter
    sep = t("incident.list_sep")
    parts: list[tuple[str, str]] = []
    if f.open_only:
        parts.append((t("report.hazards.filter.status"), t("report.hazards.filter.open_only")))
    if f.statuses:
        parts.append((t("report.hazards.filter.status"), sep.join(s.label for s in f.statuses)))
    if f.severity is not None:
        parts.append((t("report.hazards.filter.severity"), f.severity.label))
    if f.owner:
        parts.append((t("report.hazards.filter.owner"), f.owner))
    if f.overdue_only:
        parts.append((t("report.hazards.filter.overdue_only"), t("report.hazards.yes")))
    if f.text:
        parts.append((t("report.hazards.filter.text"), f"“{f.text}”"))
    if f.opened_from is not None or f.opened_to is not None:
        parts.append((t("report.hazards.filter.opened"), _date_range(f.opened_from, f.opened_to)))
    if f.inspection_id is not None:
        parts.append((t("report.hazards.filter.inspection"), f"#{f.inspection_id}"))
    if f.drill_id is not None:
        parts.append((t("report.hazards.filter.drill"), f"#{f.drill_id}"))
    if f.source is not None:
        parts.append((t("report.hazards.filter.source"), f.source.label))
    if not parts:
        parts.append((t("report.hazards.filters"), t("report.hazards.no_filter")))
    return parts


def _date_range(start: date | None, end: date | None) -> str:
    if start is not None and end is not None:
        return t("report.hazards.filter.between", start=start.isoformat(), end=end.isoformat())
    if start is not None:
        return t("report.hazards.filter.from", date=start.isoformat())
    assert end is not None
    return t("report.hazards.filter.to", date=end.isoformat())


@dataclass(frozen=True)
class Tally:
    """The listed hazards counted by severity and status, and how many of each severity are overdue."""

    cells: Counter[tuple[HazardSeverity, HazardStatus]]
    overdue: Counter[HazardSeverity]

    def row_total(self, severity: HazardSeverity) -> int:
        return sum(n for (sev, _status), n in self.cells.items() if sev == severity)

    def column_total(self, status: HazardStatus) -> int:
        return sum(n for (_sev, st), n in self.cells.items() if st == status)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    @property
    def overdue_total(self) -> int:
        return sum(self.overdue.values())


def tally(hazards: Sequence[HazardInfo]) -> Tally:
    return Tally(
        cells=Counter((h.severity, h.status) for h in hazards),
        overdue=Counter(h.severity for h in hazards if h.overdue),
    )


def description_text(hazard: HazardInfo) -> str:
    """The description, headed by the title when the title is not simply its first line."""
    title, body = hazard.title.strip(), hazard.description.strip()
    if not title or body.startswith(title):
        return body or title
    return f"{title}\n{body}" if body else title


def source_text(hazard: HazardInfo) -> str:
    """Where the hazard came from: the inspection item that failed, the drill, or entered by hand."""
    if hazard.drill_id is not None:
        return f"{hazard.source.label} #{hazard.drill_id}"
    if hazard.inspection_id is None:
        return hazard.source.label
    ref = t("report.hazards.inspection_item", id=hazard.inspection_id, n=hazard.item_number or "?")
    return f"{hazard.template_code} {ref}".strip()
