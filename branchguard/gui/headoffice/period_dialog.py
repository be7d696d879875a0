"""Which period head office's regional report covers: a month, a quarter or a year, picked as the
branch's periodic report picks it (gui/dashboard/report_dialog.PeriodDialog), one period type and
parser everywhere (core/dashboard/rules.Period)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from branchguard.gui.dashboard.report_dialog import PeriodDialog


class RegionalPeriodDialog(PeriodDialog):
    """The branch's period picker under head office's words; `period()` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ho_period_dialog")
        self.kind.setObjectName("ho_period_kind")
        self.year.setObjectName("ho_period_year")
        self.number.setObjectName("ho_period_number")

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Regional report"))
        self.intro.setText(
            self.tr(
                "Every branch side by side for a month, a quarter or a year (a year against the year "
                "before, and the months not sent)."
            )
        )
