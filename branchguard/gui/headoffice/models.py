"""Table models of head office's Branches page: the branches side by side, and the outcome of an
import, one row per file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from branchguard.core.complaints.library import load_builtin
from branchguard.core.complaints.types import ComplaintKind, ComplaintStatus
from branchguard.core.dashboard.rules import parse_period
from branchguard.core.drills.types import ComplianceStatus, DrillStatus
from branchguard.core.hazards.types import HazardSeverity, HazardStatus
from branchguard.core.headoffice.types import BranchRollup, HoRecord
from branchguard.core.incidents.text import level_label
from branchguard.core.incidents.types import IncidentCategory, IncidentStatus
from branchguard.core.inspections.types import InspectionStatus
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import LabelledEnum, Text2
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel

_R = Qt.ItemDataRole
TIME_FORMAT = "%Y-%m-%d %H:%M"
LEVELS = ("I", "II", "III", "IV")


def label_of(kind: type[LabelledEnum], code: str) -> str:
    """The translated label of a code the branch sent; the code itself when this version lacks it."""
    try:
        return kind(code).label
    except ValueError:
        return code


# A record's codes as the branch's own pages word them, by the kind of record (head office holds
# the codes the package carried): its status, its level or severity, its category.
STATUSES: dict[str, type[LabelledEnum]] = {
    "incidents": IncidentStatus,
    "drills": DrillStatus,
    "inspections": InspectionStatus,
    "hazards": HazardStatus,
    "complaints": ComplaintStatus,
    "compliance": ComplianceStatus,
}
ACTION_STATUSES = {"open": "cli.action.open", "done": "cli.action.done"}  # as the CLI lists actions
LEVELS_OF: dict[str, type[LabelledEnum]] = {"hazards": HazardSeverity, "complaints": ComplaintKind}


@cache
def builtin_complaint_categories() -> dict[str, Text2]:
    """The built-in complaint categories' names (a branch's own categories are shown by code)."""
    return {c.code: Text2(c.name_zh, c.name_en) for c in load_builtin()}


def status_text(r: HoRecord) -> str:
    if r.kind == "actions" and r.status in ACTION_STATUSES:
        word = t(ACTION_STATUSES[r.status])  # "open" in a sentence of the CLI, "Open" in a column
        return word[:1].upper() + word[1:]
    kind = STATUSES.get(r.kind)
    return label_of(kind, r.status) if kind is not None and r.status else r.status


def level_text(r: HoRecord) -> str:
    """The level or severity and the category, in the window's language."""
    if r.kind == "incidents":
        level = level_label(r.level) if r.level else ""
        if r.drill_run:  # as the branch marks it everywhere; the Incidents figure leaves it out
            level = " ".join(part for part in (t("incident.drill_badge"), level) if part)
    else:
        kind = LEVELS_OF.get(r.kind)
        level = label_of(kind, r.level) if kind is not None and r.level else r.level
    category = r.category
    if r.category and r.kind == "complaints":
        name = builtin_complaint_categories().get(r.category)
        category = name.text if name is not None else r.category
    elif r.category:
        category = label_of(IncidentCategory, r.category)  # an incident's, or the plan's a drill rehearses
    return " · ".join(part for part in (level, category) if part)


def compliance_counts(b: BranchRollup) -> tuple[int, int, int]:
    """(on time, due soon, overdue) over the branch's drill rules."""
    values = list(b.compliance.values())
    return (
        values.count(ComplianceStatus.ON_TIME.value),
        values.count(ComplianceStatus.DUE_SOON.value),
        values.count(ComplianceStatus.OVERDUE.value),
    )


def rule_name(b: BranchRollup, rule: str) -> str:
    """A drill rule as the branch's package names it in the window's language; else its code."""
    name = b.rule_names.get(rule)
    return name.text if name else rule


def levels_text(b: BranchRollup) -> str:
    return " · ".join(f"{level} {b.incidents_by_level.get(level, 0)}" for level in LEVELS)


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.1f}"


def matches(b: BranchRollup, needle: str) -> bool:
    """The filter: the branch's code or name holds the text typed."""
    needle = needle.strip().casefold()
    return not needle or needle in b.code.casefold() or needle in b.name.casefold()


class BranchesModel(RowsModel[BranchRollup]):
    CODE, NAME, PERIOD, COMPLIANCE, HAZARDS, OVERDUE, AGE, INCIDENTS, LEVELS, SCORE, ACTIONS = range(11)
    COMPLAINTS = 11

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Branch"),
            self.tr("Last period"),
            self.tr("Drill rules"),
            self.tr("Hazards open"),
            self.tr("Overdue"),
            self.tr("Oldest (days)"),
            self.tr("Incidents"),
            self.tr("By level"),
            self.tr("Mean drill score"),  # of every drill held, not the last period's
            self.tr("Actions overdue"),
            self.tr("Complaints"),
        ]

    def cell(self, b: BranchRollup, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._text(b, column)
        if role == SORT_ROLE:
            return self._sort_key(b, column)
        if role == _R.ForegroundRole:
            alert = (
                (column == self.COMPLIANCE and compliance_counts(b)[2] > 0)
                or (column == self.OVERDUE and b.hazards_overdue > 0)
                or (column == self.ACTIONS and b.actions_overdue > 0)
                or (column == self.COMPLAINTS and b.complaints_overdue > 0)
            )
            return QColor(style.ERROR) if alert else None
        if role == _R.ToolTipRole:
            return tip(self._tip(b, column) or "")  # a rule's name comes from the branch's package
        if role == _R.TextAlignmentRole and column >= self.HAZARDS and column != self.LEVELS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, b: BranchRollup, column: int) -> str:
        if column == self.CODE:
            return b.code
        if column == self.NAME:
            return b.name
        if column == self.PERIOD:
            return b.last_period or "—"
        if column == self.COMPLIANCE:
            on_time, soon, overdue = compliance_counts(b)
            if not b.compliance:
                return "—"
            return (
                self.tr("%1 ok · %2 soon · %3 overdue")
                .replace("%1", str(on_time))
                .replace("%2", str(soon))
                .replace("%3", str(overdue))
            )
        if column == self.HAZARDS:
            return str(b.hazards_open)
        if column == self.OVERDUE:
            return str(b.hazards_overdue)
        if column == self.AGE:
            return "—" if b.oldest_open_hazard_days is None else str(b.oldest_open_hazard_days)
        if column == self.INCIDENTS:
            return str(b.incidents)
        if column == self.LEVELS:
            return levels_text(b)
        if column == self.SCORE:
            return score_text(b.drill_score_average)
        if column == self.ACTIONS:
            return str(b.actions_overdue)
        if column == self.COMPLAINTS:
            text = self.tr("%1 open · %2 overdue")
            return text.replace("%1", str(b.complaints_open)).replace("%2", str(b.complaints_overdue))
        return ""

    def _sort_key(self, b: BranchRollup, column: int) -> Any:
        if column == self.PERIOD:
            # by when the period ends: "2026-Q1" is not after "2026-11"
            ends = parse_period(b.last_period).end.toordinal() if b.last_period else 0
            return (ends, b.last_imported_at.timestamp() if b.last_imported_at else 0.0)
        if column == self.COMPLIANCE:
            on_time, soon, overdue = compliance_counts(b)
            return (overdue, soon, -on_time)
        numbers = {
            self.HAZARDS: b.hazards_open,
            self.OVERDUE: b.hazards_overdue,
            self.AGE: -1 if b.oldest_open_hazard_days is None else b.oldest_open_hazard_days,
            self.INCIDENTS: b.incidents,
            self.LEVELS: tuple(b.incidents_by_level.get(level, 0) for level in LEVELS),
            self.SCORE: -1.0 if b.drill_score_average is None else b.drill_score_average,
            self.ACTIONS: b.actions_overdue,
            self.COMPLAINTS: (b.complaints_overdue, b.complaints_open),
        }
        return numbers.get(column)

    def _tip(self, b: BranchRollup, column: int) -> str | None:
        if column == self.PERIOD and b.last_imported_at is not None:
            imported = b.last_imported_at.astimezone().strftime(TIME_FORMAT)
            return self.tr("Imported %1; %2 packages").replace("%1", imported).replace("%2", str(b.packages))
        if column == self.COMPLIANCE and b.compliance:
            return "\n".join(
                f"{rule_name(b, rule)}: {label_of(ComplianceStatus, status)}"
                for rule, status in sorted(b.compliance.items())
            )
        if column in (self.INCIDENTS, self.LEVELS) and b.incidents_by_category:
            return "\n".join(
                f"{label_of(IncidentCategory, c)}: {n}" for c, n in sorted(b.incidents_by_category.items())
            )
        if column == self.COMPLAINTS and b.complaint_totals:
            totals, rate = b.complaint_totals, b.complaint_on_time_rate
            text = self.tr("Received %1; answered %2, on time %3")
            text = text.replace("%1", str(totals.get("received", 0)))
            text = text.replace("%2", str(totals.get("answered", 0)))
            return text.replace("%3", "—" if rate is None else f"{100 * rate:.0f}%")
        if column == self.SCORE and b.drill_score_latest is not None:
            return (
                self.tr(
                    "Mean of the %2 evaluated drills head office holds, whenever held (a period’s is in "
                    "the regional report); latest: %1"
                )
                .replace("%1", score_text(b.drill_score_latest))
                .replace("%2", str(b.drills_evaluated))
            )
        return None


@dataclass(frozen=True)
class FileOutcome:
    """One file of an import: what became of it, worded."""

    file: str
    ok: bool
    branch: str
    period: str
    text: str


class ImportResultsModel(RowsModel[FileOutcome]):
    FILE, BRANCH, PERIOD, RESULT = range(4)

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Branch"), self.tr("Period"), self.tr("Result")]

    def cell(self, item: FileOutcome, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return (item.file, item.branch, item.period, item.text)[column]
        if role == _R.ToolTipRole and column == self.RESULT:
            return tip(item.text)
        if role == _R.ForegroundRole and column == self.RESULT:
            return QColor(style.OK if item.ok else style.ERROR)
        return None


class RecordsModel(RowsModel[HoRecord]):
    """One branch's records of one kind, as head office holds them."""

    ID, SUMMARY, STATUS, LEVEL, OPENED, DUE, CLOSED, SCORE, PERIOD = range(9)

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Record"),
            self.tr("Status"),
            self.tr("Level / category"),
            self.tr("Opened"),
            self.tr("Due"),
            self.tr("Closed"),
            self.tr("Score"),
            self.tr("Package"),
        ]

    def cell(self, r: HoRecord, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            at = {self.OPENED: r.opened_at, self.DUE: r.due_at, self.CLOSED: r.closed_at}.get(column)
            if column in (self.OPENED, self.DUE, self.CLOSED):
                return at.timestamp() if at else 0.0
            if column == self.ID:
                return (0, int(r.source_id), "") if r.source_id.isdigit() else (1, 0, r.source_id)
            if column == self.SCORE:
                return -1.0 if r.score is None else r.score
            return None
        if role == _R.ToolTipRole and column == self.SUMMARY:  # whole where its column cuts it
            return tip("\n".join(text for text in (r.summary, self.drill_detail(r)) if text))
        if role == _R.ToolTipRole and column == self.STATUS:
            return tip(self.drill_detail(r))  # the branch's reference and reason, as typed
        if role == _R.ForegroundRole and column == self.DUE:
            overdue = r.due_at is not None and r.closed_at is None and r.due_at < datetime.now(UTC)
            return QColor(style.ERROR) if overdue else None
        if role != _R.DisplayRole:
            return None
        if column == self.ID:
            return r.source_id
        if column == self.SUMMARY:
            return r.summary
        if column == self.STATUS:
            return self._status(r)
        if column == self.LEVEL:
            return level_text(r)
        if column in (self.OPENED, self.DUE, self.CLOSED):
            at = {self.OPENED: r.opened_at, self.DUE: r.due_at, self.CLOSED: r.closed_at}[column]
            return at.astimezone().strftime(TIME_FORMAT) if at else ""
        if column == self.SCORE:
            return score_text(r.score) if r.score is not None else ""
        return r.period

    def _status(self, r: HoRecord) -> str:
        """A drill recorded afterwards says so; one voided says why (the whole reason in its tip)."""
        marks = r.drill
        if marks is None or not marks.recorded_afterwards:
            return status_text(r)
        if marks.voided:
            reason = marks.void_reason
            short = reason if len(reason) <= REASON_SHOWN else reason[: REASON_SHOWN - 1] + "…"
            return self.tr("Voided: %1").replace("%1", short) if reason else self.tr("Voided")
        return self.tr("%1 (recorded afterwards)").replace("%1", status_text(r))

    def drill_detail(self, r: HoRecord) -> str:
        """How a drill recorded afterwards came to be, a line each: its paper record, who scored it,
        who entered it when, and its void; "" for any other record."""
        marks = r.drill
        if marks is None or not marks.recorded_afterwards:
            return ""
        lines = [self.tr("Held without BranchGuard; entered from: %1").replace("%1", marks.reference)]
        if marks.evaluator:
            lines.append(self.tr("Evaluated on paper by %1").replace("%1", marks.evaluator))
        if marks.entered_at is not None:
            entered = self.tr("Entered %1 by %2").replace("%1", _local(marks.entered_at))
            lines.append(entered.replace("%2", marks.entered_by))
        if marks.voided:
            if marks.voided_at is not None:
                voided = self.tr("Voided %1 by %2").replace("%1", _local(marks.voided_at))
                lines.append(voided.replace("%2", marks.voided_by))
            else:
                lines.append(self.tr("Voided"))
            lines.append(self.tr("Reason: %1").replace("%1", marks.void_reason or "—"))
        return "\n".join(lines)


REASON_SHOWN = 16  # characters of a void's reason in the status column (the whole one: its tip, the detail)


def _local(at: datetime) -> str:
    return at.astimezone().strftime(TIME_FORMAT)
