"""Closing an incident: outcome, injuries, losses in yuan, root cause and follow-up actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.rules import OpenAtClose, clean_follow_ups
from branchguard.core.incidents.text import local_stamp
from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen, scrolling_box
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import size_columns
from branchguard.gui.kit.writer import writer

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "no due date"
DEFAULT_DUE_DAYS = 30


def parse_yuan(text: str) -> int | None:
    """ "1,234.5" yuan → 123450 cents; "" → None; ValueError for anything else or a negative."""
    clean = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("元", "")
    if not clean:
        return None
    try:
        amount = Decimal(clean)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(text)
    return int(amount * 100)


class CloseDialog(QDialog):
    """`value()` is the CloseInput once `submit` found nothing missing; errors sit by their field.

    With steps still pending or reporting checkpoints overdue (`still_open`, computed in core), the
    dialog lists them first and closes only once the lead ticks that they close it anyway.

    Given `close` (the service call), the dialog makes it itself, through the incident writer, and
    stays open until it is done: a refusal (a root cause over the limit, say) sits by its field with
    everything typed still there; `closed(detail)` and the dialog accepted once the service closed
    the incident. Without it, `submit` accepts once nothing is missing (`value()` for the caller)."""

    COL_TEXT, COL_OWNER, COL_DUE = range(3)

    closed = Signal(object)  # the IncidentDetail the service returned

    def __init__(
        self,
        parent: QWidget | None = None,
        still_open: OpenAtClose | None = None,
        close: Callable[[CloseInput], Any] | None = None,
        began: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._close = close
        self._began = began  # the incident's local start day: no action falls due before it
        self._busy = False
        self.setObjectName("close_dialog")
        self.setWindowTitle(self.tr("Close the incident"))
        resize_within_screen(self, 720, 640)
        self.still_open = still_open or OpenAtClose((), ())
        self.open_title = plain(QLabel())
        self.open_title.setObjectName("close_open_title")
        self.open_title.setProperty("role", "error")
        self.open_title.setWordWrap(True)
        self.open_list = QListWidget()
        self.open_list.setObjectName("close_open_items")
        self.confirm_open = QCheckBox(self.tr("Close it with these still open"))
        self.confirm_open.setObjectName("close_confirm_open")
        self._fill_still_open()
        self.form = FieldForm()
        self.outcome = QPlainTextEdit()
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(self.outcome.fontMetrics().lineSpacing() * 3 + 14)
        self.injuries = QLineEdit()
        self.losses = QLineEdit()
        self.losses.setPlaceholderText(self.tr("Amount in yuan, e.g. 1200.50"))
        self.root_cause = QPlainTextEdit()
        self.root_cause.setTabChangesFocus(True)
        self.root_cause.setFixedHeight(self.root_cause.fontMetrics().lineSpacing() * 3 + 14)
        # by the field keys the service names in a refusal, so its error lands under its input
        self.form.add_field("close_outcome", self.tr("Outcome (required)"), self.outcome, "field.outcome")
        self.form.add_field("close_injuries", t("field.injuries"), self.injuries, "field.injuries")
        self.form.add_field("close_losses", t("field.losses"), self.losses, "field.losses")
        self.form.add_field("close_root_cause", t("field.root_cause"), self.root_cause, "field.root_cause")

        self.action_table = QTableWidget(0, 3)
        self.action_table.setObjectName("close_actions")
        self.action_table.setHorizontalHeaderLabels(
            [self.tr("What is to be done"), self.tr("Owner"), self.tr("Due")]
        )
        self.action_table.verticalHeader().hide()
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab in a cell being typed still moves to the next cell (the editor's own); otherwise it
        # leaves the table, which cycled through its cells forever and kept "Close incident" out of reach.
        self.action_table.setTabKeyNavigation(False)
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(self.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        size_columns(header, [(self.COL_OWNER, 130), (self.COL_DUE, 130)])
        self.add_action = QPushButton(icon("add"), self.tr("Add action"))
        self.add_action.setObjectName("close_add_action")
        self.add_action.clicked.connect(lambda: self.add_action_row())
        self.remove_action = QPushButton(icon("delete"), self.tr("Remove action"))
        self.remove_action.setObjectName("close_remove_action")
        self.remove_action.clicked.connect(self.remove_action_row)
        self.actions_error = error_label("close_actions_error")
        self.message = error_label("close_message")

        buttons = self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(
            self.tr("Close incident"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button.setObjectName("close_submit")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.add_action)
        action_buttons.addWidget(self.remove_action)
        action_buttons.addStretch(1)
        actions_title = QLabel(self.tr("Follow-up actions"))
        self.action_table.setAccessibleName(actions_title.text())
        actions_title.setStyleSheet("font-weight: 600;")
        # the fields scroll rather than make the dialog taller than the screen (611 px at 15 pt)
        scroll, fields = scrolling_box("close_scroll")
        self.fields_scroll = scroll
        for widget in (self.open_title, self.open_list, self.confirm_open):
            widget.setVisible(bool(self.still_open))
            fields.addWidget(widget)
        fields.addLayout(self.form)
        fields.addWidget(actions_title)
        fields.addWidget(self.action_table, 1)
        fields.addLayout(action_buttons)
        fields.addWidget(self.actions_error)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self._value: CloseInput | None = None

    def _fill_still_open(self) -> None:
        """The overdue reporting checkpoints first, then every pending step, in plan order."""
        items = self.still_open
        self.open_title.setText(
            self.tr("Still open: %1 pending step(s), %2 reporting checkpoint(s) overdue. Close anyway?")
            .replace("%1", str(len(items.pending)))
            .replace("%2", str(len(items.overdue_checkpoints)))
        )
        self.open_list.setAccessibleName(self.open_title.text())
        for point in items.overdue_checkpoints:
            self.open_list.addItem(
                self.tr("Report overdue since %1: %2. %3")
                .replace("%1", local_stamp(point.due_at, "%Y-%m-%d %H:%M"))
                .replace("%2", str(point.step))
                .replace("%3", point.text.text)
            )
        for step in items.pending:
            role = step.role_name.text or step.role
            self.open_list.addItem(f"{step.number}. {step.text.text}" + (f" ({role})" if role else ""))
        rows = min(self.open_list.count(), 5)
        self.open_list.setMaximumHeight(self.open_list.sizeHintForRow(0) * rows + 8 if rows else 0)

    # -- actions table -------------------------------------------------------------------------
    def add_action_row(self, text: str = "", owner: str = "", due: date | None = None) -> int:
        row = self.action_table.rowCount()
        self.action_table.insertRow(row)
        self.action_table.setItem(row, self.COL_TEXT, QTableWidgetItem(text))
        self.action_table.setItem(row, self.COL_OWNER, QTableWidgetItem(owner))
        edit = QDateEdit()
        calendar_popup(edit)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("No due date"))
        if due is not None:
            edit.setDate(QDate(due.year, due.month, due.day))
        else:
            edit.setDate(QDate.currentDate().addDays(DEFAULT_DUE_DAYS))
        self.action_table.setCellWidget(row, self.COL_DUE, edit)
        self.action_table.setCurrentCell(row, self.COL_TEXT)
        return row

    def remove_action_row(self) -> None:
        row = self.action_table.currentRow()
        if row >= 0:
            self.action_table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.action_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _due(self, row: int) -> date | None:
        edit = self.action_table.cellWidget(row, self.COL_DUE)
        assert isinstance(edit, QDateEdit)
        day = edit.date()
        return None if day == NO_DATE else date(day.year(), day.month(), day.day())

    # -- result --------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def submit(self) -> None:
        if self._busy:
            return  # the close is being written
        self.form.clear_errors()
        self.actions_error.hide()
        self.show_error("")
        ok = True
        if self.still_open and not self.confirm_open.isChecked():
            self.show_error(
                self.tr("Steps or reports are still open: tick “Close it with these still open”.")
            )
            self.confirm_open.setFocus()
            ok = False
        if not self.outcome.toPlainText().strip():
            self.form.set_error("close_outcome", self.tr("Say how the incident ended."))
            ok = False
        losses = None
        try:
            losses = parse_yuan(self.losses.text())
        except ValueError:
            self.form.set_error(
                "close_losses", self.tr("Enter an amount in yuan, e.g. 1200.50 (at most two decimals).")
            )
            ok = False
        actions = self._actions()
        if actions is None or not ok:
            return
        self._value = CloseInput(
            outcome=self.outcome.toPlainText().strip(),
            injuries=self.injuries.text().strip(),
            losses_cents=losses,
            root_cause=self.root_cause.toPlainText().strip(),
            actions=actions,
        )
        if self._close is None:
            self.accept()
        else:
            self._write(self._close, self._value)

    def _actions(self) -> tuple[FollowUpInput, ...] | None:
        """The rows filled in (an empty row added by mistake is left out), checked by the service's
        own rule and numbered by their row in the table; None once a refusal is shown by it."""
        rows, actions = [], []
        for row in range(self.action_table.rowCount()):
            text, owner = self._cell(row, self.COL_TEXT), self._cell(row, self.COL_OWNER)
            if text or owner:
                rows.append(row)
                actions.append(FollowUpInput(text, owner, self._due(row)))
        try:
            return clean_follow_ups(actions, [row + 1 for row in rows], began=self._began)
        except ValidationError as exc:
            self._show_actions_error(exc.message)
            number = exc.field_params.get("n")
            if isinstance(number, int) and 0 < number <= self.action_table.rowCount():
                row = number - 1
                text, owner = self._cell(row, self.COL_TEXT), self._cell(row, self.COL_OWNER)
                self.action_table.setCurrentCell(row, self.COL_OWNER if text and not owner else self.COL_TEXT)
            return None

    def _show_actions_error(self, message: str) -> None:
        """Under the table, scrolled into view once laid out: below a long list of what is still
        open, the refusal sat under the scrolled area's edge and nothing seemed to happen."""
        self.actions_error.setText(message)
        self.actions_error.show()
        QTimer.singleShot(0, self, lambda: self.fields_scroll.ensureWidgetVisible(self.actions_error))

    # -- closing through the service -----------------------------------------------------------
    def _write(self, close: Callable[[CloseInput], Any], data: CloseInput) -> None:
        def work() -> Any:
            try:
                return close(data)
            except ValidationError as exc:  # brought back with its field key, to sit by its field
                return exc

        self._set_busy(True)
        writer().submit(work, on_done=self._written, on_error=self._refused)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def _written(self, result: Any) -> None:
        if not isinstance(result, ValidationError):
            self._set_busy(False)
            self.closed.emit(result)
            self.accept()
        elif self.form.show_validation(result):
            self._set_busy(False)
        elif result.is_about("field.follow_up") or result.is_about("field.due_date"):
            self._refused(result.message, actions=True)
        else:
            self._refused(result.message)

    def _refused(self, message: str, actions: bool = False) -> None:
        """The service said no: the dialog stays, with everything typed, and says why."""
        self._set_busy(False)
        if actions:
            self._show_actions_error(message)
        else:
            self.show_error(message)

    def reject(self) -> None:
        if not self._busy:  # not while the close is being written: its answer comes back here
            super().reject()

    def value(self) -> CloseInput:
        assert self._value is not None, "submit() has not accepted the dialog"
        return self._value
