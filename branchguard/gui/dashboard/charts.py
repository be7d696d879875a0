"""A small month chart painted with QPainter: bars and lines over the trend's months, a legend.

No plotting library (the window ships without PySide6-Addons). Series are told apart without
colour too: bars by lightness steps and hatching, lines by dash pattern and marker shape, so a
grey print or a colour-blind reader still separates them. A bar with a target is clickable
(`bar_clicked(series, month)`); hovering shows its value.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from branchguard.gui.kit import style

# bars: dark to light, each with its own hatching on top of the fill
BAR_STYLES: tuple[tuple[str, Qt.BrushStyle], ...] = (
    ("#1F4E79", Qt.BrushStyle.NoBrush),
    ("#8FB4D9", Qt.BrushStyle.BDiagPattern),
    ("#D6E4F2", Qt.BrushStyle.CrossPattern),
)
# lines: solid with circles, dashed with squares
LINE_STYLES: tuple[tuple[str, Qt.PenStyle, str], ...] = (
    ("#1B1F23", Qt.PenStyle.SolidLine, "circle"),
    ("#6B6B6B", Qt.PenStyle.DashLine, "square"),
)


@dataclass
class Series:
    name: str
    values: list[float | None]
    line: bool = False  # drawn as a line over the bars, else as one bar per month
    clickable: bool = False
    unit: str = ""  # appended in the hover text, e.g. "%"


@dataclass
class ChartData:
    title: str
    months: list[str]
    series: list[Series] = field(default_factory=list)
    top: float | None = None  # fixed scale (e.g. 100 for percentages); else from the data
    # a second line under a month's label, "" for none: the year under the first month and each
    # January (core/dashboard/rules.year_marks), as the report's charts print it
    years: list[str] = field(default_factory=list)


def nice_top(value: float) -> float:
    """The axis maximum: four gridline steps of 1, 2 or 5 times a power of ten (whole numbers for
    counts), the smallest reaching `value`."""
    need = max(value, 4.0) / 4
    step = 1.0
    while step * 10 < need:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if factor * step >= need and (factor * step).is_integer():
            return 4 * factor * step
    return 40 * step


class MonthChart(QWidget):
    bar_clicked = Signal(int, int)  # series index, month index

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(300, 190))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data = ChartData("", [])
        self._bars: list[tuple[QRectF, int, int]] = []  # hit areas: rect, series, month

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.setAccessibleName(data.title)
        self.update()

    def bar_rect(self, series: int, month: int) -> QRectF | None:
        """Where a bar was painted (tests click it)."""
        return next((r for r, s, m in self._bars if s == series and m == month), None)

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.SURFACE))
        p.setPen(QPen(QColor(style.BORDER)))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        data = self.data
        self._bars = []
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor(style.TEXT))
        fm = p.fontMetrics()
        p.drawText(QRectF(10, 6, self.width() - 20, fm.height()), Qt.AlignmentFlag.AlignLeft, data.title)
        p.setFont(self.font())
        fm = p.fontMetrics()
        legend_bottom = self._legend(p, 6 + fm.height() + 4)
        n = len(data.months)
        if n == 0:
            return
        left, right, top, bottom = (
            10 + fm.horizontalAdvance("0000"),
            self.width() - 10,
            legend_bottom + 12,
            (self.height() - fm.height() * (2 if any(data.years) else 1) - 8),
        )
        plot = QRectF(left, top, max(right - left, 1), max(bottom - top, 1))
        highest = max([v for s in data.series for v in s.values if v is not None] or [0.0])
        scale_top = data.top if data.top is not None else nice_top(highest)
        self._axes(p, plot, scale_top)
        slot = plot.width() / n
        bars = [i for i, s in enumerate(data.series) if not s.line]
        width = slot * 0.8 / max(len(bars), 1)
        widest = max(fm.horizontalAdvance(m) for m in data.months)
        label_every = 1 if widest + 4 <= slot else 2  # every other month when they would touch
        for month in range(n):
            x0 = plot.left() + slot * month + slot * 0.1
            for k, index in enumerate(bars):
                value = data.series[index].values[month] or 0
                h = plot.height() * min(value / scale_top, 1.0)
                rect = QRectF(x0 + k * width, plot.bottom() - h, max(width - 1, 1), h)
                colour, hatch = BAR_STYLES[k % len(BAR_STYLES)]
                p.fillRect(rect, QColor(colour))
                if hatch != Qt.BrushStyle.NoBrush:
                    p.fillRect(rect, QBrush(QColor("#1B1F23"), hatch))
                p.setPen(QPen(QColor("#1B1F23"), 0.6))
                p.drawRect(rect)
                self._bars.append((rect.adjusted(0, -3, 0, 0), index, month))
            label = data.months[month] if month % label_every == 0 else ""
            year = data.years[month] if month < len(data.years) else ""
            p.setPen(QColor(style.MUTED))
            for line, text in enumerate((label, year)):
                top = plot.bottom() + 2 + line * fm.height()
                p.drawText(
                    QRectF(plot.left() + slot * month, top, slot, fm.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
        lines = [i for i, s in enumerate(data.series) if s.line]
        for k, index in enumerate(lines):
            colour, dash, marker = LINE_STYLES[k % len(LINE_STYLES)]
            pen = QPen(QColor(colour), 2, dash)
            points: list[QPointF | None] = []
            for month, maybe in enumerate(data.series[index].values):
                if maybe is None:
                    points.append(None)
                    continue
                x = plot.left() + slot * month + slot / 2
                y = plot.bottom() - plot.height() * min(maybe / scale_top, 1.0)
                points.append(QPointF(x, y))
            p.setPen(pen)
            for a, b in itertools.pairwise(points):
                if a is not None and b is not None:
                    p.drawLine(a, b)
            p.setPen(QPen(QColor(colour), 1.5))
            p.setBrush(QColor(style.SURFACE))
            for point in points:
                if point is not None:
                    self._marker(p, point, marker)
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.end()

    def _axes(self, p: QPainter, plot: QRectF, scale_top: float) -> None:
        fm = p.fontMetrics()
        for i in range(5):
            value = scale_top * i / 4
            y = plot.bottom() - plot.height() * i / 4
            p.setPen(QPen(QColor("#E3E8EB"), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor(style.MUTED))
            text = f"{value:g}"
            p.drawText(
                QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        p.setPen(QPen(QColor(style.MUTED), 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def _legend(self, p: QPainter, y: float) -> float:
        """One row (wrapping) of swatches and names; returns the bottom edge."""
        fm = p.fontMetrics()
        x, h = 10.0, float(fm.height())
        bar_k = line_k = 0
        for series in self.data.series:
            item_w = 22 + fm.horizontalAdvance(series.name) + 14
            if x + item_w > self.width() - 10 and x > 10:
                x, y = 10.0, y + h + 2
            swatch = QRectF(x, y + h / 2 - 6, 16, 12)
            if series.line:
                colour, dash, marker = LINE_STYLES[line_k % len(LINE_STYLES)]
                line_k += 1
                p.setPen(QPen(QColor(colour), 2, dash))
                p.drawLine(
                    QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y())
                )
                p.setBrush(QColor(style.SURFACE))
                p.setPen(QPen(QColor(colour), 1.5))
                self._marker(p, swatch.center(), marker)
                p.setBrush(Qt.BrushStyle.NoBrush)
            else:
                colour, hatch = BAR_STYLES[bar_k % len(BAR_STYLES)]
                bar_k += 1
                p.fillRect(swatch, QColor(colour))
                if hatch != Qt.BrushStyle.NoBrush:
                    p.fillRect(swatch, QBrush(QColor("#1B1F23"), hatch))
                p.setPen(QPen(QColor("#1B1F23"), 0.6))
                p.drawRect(swatch)
            p.setPen(QColor(style.TEXT))
            p.drawText(QRectF(x + 20, y, item_w - 20, h), Qt.AlignmentFlag.AlignVCenter, series.name)
            x += item_w
        return y + h

    @staticmethod
    def _marker(p: QPainter, at: QPointF, shape: str) -> None:
        if shape == "square":
            p.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7))
        else:
            p.drawEllipse(at, 3.5, 3.5)

    # -- mouse -----------------------------------------------------------------------------------
    def _hit(self, pos: QPointF) -> tuple[int, int] | None:
        return next(((s, m) for r, s, m in self._bars if r.contains(pos)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        clickable = hit is not None and self.data.series[hit[0]].clickable
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        if hit is not None:
            series = self.data.series[hit[0]]
            value = series.values[hit[1]]
            shown = "—" if value is None else f"{value:g}{series.unit}"
            text = f"{self.data.months[hit[1]]} · {series.name}: {shown}"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if (
            hit is not None
            and self.data.series[hit[0]].clickable
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.bar_clicked.emit(*hit)
            return
        super().mousePressEvent(event)
