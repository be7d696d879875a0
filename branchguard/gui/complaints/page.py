"""Complaints page: the register (overdue first, the countdown in the due column; identifiers
masked) as its filters select it (gui/complaints/filters.py), the steps of the selected complaint,
and the buttons for what the actor may do to it (register, assign, the next step, extend, withdraw):
the role table and the complaint's status decide which are enabled (core/complaints/rules.py).
Reads go through the Loader."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.complaints import rules
from branchguard.core.complaints.types import (
    Category,
    ComplaintDetail,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintKind,
    ComplaintStep,
)
from branchguard.core.kernel.roles import may
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.complaints.choices import linkable_incidents
from branchguard.gui.complaints.dialogs import (
    ComplaintAssignDialog,
    ComplaintExtendDialog,
    ComplaintRegisterDialog,
    ComplaintStepDialog,
    ComplaintWithdrawDialog,
)
from branchguard.gui.complaints.filters import ComplaintFilterBar
from branchguard.gui.complaints.models import ComplaintListModel
from branchguard.gui.complaints.papers import ComplaintPapers
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.kit.times import date_time
from branchguard.gui.shell.session import GuiSession
from branchguard.reports.complaint_common import event_note_lines, history, step_detail_lines

STALE_AFTER_S = 1.0  # showing the page refreshes it unless it was refreshed just now


class ComplaintsPage(Page):
    page_id = "complaints"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self._failed)
        self.detail_loader = Loader(self, on_error=self._detail_failed)
        self.ledger_band = LedgerBand(session, self)
        self._refreshed_at = 0.0
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.refresh_button = QPushButton(icon("refresh"), "")
        self.refresh_button.setObjectName("complaints_refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        self.papers = ComplaintPapers(self, session, self.selected, self.current_filter)
        self.print_button = QPushButton(icon("print"), "")
        self.print_button.setObjectName("complaints_print_button")
        self.print_button.setMenu(self.papers)
        zone = session.services.complaints.zone
        self.filters = ComplaintFilterBar(lambda: datetime.now(zone).date())
        self.filters.changed.connect(self.refresh)
        self.open_only, self.overdue_only = self.filters.open_only, self.filters.overdue_only
        self.model = ComplaintListModel(self)
        self.names = NamesReader(self, session, self.model)
        self.table = self._make_table()
        self._read = False  # the list shown is the complaints read, not the empty start
        # The filter of the list shown: listed again (Refresh, an action, coming back to the page),
        # its search is not a new one for the audit trail (a full name: complaints/lookups.py).
        self._shown: ComplaintFilter | None = None
        self.empty_note = EmptyNote(self.table, self.empty_text)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.count_label.setWordWrap(True)  # a failed read says why there (a sentence or two), not wider
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("complaints_detail")
        self.detail.setReadOnly(True)
        self._categories: list[Category] = []
        self.register_button = QPushButton(icon("add"), "")
        self.register_button.setObjectName("complaints_register")
        self.register_button.clicked.connect(self.ask_register)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("complaints_assign")
        self.assign_button.clicked.connect(lambda: self._ask(ComplaintAssignDialog))
        self.step_buttons = {step: QPushButton() for step in rules.STEPS}
        for step, button in self.step_buttons.items():
            button.setObjectName(f"complaints_{step.value}")
            button.clicked.connect(lambda _checked=False, st=step: self.ask_step(st))
        self.extend_button = QPushButton()
        self.extend_button.setObjectName("complaints_extend")
        self.extend_button.clicked.connect(lambda: self._ask(ComplaintExtendDialog))
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("complaints_withdraw")
        self.withdraw_button.clicked.connect(lambda: self._ask(ComplaintWithdrawDialog))
        session.data_changed.connect(self._data_changed)
        self._build_layout()
        self.retranslate()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("complaints_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        size_columns(
            header,
            (
                (ComplaintListModel.COL_NUMBER, 110),
                (ComplaintListModel.COL_RECEIVED, 130),
                (ComplaintListModel.COL_DUE, 170),
                (ComplaintListModel.COL_REQUEST, 220),
            ),
        )
        table.selectionModel().currentRowChanged.connect(lambda *_: self._load_detail())
        return table

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.print_button)
        header.addWidget(self.refresh_button)
        self.filters.row.add_widget(self.register_button)  # at the right end while the row is one line
        actions = FlowLayout()  # wraps at larger text (at 15 pt: 901 px in one line in English)
        for button in (
            self.assign_button,
            *self.step_buttons.values(),
            self.extend_button,
            self.withdraw_button,
        ):
            actions.add_widget(button)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addWidget(self.table, 1)
        top_box.addWidget(self.count_label)
        top_box.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        below = QWidget()  # the selected complaint: rewritten outside the app, the band says so above it
        below_box = QVBoxLayout(below)
        below_box.setContentsMargins(0, 0, 0, 0)
        below_box.addWidget(self.ledger_band)
        below_box.addWidget(self.detail, 1)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Customer complaints"))
        self.table.setAccessibleName(self.heading.text())
        self.intro.setText(
            self.tr(
                "Complaints must be decided and replied to within 15 days of receipt (30 or 60 when "
                "extended). Identifiers are masked."
            )
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.print_button.setText(self.tr("Preview / Print"))
        self.print_button.setToolTip(self.tr("The selected complaint's file or the register as filtered"))
        self.papers.retranslate()
        self.filters.retranslate()
        self.detail.setPlaceholderText(self.tr("Select a complaint to see its steps."))
        self.detail.setAccessibleName(self.tr("Steps of the selected complaint"))
        self.register_button.setText(self.tr("Register…"))
        self.assign_button.setText(self.tr("Handler…"))
        step_texts = {
            ComplaintStep.INVESTIGATE: self.tr("Investigate…"),
            ComplaintStep.DECIDE: self.tr("Decide…"),
            ComplaintStep.REPLY: self.tr("Reply…"),
            ComplaintStep.ARCHIVE: self.tr("Archive…"),
        }
        for step, button in self.step_buttons.items():
            button.setText(step_texts[step])
        self.extend_button.setText(self.tr("Extend…"))
        self.withdraw_button.setText(self.tr("Withdrawal…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    # -- loading -------------------------------------------------------------------------------
    def current_filter(self) -> ComplaintFilter:
        return self.filters.current_filter()

    def show_filtered(self, flt: ComplaintFilter) -> None:
        """Set the filter controls to `flt` (the dashboard's tiles), the others back to "all", and
        list those complaints."""
        self.filters.set_filter(flt)
        self.refresh()

    def refresh(self) -> None:
        self._refreshed_at = time.monotonic()
        self.names.read()
        self.filters.search.settle()
        complaints, actor, flt = self.session.services.complaints, self.session.actor, self.current_filter()
        current = self.selected()
        keep = current.id if current is not None else None
        again = flt == self._shown
        self.loader.run(
            lambda: (complaints.list(actor, flt, again=again), complaints.categories(actor)),
            lambda loaded: self._show(loaded, keep, flt),
        )

    def empty_text(self) -> str:
        """What the empty list says (kit/empty_note.py): nothing until the complaints are read."""
        if not self._read:
            return ""
        flt = self.current_filter()
        if replace(flt, open_only=False) != ComplaintFilter():
            return self.tr("No complaint matches these filters.")
        registers = may(self.session.actor, "complaint.register")
        if flt.open_only:
            if not registers:
                return self.tr("No open complaints.")
            return self.tr(
                "No open complaints. Register… records one as it is received; untick “Open only” to list "
                "those archived or withdrawn."
            )
        if not registers:
            return self.tr("No complaints yet.")
        return self.tr("No complaints yet. Register… records one as it is received.")

    def _show(
        self,
        loaded: tuple[list[ComplaintInfo], list[Category]],
        keep: int | None = None,
        flt: ComplaintFilter | None = None,
    ) -> None:
        items, self._categories = loaded
        self._read, self._shown = True, flt
        self.filters.set_categories(self._categories)
        self.model.set_rows(items)
        self.update_actions()
        overdue = sum(c.overdue for c in items)
        text = self.tr("%n complaint(s) shown", "", len(items))
        if overdue:
            late = self.tr("%n overdue", "", overdue)
            text = f"{text} · {late}"
        self.count_label.setText(text)
        self.detail.clear()
        row = self.model.find_row(lambda c: c.id == keep) if keep is not None else -1
        if row >= 0:  # the complaint just worked on stays selected, its steps shown
            self.table.selectRow(row)

    def _failed(self, message: str) -> None:
        self._read, self._shown = False, None  # not read: the table does not say there are none
        self.model.set_rows([])
        self.count_label.setText(message)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if time.monotonic() - self._refreshed_at > STALE_AFTER_S:
            self.refresh()

    # -- detail ----------------------------------------------------------------------------------
    def selected(self) -> ComplaintInfo | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def update_actions(self) -> None:
        """Show what the actor's role may ever do, and enable what the selected complaint's status
        allows of it: a step only the lead takes is not shown to staff or the auditor at all."""
        actor, item = self.session.actor, self.selected()
        self.register_button.setVisible(may(actor, "complaint.register"))
        self.papers.file_action.setEnabled(item is not None)
        status = item.status if item is not None else None
        self.assign_button.setVisible(may(actor, "complaint.assign"))
        self.assign_button.setEnabled(status is not None and status in rules.ASSIGN_IN)
        offered = rules.available_steps(status, actor) if status is not None else frozenset()
        for step, button in self.step_buttons.items():
            button.setVisible(rules.step_allowed(actor, step))
            button.setEnabled(step in offered)
        self.extend_button.setVisible(may(actor, "complaint.extend"))
        self.extend_button.setEnabled(
            item is not None
            and item.kind == ComplaintKind.COMPLAINT
            and item.status in rules.EXTEND_IN
            and item.extensions < rules.MAX_EXTENSIONS
        )
        self.withdraw_button.setVisible(may(actor, "complaint.withdraw"))
        self.withdraw_button.setEnabled(status is not None and status in rules.WITHDRAW_IN)

    def ask_register(self) -> ComplaintRegisterDialog:
        """The register dialog, offering a link to an incident as `complaint add --incident` takes
        one (`linkable_incidents`, read as it opens, as are the categories before the list has them)."""
        categories = self._categories or None
        dialog = ComplaintRegisterDialog(self.session, categories, self, incidents=linkable_incidents)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def ask_step(self, step: ComplaintStep) -> ComplaintStepDialog | None:
        item = self.selected()
        if item is None:
            return None
        dialog = ComplaintStepDialog(self.session, item, step, self, categories=self._categories)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _ask(
        self, kind: type[ComplaintAssignDialog | ComplaintExtendDialog | ComplaintWithdrawDialog]
    ) -> QWidget | None:
        item = self.selected()
        if item is None:
            return None
        dialog = kind(self.session, item, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _data_changed(self, entity: str) -> None:
        if entity == "complaint":
            self.refresh()

    def _load_detail(self) -> None:
        self.update_actions()
        item = self.selected()
        if item is None:
            self.detail.clear()
            self.ledger_band.clear()
            return
        services, actor = self.session.services, self.session.actor
        self.detail_loader.run(
            lambda: (services.complaints.get(actor, item.id), services.auth.names(actor)), self._show_detail
        )

    def _show_detail(self, loaded: tuple[ComplaintDetail, Names]) -> None:
        detail, who = loaded
        c = detail.info
        lines = [f"{c.number}  {c.kind.label}  {c.status.label}", c.request, ""]
        for step in detail.steps:
            lines.append(f"{date_time(step.at)}  {step.step.label}  {who(step.by)}")
            if step.text:
                lines.append(f"    {step.text}")
            lines += [f"    {line}" for line in step_detail_lines(step)]
            lines += [f"    {ref.name}  SHA-256 {ref.sha256}" for ref in step.evidence]
        events = history(detail)
        if events:
            lines += ["", self.tr("History")]
        for event in events:
            lines.append(f"{date_time(event.at)}  {event.kind.label}  {who(event.actor)}")
            lines += [f"    {line}" for line in event_note_lines(event)]
        self.detail.setPlainText("\n".join(lines))
        self.ledger_band.check("complaint", c.id)

    def _detail_failed(self, message: str) -> None:
        self.detail.setPlainText(message)
