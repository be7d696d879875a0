"""Table models of the Drills page: the drill plans and runs, and the compliance rules with their status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from branchguard.core.drills.types import (
    ComplianceItem,
    ComplianceRule,
    ComplianceStatus,
    DrillPlan,
    DrillStatus,
)
from branchguard.core.incidents.types import ActionItem
from branchguard.core.schedules.rules import describe
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.kit.times import date_time
from branchguard.gui.kit.windowed import WindowedModel

_R = Qt.ItemDataRole

# Status colours: background, text. Overdue is the error red, due soon the warning orange.
COMPLIANCE_COLOURS: dict[ComplianceStatus, tuple[str, str]] = {
    ComplianceStatus.ON_TIME: ("#E8F5E9", style.OK),
    ComplianceStatus.DUE_SOON: ("#FFF3E0", style.WARNING),
    ComplianceStatus.OVERDUE: ("#FFEBEE", style.ERROR),
}
_STATUS_ORDER = {s: i for i, s in enumerate(DrillStatus)}


def score_text(score: float | None) -> str:
    return "" if score is None else f"{score:.1f}"


class DrillPlanModel(WindowedModel[DrillPlan]):
    """One row per plan or run, the newest first: a series' next date, a run's own date; read a
    window at a time (gui/kit/windowed.py)."""

    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    (
        COL_ID,
        COL_TITLE,
        COL_PLAYBOOK,
        COL_SCOPE,
        COL_MODE,
        COL_ANNOUNCED,
        COL_DATE,
        COL_REPEATS,
        COL_STATUS,
        COL_SCORE,
    ) = range(10)
    SQL_SORTS: ClassVar[dict[int, str]] = {
        COL_ID: "id",
        COL_TITLE: "title",
        COL_PLAYBOOK: "playbook",
        COL_SCOPE: "scope",
        COL_MODE: "mode",
        COL_ANNOUNCED: "announced",
        COL_DATE: "date",
        COL_STATUS: "status",
    }

    def headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("Title"),
            self.tr("Playbook"),
            self.tr("Type"),
            self.tr("Form"),
            self.tr("Announced"),
            self.tr("Date"),
            self.tr("Repeats"),
            self.tr("Status"),
            self.tr("Score"),
        ]

    def cell(self, item: DrillPlan, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_ID:
                return item.id
            if column == self.COL_DATE:
                when = item.run_at or item.planned_at
                return when.timestamp() if when else float("inf")
            if column == self.COL_STATUS:
                return _STATUS_ORDER[item.status]
            if column == self.COL_SCORE:
                return item.score if item.score is not None and not item.voided else -1.0
            return None
        if role == _R.ForegroundRole and item.status == DrillStatus.CANCELLED:
            return QColor(style.MUTED)
        if role == _R.BackgroundRole and column == self.COL_STATUS and item.status == DrillStatus.RUNNING:
            return QColor(style.DRILL.background)
        if role == _R.ForegroundRole and column == self.COL_STATUS and item.status == DrillStatus.RUNNING:
            return QColor(style.DRILL.foreground)
        if role == _R.TextAlignmentRole and column in (self.COL_ID, self.COL_SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == _R.ToolTipRole and column == self.COL_STATUS and item.recorded_afterwards:
            return tip(self.tr("Held without BranchGuard; entered from: %1").replace("%1", item.notes))
        if role == _R.ToolTipRole and column == self.COL_TITLE:
            goals = "\n".join(f"· {g}" for g in item.goals)
            return tip(f"{item.title}\n{goals}" if goals else item.title)
        return None

    def status_words(self) -> list[str]:
        """Every text the status column can show, in the language now."""
        afterwards = self.tr("%1 (recorded afterwards)")
        return [
            *(s.label for s in DrillStatus),
            afterwards.replace("%1", DrillStatus.EVALUATED.label),
            self.tr("Voided (recorded afterwards)"),
        ]

    def _display(self, item: DrillPlan, column: int) -> str:
        if column == self.COL_ID:
            return str(item.id)
        if column == self.COL_TITLE:
            return item.title
        if column == self.COL_PLAYBOOK:
            return item.playbook_code
        if column == self.COL_SCOPE:
            return item.scope.label
        if column == self.COL_MODE:
            return item.mode.label
        if column == self.COL_ANNOUNCED:
            return self.tr("Announced") if item.announced else self.tr("Unannounced")
        if column == self.COL_DATE:
            when = item.run_at or item.planned_at
            return date_time(when) if when else ""
        if column == self.COL_REPEATS:
            if item.series_id is not None:
                return self.tr("Run of #%1").replace("%1", str(item.series_id))
            return describe(item.rule)
        if column == self.COL_STATUS:
            if item.voided:  # core/drills/held.py
                return self.tr("Voided (recorded afterwards)")  # as head office reads it
            if item.recorded_afterwards:
                return self.tr("%1 (recorded afterwards)").replace("%1", item.status.label)
            return item.status.label
        return score_text(None if item.voided else item.score)  # a voided record's counts nowhere


@dataclass(frozen=True)
class RuleRow:
    """A rule of the region and, when it is active, how the branch stands against it."""

    rule: ComplianceRule
    item: ComplianceItem | None


def rule_rows(rules: Sequence[ComplianceRule], items: Sequence[ComplianceItem]) -> list[RuleRow]:
    by_code = {i.rule.code: i for i in items}
    return [RuleRow(r, by_code.get(r.code)) for r in rules]


class ComplianceModel(RowsModel[RuleRow]):
    COL_NAME, COL_STATUS, COL_INTERVAL, COL_LAST, COL_NEXT, COL_APPLIES = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Requirement"),
            self.tr("Status"),
            self.tr("At least every"),
            self.tr("Last drill"),
            self.tr("Next due"),
            self.tr("Applies to"),
        ]

    def applies_to(self, rule: ComplianceRule) -> str:
        categories = "、".join(c.label for c in rule.categories) or self.tr("any scenario")
        scopes = "、".join(s.label for s in rule.scopes) or self.tr("any type")
        tiers = "、".join(tier.label for tier in rule.tiers) or self.tr("any plan tier")
        return f"{categories} · {scopes} · {tiers}"

    def cell(self, item: RuleRow, column: int, role: int) -> Any:
        state = item.item
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.COL_INTERVAL:
                return item.rule.interval_months
            if column == self.COL_STATUS:
                return list(ComplianceStatus).index(state.status) if state else 99
            if column == self.COL_NEXT:
                return state.next_due.toordinal() if state and state.next_due else 0
            return None
        if column == self.COL_STATUS and state is not None:
            background, foreground = COMPLIANCE_COLOURS[state.status]
            if role == _R.BackgroundRole:
                return QColor(background)
            if role == _R.ForegroundRole:
                return QColor(foreground)
        if role == _R.ForegroundRole and not item.rule.active:
            return QColor(style.MUTED)
        if role == _R.ToolTipRole:
            if state is not None and state.note is not None and column == self.COL_NEXT:
                return state.note.text()  # the notice date was counted beyond every holiday table
            first = state.first_since if state is not None else None
            if first is not None and column in (self.COL_LAST, self.COL_NEXT):
                return tip(self.first_period_tip(first))
            return tip(item.rule.source or item.rule.name.text)
        return None

    def _display(self, row: RuleRow, column: int) -> str:
        rule, state = row.rule, row.item
        if column == self.COL_NAME:
            return rule.name.text
        if column == self.COL_INTERVAL:
            if rule.notice_working_days is not None:
                return self.tr("%n working day(s) before each drill", "", rule.notice_working_days)
            return self.tr("%n month(s)", "", rule.interval_months)
        if column == self.COL_APPLIES:
            return self.applies_to(rule)
        if not rule.active:
            return self.tr("Not in force") if column == self.COL_STATUS else ""
        if state is None:
            return ""
        if rule.notice and column in (self.COL_LAST, self.COL_NEXT):
            return self._notice_display(state, column)
        if column == self.COL_LAST:
            if state.last_done is None and state.first_since is not None:
                return self.tr("None since %1").replace("%1", state.first_since.isoformat())
            if state.last_done is None:
                return self.tr("Never")
            return f"{date_time(state.last_done)}  (#{state.last_plan_id})"
        if column == self.COL_NEXT:  # no day to count from: due now; a planned drill said all the same
            planned = ""
            if state.next_planned is not None:
                planned = "  " + self.tr("(planned %1)").replace("%1", date_time(state.next_planned))
            return (state.next_due.isoformat() if state.next_due else self.tr("Now")) + planned
        return state.status.label

    def first_period_tip(self, since: date) -> str:
        return self.tr(
            "No such drill is recorded since %1, when the branch began using BranchGuard: the first one is "
            "due within the interval from that day. A drill held earlier counts from its own day once "
            "recorded (Record held drill…)."
        ).replace("%1", since.isoformat())

    def _notice_display(self, state: ComplianceItem, column: int) -> str:
        """A notice rule has no last drill; its next date is the last day to notify for the next one."""
        if column == self.COL_LAST or state.next_planned is None:
            return "" if column == self.COL_LAST else self.tr("No drill planned")
        notify_by = state.next_due.isoformat() if state.next_due else ""
        text = self.tr("notify by %1 (drill %2)")
        return text.replace("%1", notify_by).replace("%2", date_time(state.next_planned))


class ActionModel(RowsModel[ActionItem]):
    """Every incident's, drill run's and complaint's follow-up and corrective actions: overdue in red."""

    COL_INCIDENT, COL_ACTION, COL_OWNER, COL_DUE, COL_STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def set_rows(self, rows: Sequence[ActionItem]) -> bool:
        """Overdue as of the day the rows are read, not the day the list was made: a list left open
        past midnight turns yesterday's due actions red at its next read (CELLS_FROM_ROWS is False,
        so the view is reset and asks every cell again)."""
        self.today = date.today()
        return super().set_rows(rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Incident or drill"),
            self.tr("Action"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("State"),
        ]

    def cell(self, item: ActionItem, column: int, role: int) -> Any:
        action = item.action
        late = action.overdue(self.today)
        if role == _R.DisplayRole:
            if column == self.COL_INCIDENT:
                if item.complaint_number:
                    return self.tr("Complaint %1").replace("%1", item.complaint_number)
                # a drill's actions hang on the incident its run opened: its number, not the plan's
                # (the plans tab numbers drill #2 what this once called drill #1)
                kind = self.tr("Drill, incident #%1") if item.drill else self.tr("Incident #%1")
                return f"{kind.replace('%1', str(action.incident_id))} {item.incident_title}"
            if column == self.COL_ACTION:
                return action.text
            if column == self.COL_OWNER:
                return action.owner
            if column == self.COL_DUE:
                return action.due.isoformat() if action.due else ""
            if action.done_at is not None:
                return self.tr("Done %1").replace("%1", date_time(action.done_at))
            return self.tr("Overdue") if late else self.tr("Open")
        if role == SORT_ROLE and column == self.COL_DUE:
            return action.due.toordinal() if action.due else 10**7
        if role == _R.ForegroundRole and column == self.COL_STATE and late:
            return QColor(style.ERROR)
        if role == _R.ToolTipRole and column == self.COL_ACTION:
            return tip(action.text)
        return None
