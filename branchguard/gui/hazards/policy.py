"""The lead's severity policy dialog: how long a general (一般) and a major (重大) hazard may stay
open, and a major hazard's interim-control, plan and head-office milestones. Hazards opened after
a change follow it; open ones keep their deadlines."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.hazards.rules import MAX_DAYS, MAX_HOURS
from branchguard.core.hazards.types import HazardSeverity, SeverityPolicy, SeverityRule
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import large_text, scaled
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton


class _RuleBox(QGroupBox):
    """One severity's deadlines; an optional milestone is off when its box is unticked."""

    def __init__(self, rule: SeverityRule, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.severity = rule.severity
        key = rule.severity.value
        self.form = FieldForm(self)
        self.fix_days = self._spin(f"policy_{key}_fix_days", MAX_DAYS, rule.fix_days)
        self.fix_days.setSuffix(self.tr(" day(s)"))
        self.form.add_field(f"policy_{key}_fix", self.tr("Fixed within"), self.fix_days)
        self.interim = self._optional(
            f"policy_{key}_interim", MAX_HOURS, rule.interim_hours, self.tr(" hour(s)")
        )
        self.form.add_field(f"policy_{key}_interim_row", self.tr("Interim control within"), self.interim[0])
        self.plan = self._optional(f"policy_{key}_plan", MAX_DAYS, rule.plan_days, self.tr(" day(s)"))
        self.form.add_field(f"policy_{key}_plan_row", self.tr("Remediation plan within"), self.plan[0])
        self.report = QCheckBox(self.tr("Report to head office"))
        self.report.setObjectName(f"policy_{key}_report")
        self.report.setChecked(rule.report_head_office)
        self.form.addRow("", self.report)

    @staticmethod
    def _spin(name: str, high: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(1, high)
        spin.setValue(value)
        return spin

    def _optional(
        self, name: str, high: int, value: int | None, suffix: str
    ) -> tuple[QWidget, QCheckBox, QSpinBox]:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        check = QCheckBox(self.tr("Required"))
        check.setObjectName(f"{name}_on")
        spin = self._spin(name, high, value or 1)
        spin.setSuffix(suffix)
        check.setChecked(value is not None)
        spin.setEnabled(value is not None)
        check.toggled.connect(spin.setEnabled)
        box.addWidget(check)
        box.addWidget(spin)
        holder.setFocusProxy(spin)  # the row's caption names the number (the box says "Required")
        return holder, check, spin

    def set_rule(self, rule: SeverityRule) -> None:
        """Show `rule` (the policy as stored, once read)."""
        self.fix_days.setValue(rule.fix_days)
        optional = ((self.interim, rule.interim_hours), (self.plan, rule.plan_days))
        for (_holder, check, spin), value in optional:
            check.setChecked(value is not None)
            spin.setValue(value or 1)
        self.report.setChecked(rule.report_head_office)

    def rule(self) -> SeverityRule:
        _holder, interim_on, interim = self.interim
        _holder, plan_on, plan = self.plan
        return SeverityRule(
            self.severity,
            fix_days=self.fix_days.value(),
            interim_hours=interim.value() if interim_on.isChecked() else None,
            plan_days=plan.value() if plan_on.isChecked() else None,
            report_head_office=self.report.isChecked(),
        )


class SeverityPolicyDialog(QDialog):
    """Saves through the service on OK (lead only); `saved` holds the policy afterwards. The policy
    is read and saved off the GUI thread (gui/kit/dialog_work.py): the deadlines are shown, and
    may be changed, once read."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved: SeverityPolicy | None = None
        self.setObjectName("severity_policy_dialog")
        self.setWindowTitle(self.tr("Hazard severity policy"))
        policy = SeverityPolicy()  # the built-in deadlines until the stored ones are read
        intro = QLabel(
            self.tr(
                "Deadlines count from when a hazard is opened. Hazards opened after a change"
                " follow it; open ones keep their deadlines."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.general = _RuleBox(policy.general, HazardSeverity.GENERAL.label)
        self.major = _RuleBox(policy.major, HazardSeverity.MAJOR.label)
        self.error = error_label("policy_error")
        self.buttons = QDialogButtonBox(_B.Save | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, None, self.error, self.buttons)
        # side by side at larger text, each label over its field: one under the other they made it
        # 620 px tall at 15 pt
        large = large_text(self)
        rules = QHBoxLayout() if large else QVBoxLayout()
        for rule_box in (self.general, self.major):
            if large:
                rule_box.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        rules.addWidget(self.general)
        rules.addWidget(self.major)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(rules)
        box.addWidget(self.work.note)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.setMinimumWidth(max(scaled(460, self), self.minimumSizeHint().width()))
        for rule_box in (self.general, self.major):
            rule_box.setEnabled(False)
        hazards, actor = session.services.hazards, session.actor
        self.work.read(lambda: hazards.policy(actor), self._show, fills=True)

    def _show(self, policy: SeverityPolicy) -> None:
        for rule_box, rule in ((self.general, policy.general), (self.major, policy.major)):
            rule_box.set_rule(rule)
            rule_box.setEnabled(True)

    def policy(self) -> SeverityPolicy:
        return SeverityPolicy(general=self.general.rule(), major=self.major.rule())

    def accept(self) -> None:
        policy, hazards, actor = self.policy(), self.session.services.hazards, self.session.actor
        self.work.save(lambda: hazards.set_policy(actor, policy), self._saved)

    def _saved(self, policy: SeverityPolicy) -> None:
        self.saved = policy
        self.session.data_changed.emit("hazard_policy")
        super().accept()
