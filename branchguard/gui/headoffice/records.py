"""A branch's records of one kind as head office holds them: what a figure of the Branches page
counts, opened by double-clicking it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.exchange.rules import KINDS
from branchguard.core.headoffice.types import HoRecord
from branchguard.core.kernel.i18n import current_language
from branchguard.gui.headoffice.models import RecordsModel
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.kit.tables import make_table
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession


class BranchRecordsDialog(QDialog):
    def __init__(
        self, session: GuiSession, code: str, name: str, kind: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ho_records")
        self.session, self.code = session, code
        self.setWindowTitle(self.tr("%1 %2: records").replace("%1", code).replace("%2", name))
        self.loader = Loader(self, on_error=self._failed)
        self.kind = QComboBox()
        self.kind.setObjectName("ho_records_kind")
        labels = {
            "incidents": self.tr("Incidents"),
            "actions": self.tr("Corrective actions"),
            "drills": self.tr("Drills"),
            "inspections": self.tr("Inspections"),
            "hazards": self.tr("Hazards"),
            "complaints": self.tr("Complaints"),
            "complaintstats": self.tr("Complaint statistics"),
            "compliance": self.tr("Drill rules"),
        }
        for k in KINDS:
            self.kind.addItem(labels[k], k)
        self.kind.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self.message = plain(QLabel())
        self.message.setProperty("role", "error")
        self.message.hide()
        self.model = RecordsModel(self)
        self.table, self.proxy = make_table("ho_records_table", self.model)
        self.table.setAccessibleName(self.tr("Records"))
        # Sized to a sample of the rows when they arrive (not every row at every layout: a branch's
        # year is thousands), none wider than 180 px at 10 pt, the record's title taking what is
        # left: every column sized to its whole contents held Score and Package out of the dialog
        # behind a voided drill's reason and a long title. Cells keep their whole text in tips.
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        header.setMaximumSectionSize(scaled(180, self))
        # the selected drill's paper record and void, when it was recorded afterwards
        self.detail = plain(QLabel())
        self.detail.setObjectName("ho_records_detail")
        self.detail.setWordWrap(True)
        self.detail.hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(self.count, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.message)
        box.addWidget(self.table, 1)
        box.addWidget(self.detail)
        box.addWidget(buttons)
        self.resize(1000, 520)  # within a 1024×768 screen
        self.reload()

    def reload(self) -> None:
        service, actor = self.session.services.headoffice, self.session.actor
        code, kind, lang = self.code, str(self.kind.currentData()), current_language()
        self.loader.run(lambda: service.records(actor, code, kind, lang), self._show)

    def _show(self, rows: list[HoRecord]) -> None:
        self.message.hide()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        stretch = QHeaderView.ResizeMode.Stretch
        self.table.horizontalHeader().setSectionResizeMode(RecordsModel.SUMMARY, stretch)
        runs = sum(r.drill_run for r in rows)
        text = self.tr("%1 records").replace("%1", str(len(rows)))
        if runs:  # the Branches page's Incidents counts the others
            text = self.tr("%1 records: %2 incidents, %3 drills' runs").replace("%1", str(len(rows)))
            text = text.replace("%2", str(len(rows) - runs)).replace("%3", str(runs))
        self.count.setText(text)
        self._show_detail()

    def _show_detail(self) -> None:
        index = self.proxy.mapToSource(self.table.currentIndex())
        text = self.model.drill_detail(self.model.row_at(index.row())) if index.isValid() else ""
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
