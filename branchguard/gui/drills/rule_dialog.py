"""The lead's dialog for a compliance rule of a region: its name, how often (or, for a notice rule,
how many working days ahead), which scenarios, drill types and plan tiers count, where it comes
from, and whether it is in force."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.compliance import MAX_NOTICE_WORKING_DAYS
from branchguard.core.drills.types import ComplianceRule, DrillScope
from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.gui.kit.dialog_work import AsNow, DialogWork, stored_or_as_now
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.style import error_label
from branchguard.gui.shell.session import GuiSession

MAX_INTERVAL = 60


def new_code(name: str, taken: set[str]) -> str:
    """A code for a new rule from its English name (or RULE), unique among `taken`."""
    base = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")[:24] or "RULE"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


class RuleDialog(QDialog):
    """Saves the rule through the service for `region` when accepted; `saved` carries it."""

    saved = Signal(object)  # ComplianceRule

    def __init__(
        self,
        session: GuiSession,
        region: str,
        rule: ComplianceRule | None = None,
        taken: set[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drill_rule_dialog")
        self.session = session
        self.region = region
        self.rule = rule
        self.taken = taken or set()
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.interval = QSpinBox()
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval.setValue(6)
        self.categories = QListWidget()
        self.categories.setObjectName("rule_categories_list")
        for category in IncidentCategory:
            item = QListWidgetItem(category.label)
            item.setData(Qt.ItemDataRole.UserRole, category.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.categories.setFixedHeight(150)
        self.scopes: dict[DrillScope, QCheckBox] = {}
        scope_row = QWidget()
        scope_box = QHBoxLayout(scope_row)
        scope_box.setContentsMargins(0, 0, 0, 0)
        for scope in DrillScope:
            check = QCheckBox(scope.label)
            check.setObjectName(f"rule_scope_{scope.value}")
            self.scopes[scope] = check
            scope_box.addWidget(check)
        scope_box.addStretch(1)
        self.tiers: dict[PlanTier, QCheckBox] = {}
        tier_row = QWidget()
        tier_box = QHBoxLayout(tier_row)
        tier_box.setContentsMargins(0, 0, 0, 0)
        for tier in PlanTier:
            check = QCheckBox(tier.label)
            check.setObjectName(f"rule_tier_{tier.value}")
            self.tiers[tier] = check
            tier_box.addWidget(check)
        tier_box.addStretch(1)
        self.notice = QSpinBox()
        self.notice.setObjectName("rule_notice_days")
        self.notice.setRange(1, MAX_NOTICE_WORKING_DAYS)
        self.notice.setValue(3)
        self.source = QLineEdit()
        self.active = QCheckBox()
        self.active.setObjectName("rule_active_check")
        self.active.setChecked(True)
        if rule is not None:
            self.fill(rule)
        self.form = FieldForm()
        self.form.add_field("rule_name_zh", "", self.name_zh, "field.compliance_rule")
        self.form.add_field("rule_name_en", "", self.name_en)
        if self.is_notice:  # a notice rule: working days ahead of each drill, no interval
            self.form.add_field("rule_notice", "", self.notice, "field.notice_working_days")
        else:
            self.form.add_field("rule_interval", "", self.interval, "field.interval_months")
        self.form.add_field("rule_categories", "", self.categories)
        self.form.add_field("rule_scopes", "", scope_row)
        self.form.add_field("rule_tiers", "", tier_row)
        self.form.add_field("rule_source", "", self.source)
        self.form.add_field("rule_active", "", self.active)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.message = error_label()
        save_cancel = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(save_cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.message, self.buttons)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.hint)
        box.addWidget(self.work.note)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compliance rule") if self.rule else self.tr("New compliance rule"))
        self.form.set_label("rule_name_zh", self.tr("Name (Chinese)"))
        self.form.set_label("rule_name_en", self.tr("Name (English)"))
        if self.is_notice:
            self.form.set_label("rule_notice", self.tr("Notify before each drill"))
            self.notice.setSuffix(self.tr(" working day(s)"))
        else:
            self.form.set_label("rule_interval", self.tr("At least every"))
            self.interval.setSuffix(self.tr(" month(s)"))
        self.form.set_label("rule_categories", self.tr("Scenarios that count"))
        self.form.set_label("rule_scopes", self.tr("Drill types that count"))
        self.form.set_label("rule_tiers", self.tr("Plan tiers that count"))
        self.form.set_label("rule_source", self.tr("Source (regulation)"))
        self.form.set_label("rule_active", self.tr("In force"))
        self.active.setText(self.tr("checked in the compliance view"))
        region = self.region or self.tr("the defaults every region inherits")
        self.hint.setText(
            self.tr("No scenario, type or tier ticked: any drill counts. Saved for %1.").replace("%1", region)
        )

    def fill(self, rule: ComplianceRule) -> None:
        """Show `rule` in the fields: as opened, and again as it is now after a stale save."""
        self.name_zh.setText(rule.name.zh)
        self.name_en.setText(rule.name.en)
        self.interval.setValue(rule.interval_months)
        for i in range(self.categories.count()):
            item = self.categories.item(i)
            chosen = IncidentCategory(item.data(Qt.ItemDataRole.UserRole)) in rule.categories
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        for scope, check in self.scopes.items():
            check.setChecked(scope in rule.scopes)
        for tier, check in self.tiers.items():
            check.setChecked(tier in rule.tiers)
        self.notice.setValue(rule.notice_working_days or 3)
        self.source.setText(rule.source)
        self.source.setCursorPosition(0)  # a long citation shows from its start
        self.source.setToolTip(tip(self.source.text()))
        self.active.setChecked(rule.active)

    @property
    def is_notice(self) -> bool:
        return self.rule is not None and self.rule.notice

    def data(self) -> ComplianceRule:
        categories = tuple(
            IncidentCategory(self.categories.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        )
        name = Text2(self.name_zh.text().strip(), self.name_en.text().strip())
        code = self.rule.code if self.rule else new_code(name.en, self.taken)
        interval = self.rule.interval_months if self.rule and self.is_notice else self.interval.value()
        return ComplianceRule(
            code=code,
            name=name,
            interval_months=interval,
            categories=categories,
            scopes=tuple(scope for scope, check in self.scopes.items() if check.isChecked()),
            tiers=tuple(tier for tier, check in self.tiers.items() if check.isChecked()),
            notice_working_days=self.notice.value() if self.is_notice else None,
            source=self.source.text().strip(),
            active=self.active.isChecked(),
            region=self.region,
        )

    def submit(self) -> None:
        """Save off the GUI thread (`work`); refused as stale (changed on another PC since it was
        shown), the rule is read as it is now in the same call and shown."""
        if not self.work.ready():
            return
        drills, actor, data, region, opened = (
            self.session.services.drills, self.session.actor, self.data(), self.region, self.rule
        )  # fmt: skip
        reread = None
        if opened is not None:
            code = opened.code

            def reread() -> ComplianceRule | None:
                return next((r for r in drills.compliance_rules(actor, region) if r.code == code), None)

        self.work.save(
            lambda: stored_or_as_now(lambda: drills.save_rule(actor, data, region, opened=opened), reread),
            self._stored,
        )

    def _stored(self, result: ComplianceRule | AsNow) -> None:
        if isinstance(result, AsNow):
            self._show_as_now(result)
            return
        self.session.data_changed.emit("drill")
        self.saved.emit(result)
        self.accept()

    def _show_as_now(self, now: AsNow) -> None:
        """Fill the fields again from the rule as the region sees it now (what was typed is dropped,
        the message says so); a second Save compares against that."""
        if now.error:
            self._say(now.error)
            return
        if now.record is not None:
            self.rule = now.record
            self.fill(now.record)
        self._say(now.refused.message)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
