"""Recording a warning received, and its lifting or cancelling (a later event, never an edit). Both
save off the GUI thread (gui/kit/dialog_work.py), closing once stored."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.early_warnings.rules import MAX_TEXT
from branchguard.core.early_warnings.service import RecordedPlanOpen
from branchguard.core.early_warnings.types import (
    EarlyWarning,
    WarningInput,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.core.kernel.roles import may
from branchguard.gui.incidents.console.dialogs import swatch_icon
from branchguard.gui.kit import style
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton


def received_time(value: QDateTime) -> datetime:
    """The local time typed, as an aware time (seconds dropped: the field shows minutes)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch() // 60 * 60).astimezone()


class AddWarningDialog(QDialog):
    """A warning as received: when, from whom, its colour, the hazard and its words; optionally the
    natural-disaster plan started from it at once. `added` holds the recorded warning; `refused`,
    when the plan's incident was open: the warning is recorded, nothing started, and the page
    asks what to do with that incident (gui/early_warnings/plan_open.py)."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_warning_dialog")
        self.session = session
        self.added: EarlyWarning | None = None
        self.refused: RecordedPlanOpen | None = None
        self.setWindowTitle(self.tr("Record a warning received"))
        resize_within_screen(self, 560, 480)
        self.form = FieldForm()
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        calendar_popup(self.received)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.source = QComboBox()
        for source in WarningSource:
            self.source.addItem(source.label, source.value)
        self.level = QComboBox()
        for level in WarningLevel:
            self.level.addItem(
                swatch_icon(style.WARNING_COLOURS[level.value].background), level.label, level.value
            )
        self.kind = QComboBox()
        for kind in WarningKind:
            self.kind.addItem(kind.label, kind.value)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(80)
        self.form.add_field(
            "warning_received", self.tr("Received at"), self.received, "field.warning_received"
        )
        self.form.add_field("warning_source", self.tr("Issued by"), self.source, "field.warning_source")
        self.form.add_field("warning_level", self.tr("Level"), self.level, "field.warning_level")
        self.form.add_field("warning_kind", self.tr("Hazard"), self.kind, "field.warning_kind")
        self.form.add_field("warning_text", self.tr("Warning text"), self.text, "field.warning_text")
        self.start = QCheckBox(self.tr("Start preparation now (natural-disaster plan)"))
        self.start.setObjectName("warning_start_now")
        self.start.setVisible(may(session.actor, "incident.start"))
        self.error = error_label()
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.start)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def entered(self) -> WarningInput:
        return WarningInput(
            received_at=received_time(self.received.dateTime()),
            source=WarningSource(self.source.currentData()),
            level=WarningLevel(self.level.currentData()),
            kind=WarningKind(self.kind.currentData()),
            text=self.text.toPlainText(),
        )

    def accept(self) -> None:
        if not self.work.ready():
            return  # its save is under way: OK pressed again records nothing more
        warnings, actor = self.session.services.warnings, self.session.actor
        entered, start = self.entered(), self.start.isChecked()

        def add() -> EarlyWarning | RecordedPlanOpen:
            try:
                return warnings.add(actor, entered, start=start)
            except RecordedPlanOpen as refused:  # recorded all the same: the dialog's work is done
                return refused

        self.work.save(add, self._added)

    def _added(self, result: EarlyWarning | RecordedPlanOpen) -> None:
        if isinstance(result, RecordedPlanOpen):
            self.refused, self.added = result, result.warning
        else:
            self.added = result
        super().accept()


class LiftWarningDialog(QDialog):
    """The warning lifted, or cancelled by its issuer, with an optional note."""

    def __init__(self, session: GuiSession, warning: EarlyWarning, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lift_warning_dialog")
        self.session = session
        self.warning = warning
        self.lifted: EarlyWarning | None = None
        self.setWindowTitle(self.tr("Warning lifted"))
        self.setMinimumWidth(scaled(460, self))
        self.intro = QLabel(
            f"#{warning.id} · {warning.source.label} · {warning.level.label} · {warning.kind.label}"
        )
        self.intro.setWordWrap(True)
        self.form = FieldForm()
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_TEXT)
        self.form.add_field("warning_note", self.tr("Note"), self.note, "field.warning_note")
        self.cancelled = QCheckBox(self.tr("Cancelled by its issuer (not lifted)"))
        self.cancelled.setObjectName("warning_cancelled")
        self.error = error_label()
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(self.form)
        box.addWidget(self.cancelled)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)

    def accept(self) -> None:
        if not self.work.ready():
            return  # its save is under way
        warnings, actor = self.session.services.warnings, self.session.actor
        warning_id, note, cancelled = self.warning.id, self.note.text(), self.cancelled.isChecked()
        self.work.save(lambda: warnings.lift(actor, warning_id, note, cancelled=cancelled), self._lifted)

    def _lifted(self, lifted: EarlyWarning) -> None:
        self.lifted = lifted
        super().accept()
