"""Headcount at the assembly point during a drill: how many are present against the plan's expected
count; it goes into the run's incident log (and the drill report), written off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from branchguard.core.drills.types import DrillPlan
from branchguard.core.incidents.types import LogEntry
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.gui.kit import style
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession

MAX_PRESENT = 9999


class HeadcountDialog(QDialog):
    recorded = Signal(object)  # LogEntry

    def __init__(self, session: GuiSession, plan: DrillPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drill_headcount_dialog")
        self.session = session
        self.plan = plan
        self.entry: LogEntry | None = None
        self.heading = plain(QLabel(f"#{plan.id} {plan.title}"))
        self.heading.setWordWrap(True)
        self.present = QSpinBox()
        self.present.setRange(0, MAX_PRESENT)
        self.present.setValue(plan.expected_headcount or 0)
        font = self.present.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # typed standing at the assembly point
        self.present.setFont(font)
        self.present.valueChanged.connect(lambda _v: self._compare())
        self.expected = QLabel()
        self.expected.setObjectName("headcount_expected")
        self.form = FieldForm()
        self.form.add_field("headcount_present", "", self.present, "field.headcount")
        self.form.add_field("headcount_expected_row", "", self.expected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("headcount_submit")
        self.submit_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.error = error_label()  # a fault (a locked database); a refusal goes by the count
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addLayout(self.form)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.retranslate()
        self.setMinimumWidth(scaled(400, self))
        self.present.selectAll()
        self.present.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Headcount at the assembly point"))
        self.form.set_label("headcount_present", self.tr("Present"))
        self.form.set_label("headcount_expected_row", self.tr("Expected"))
        self.submit_button.setText(self.tr("Record headcount"))
        self._compare()

    def _compare(self) -> None:
        expected = self.plan.expected_headcount
        if expected is None:
            self.expected.setText(self.tr("not set in the plan"))
            self.expected.setStyleSheet("")
            return
        missing = expected - self.present.value()
        if missing > 0:
            text = self.tr("%1 — %n missing", "", missing).replace("%1", str(expected))
            self.expected.setStyleSheet(f"color: {style.ERROR}; font-weight: 600;")
        else:
            text = self.tr("%1 — all accounted for").replace("%1", str(expected))
            self.expected.setStyleSheet(f"color: {style.OK};")
        self.expected.setText(text)

    def submit(self) -> None:
        drills, actor, plan_id, present = (
            self.session.services.drills, self.session.actor, self.plan.id, self.present.value()
        )  # fmt: skip
        self.work.save(
            lambda: drills.record_headcount(actor, plan_id, present), self._recorded, self._refused
        )

    def _refused(self, exc: BranchGuardError) -> bool:
        self.form.set_error("headcount_present", exc.message)
        return True

    def _recorded(self, entry: LogEntry) -> None:
        self.entry = entry
        self.session.data_changed.emit("incident")
        self.recorded.emit(self.entry)
        self.accept()
