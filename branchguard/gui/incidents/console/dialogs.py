"""The console's small dialogs: skip a step, change the level, correct an entry, the initial report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.log import MAX_ENTRY_TEXT
from branchguard.core.incidents.rules import next_level_choice
from branchguard.core.incidents.types import REPORT_FIELDS
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Level
from branchguard.gui.kit import style
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm, attempt
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled

_B = QDialogButtonBox.StandardButton


def _telling(hook: Callable[[BranchGuardError], Any] | None) -> Callable[[BranchGuardError], bool]:
    """A DialogWork `refused` that tells `hook` of a refusal, which the dialog then says itself."""

    def refused(exc: BranchGuardError) -> bool:
        if hook is not None:
            hook(exc)
        return False

    return refused


def swatch_icon(colour: str) -> QIcon:
    """A small square in `colour`: a level (or DRILL) marker in pickers and tabs."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def level_icon(level: Level) -> QIcon:
    return swatch_icon(style.level_swatch(level.value).background)


def fill_levels(combo: QComboBox, current: Level | None = None, leave_out: Level | None = None) -> None:
    combo.clear()
    for level in Level:
        if level is not leave_out:
            combo.addItem(level_icon(level), level.label, level.value)  # Qt keeps a StrEnum as str
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))


def chosen_level(combo: QComboBox) -> Level:
    return Level(combo.currentData())


class ReasonDialog(QDialog):
    """One line of text that must not be empty (why a step is skipped, what an entry should say).

    Given `apply` (a check the text must pass), OK runs it while the dialog is still open: a
    refusal stays in the dialog with the text, under the field when it names `core_field` (the
    service's field key, e.g. "field.notes"), else on the dialog's error line. Given `write` (the
    text → the service call it is for), OK runs that call off the GUI thread with the dialog open
    and OK disabled (gui/kit/dialog_work.py), refused the same way; `written(result)` once stored,
    `refused(exc)` told of a refusal (the dialog says it all the same)."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        text: str = "",
        parent: QWidget | None = None,
        *,
        apply: Callable[[str], Any] | None = None,
        write: Callable[[str], Callable[[], Any]] | None = None,
        written: Callable[[Any], Any] | None = None,
        refused: Callable[[BranchGuardError], Any] | None = None,
        core_field: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(scaled(480, self))
        self.apply = apply
        self.write, self.written, self.on_refused = write, written, refused
        self.intro = plain(QLabel(intro))  # a correction quotes the entry as typed
        self.intro.setWordWrap(True)
        self.form = FieldForm()
        self.reason = QLineEdit(text)
        self.reason.setMaxLength(MAX_ENTRY_TEXT)
        self.form.add_field("reason", label, self.reason, core_field)
        self.error = error_label("reason_error")
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.intro)
        self.box.addLayout(self.form)
        self.box.addWidget(self.work.note)
        self.box.addWidget(self.error)
        self.box.addWidget(self.buttons)
        self.reason.selectAll()

    def value(self) -> str:
        return self.reason.text().strip()

    def submit(self) -> None:
        if not self.work.ready():
            return  # its write is under way: OK pressed again writes nothing more
        self.form.clear_errors()
        self.error.hide()
        if not self.value():
            self.form.set_error("reason", self.tr("Please fill this in."))
            return
        if self.apply is not None and not self._applied(self.apply):
            return
        if self.write is not None:
            self.work.save(self.write(self.value()), self._written, _telling(self.on_refused))
            return
        self.accept()

    def _written(self, result: Any) -> None:
        if self.written is not None:
            self.written(result)
        self.accept()

    def _applied(self, apply: Callable[[str], Any]) -> bool:
        def run() -> bool:
            apply(self.value())
            return True

        return attempt(self.form, self.error, run) is True


class SkipDialog(ReasonDialog):
    def __init__(self, number: int, step_text: str, parent: QWidget | None = None) -> None:
        super().__init__("", step_text, "", parent=parent)
        self.setObjectName("skip_dialog")
        self.setWindowTitle(self.tr("Skip step %1").replace("%1", str(number)))
        self.form.set_label("reason", self.tr("Why is it skipped?"))


class CorrectDialog(ReasonDialog):
    """The corrected text; the original entry stays in the log, struck through."""

    def __init__(self, seq: int, original: str, parent: QWidget | None = None) -> None:
        super().__init__("", "", "", original, parent)
        self.setObjectName("correct_dialog")
        self.setWindowTitle(self.tr("Correct entry %1").replace("%1", str(seq)))
        self.intro.setText(
            self.tr("Entry %1 says: “%2”. It stays in the log, struck through, followed by your correction.")
            .replace("%1", str(seq))
            .replace("%2", original)
        )
        self.form.set_label("reason", self.tr("What it should say"))


class LevelDialog(ReasonDialog):
    """Raise or lower the level; the reason goes into the log with the change. The proposed level
    is one step from the current one, so a single Enter never jumps two levels."""

    def __init__(self, current: Level, parent: QWidget | None = None) -> None:
        super().__init__("", "", "", parent=parent)
        self.setObjectName("level_dialog")
        self.setWindowTitle(self.tr("Change the level"))
        self.intro.setText(self.tr("The incident is at %1.").replace("%1", current.label))
        self.level = QComboBox()
        fill_levels(self.level, next_level_choice(current), leave_out=current)
        self.form.insertRow(0, self.tr("New level"), self.level)
        self.form.set_label("reason", self.tr("Why?"))

    def chosen(self) -> Level:
        return chosen_level(self.level)


class WarningLevelDialog(ReasonDialog):
    """Set or change a weather incident's four-colour warning; the reason goes into the log."""

    def __init__(self, current: WarningLevel | None, parent: QWidget | None = None) -> None:
        super().__init__("", "", "", parent=parent)
        self.setObjectName("warning_level_dialog")
        self.setWindowTitle(self.tr("Change the warning level"))
        now = current.label if current is not None else self.tr("no warning")
        self.intro.setText(self.tr("The incident has %1.").replace("%1", now))
        self.level = QComboBox()
        self.level.setObjectName("warning_level_choice")
        for warning in WarningLevel:
            if warning is not current:
                self.level.addItem(
                    swatch_icon(style.WARNING_COLOURS[warning.value].background), warning.label, warning.value
                )
        self.form.insertRow(0, self.tr("New warning level"), self.level)
        self.form.set_label("reason", self.tr("Why?"))

    def chosen(self) -> WarningLevel:
        return WarningLevel(self.level.currentData())


class ReportFieldsDialog(QDialog):
    """The initial report to head office (上报): the eight fields head office asks for. A field not
    filled in yet starts with `prefill` (the incident's or the branch's place): saved as shown.
    Given `write` (the changes → the service call), Save makes it off the GUI thread with the dialog
    open (gui/kit/dialog_work.py), closing once stored (`written(result)`); a refusal stays here
    with everything typed. Nothing changed: Save closes at once."""

    def __init__(
        self,
        values: dict[str, str],
        parent: QWidget | None = None,
        prefill: dict[str, str] | None = None,
        *,
        write: Callable[[dict[str, str]], Callable[[], Any]] | None = None,
        written: Callable[[Any], Any] | None = None,
        refused: Callable[[BranchGuardError], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.write, self.written, self.on_refused = write, written, refused
        self.setObjectName("report_fields_dialog")
        self.setWindowTitle(self.tr("Initial report to head office"))
        resize_within_screen(self, 640, 640)
        self._original = dict(values)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.form = form = FieldForm()
        for name in REPORT_FIELDS:
            edit = QPlainTextEdit(values.get(name, "") or (prefill or {}).get(name, ""))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            form.add_field(f"report_{name}", t(f"report_field.{name}"), edit)
            self.edits[name] = edit
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it took the focus, and typing went nowhere
        self.edits[REPORT_FIELDS[0]].setFocus()
        intro = QLabel(self.tr("What head office needs in the first report. Saving logs the change."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.error = error_label("report_fields_error")
        self.buttons = QDialogButtonBox(_B.Save | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, form, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(scroll, 1)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.work.ready():
            return  # its save is under way: Save pressed again saves nothing more
        changes = self.changes()
        if self.write is None or not changes:
            super().accept()
            return
        self.work.save(self.write(changes), self._written, _telling(self.on_refused))

    def _written(self, result: Any) -> None:
        if self.written is not None:
            self.written(result)
        super().accept()

    def changes(self) -> dict[str, str]:
        """Only the fields whose text changed (a cleared field is a change to "")."""
        out = {}
        for name, edit in self.edits.items():
            text = edit.toPlainText().strip()
            if text != self._original.get(name, ""):
                out[name] = text
        return out
