"""A drill's scores against its criteria set: each criterion 0–100 by slider or number, its weighted
points, and the weighted total as the service computes it; the scores' error under them. The
evaluation of a run and a drill recorded afterwards both score with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSlider, QSpinBox, QWidget

from branchguard.core.drills.types import CriteriaSet
from branchguard.gui.kit.plain import plain, tip
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import large_text, scaled

DEFAULT_SCORE = 80
SLIDER_WIDTH = 96  # pixels: a score's slider, never narrower (the criteria's text wraps instead)
TEXT_WIDTH = 130  # pixels: a criterion's words beside its slider, never narrower (two lines or three)


UNSCORED = -1  # a blank score's value in its spin box, shown as "—"


class CriterionRow:
    """A criterion's slider and spin box, kept in step; `blank`: no score until one is given (a
    score copied from a paper form is typed, never left at a default)."""

    def __init__(self, code: str, weight: int, blank: bool = False) -> None:
        self.code = code
        self.weight = weight
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"score_slider_{code}")
        self.slider.setRange(UNSCORED if blank else 0, 100)  # a blank one's slider moves to 0 too
        self.slider.setPageStep(10)
        self.spin = QSpinBox()
        self.spin.setObjectName(f"score_{code}")
        self.spin.setRange(UNSCORED if blank else 0, 100)
        self.spin.setSpecialValueText("—" if blank else "")
        self.spin.setValue(UNSCORED if blank else DEFAULT_SCORE)
        self.slider.setValue(self.spin.value())
        self.slider.valueChanged.connect(self.spin.setValue)
        self.spin.valueChanged.connect(self.slider.setValue)

    def value(self) -> int:
        return self.spin.value()

    @property
    def scored(self) -> bool:
        return self.value() != UNSCORED


class ScoresBox(QGroupBox):
    """The criteria of `criteria_set`, each scored; `total` follows every change."""

    def __init__(self, criteria_set: CriteriaSet, parent: QWidget | None = None, blank: bool = False) -> None:
        super().__init__(parent)
        self.criteria_set = criteria_set
        self.rows: list[CriterionRow] = []
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        self.points: dict[str, QLabel] = {}
        # At larger text each criterion's words over its slider, in a line of their own: beside it,
        # at 15 pt, they wrapped to five lines in 91 px and the rows, given the height of one, cut them.
        over = large_text(self)
        if over:
            grid.setVerticalSpacing(2)  # the words near their slider; the spin box's height parts rows
        line = 0
        for criterion in criteria_set.criteria:
            row = CriterionRow(criterion.code, criterion.weight, blank)
            text = plain(QLabel(criterion.text.text))
            text.setWordWrap(True)
            # A line of its own, as wide as the box (a long criterion of a set made here wraps); beside
            # its slider, never squeezed to a word a line: the paper-record dialog's narrower box gave
            # the words 63 px, "Spotted and told to the branch head promptly" six lines, cut.
            whole = text.fontMetrics().horizontalAdvance(text.text())
            text.setMinimumWidth(min(whole, scaled(260 if over else TEXT_WIDTH, self)))
            text.setToolTip(tip(f"{criterion.text.zh}\n{criterion.text.en}"))
            weight = QLabel(f"{criterion.weight}%")
            weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            points = QLabel()
            points.setMinimumWidth(scaled(44, self))
            points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.points[criterion.code] = points
            row.spin.valueChanged.connect(lambda _v: self._changed())
            if over:
                grid.addWidget(text, line, 0, 1, 5)
                line += 1
            else:
                grid.addWidget(text, line, 0)
            row.slider.setMinimumWidth(SLIDER_WIDTH)  # squashed, it read as a box to tick
            grid.addWidget(row.slider, line, 0 if over else 1, 1, 2 if over else 1)
            grid.addWidget(row.spin, line, 2)
            grid.addWidget(weight, line, 3)
            grid.addWidget(points, line, 4)
            line += 1
            self.rows.append(row)
        self.total = QLabel()
        self.total.setObjectName("evaluate_total")
        self.total.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.error = error_label("evaluate_scores_error")
        grid.addWidget(self.total, line, 0, 1, 5, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.error, line + 1, 0, 1, 5)
        grid.setRowStretch(line + 2, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scores"))
        self.update_total()

    def scores(self) -> dict[str, int]:
        """The criteria scored (a blank one is left out: the service names it as missing)."""
        return {row.code: row.value() for row in self.rows if row.scored}

    def set_score(self, code: str, value: int) -> None:
        next(r for r in self.rows if r.code == code).spin.setValue(value)

    def weighted_total(self) -> float:
        """As the service computes it: Σ weight × score / 100, to one decimal."""
        return round(sum(row.weight * row.value() for row in self.rows if row.scored) / 100, 1)

    def _changed(self) -> None:
        """A score typed: the total follows, and what was said of the scores before is stale ("8
        criteria have no score" stood beside a full total)."""
        self.update_total()
        self.show_error("")

    def update_total(self) -> None:
        for row in self.rows:
            self.points[row.code].setText(f"{row.weight * row.value() / 100:.1f}" if row.scored else "—")
        self.total.setText(self.tr("Weighted score: %1 / 100").replace("%1", f"{self.weighted_total():.1f}"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
