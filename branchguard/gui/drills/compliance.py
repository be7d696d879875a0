"""The Drills page's compliance tab: per rule of the region, the last drill done, the next due and
on time / due soon / overdue in colour; the lead edits the region's rules here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.drills.types import ComplianceRule, ComplianceStatus
from branchguard.core.kernel.roles import may
from branchguard.gui.drills.models import ComplianceModel, RuleRow, rule_rows
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.shell.session import GuiSession


def region_combo(object_name: str) -> QComboBox:
    """The region whose rules and criteria are shown: the defaults first, any other typed in."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.InsertAtBottom)
    combo.addItem("", "")
    combo.setMinimumContentsLength(16)
    return combo


def region_of(combo: QComboBox) -> str:
    """ "" for the defaults entry, else the typed region code."""
    text = combo.currentText().strip()
    return "" if combo.currentIndex() == 0 and text == combo.itemText(0) else text


class CompliancePanel(QWidget):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._failed)
        self.region = region_combo("compliance_region")
        self.region.activated.connect(lambda _i: self.reload())
        line = self.region.lineEdit()
        assert line is not None  # an editable combo
        line.editingFinished.connect(self.reload)
        self.region_label = QLabel()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("compliance_status_filter")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self._rows: list[RuleRow] = []
        self.model = ComplianceModel(self)
        self.table, self.proxy = make_table("compliance_table", self.model)  # in the rules' order
        header = self.table.horizontalHeader()
        size_columns(header, [(0, 220), (1, 90), (3, 160), (4, 250), (5, 150)])
        # the interval as wide as its words: a notice rule's "3 working days before each drill"
        # read "3 working da…" in its 100 px at 1024×768, whole only in a tooltip it did not have
        header.setSectionResizeMode(ComplianceModel.COL_INTERVAL, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _index: self.ask_edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.edit_button = QPushButton(icon("edit"), "")
        self.edit_button.setObjectName("compliance_edit")
        self.edit_button.clicked.connect(lambda: self.ask_edit())
        self.new_button = QPushButton(icon("add"), "")
        self.new_button.setObjectName("compliance_new")
        self.new_button.clicked.connect(lambda: self.ask_new())
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.never_held = QLabel()  # the next step for a rule never met (a new branch: every rule)
        self.never_held.setObjectName("compliance_never_held")
        self.never_held.setProperty("role", "warning")
        self.never_held.setWordWrap(True)
        self.never_held.hide()
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(self.region_label)
        top.addWidget(self.region)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addWidget(self.never_held)
        box.addWidget(self.hint)
        box.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.region_label.setText(self.tr("Region"))
        self.table.setAccessibleName(self.tr("Drill rules"))
        self.region.setItemText(0, self.tr("Defaults (all regions)"))
        current = self.status_filter.currentIndex()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All states"), None)
        for status in ComplianceStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setCurrentIndex(max(current, 0))
        self.status_filter.blockSignals(False)
        self.edit_button.setText(self.tr("Edit rule…"))
        self.new_button.setText(self.tr("New rule…"))
        self.hint.setText(
            self.tr(
                "A drill counts from the day it is run. Due soon: within 30 days. "
                "A region inherits the defaults and overrides rules by their code."
            )
        )

        self.never_held.setText(
            self.tr(
                "Never drilled: plan the drill on the Drill plans tab (Plan drill…). A drill held before "
                "BranchGuard, or on paper, counts from the day it was held once recorded there with "
                "Record held drill…"
            )
        )

    def may_edit(self) -> bool:
        return may(self.session.actor, "drill.configure")

    def reload(self, select: str | None = None) -> None:
        """Read the rules off the GUI thread; then select rule `select`, else the one selected now."""
        selected = self.selected()
        keep = select if select is not None else (selected.rule.code if selected is not None else None)
        region = region_of(self.region)
        drills, actor = self.session.services.drills, self.session.actor
        self.loader.run(
            lambda: rule_rows(drills.compliance_rules(actor, region), drills.compliance(actor, region)),
            lambda rows: self._show(rows, keep),
        )

    def _failed(self, message: str) -> None:
        self._show([], None)
        self.message.setText(message)
        self.message.show()

    def show_filtered(self, statuses: tuple[ComplianceStatus, ...]) -> None:
        """The default rules in one state (the dashboard's tiles), or all for none."""
        if len(statuses) > 1:
            raise ValueError(f"the compliance view filters on one state, not {statuses!r}")
        for widget, index in (
            (self.region, 0),
            (self.status_filter, self.status_filter.findData(statuses[0].value if statuses else None)),
        ):
            widget.blockSignals(True)
            widget.setCurrentIndex(index)
            widget.blockSignals(False)
        self.reload()

    def shown(self) -> list[RuleRow]:
        return list(self._rows)

    def _show(self, rows: list[RuleRow], select: str | None) -> None:
        self.message.hide()
        wanted = self.status_filter.currentData()
        if wanted:
            rows = [r for r in rows if r.item is not None and r.item.status.value == wanted]
        self._rows = rows
        self.model.set_rows(rows)
        self.never_held.setVisible(  # a rule never met with its drill planned has had its next step
            may(self.session.actor, "drill.plan")
            and any(
                r.item is not None and not r.rule.notice and not (r.item.last_done or r.item.next_planned)
                for r in rows
            )
        )
        if select is not None:
            self.select(select)
        self._update_buttons()

    def selected(self) -> RuleRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def select(self, code: str) -> bool:
        row = self.model.find_row(lambda r: r.rule.code == code)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        return row >= 0

    def row_of(self, code: str) -> RuleRow | None:
        row = self.model.find_row(lambda r: r.rule.code == code)
        return self.model.row_at(row) if row >= 0 else None

    def _update_buttons(self) -> None:
        lead = self.may_edit()
        self.edit_button.setVisible(lead)
        self.new_button.setVisible(lead)
        self.edit_button.setEnabled(self.selected() is not None)

    def ask_edit(self) -> QWidget | None:
        row = self.selected()
        if row is None or not self.may_edit():
            return None
        return self._open(row.rule)

    def ask_new(self) -> QWidget | None:
        return self._open(None) if self.may_edit() else None

    def _open(self, rule: ComplianceRule | None) -> QWidget:
        from branchguard.gui.drills.rule_dialog import RuleDialog

        taken = {r.rule.code for r in self.model.rows()}
        dialog = RuleDialog(self.session, region_of(self.region), rule, taken, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, rule: ComplianceRule) -> None:
        self.reload(select=rule.code)
