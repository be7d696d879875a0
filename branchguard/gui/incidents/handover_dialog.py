"""Shift handover (交接班) on screen: open incidents with their pending steps, open follow-up actions,
open hazards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.branch.types import BranchInfo
from branchguard.core.incidents.rules import step_due, step_overdue
from branchguard.core.incidents.text import goal_text, local_stamp, running_for_text, step_role_text
from branchguard.core.incidents.types import HandoverSnapshot, IncidentDetail, IncidentStep, StepState
from branchguard.core.kernel.i18n import t
from branchguard.gui.kit import style
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.plain import plain, tip
from branchguard.gui.kit.screen import resize_within_screen, scrolling_box
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.kit.text_scale import title_width
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice

MINUTE_STAMP = "%Y-%m-%d %H:%M"  # a handover spans shifts: every time carries its date
# The incident list's columns: each long one takes at most this share of the list's width (its full
# text in the tooltip), so the incident and its pending step keep the rest. Sized to their text, the
# role and the target once left the first column 24 px in Chinese at 1024×768. The level and the
# start are short and read whole (held to a share, at 15 pt they read "Level II (…", "2026-12-0…").
INCIDENT_COLUMN, LEVEL_COLUMN, ROLE_COLUMN, STARTED_COLUMN, TARGET_COLUMN = range(5)
COLUMN_SHARES = {ROLE_COLUMN: 0.22, TARGET_COLUMN: 0.24}
WHOLE_COLUMNS = (LEVEL_COLUMN, STARTED_COLUMN)
# The other lists' first column (what to do, the hazard, the complaint) keeps at least FIRST_SHARE
# of the width, the others then at most TABLE_SHARE each (the whole in the tooltip): at 15 pt an
# action's incident, sized to its title, cut the action to "Replace the UPS battery in th…".
FIRST_SHARE, TABLE_SHARE = 0.4, 0.3


@dataclass(frozen=True)
class HandoverData:
    """The snapshot with what the screen adds to it: the branch and every incident's title."""

    snapshot: HandoverSnapshot
    branch: BranchInfo | None
    titles: dict[int, str]
    who: Names  # logins shown as people's names, as the PDF shows them


def pending_steps(detail: IncidentDetail) -> list[IncidentStep]:
    return [s for s in detail.steps if s.state == StepState.PENDING]


def default_pdf_path(taken_at: datetime) -> Path:
    return documents_folder() / f"handover-{taken_at.astimezone().strftime('%Y%m%d-%H%M')}.pdf"


class HandoverDialog(QDialog):
    """Read by the shift coming on duty; Save as PDF keeps the same snapshot on paper."""

    INCIDENT_COLUMNS = 5
    ACTION_COLUMNS = 4
    HAZARD_COLUMNS = 5
    COMPLAINT_COLUMNS = 4

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.session = session
        self.data: HandoverData | None = None
        self.last_preview: PreviewDialog | None = None  # the preview opened last
        resize_within_screen(self, 980, 680)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.taken = plain(QLabel())
        self.taken.setObjectName("handover_taken")
        self.taken.setProperty("role", "hint")
        self.incidents_title = QLabel()
        self.incidents_title.setObjectName("handover_incidents_title")
        self.incident_tree = QTreeWidget()
        self.incident_tree.setObjectName("handover_incidents")
        self.incident_tree.setColumnCount(self.INCIDENT_COLUMNS)
        self.incident_tree.setRootIsDecorated(True)
        self.incident_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.incident_tree.header().setSectionResizeMode(INCIDENT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.incident_tree.header().setStretchLastSection(False)
        self.incident_tree.viewport().installEventFilter(self)  # its width sets the columns' shares
        self.actions_title = QLabel()
        self.actions_title.setObjectName("handover_actions_title")
        self.action_table = _list_table("handover_actions", self.ACTION_COLUMNS)
        self.hazards_title = QLabel()
        self.hazards_title.setObjectName("handover_hazards_title")
        self.hazard_table = _list_table("handover_hazards", self.HAZARD_COLUMNS)
        self.complaints_title = QLabel()
        self.complaints_title.setObjectName("handover_complaints_title")
        self.complaint_table = _list_table("handover_complaints", self.COMPLAINT_COLUMNS)
        self.status = plain(QLabel())
        self.status.setObjectName("handover_status")
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("handover_pdf")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("handover_refresh")
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(self.preview)
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.pdf_button, self.refresh_button):
            button.setAutoDefault(False)  # Enter in the dialog must not start a PDF
        # the four lists scroll rather than make the dialog taller than the screen (577 px at 15 pt)
        scroll, lists = scrolling_box("handover_scroll")
        _keep_rows(self.incident_tree, self.incident_tree.header())
        for table in (self.action_table, self.hazard_table, self.complaint_table):
            _keep_rows(table, table.horizontalHeader())
            table.viewport().installEventFilter(self)  # its width sets the columns' share
        lists.addWidget(self.incidents_title)
        lists.addWidget(self.incident_tree, 3)
        lists.addWidget(self.actions_title)
        lists.addWidget(self.action_table, 2)
        lists.addWidget(self.hazards_title)
        lists.addWidget(self.hazard_table, 2)
        lists.addWidget(self.complaints_title)
        lists.addWidget(self.complaint_table, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.taken)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.refresh()

    # -- loading -------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Take a new snapshot off the GUI thread (it reads every open incident)."""
        services, actor = self.session.services, self.session.actor
        self.refresh_button.setEnabled(False)
        self.pdf_button.setEnabled(False)

        def work(_progress: TaskProgress) -> HandoverData:
            snapshot = services.incidents.handover(actor)
            titles = {s.id: s.title for s in services.incidents.list_incidents(actor)}
            return HandoverData(snapshot, services.branch.get(), titles, services.auth.names(actor))

        run_task(work, on_done=self._loaded, on_error=self._failed)

    @Slot(object)
    def _loaded(self, data: HandoverData) -> None:
        self.data = data
        self.refresh_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self._fill()

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.pdf_button.setEnabled(self.data is not None)
        self._say(message, error=True)

    # -- showing -------------------------------------------------------------------------------
    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        snapshot = data.snapshot
        branch = data.branch.name if data.branch else ""
        taken = self.tr("Taken %1 by %2").replace("%1", local_stamp(snapshot.taken_at, MINUTE_STAMP))
        taken = taken.replace("%2", data.who(snapshot.taken_by))
        self.taken.setText(" · ".join(p for p in (branch, taken) if p))
        incidents, actions = str(len(snapshot.incidents)), str(len(snapshot.actions))
        self.incidents_title.setText(self.tr("Open incidents: %1").replace("%1", incidents))
        self.actions_title.setText(self.tr("Open follow-up actions: %1").replace("%1", actions))
        self.hazards_title.setText(self.tr("Open hazards: %1").replace("%1", str(len(snapshot.hazards))))
        complaints = str(len(snapshot.complaints))
        self.complaints_title.setText(self.tr("Open customer complaints: %1").replace("%1", complaints))
        for view, title in (
            (self.incident_tree, self.incidents_title),
            (self.action_table, self.actions_title),
            (self.hazard_table, self.hazards_title),
            (self.complaint_table, self.complaints_title),
        ):
            view.setAccessibleName(spoken(title.text()))  # with the count
        self._fill_incidents(snapshot)
        self._fill_actions(data)
        self._fill_hazards(snapshot)
        self._fill_complaints(snapshot)

    def _fill_incidents(self, snapshot: HandoverSnapshot) -> None:
        self.incident_tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for detail in snapshot.incidents:
            summary = detail.summary
            pending = pending_steps(detail)
            title = f"{t('incident.drill_badge')} · {summary.title}" if summary.drill else summary.title
            item = QTreeWidgetItem(
                [
                    title,
                    summary.level.label,
                    self.tr("%1 steps pending").replace("%1", str(len(pending))) if detail.steps else "",
                    local_stamp(summary.started_at, MINUTE_STAMP),
                    running_for_text(snapshot.taken_at - summary.started_at),
                ]
            )
            item.setToolTip(INCIDENT_COLUMN, tip(title))
            for column in WHOLE_COLUMNS:  # cut only where the list is narrower than a 1024-wide screen's
                item.setToolTip(column, tip(item.text(column)))
            item.setFont(0, bold)
            swatch = style.level_swatch(summary.level.value)
            item.setBackground(1, QBrush(QColor(swatch.background)))
            item.setForeground(1, QBrush(QColor(swatch.foreground)))
            if summary.drill:
                item.setBackground(0, QBrush(QColor(style.DRILL.background)))
                item.setForeground(0, QBrush(QColor(style.DRILL.foreground)))
            for step in pending:
                item.addChild(self._step_item(step, detail, snapshot.taken_at))
            self.incident_tree.addTopLevelItem(item)
            item.setExpanded(True)
        if not snapshot.incidents:
            self.incident_tree.addTopLevelItem(QTreeWidgetItem([self.tr("No open incidents.")]))
        self._size_incident_columns()

    def _size_incident_columns(self) -> None:
        """The level and the start as wide as their text; each other column after the first as wide
        as its text, up to its share of the list's width; none narrower than its title. The first
        (the incident, its pending steps) stretches over the rest; where that leaves it narrower
        than its title, the shared columns give back room first, then the level and the start (at
        15 pt "Started" read "Starte", "Incident / pending step" was cut)."""
        tree = self.incident_tree
        header = tree.header()
        width = tree.viewport().width()
        for column in (*WHOLE_COLUMNS, *COLUMN_SHARES):
            tree.resizeColumnToContents(column)
        for column, share in COLUMN_SHARES.items():
            tree.setColumnWidth(column, min(tree.columnWidth(column), int(width * share)))
        for column in (*WHOLE_COLUMNS, *COLUMN_SHARES):
            tree.setColumnWidth(column, max(tree.columnWidth(column), title_width(header, column)))
        rest = width - sum(tree.columnWidth(c) for c in (*WHOLE_COLUMNS, *COLUMN_SHARES))
        short = title_width(header, INCIDENT_COLUMN) - rest
        for column in (*COLUMN_SHARES, *WHOLE_COLUMNS):
            if short <= 0:
                break
            given = min(short, max(0, tree.columnWidth(column) - title_width(header, column)))
            tree.setColumnWidth(column, tree.columnWidth(column) - given)
            short -= given

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.incident_tree.viewport():
                self._size_incident_columns()
            for table in (self.action_table, self.hazard_table, self.complaint_table):
                if watched is table.viewport():
                    _size_table_columns(table)
        return super().eventFilter(watched, event)

    def _step_item(self, step: IncidentStep, detail: IncidentDetail, now: datetime) -> QTreeWidgetItem:
        due = step_due(step, detail.summary.started_at)
        late = step_overdue(step, detail.summary.started_at, now)
        target = ""
        if due is not None:
            target = f"{goal_text(step)} · {local_stamp(due, MINUTE_STAMP)}"
            if late:
                target += " " + self.tr("(overdue)")
        role = step_role_text(step)
        item = QTreeWidgetItem([f"{step.number}. {step.text.text}", "", role, "", target])
        item.setToolTip(INCIDENT_COLUMN, tip(step.text.text))
        item.setToolTip(ROLE_COLUMN, tip(role))
        item.setToolTip(TARGET_COLUMN, tip(target))
        if late:
            item.setForeground(4, QBrush(QColor(style.ERROR)))
        return item

    def _fill_actions(self, data: HandoverData) -> None:
        actions = data.snapshot.actions
        today = data.snapshot.taken_at.astimezone().date()
        rows = []
        for action in actions:
            late = action.overdue(today)
            incident = data.titles.get(action.incident_id, "") if action.incident_id is not None else ""
            due = self._due_text(action.due, late)
            rows.append(([action.text, f"#{action.incident_id} {incident}".strip(), action.owner, due], late))
        _fill_table(self.action_table, rows, bold_late=True)

    def _fill_hazards(self, snapshot: HandoverSnapshot) -> None:
        """Open hazards (open or remediated, not yet verified), soonest due first; overdue in red."""
        rows = [
            (
                [
                    f"{hazard.number} {hazard.title}".strip(),
                    hazard.severity.label,
                    hazard.status.label,
                    hazard.owner,
                    self._due_text(hazard.due_date, hazard.overdue),
                ],
                hazard.overdue,
            )
            for hazard in snapshot.hazards
        ]
        _fill_table(self.hazard_table, rows)

    def _fill_complaints(self, snapshot: HandoverSnapshot) -> None:
        """Open complaints, overdue first, then the soonest reply due (the register's order); the
        statutory clock as the register words it, overdue in red."""
        from branchguard.reports.complaint_common import clock_text  # the register's words

        rows = []
        for c in snapshot.complaints:
            due = " · ".join(clock_text(c).splitlines())
            rows.append(([f"{c.number} {c.request}", c.status.label, c.handler or "—", due], c.overdue))
        _fill_table(self.complaint_table, rows)

    def _due_text(self, due: date | None, late: bool) -> str:
        if due is None:
            return self.tr("no due date")
        text = due.isoformat()
        overdue = self.tr("(overdue)")  # tr() outside the f-string, where lupdate finds it
        return f"{text} {overdue}" if late else text

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {style.ERROR};" if error else "")

    # -- paper -------------------------------------------------------------------------------
    @Slot()
    def preview(self) -> PreviewDialog | None:
        """The snapshot on screen (not a newer one) in the print preview, built off the GUI thread:
        printed from there for the shift coming on, or saved as PDF."""
        data = self.data
        if data is None:
            return None
        from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on use

        services, actor = self.session.services, self.session.actor
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")

        def build(out: Path, note: AnchorNote) -> FontChoice:
            from branchguard.reports.fonts import find_cjk_font
            from branchguard.reports.handover import build_handover

            build_handover(
                services, actor, out, font_setting=font_setting, on_anchor=note, snapshot=data.snapshot
            )
            return find_cjk_font(font_setting)  # the (cached) font the pages were set in

        name = default_pdf_path(data.snapshot.taken_at).name
        self.last_preview = preview_report(self, self.tr("Shift handover"), build, file_name=name)
        return self.last_preview

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift handover"))
        self.heading.setText(self.tr("Shift handover"))
        self.pdf_button.setText(self.tr("Preview / Print…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.incident_tree.setHeaderLabels(
            [
                self.tr("Incident / pending step"),
                self.tr("Level"),
                self.tr("Role"),
                self.tr("Started"),
                self.tr("Elapsed / target"),
            ]
        )
        self.action_table.setHorizontalHeaderLabels(
            [self.tr("Follow-up action"), self.tr("Incident"), self.tr("Owner"), self.tr("Due")]
        )
        self.hazard_table.setHorizontalHeaderLabels(
            [self.tr("Hazard"), self.tr("Severity"), self.tr("Status"), self.tr("Owner"), self.tr("Due")]
        )
        self.complaint_table.setHorizontalHeaderLabels(
            [self.tr("Complaint"), self.tr("Status"), self.tr("Handler"), self.tr("Reply due")]
        )


def _list_table(name: str, columns: int) -> QTableWidget:
    """One of the handover's read-only lists: whole rows selected, the first column the widest."""
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _keep_rows(view: QAbstractItemView, header: QHeaderView, rows: int = 2) -> None:
    """`view` never shorter than its titles and `rows` lines (squeezed to fit a short screen at
    15 pt, a list showed half a row): the lists scroll in the dialog instead."""
    line = view.fontMetrics().height() + 8
    view.setMinimumHeight(header.sizeHint().height() + rows * line + 2 * view.frameWidth())


def _fill_table(table: QTableWidget, rows: list[tuple[list[str], bool]], bold_late: bool = False) -> None:
    """A list of the handover: each row's cells, a late one in red (and bold); the first column
    takes the room left."""
    table.setRowCount(len(rows))
    for row, (cells, late) in enumerate(rows):
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(tip(text))  # the whole where the column cuts it
            if late:
                cell.setForeground(QBrush(QColor(style.ERROR)))
                if bold_late:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
            table.setItem(row, column, cell)
    _size_table_columns(table)


def _size_table_columns(table: QTableWidget) -> None:
    """Each column after the first as wide as its text, never narrower than its title; where that
    leaves the first less than FIRST_SHARE of the list's width, each at most TABLE_SHARE of it (the
    whole in its tooltip). The first takes the room left."""
    header = table.horizontalHeader()
    width = table.viewport().width()
    columns = range(1, table.columnCount())
    for column in columns:
        table.resizeColumnToContents(column)
    if width - sum(table.columnWidth(c) for c in columns) >= width * FIRST_SHARE:
        return
    for column in columns:
        most = max(int(width * TABLE_SHARE), title_width(header, column))
        table.setColumnWidth(column, min(table.columnWidth(column), most))
