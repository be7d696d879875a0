"""Table models of the Playbooks page: the plan list, a plan's versions and the step-by-step diff."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from branchguard.core.kernel.attachments import AttachmentRef, format_size
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import LabelledEnum, Level, PlaybookStatus, Text2
from branchguard.core.playbooks.diff import Change, FieldChange, StepChange, VersionDiff
from branchguard.core.playbooks.text import contact_label, person_text
from branchguard.core.playbooks.types import (
    ContactRef,
    PlanContent,
    PlanRole,
    PlanTier,
    PlaybookSummary,
    PlaybookVersion,
    Step,
)
from branchguard.gui.kit import style
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.rows import SORT_ROLE, RowsModel
from branchguard.gui.playbooks.preview import STATUS_COLOURS, step_facts

_R = Qt.ItemDataRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
TIME_FORMAT = "%Y-%m-%d %H:%M"
# The levels of a row as a tuple of "I"/"II"/"III", for the badge delegate.
LEVELS_ROLE = Qt.ItemDataRole.UserRole + 3
# The kind of change of a diff row (a Change value), and its cell as rich text.
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 4
HTML_ROLE = Qt.ItemDataRole.UserRole + 5

CHANGE_BACKGROUNDS = {
    Change.ADDED: "#E3F4E4",
    Change.REMOVED: "#FBE3E3",
    Change.CHANGED: "#FFF1CC",
}
_TIER_ORDER = {tier: i for i, tier in enumerate(PlanTier)}


class PlaybooksModel(RowsModel[PlaybookSummary]):
    CELLS_FROM_ROWS = True  # its cells answer from the row alone (gui/kit/rows.py)

    # What tells plans apart at a glance comes first; the preview beside the list is wide.
    (
        COL_CODE,
        COL_TITLE,
        COL_LEVELS,
        COL_STATUS,
        COL_VERSION,
        COL_STEPS,
        COL_TIER,
        COL_CATEGORY,
        COL_BUILTIN,
    ) = range(9)

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Title"),
            self.tr("Levels"),
            self.tr("Status"),
            self.tr("Version"),
            self.tr("Steps"),
            self.tr("Tier"),
            self.tr("Category"),
            self.tr("Built-in"),
        ]

    def status_text(self, item: PlaybookSummary) -> str:
        if item.has_draft and item.status != PlaybookStatus.DRAFT:
            return self.tr("%1 · draft pending").replace("%1", item.status.label)
        return item.status.label

    def cell(self, item: PlaybookSummary, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == LEVELS_ROLE and column == self.COL_LEVELS:
            return tuple(level.value for level in item.levels)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == _R.ToolTipRole:
            if column == self.COL_TITLE:
                return tip("\n".join(filter(None, [item.title.zh, item.title.en])))
            if column == self.COL_LEVELS:
                return "\n".join(level.label for level in item.levels)
            if column == self.COL_BUILTIN and item.builtin:
                return self.tr("Part of the built-in starter library; edits become new versions.")
            return None
        if role == _R.ForegroundRole:
            if column == self.COL_STATUS:
                colour = style.WARNING if item.has_draft else STATUS_COLOURS[item.status]
                return QColor(colour)
            if column == self.COL_BUILTIN:
                return QColor(style.MUTED)
            return None
        if role == _R.FontRole and column == self.COL_CODE:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.TextAlignmentRole and column in (self.COL_VERSION, self.COL_STEPS):
            return _CENTER
        return None

    def _sort_key(self, item: PlaybookSummary, column: int) -> Any:
        if column == self.COL_TIER:
            return _TIER_ORDER[item.tier]
        if column == self.COL_LEVELS:
            return "".join(sorted(level.value for level in item.levels))
        if column == self.COL_VERSION:
            return item.version
        if column == self.COL_STEPS:
            return item.step_count
        return None

    def _display(self, item: PlaybookSummary, column: int) -> str:
        """The text of this one column: a view asks cell by cell (sizing the columns of a plan list
        at ten years asked ~2,700 times), and building every column's text to answer each took
        40 ms of the Playbooks page's first show."""
        if column == self.COL_CODE:
            return item.code
        if column == self.COL_TITLE:
            return item.title.text
        if column == self.COL_TIER:
            return item.tier.label
        if column == self.COL_CATEGORY:
            return item.category.label
        if column == self.COL_LEVELS:
            return " ".join(level.value for level in item.levels)
        if column == self.COL_STATUS:
            return self.status_text(item)
        if column == self.COL_VERSION:
            return str(item.version)
        if column == self.COL_STEPS:
            return str(item.step_count)
        if column == self.COL_BUILTIN:
            return self.tr("Built-in") if item.builtin else ""
        raise KeyError(column)


class VersionsModel(RowsModel[PlaybookVersion]):
    """Every version of one plan, newest first (as the service returns them)."""

    COL_NUMBER, COL_STATUS, COL_CREATED_BY, COL_CREATED_AT, COL_APPROVED_BY, COL_APPROVED_AT, COL_NOTE = (
        range(7)
    )

    def headers(self) -> list[str]:
        return [
            self.tr("Version"),
            self.tr("Status"),
            self.tr("Created by"),
            self.tr("Created at"),
            self.tr("Approved by"),
            self.tr("Approved at"),
            self.tr("Note"),
        ]

    def cell(self, item: PlaybookVersion, column: int, role: int) -> Any:
        info = item.info
        if role == _R.DisplayRole:
            texts = {
                self.COL_NUMBER: str(info.number),
                self.COL_STATUS: info.status.label,
                self.COL_CREATED_BY: person_text(info.created_by, self.who),
                self.COL_CREATED_AT: info.created_at.astimezone().strftime(TIME_FORMAT),
                self.COL_APPROVED_BY: person_text(info.approved_by, self.who),
                self.COL_APPROVED_AT: info.approved_at.astimezone().strftime(TIME_FORMAT)
                if info.approved_at
                else "",
                self.COL_NOTE: info.note,
            }
            return texts[column]
        if role == SORT_ROLE and column == self.COL_NUMBER:
            return info.number
        if role == _R.ForegroundRole and column == self.COL_STATUS:
            return QColor(STATUS_COLOURS[info.status])
        if role == _R.TextAlignmentRole and column == self.COL_NUMBER:
            return _CENTER
        if role == _R.ToolTipRole and column == self.COL_NOTE and info.note:
            return tip(info.note)
        return None


def step_html(content: PlanContent, step: Step, emphasise: tuple[str, ...] = (), struck: bool = False) -> str:
    """A step as rich text for a diff cell; the fields in `emphasise` are set off in bold amber."""
    facts = step_facts(content, step)
    marked = set(emphasise)
    if "deadline_minutes" in marked:
        marked.add("checkpoint")
    if "goto" in marked:
        marked.add("condition")

    def part(name: str, text: str) -> str:
        if name in marked:
            return f'<b style="color:{style.WARNING}">{escape(text)}</b>'
        return escape(text)

    lines = [part("text", step.text.text)]
    details = [part(name, facts[name]) for name in ("role", "target_minutes", "checkpoint") if name in facts]
    if details:
        lines.append(f'<span style="color:{style.MUTED}">' + " · ".join(details) + "</span>")
    if "condition" in facts:
        lines.append("↳ " + part("condition", facts["condition"]))
    body = "<br>".join(lines)
    return f"<s>{body}</s>" if struck else body


def shifted(item: StepChange) -> bool:
    """Moved to another place. The diff also flags a step that kept its number while its
    neighbours swapped around it; "moved from 4" on step 4 would only puzzle the reader."""
    return item.moved and item.old_number is not None and item.old_number != item.new_number


class StepDiffModel(RowsModel[StepChange]):
    """The steps of two versions aligned row by row: old number, old step, new number, new step."""

    COL_OLD_NUMBER, COL_OLD, COL_NEW_NUMBER, COL_NEW = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._old: PlanContent | None = None
        self._new: PlanContent | None = None

    def set_diff(self, diff: VersionDiff, old: PlanContent, new: PlanContent) -> None:
        self._old, self._new = old, new
        self.set_rows(diff.steps)

    def headers(self) -> list[str]:
        return ["#", self.tr("Old version"), "#", self.tr("New version")]

    def change_text(self, item: StepChange) -> str:
        texts = {
            Change.ADDED: self.tr("Added"),
            Change.REMOVED: self.tr("Removed"),
            Change.CHANGED: self.tr("Changed"),
            Change.SAME: self.tr("Unchanged"),
        }
        text = texts[item.change]
        if shifted(item):
            text += " · " + self.tr("moved from %1").replace("%1", str(item.old_number))
        return text

    def cell(self, item: StepChange, column: int, role: int) -> Any:
        if role == CHANGE_ROLE:
            return item.change.value
        if role == _R.BackgroundRole:
            colour = CHANGE_BACKGROUNDS.get(item.change)
            if colour is None and shifted(item):
                colour = CHANGE_BACKGROUNDS[Change.CHANGED]
            return QColor(colour) if colour else None
        if role == _R.DisplayRole:
            return self._display(item, column)
        if role == HTML_ROLE and column in (self.COL_OLD, self.COL_NEW):
            return self._html(item, column)
        if (
            role == _R.FontRole
            and item.change == Change.REMOVED
            and column in (self.COL_OLD, self.COL_OLD_NUMBER)
        ):
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == _R.ToolTipRole:
            return tip(self.change_text(item))
        if role == _R.AccessibleDescriptionRole:  # what the colour says, for a screen reader
            return self.change_text(item)
        if role == _R.TextAlignmentRole and column in (self.COL_OLD_NUMBER, self.COL_NEW_NUMBER):
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return None

    def _display(self, item: StepChange, column: int) -> str:
        if column == self.COL_OLD_NUMBER:
            return str(item.old_number) if item.old_number is not None else ""
        if column == self.COL_NEW_NUMBER:
            if item.new_number is None:
                return ""
            if shifted(item):
                return f"{item.new_number}\n" + self.tr("moved from %1").replace("%1", str(item.old_number))
            return str(item.new_number)
        step = item.old if column == self.COL_OLD else item.new
        return step.text.text if step is not None else ""

    def _html(self, item: StepChange, column: int) -> str:
        if column == self.COL_OLD:
            if item.old is None or self._old is None:
                return ""
            return step_html(self._old, item.old, item.fields, struck=item.change == Change.REMOVED)
        if item.new is None or self._new is None:
            return ""
        return step_html(self._new, item.new, item.fields)


def field_value_text(value: object) -> str:
    """A plan field's value for the metadata diff: both languages, labels for codes."""
    if isinstance(value, Text2):
        return "\n".join(filter(None, [value.zh, value.en]))
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, tuple):
        if value and isinstance(value[0], Level):
            return " ".join(level.value for level in value)
        return "\n".join(field_value_text(v) for v in value)
    if isinstance(value, PlanRole):
        return f"{value.name.text} ({value.code})"
    if isinstance(value, ContactRef):
        return f"{contact_label(value.kind, value.name)} {value.phone}"
    if isinstance(value, AttachmentRef):
        return f"{value.name} ({format_size(value.size)})"
    return "" if value is None else str(value)


class FieldChangesModel(RowsModel[FieldChange]):
    """The plan-level fields that differ between two versions: name, old value, new value."""

    COL_FIELD, COL_OLD, COL_NEW = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Field"), self.tr("Old version"), self.tr("New version")]

    def field_name(self, name: str) -> str:
        names = {
            "title": self.tr("Title"),
            "tier": self.tr("Tier"),
            "category": self.tr("Category"),
            "levels": self.tr("Levels"),
            "triggers": self.tr("When to use"),
            "cautions": self.tr("Cautions"),
            "roles": self.tr("Roles"),
            "contacts": self.tr("Contacts"),
            "attachments": t("field.attachments"),
        }
        return names.get(name, name)

    def cell(self, item: FieldChange, column: int, role: int) -> Any:
        if role == _R.DisplayRole:
            if column == self.COL_FIELD:
                return self.field_name(item.name)
            return field_value_text(item.old if column == self.COL_OLD else item.new)
        if role == _R.BackgroundRole and column != self.COL_FIELD:
            return QColor(CHANGE_BACKGROUNDS[Change.CHANGED])
        if role == _R.FontRole and column == self.COL_FIELD:
            font = QFont()
            font.setBold(True)
            return font
        if role == _R.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
