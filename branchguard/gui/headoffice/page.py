"""Head office's Branches page: every registered branch side by side (sortable, filtered by code or
name), the selected branch's breakdown below, "Import packages…" (many at once, off the GUI thread
with progress, a result per file) and "Regional report…" through the one print preview.

Shown only in a head-office window (`where="head_office"` in gui/shell/pages.py)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.anchors.rules import grouped
from branchguard.core.drills.types import ComplianceStatus
from branchguard.core.headoffice.package_zip import Refused, ledger_order
from branchguard.core.headoffice.periods import report_period
from branchguard.core.headoffice.types import BranchRollup, ImportOutcome
from branchguard.core.incidents.types import IncidentCategory
from branchguard.core.kernel.china_time import CHINA
from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import may
from branchguard.gui.headoffice.models import (
    LEVELS,
    TIME_FORMAT,
    BranchesModel,
    FileOutcome,
    ImportResultsModel,
    label_of,
    matches,
    rule_name,
    score_text,
)
from branchguard.gui.headoffice.period_dialog import RegionalPeriodDialog
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.files import documents_folder
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.print_preview import preview_report
from branchguard.gui.kit.rows import ITEM_ROLE
from branchguard.gui.kit.screen import scrolling_column
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.headoffice.branch_dialog import BranchDialog
    from branchguard.gui.headoffice.records import BranchRecordsDialog


# Which records a figure counts: double-clicking it opens them.
COLUMN_KINDS = {
    BranchesModel.COMPLIANCE: "compliance",
    BranchesModel.HAZARDS: "hazards",
    BranchesModel.OVERDUE: "hazards",
    BranchesModel.AGE: "hazards",
    BranchesModel.SCORE: "drills",
    BranchesModel.ACTIONS: "actions",
    BranchesModel.COMPLAINTS: "complaints",
}


class HeadOfficePage(Page):
    page_id = "headoffice"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self._show_error)
        self.all_rows: list[BranchRollup] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.branch_button = QPushButton(icon("add"), "")
        self.branch_button.setObjectName("ho_add_branch")
        self.branch_button.clicked.connect(self.ask_branch)
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.setObjectName("ho_import")
        self.import_button.clicked.connect(self.ask_import)
        self.report_button = QPushButton(icon("print"), "")
        self.report_button.setObjectName("ho_report")
        self.report_button.clicked.connect(self.ask_report)
        self.refresh_button = QPushButton(icon("refresh"), "")
        self.refresh_button.setObjectName("ho_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.search = SearchBox("ho_filter")
        self.search.paused.connect(self._apply_filter)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self.message = error_label("ho_message")
        self.model = BranchesModel(self)
        self.table, self.proxy = make_table("ho_branches", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.doubleClicked.connect(lambda index: self.open_records(index.column()))
        self.detail = QLabel()
        self.detail.setObjectName("ho_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_layout()
        self.retranslate()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        for button in (self.branch_button, self.import_button, self.report_button, self.refresh_button):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        # a busy branch's breakdown runs to more lines than its share of a 768 px screen: it scrolls
        split.addWidget(scrolling_column("ho_detail_scroll", self.detail))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.addLayout(header)
        box.addWidget(self.message)
        box.addLayout(filters)
        box.addWidget(split, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.intro.setText(
            self.tr(
                "Each branch as its imported packages show it. Click a column to sort; hover a figure for "
                "its breakdown; double-click it for the records it counts."
            )
        )
        self.branch_button.setText(self.tr("Register a branch…"))
        self.import_button.setText(self.tr("Import packages…"))
        self.report_button.setText(self.tr("Regional report…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.search.setPlaceholderText(self.tr("Filter by branch code or name"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._show_count()
        self._show_detail()

    def ask_branch(self) -> BranchDialog | None:
        """Register a branch from its exported key; the list read again once it is stored."""
        if not may(self.session.actor, "ho.branch"):
            return None
        from branchguard.gui.headoffice.branch_dialog import BranchDialog

        dialog = BranchDialog(self.session, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.session.actor
        self.import_button.setEnabled(may(actor, "ho.import"))
        self.branch_button.setEnabled(may(actor, "ho.branch"))
        service = self.session.services.headoffice
        self.loader.run(lambda: service.branches(actor), self._show)

    def _show(self, rows: list[BranchRollup]) -> None:
        self.message.hide()
        self.all_rows = rows
        self._apply_filter()

    def _apply_filter(self) -> None:
        self.search.settle()
        current = self.selected()
        shown = [b for b in self.all_rows if matches(b, self.search.text())]
        self.model.set_rows(shown)
        if current is not None:
            row = self.model.find_row(lambda b: b.code == current.code)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._show_count()
        self._show_detail()

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 branches")
            .replace("%1", str(self.model.rowCount()))
            .replace("%2", str(len(self.all_rows)))
        )

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def selected(self) -> BranchRollup | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item = self.proxy.data(index, ITEM_ROLE)
        return item if isinstance(item, BranchRollup) else None

    def _show_detail(self) -> None:
        b = self.selected()
        if b is None:
            self.detail.setText(self.tr("Select a branch to see its drill rules and incidents."))
            return
        rules = (
            ", ".join(
                f"{rule_name(b, rule)} {label_of(ComplianceStatus, status)}"
                for rule, status in sorted(b.compliance.items())
            )
            or "—"
        )
        categories = (
            ", ".join(
                f"{label_of(IncidentCategory, c)} {n}" for c, n in sorted(b.incidents_by_category.items())
            )
            or "—"
        )
        levels = ", ".join(f"{level} {b.incidents_by_level.get(level, 0)}" for level in LEVELS)
        held = ", ".join(f"{t(f'exchange.kind.{kind}')} {n}" for kind, n in b.counts.items())
        texts = [  # plain text, escaped below: the code, the name and the rules come from the package
            self.tr("%n package(s), ledger to entry %1, key %2", "", b.packages)
            .replace("%1", str(b.ledger_seq))
            .replace("%2", grouped(b.fingerprint)),
            self.tr("Drill rules: %1").replace("%1", rules),
            self.tr("Incidents by category: %1; by level: %2")
            .replace("%1", categories)
            .replace("%2", levels),
            self.tr("Drill score: average %1, latest %2, %3 evaluated")
            .replace("%1", score_text(b.drill_score_average))
            .replace("%2", score_text(b.drill_score_latest))
            .replace("%3", str(b.drills_evaluated)),
            self.tr("Records held: %1").replace("%1", held),
        ]
        head = f"<b>{escape(f'{b.code} {b.name}')}</b> — {escape(texts[0])}"
        self.detail.setText("<br>".join([head, *map(escape, texts[1:])]))

    def open_records(self, column: int) -> BranchRecordsDialog | None:
        """The selected branch's records behind the figure in `column` (double-click)."""
        b = self.selected()
        if b is None:
            return None
        from branchguard.gui.headoffice.records import BranchRecordsDialog

        kind = COLUMN_KINDS.get(column, "incidents")
        self.records = BranchRecordsDialog(self.session, b.code, b.name, kind, self)
        self.records.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.records.open()
        return self.records

    # -- import --------------------------------------------------------------------------------
    def ask_import(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import branch packages"), str(documents_folder()), self.tr("Packages (*.zip)")
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, files: list[Path]) -> None:
        """Import each file in turn off the GUI thread, with progress, each branch's in the order of
        its ledger (package_zip.ledger_order); then the result of each, in that order."""
        service, actor = self.session.services.headoffice, self.session.actor
        imported, already, refused = (
            self.tr("imported: %1 records, %2 ledger entries"),
            self.tr("imported before: nothing changed"),
            self.tr("refused: %1"),
        )

        def work(progress: TaskProgress) -> list[FileOutcome]:
            out = []
            for n, path in enumerate(ledger_order(files)):
                progress.report(n, len(files), path.name)
                try:
                    r = service.import_package(actor, path)
                except BranchGuardError as exc:
                    code, period = (exc.branch_code, exc.period) if isinstance(exc, Refused) else ("", "")
                    said = refused.replace("%1", exc.message)
                    out.append(FileOutcome(path.name, False, code, period, said))
                    continue
                text = (
                    already
                    if r.outcome is ImportOutcome.ALREADY
                    else imported.replace("%1", str(r.records)).replace("%2", str(r.ledger_entries))
                )
                if r.replaces is not None:  # the period sent again: not a second month
                    text += " — " + t("ho.resent", earlier=r.replaces.astimezone().strftime(TIME_FORMAT))
                out.append(FileOutcome(path.name, True, r.branch_code, r.period, text))
            progress.report(len(files), len(files))
            return out

        run_task(work, on_done=self._imported, parent=self, title=self.tr("Importing packages"))

    def _imported(self, outcomes: list[FileOutcome]) -> None:
        self.session.data_changed.emit("ho_package")
        self.refresh()
        self.results = ImportResultsDialog(outcomes, self)
        self.results.open()

    # -- regional report -----------------------------------------------------------------------
    def ask_report(self) -> None:
        dialog = RegionalPeriodDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.open_report(dialog.period().code)

    def open_report(self, period_text: str) -> None:
        """The regional report of a month, a quarter or a year in the print preview; a period that
        is none, or has not begun, said in the page's message."""
        try:
            period = report_period(period_text, datetime.now(CHINA).date())
        except ValidationError as exc:
            self._show_error(exc.message)
            return
        self.message.hide()
        services, actor = self.session.services, self.session.actor
        font = self.session.ctx.config.settings.get("report_font")

        def build(out: Path, note: AnchorNote) -> None:
            from branchguard.reports.regional_report import build_regional_report

            build_regional_report(services, actor, period.code, out, font, note)

        preview_report(
            self,
            self.tr("Regional report %1").replace("%1", period.message().text()),
            build,
            file_name=f"regional-{period.code}.pdf",
        )


class ImportResultsDialog(QDialog):
    """What became of each file of an import, refusals with their reason (a quarantine's place too)."""

    def __init__(self, outcomes: list[FileOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ho_import_results")
        self.setWindowTitle(self.tr("Imported packages"))
        ok = sum(1 for o in outcomes if o.ok)
        summary = QLabel(
            self.tr("%1 of %2 files taken in or already held; %3 refused.")
            .replace("%1", str(ok))
            .replace("%2", str(len(outcomes)))
            .replace("%3", str(len(outcomes) - ok))
        )
        summary.setObjectName("ho_import_summary")
        self.model = ImportResultsModel(self)
        self.table, _proxy = make_table("ho_import_table", self.model)
        self.model.set_rows(outcomes)  # after the table: enabling its sorting ordered them Z to A
        self.table.setAccessibleName(self.windowTitle())
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(summary)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.resize(900, 360)
