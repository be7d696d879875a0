"""A drill's scores against its criteria set: each criterion 0–100 by slider or number, its weighted
points, and the weighted total as the service computes it; the scores' error under them. The
evaluation of a run and a drill recorded afterwards both score with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSlider, QSpinBox, QWidget

from branchguard.core.drills.types import CriteriaSet
from branchguard.gui.kit.plain import plain, tip

DEFAULT_SCORE = 80
SLIDER_WIDTH = 96  # pixels: a score's slider, never narrower (the criteria's text wraps instead)


class CriterionRow:
    """A criterion's slider and spin box, kept in step."""

    def __init__(self, code: str, weight: int) -> None:
        self.code = code
        self.weight = weight
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"score_slider_{code}")
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.spin = QSpinBox()
        self.spin.setObjectName(f"score_{code}")
        self.spin.setRange(0, 100)
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.slider.setValue)
        self.spin.setValue(DEFAULT_SCORE)

    def value(self) -> int:
        return self.spin.value()


class ScoresBox(QGroupBox):
    """The criteria of `criteria_set`, each scored; `total` follows every change."""

    def __init__(self, criteria_set: CriteriaSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criteria_set = criteria_set
        self.rows: list[CriterionRow] = []
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.points: dict[str, QLabel] = {}
        for index, criterion in enumerate(criteria_set.criteria):
            row = CriterionRow(criterion.code, criterion.weight)
            text = plain(QLabel(criterion.text.text))
            text.setWordWrap(True)
            text.setToolTip(tip(f"{criterion.text.zh}\n{criterion.text.en}"))
            weight = QLabel(f"{criterion.weight}%")
            weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            points = QLabel()
            points.setMinimumWidth(44)
            points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.points[criterion.code] = points
            row.spin.valueChanged.connect(lambda _v: self.update_total())
            grid.addWidget(text, index, 0)
            row.slider.setMinimumWidth(SLIDER_WIDTH)  # squashed, it read as a box to tick
            grid.addWidget(row.slider, index, 1)
            grid.addWidget(row.spin, index, 2)
            grid.addWidget(weight, index, 3)
            grid.addWidget(points, index, 4)
            self.rows.append(row)
        self.total = QLabel()
        self.total.setObjectName("evaluate_total")
        self.total.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.error = plain(QLabel())
        self.error.setObjectName("evaluate_scores_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        grid.addWidget(self.total, len(self.rows), 0, 1, 5, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.error, len(self.rows) + 1, 0, 1, 5)
        grid.setRowStretch(len(self.rows) + 2, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scores"))
        self.update_total()

    def scores(self) -> dict[str, int]:
        return {row.code: row.value() for row in self.rows}

    def set_score(self, code: str, value: int) -> None:
        next(r for r in self.rows if r.code == code).spin.setValue(value)

    def weighted_total(self) -> float:
        """As the service computes it: Σ weight × score / 100, to one decimal."""
        return round(sum(row.weight * row.value() for row in self.rows) / 100, 1)

    def update_total(self) -> None:
        for row in self.rows:
            self.points[row.code].setText(f"{row.weight * row.value() / 100:.1f}")
        self.total.setText(self.tr("Weighted score: %1 / 100").replace("%1", f"{self.weighted_total():.1f}"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
