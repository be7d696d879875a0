"""The plan's general fields: code, titles, tier, category, levels, trigger conditions, cautions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator, QTextCursor, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.types import LabelledEnum, Level
from branchguard.core.playbooks.rules import TITLE_LIMIT
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.screen import VerticalScroll
from branchguard.gui.playbooks.editor.commands import EditCommand, SetField
from branchguard.gui.playbooks.editor.state import TYPED_FIELDS, MetaState

_TEXT_FIELDS = ("triggers_zh", "triggers_en", "cautions_zh", "cautions_en")


def text_box(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    # The editor's undo stack is the one undo: the box's own would fight it over Ctrl+Z.
    edit.setUndoRedoEnabled(False)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 16)
    return edit


def fill_combo(combo: QComboBox, members: list[LabelledEnum]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for member in members:
        combo.addItem(member.label, member.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    combo.blockSignals(False)


class MetadataForm(QWidget):
    """Each input mirrors one MetaState field: a user edit becomes an undoable command, and a
    change of the state (undo, redo, load) is shown in the input."""

    def __init__(
        self,
        state: MetaState,
        stack: QUndoStack,
        attachments: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.stack = stack
        self._showing = False
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.code.setMaximumWidth(320)
        self.code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[A-Za-z][A-Za-z0-9_-]{0,31}"), self.code)
        )
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        for edit in (self.title_zh, self.title_en):
            edit.setMaxLength(TITLE_LIMIT)
        self.tier = QComboBox()
        self.category = QComboBox()
        self.category.setMaxVisibleItems(17)
        self.levels = {level: QCheckBox() for level in Level}
        levels_box = QWidget()
        row = QHBoxLayout(levels_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        for box in self.levels.values():
            row.addWidget(box)
        row.addStretch(1)
        levels_box.setFocusProxy(self.levels[Level.I])
        self.triggers_zh, self.triggers_en = text_box(), text_box()
        self.cautions_zh, self.cautions_en = text_box(), text_box()
        self.inputs: dict[str, QWidget] = {
            "code": self.code,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "tier": self.tier,
            "category": self.category,
            "levels": levels_box,
            "triggers_zh": self.triggers_zh,
            "triggers_en": self.triggers_en,
            "cautions_zh": self.cautions_zh,
            "cautions_en": self.cautions_en,
        }
        self.form = FieldForm()
        for name, widget in self.inputs.items():
            self.form.add_field(name, "", widget)
        # Shown with the fields but kept out of `inputs`: the box mirrors the state itself.
        self.attachments = attachments
        if attachments is not None:
            self.form.add_field("attachments", "", attachments)
        # The fields scroll: ten of them and the attachments are taller than a 614-line screen.
        column = QWidget()
        fields = QVBoxLayout(column)
        fields.setContentsMargins(16, 14, 16, 14)
        fields.addLayout(self.form)
        fields.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(VerticalScroll(column, "editor_general_scroll", self))  # made in place: not moved

        for name, line in (("code", self.code), ("title_zh", self.title_zh), ("title_en", self.title_en)):
            line.textChanged.connect(lambda _text, n=name: self._edited(n))
        for name in _TEXT_FIELDS:
            text_input = self.inputs[name]
            assert isinstance(text_input, QPlainTextEdit)
            text_input.textChanged.connect(lambda n=name: self._edited(n))
        self.tier.currentIndexChanged.connect(lambda _i: self._edited("tier"))
        self.category.currentIndexChanged.connect(lambda _i: self._edited("category"))
        for level_box in self.levels.values():
            level_box.toggled.connect(lambda _on: self._edited("levels"))
        state.changed.connect(self.show_field)
        self.retranslate()

    def retranslate(self) -> None:
        self.labels = {
            "code": self.tr("Code"),
            "title_zh": self.tr("Title (Chinese)"),
            "title_en": self.tr("Title (English)"),
            "tier": self.tr("Tier"),
            "category": self.tr("Incident category"),
            "levels": self.tr("Levels covered"),
            "triggers_zh": self.tr("Trigger conditions (Chinese)"),
            "triggers_en": self.tr("Trigger conditions (English)"),
            "cautions_zh": self.tr("Cautions (Chinese)"),
            "cautions_en": self.tr("Cautions (English)"),
        }
        for name, text in self.labels.items():
            self.form.set_label(name, text)
        if self.attachments is not None:
            self.form.set_label("attachments", self.tr("Attachments"))
        self.code.setPlaceholderText(self.tr("e.g. FIRE or ROBBERY-2"))
        self.title_zh.setPlaceholderText(self.tr("e.g. 火灾与疏散现场处置方案"))
        self.title_en.setPlaceholderText(self.tr("e.g. Fire and evacuation on-site response plan"))
        self._showing = True
        fill_combo(self.tier, list(PlanTier))
        fill_combo(self.category, list(IncidentCategory))
        for level, box in self.levels.items():
            box.setText(level.label)
        self._showing = False
        for name in self.inputs:
            self.show_field(name)

    # -- state <-> inputs ----------------------------------------------------------------------
    def value(self, name: str) -> Any:
        """What the input for `name` holds now, in the state's terms."""
        widget = self.inputs[name]
        if name == "code":
            return self.code.text().upper()
        if name == "tier":
            return PlanTier(self.tier.currentData())
        if name == "category":
            return IncidentCategory(self.category.currentData())
        if name == "levels":
            return tuple(level for level, box in self.levels.items() if box.isChecked())
        if isinstance(widget, QLineEdit):
            return widget.text()
        assert isinstance(widget, QPlainTextEdit)
        return widget.toPlainText()

    def _edited(self, name: str) -> None:
        if self._showing:
            return
        value = self.value(name)
        if value == self.state.get(name):
            return
        text = self.tr("edit %1").replace("%1", self.labels[name])
        merge = ("meta", name) if name in TYPED_FIELDS else None
        self.stack.push(EditCommand(text, [SetField(self.state, name, value)], merge))

    def show_field(self, name: str) -> None:
        if name not in self.inputs or self.value(name) == self.state.get(name):
            return
        value = self.state.get(name)
        self._showing = True
        try:
            widget = self.inputs[name]
            if name in ("tier", "category"):
                assert isinstance(widget, QComboBox)
                widget.setCurrentIndex(widget.findData(value.value))
            elif name == "levels":
                for level, box in self.levels.items():
                    box.setChecked(level in value)
            elif isinstance(widget, QLineEdit):
                at = widget.cursorPosition()
                widget.setText(value)
                widget.setCursorPosition(min(at, len(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
                widget.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._showing = False

    # -- modes and errors ----------------------------------------------------------------------
    def set_code_locked(self, locked: bool) -> None:
        """A plan keeps its code once it exists: incidents and files refer to it."""
        self.code.setReadOnly(locked)
        self.code.setToolTip(self.tr("The code cannot change once the plan exists.") if locked else "")

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.title_zh, self.title_en):
            line.setReadOnly(read_only)
        for box in (self.triggers_zh, self.triggers_en, self.cautions_zh, self.cautions_en):
            box.setReadOnly(read_only)
        for choice in (self.tier, self.category, *self.levels.values()):
            choice.setEnabled(not read_only)
        if read_only:
            self.set_code_locked(True)

    def show_error(self, path: tuple[str | int, ...], message: str) -> bool:
        """Put a service's message under the input its path names; False when none matches."""
        head = str(path[0]) if path else ""
        lang = str(path[1]) if len(path) > 1 and path[1] in ("zh", "en") else "zh"
        name = f"{head}_{lang}" if head in ("title", "triggers", "cautions") else head
        if name == "attachments" and self.attachments is not None:
            self.form.set_error(name, message)
            return True
        if name not in self.inputs:
            return False
        self.form.set_error(name, message)
        return True

    def clear_errors(self) -> None:
        self.form.clear_errors()
