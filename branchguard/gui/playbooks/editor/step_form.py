"""The selected step in full: text, responsible role, target time, reporting checkpoint, jump."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.rules import MAX_MINUTES, STEP_TEXT_LIMIT
from branchguard.core.playbooks.types import Step
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.text_scale import large_text
from branchguard.gui.playbooks.editor.meta_form import text_box
from branchguard.gui.playbooks.editor.roles_model import RolesModel
from branchguard.gui.playbooks.editor.steps_model import StepsModel, first_line

NO_MINUTES = -1  # the spin boxes' "not set" value, shown as a dash


def minutes_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NO_MINUTES, MAX_MINUTES)
    spin.setSpecialValueText("—")
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setMinimumWidth(110)
    return spin


def spin_minutes(spin: QSpinBox) -> int | None:
    return None if spin.value() == NO_MINUTES else spin.value()


class StepForm(QGroupBox):
    """Edits the step with key `key`. It follows its step by key, so it stays on the same step
    while steps move; every change is an undoable edit of the steps model."""

    def __init__(self, steps: StepsModel, roles: RolesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = steps
        self.roles = roles
        self.key: str | None = None
        self._showing = False
        self._read_only = False
        self.text_zh, self.text_en = text_box(3), text_box(3)
        self.condition_zh, self.condition_en = QLineEdit(), QLineEdit()
        for edit in (self.condition_zh, self.condition_en):
            edit.setMaxLength(STEP_TEXT_LIMIT)
        self.role, self.goto = QComboBox(), QComboBox()
        for combo in (self.role, self.goto):
            # As wide as the column, not as the longest step text; the list shows it in full.
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.target = minutes_spin()
        self.checkpoint = QCheckBox()
        self.deadline = minutes_spin()
        report = QWidget()
        report_row = QHBoxLayout(report)
        report_row.setContentsMargins(0, 0, 0, 0)
        report_row.addWidget(self.checkpoint)
        report_row.addWidget(self.deadline)
        report_row.addStretch(1)
        report.setFocusProxy(self.deadline)
        self.inputs: dict[str, QWidget] = {
            "text_zh": self.text_zh,
            "condition_zh": self.condition_zh,
            "role": self.role,
            "target": self.target,
            "text_en": self.text_en,
            "condition_en": self.condition_en,
            "goto": self.goto,
            "report": report,
        }
        self.left, self.right = FieldForm(), FieldForm()
        for name in ("text_zh", "condition_zh", "role", "target"):
            self.left.add_field(name, "", self.inputs[name])
        for name in ("text_en", "condition_en", "goto", "report"):
            self.right.add_field(name, "", self.inputs[name])
        if large_text(self):  # each label over its field: beside them, at 15 pt, 1068 px wide
            for form in (self.left, self.right):
                form.setRowWrapPolicy(FieldForm.RowWrapPolicy.WrapAllRows)
        fields = QWidget()
        packed = QVBoxLayout(fields)
        packed.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(self.left, 1)
        columns.addLayout(self.right, 1)
        for form in (self.left, self.right):
            # An error line makes one column taller: the other keeps its rows packed at the top.
            form.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding))
        packed.addLayout(columns)
        packed.addStretch(1)  # extra height goes below the fields, not between them
        self.empty = QLabel()
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(fields)

        self.text_zh.textChanged.connect(lambda: self._edited("text_zh"))
        self.text_en.textChanged.connect(lambda: self._edited("text_en"))
        self.condition_zh.textChanged.connect(lambda _t: self._edited("condition_zh"))
        self.condition_en.textChanged.connect(lambda _t: self._edited("condition_en"))
        self.role.currentIndexChanged.connect(lambda _i: self._edited("role"))
        self.goto.currentIndexChanged.connect(lambda _i: self._edited("goto"))
        self.target.valueChanged.connect(lambda _v: self._edited("target"))
        self.deadline.valueChanged.connect(lambda _v: self._edited("deadline"))
        self.checkpoint.toggled.connect(lambda _on: self._edited("checkpoint"))
        steps.dataChanged.connect(lambda *_: self.show_step(self.key))
        steps.rowsMoved.connect(lambda *_: self.show_step(self.key))
        steps.rowsInserted.connect(lambda *_: self.show_step(self.key))
        steps.rowsRemoved.connect(lambda *_: self.show_step(self.key))
        steps.modelReset.connect(lambda: self.show_step(None))
        for signal in (roles.dataChanged, roles.rowsInserted, roles.rowsRemoved, roles.modelReset):
            signal.connect(lambda *_: self.show_step(self.key))
        self.retranslate()

    def retranslate(self) -> None:
        labels = {
            "text_zh": self.tr("Text (Chinese)"),
            "condition_zh": self.tr("Condition (Chinese)"),
            "role": self.tr("Responsible role"),
            "target": self.tr("Target time"),
            "text_en": self.tr("Text (English)"),
            "condition_en": self.tr("Condition (English)"),
            "goto": self.tr("Then go to"),
            "report": self.tr("Reporting (上报)"),
        }
        for name, text in labels.items():
            (self.left if name in ("text_zh", "condition_zh", "role", "target") else self.right).set_label(
                name, text
            )
        self.condition_zh.setPlaceholderText(self.tr("optional, e.g. 如有人员受伤"))
        self.condition_en.setPlaceholderText(self.tr("optional, e.g. If anyone is injured"))
        self.checkpoint.setText(self.tr("Mandatory report, deadline"))
        self.checkpoint.setToolTip(
            self.tr("A reporting checkpoint: the report must be made within the deadline after the start.")
        )
        self.target.setToolTip(self.tr("Minutes from the start of the incident; — means no target."))
        for spin in (self.target, self.deadline):
            spin.setSuffix(self.tr(" min"))
        self.empty.setText(self.tr("Select a step to edit it, or press Ins to add one."))
        self.show_step(self.key)

    # -- showing -------------------------------------------------------------------------------
    def show_step(self, key: str | None) -> None:
        row = self.steps.row_of(key)
        self.key = key if row >= 0 else None
        if self.key is None:
            self.setTitle(self.tr("Step"))
            self.pages.setCurrentIndex(0)
            return
        step = self.steps.item_at(row)
        self.setTitle(self.tr("Step %1").replace("%1", str(row + 1)))
        self.pages.setCurrentIndex(1)
        self._showing = True
        try:
            self._fill_roles(step)
            self._fill_goto(step)
            _set_text(self.text_zh, step.text.zh)
            _set_text(self.text_en, step.text.en)
            _set_text(self.condition_zh, step.condition.zh)
            _set_text(self.condition_en, step.condition.en)
            self.target.setValue(NO_MINUTES if step.target_minutes is None else step.target_minutes)
            self.checkpoint.setChecked(step.checkpoint)
            self.deadline.setValue(NO_MINUTES if step.deadline_minutes is None else step.deadline_minutes)
            self.deadline.setEnabled(step.checkpoint and not self._read_only)
        finally:
            self._showing = False

    def _fill_roles(self, step: Step) -> None:
        self.role.clear()
        self.role.addItem(self.tr("— nobody in particular —"), "")
        for plan_role in self.roles.roles():
            self.role.addItem(plan_role.name.text or plan_role.code, plan_role.code)
        if step.role and self.role.findData(step.role) < 0:
            self.role.addItem(self.tr("%1 (not a role of this plan)").replace("%1", step.role), step.role)
        self.role.setCurrentIndex(self.role.findData(step.role))

    def _fill_goto(self, step: Step) -> None:
        self.goto.clear()
        self.goto.addItem(self.tr("— no jump —"), None)
        for i, other in enumerate(self.steps.steps()):
            if other.key != step.key:
                text = first_line(other.text.text) or self.tr("(no text yet)")
                label = self.tr("Step %1: %2").replace("%1", str(i + 1)).replace("%2", text)
                self.goto.addItem(label, other.key)
        self.goto.setCurrentIndex(max(0, self.goto.findData(step.goto)) if step.goto else 0)

    # -- editing -------------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        row = self.steps.row_of(self.key)
        if self._showing or row < 0:
            return
        step = self.steps.item_at(row)
        changes: dict[str, Any]
        typing: str | None = name
        if name in ("text_zh", "text_en"):
            zh, en = self.text_zh.toPlainText(), self.text_en.toPlainText()
            changes = {"text": Text2(zh, step.text.en) if name == "text_zh" else Text2(step.text.zh, en)}
        elif name in ("condition_zh", "condition_en"):
            zh, en = self.condition_zh.text(), self.condition_en.text()
            old = step.condition
            changes = {"condition": Text2(zh, old.en) if name == "condition_zh" else Text2(old.zh, en)}
        elif name == "target":
            changes = {"target_minutes": spin_minutes(self.target)}
        elif name == "deadline":
            changes = {"deadline_minutes": spin_minutes(self.deadline)}
        elif name == "checkpoint":
            on = self.checkpoint.isChecked()
            # A deadline only means something on a checkpoint: unticking clears it (undo brings it back).
            changes = {"checkpoint": on, "deadline_minutes": step.deadline_minutes if on else None}
            typing = None
        elif name == "role":
            changes = {"role": self.role.currentData() or ""}
            typing = None
        else:
            changes = {"goto": self.goto.currentData()}
            typing = None
        self.steps.edit_step(row, typing, **changes)

    def focus_text(self) -> None:
        self.text_zh.setFocus()

    # -- modes and errors ----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for box in (self.text_zh, self.text_en):
            box.setReadOnly(read_only)
        for edit in (self.condition_zh, self.condition_en):
            edit.setReadOnly(read_only)
        for widget in (self.role, self.goto, self.target, self.checkpoint):
            widget.setEnabled(not read_only)
        self.show_step(self.key)

    def show_error(self, path: tuple[str | int, ...], message: str) -> bool:
        """Show the message under the input a step's error path names (the part after the row)."""
        head = str(path[0]) if path else ""
        lang = str(path[1]) if len(path) > 1 and path[1] in ("zh", "en") else "zh"
        if head == "condition" and "goto" in path:
            name = "goto"
        else:
            name = {
                "text": f"text_{lang}",
                "condition": f"condition_{lang}",
                "role": "role",
                "target_minutes": "target",
                "checkpoint": "report",
            }.get(head, "")
        if not name:
            return False
        (self.left if name in ("text_zh", "condition_zh", "role", "target") else self.right).set_error(
            name, message
        )
        return True

    def clear_errors(self) -> None:
        self.left.clear_errors()
        self.right.clear_errors()

    def error_text(self, name: str) -> str:
        form = self.left if name in ("text_zh", "condition_zh", "role", "target") else self.right
        return form.error_text(name)


def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Only a real change is written back: rewriting what was just typed would move the cursor."""
    if isinstance(widget, QLineEdit):
        if widget.text() != text:
            widget.setText(text)
    elif widget.toPlainText() != text:
        widget.setPlainText(text)
