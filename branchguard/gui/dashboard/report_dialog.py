"""The periodic safety report from the dashboard: pick a month, a quarter or a year, then the print
preview builds the report off the GUI thread (gui/kit/print_preview.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.dashboard.rules import FIRST_YEAR, LAST_YEAR, Period, PeriodKind
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.anchor_note import AnchorNote
    from branchguard.gui.kit.print_preview import PreviewDialog
    from branchguard.reports.fonts import FontChoice


def last_month(today: date) -> Period:
    """The most recent whole month: what a monthly report is usually made for."""
    return Period(PeriodKind.MONTH, today.year, today.month).previous()


class PeriodDialog(QDialog):
    """Month, quarter or year, and which one; `period()` once accepted."""

    def __init__(self, parent: QWidget | None = None, initial: Period | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_period_dialog")
        initial = initial or last_month(date.today())
        self.kind = QComboBox()
        self.kind.setObjectName("summary_period_kind")
        for kind in PeriodKind:
            self.kind.addItem(kind.label, kind.value)
        self.year = QSpinBox()
        self.year.setObjectName("summary_period_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(initial.year)
        self.number = QComboBox()
        self.number.setObjectName("summary_period_number")
        self.number_label = QLabel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.year_label = QLabel()
        self.kind_label = QLabel()
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.year_label, self.year)
        form.addRow(self.number_label, self.number)
        for label, field in (
            (self.kind_label, self.kind), (self.year_label, self.year), (self.number_label, self.number)
        ):
            label.setBuddy(field)  # what a screen reader names the field by (the year said nothing)
        box = QVBoxLayout(self)
        box.addWidget(self.intro)
        box.addLayout(form)
        box.addWidget(self.buttons)
        # The last month of the period chosen, kept across a change of kind: December 2026 made a
        # quarter becomes Q4 2026 (it became Q1 2026, the month's number read as a quarter's), and
        # back a month, December again.
        self._month = initial.end.month - 1 or 12
        self._filling = False
        self.kind.setCurrentIndex(self.kind.findData(initial.kind.value))
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_numbers())
        self.retranslate()
        self.number.currentIndexChanged.connect(lambda _i: self._keep_month())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Periodic safety report"))
        self.intro.setText(
            self.tr(
                "The branch's safety management report for head office: the period's figures "
                "against the one before, incidents, drills, inspections, hazards and actions."
            )
        )
        self.kind_label.setText(self.tr("Period"))
        self.year_label.setText(self.tr("Year"))
        self._fill_numbers()

    def _keep_month(self) -> None:
        """The period's last month, as the user chose it (a quarter's third)."""
        kind, number = PeriodKind(self.kind.currentData()), self.number.currentData()
        if not self._filling and number is not None and kind != PeriodKind.YEAR:
            self._month = number if kind == PeriodKind.MONTH else 3 * number

    def _fill_numbers(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        chosen = self._month if kind == PeriodKind.MONTH else (self._month - 1) // 3 + 1
        self._filling = True
        self.number.clear()
        if kind == PeriodKind.MONTH:
            self.number_label.setText(self.tr("Month"))
            for month in range(1, 13):
                self.number.addItem(str(month), month)
        elif kind == PeriodKind.QUARTER:
            self.number_label.setText(self.tr("Quarter"))
            for quarter in range(1, 5):
                self.number.addItem(f"Q{quarter}", quarter)
        year = kind == PeriodKind.YEAR
        self.number.setVisible(not year)
        self.number_label.setVisible(not year)
        if not year:
            self.number.setCurrentIndex(max(0, self.number.findData(chosen)))
        self._filling = False

    def period(self) -> Period:
        kind = PeriodKind(self.kind.currentData())
        number = 1 if kind == PeriodKind.YEAR else int(self.number.currentData())
        return Period(kind, self.year.value(), number)


def preview_summary(parent: QWidget, session: GuiSession, period: Period) -> PreviewDialog:
    """The report's print preview; the PDF is built on the task helper's pool."""
    from branchguard.gui.kit.print_preview import preview_report  # PDFium and ReportLab on first use

    services, actor = session.services, session.actor
    font_setting = str(session.ctx.config.settings.get("report_font") or "")

    def build(out: Path, note: AnchorNote) -> FontChoice:
        from branchguard.reports.summary import build_summary_report  # ReportLab on use

        return build_summary_report(services, actor, period, out, font_setting, note)

    title = QCoreApplication.translate("PeriodDialog", "Safety report %1").replace(
        "%1", period.message().text()
    )
    name = QCoreApplication.translate("PeriodDialog", "safety-report")
    return preview_report(parent, title, build, file_name=f"{name}-{period.code}.pdf")
