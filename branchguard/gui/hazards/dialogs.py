"""Hazard register dialogs: a hazard entered by hand (or found by a drill), a remediation step with
evidence photos, and the question a close asks first when edits typed in the hazard are not saved."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.hazards.types import (
    HazardDetail,
    HazardInput,
    HazardSeverity,
    RemediationKind,
    RemediationStep,
)
from branchguard.gui.inspections.runner.dialogs import photo_file_filter
from branchguard.gui.inspections.runner.names import NamePicker, read_roster_names
from branchguard.gui.kit.chosen_files import ChosenFiles
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton
MAX_DESCRIPTION = 4000


def fill_severities(combo: QComboBox, current: HazardSeverity = HazardSeverity.GENERAL) -> None:
    combo.clear()
    for severity in HazardSeverity:
        combo.addItem(severity.label, severity.value)
    combo.setCurrentIndex(max(0, combo.findData(current.value)))


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class HazardFields(FieldForm):
    """The editable fields of a hazard, keyed to the service's field names for its messages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.severity = QComboBox()
        fill_severities(self.severity)
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(70)
        self.description.setMaximumHeight(120)
        self.owner = NamePicker("hazard_owner")  # the roster's names: `set_names`, once read
        self.due_auto = QCheckBox()
        self.due_auto.setObjectName("hazard_due_auto")
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        calendar_popup(self.due)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due_auto.toggled.connect(lambda on: self.due.setEnabled(not on))
        due_row = QWidget()
        due_box = QHBoxLayout(due_row)
        due_box.setContentsMargins(0, 0, 0, 0)
        due_box.addWidget(self.due)
        due_box.addWidget(self.due_auto)
        due_box.addStretch(1)
        due_row.setFocusProxy(self.due)  # the caption names the date, the box beside has its own text
        # each caption by its HazardInput field: what a question about unsaved edits names
        self.captions = {
            "title": self.add_field("hazard_title", self.tr("Title"), self.title, "field.title"),
            "severity": self.add_field(
                "hazard_severity", self.tr("Severity"), self.severity, "field.severity"
            ),
            "location": self.add_field(
                "hazard_location", self.tr("Location"), self.location, "field.location"
            ),
            "description": self.add_field(
                "hazard_description", self.tr("Description"), self.description, "field.hazard_description"
            ),
            "owner": self.add_field("hazard_owner_field", self.tr("Owner"), self.owner, "field.owner"),
            "due": self.add_field("hazard_due", self.tr("Due"), due_row, "field.due_at"),
        }
        self.due_auto.setText(self.tr("From the severity policy"))

    def set_names(self, names: list[str]) -> None:
        """The roster's names for the owner, read off the GUI thread (`read_roster_names`)."""
        self.owner.set_names(names)

    def set_values(self, data: HazardInput) -> None:
        self.title.setText(data.title)
        self.severity.setCurrentIndex(max(0, self.severity.findData(data.severity.value)))
        self.location.setText(data.location)
        self.description.setPlainText(data.description)
        self.owner.set_name(data.owner)
        if data.due is not None:
            self.due.setDate(to_qdate(data.due))
        self.due_auto.setChecked(data.due is None)

    def values(self) -> HazardInput:
        return HazardInput(
            description=self.description.toPlainText().strip()[:MAX_DESCRIPTION],
            severity=HazardSeverity(self.severity.currentData()),
            location=self.location.text().strip(),
            owner=self.owner.name(),
            due=None if self.due_auto.isChecked() else from_qdate(self.due.date()),
            title=self.title.text().strip(),
        )

    def set_editable(self, editable: bool, due_editable: bool) -> None:
        for widget in (self.title, self.location, self.owner, self.severity):
            widget.setEnabled(editable)
        self.description.setReadOnly(not editable)
        self.due_auto.setEnabled(editable and due_editable)
        self.due.setEnabled(editable and due_editable and not self.due_auto.isChecked())


class NewHazardDialog(QDialog):
    """A hazard entered by hand; `created` holds it after OK. Given `drill` (id, title), a problem
    that held drill found: the dialog says so, the description starts as `problems`, and the hazard
    is saved linked to the drill. The roster's names are read and the hazard saved off the GUI
    thread (gui/kit/dialog_work.py)."""

    def __init__(
        self,
        session: GuiSession,
        parent: QWidget | None = None,
        drill: tuple[int, str] | None = None,
        problems: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.drill = drill
        self.created: HazardDetail | None = None
        self.setObjectName("new_hazard_dialog")
        self.setWindowTitle(self.tr("New hazard") if drill is None else self.tr("Hazard found by a drill"))
        self.setMinimumWidth(scaled(520, self))
        self.origin = plain(QLabel())
        self.origin.setObjectName("new_hazard_origin")
        self.origin.setProperty("role", "hint")
        self.origin.setWordWrap(True)
        if drill is not None:
            said = self.tr("Found by drill #%1 “%2”: saved linked to it, its source “Drill”.")
            self.origin.setText(said.replace("%1", str(drill[0])).replace("%2", drill[1]))
        self.origin.setVisible(drill is not None)
        self.fields = HazardFields()
        self.fields.description.setPlainText(problems.strip()[:MAX_DESCRIPTION])
        self.fields.due_auto.setChecked(True)
        # found today (in the branch's zone): it cannot be due before that
        today = datetime.now(session.services.hazards.zone).date()
        self.fields.due.setMinimumDate(to_qdate(today))
        self.error = error_label()
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.fields, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(self.origin)
        box.addLayout(self.fields)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        services, actor = session.services, session.actor
        self.work.read(lambda: read_roster_names(services, actor), self.fields.set_names)

    def accept(self) -> None:
        if not self.work.ready():
            return  # reading the names, or saving already
        self.fields.clear_errors()
        self.error.hide()
        data = self.fields.values()
        if not data.description:
            self.fields.set_error("hazard_description", self.tr("Describe the hazard."))
            return
        hazards, actor = self.session.services.hazards, self.session.actor
        drill_id = self.drill[0] if self.drill is not None else None
        self.work.save(lambda: hazards.create(actor, data, drill_id=drill_id), self._created)

    def _created(self, created: HazardDetail) -> None:
        self.created = created
        self.session.data_changed.emit("hazard")
        super().accept()


class StepDialog(QDialog):
    """One remediation step: its kind, what was done, evidence photos; `added` after OK."""

    def __init__(self, session: GuiSession, hazard_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hazard_id = hazard_id
        self.added: RemediationStep | None = None
        self.setObjectName("hazard_step_dialog")
        self.setWindowTitle(self.tr("Add a remediation step"))
        self.setMinimumWidth(scaled(520, self))
        self.form = FieldForm()
        self.kind = QComboBox()
        for kind in RemediationKind:
            if kind is RemediationKind.ON_THE_SPOT:  # recorded by an inspection's submit only
                continue
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(RemediationKind.ACTION.value)))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(70)
        self.files = ChosenFiles(", ", "hazard_step_files")
        self.evidence_label = self.files.label
        self.evidence_button = QPushButton(self.tr("Add a photo…"))
        self.evidence_button.setObjectName("hazard_step_evidence")
        self.evidence_button.clicked.connect(self.ask_evidence)
        evidence = QWidget()
        evidence_box = QHBoxLayout(evidence)
        evidence_box.setContentsMargins(0, 0, 0, 0)
        evidence_box.addWidget(self.evidence_button)
        evidence_box.addWidget(self.files, 1)
        self.form.add_field("step_kind", self.tr("Step"), self.kind, "field.remediation_kind")
        self.form.add_field("step_text", self.tr("What was done"), self.text, "field.remediation_step")
        self.form.add_field("step_evidence", self.tr("Evidence"), evidence, "field.photos")
        self.error = error_label()
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons, self.evidence_button)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    @property
    def evidence(self) -> list[Path]:
        return self.files.paths

    def add_evidence(self, path: Path) -> None:
        self.files.add([path])

    def ask_evidence(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Evidence photos"), "", photo_file_filter(self)
        )
        for name in names:
            self.add_evidence(Path(name))

    def accept(self) -> None:
        if not self.work.ready():
            return  # saving already
        self.form.clear_errors()
        self.error.hide()
        text = self.text.toPlainText().strip()
        if not text:
            self.form.set_error("step_text", self.tr("Say what was done."))
            return
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        kind, evidence = RemediationKind(self.kind.currentData()), tuple(self.evidence)
        self.work.save(lambda: hazards.add_step(actor, hazard_id, kind, text, evidence=evidence), self._added)

    def _added(self, step: RemediationStep) -> None:
        self.added = step
        super().accept()


class UnsavedHazardEdits(QMessageBox):
    """Asked before a hazard is closed while edits typed in its fields are not saved: a closed
    hazard's fields are read-only, so they would go with it. Names the fields; "Save and close…"
    (SAVE), "Close without saving…" (DISCARD), or Cancel, the default and Esc. Either way on, the
    close still asks its own note: this question alone closes nothing."""

    SAVE, DISCARD, CANCEL = "hazard_save_and_close", "hazard_close_unsaved", "hazard_keep_editing"

    def __init__(self, captions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazard_unsaved_dialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changes not saved"))
        self.setText(self.tr("Your changes to %1 are not saved.").replace("%1", self.tr(", ").join(captions)))
        self.setInformativeText(
            self.tr("A closed hazard can no longer be edited: close it now and these changes are lost.")
        )
        self.addButton(self.tr("Save and close…"), QMessageBox.ButtonRole.AcceptRole).setObjectName(self.SAVE)
        lose = self.addButton(self.tr("Close without saving…"), QMessageBox.ButtonRole.DestructiveRole)
        lose.setObjectName(self.DISCARD)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName(self.CANCEL)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)

    def answer(self) -> str:
        """The button pressed (CANCEL when none: the window closed)."""
        clicked = self.clickedButton()
        return clicked.objectName() if clicked is not None else self.CANCEL
