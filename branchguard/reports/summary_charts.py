"""The periodic report's charts: ReportLab vector drawings in greys that print on any office
printer (dark and light bars, a black line with square marks), each titled and with its legend,
so a chart tells its story photocopied."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from branchguard.core.dashboard.rules import AGEING_BANDS, year_marks
from branchguard.core.dashboard.types import PeriodFigures
from branchguard.core.kernel.i18n import current_language, t
from branchguard.reports.template import RULE, ReportStyles, chart_drawing

DARK = colors.HexColor("#3A3A3A")
LIGHT = colors.HexColor("#A8A8A8")
LINE = colors.black
CHART_HEIGHT = 54 * mm


def nice_max(values: Sequence[float]) -> float:
    """The axis top: the largest value rounded up to 1, 2 or 5 times a power of ten (at least 1)."""
    top = max([1.0, *values])
    power = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 5, 10):
        if top <= step * power:
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop ends at 10 × power


EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_names(months: Sequence[PeriodFigures]) -> list[str]:
    """Short month labels, the year under each January and under the first month."""
    chinese = current_language() == "zh_CN"
    years = year_marks([m.start for m in months])
    names = []
    for m, year in zip(months, years, strict=True):
        name = f"{m.start.month}月" if chinese else EN_MONTHS[m.start.month - 1]
        names.append(f"{name}\n{year}" if year else name)
    return names


def _title(styles: ReportStyles, drawing: Drawing, text: str) -> None:
    """The chart's title at its top left."""
    drawing.add(
        String(
            0,
            drawing.height - 10 * styles.scale,
            text,
            fontName=styles.font.bold_name,
            fontSize=9 * styles.scale,
        )
    )


def _legend(styles: ReportStyles, drawing: Drawing, pairs: list[tuple[object, str]], x: float) -> None:
    legend = Legend()
    legend.x, legend.y = x, drawing.height - 16 * styles.scale
    legend.fontName, legend.fontSize = styles.font.name, 7.5 * styles.scale
    legend.alignment = "right"
    legend.columnMaximum = 1
    widest = max(stringWidth(label, styles.font.name, legend.fontSize) for _c, label in pairs)
    legend.deltax = widest + 22 * styles.scale
    legend.dx = legend.dy = 7 * styles.scale
    legend.strokeColor = colors.black
    legend.strokeWidth = 0.3
    legend.colorNamePairs = pairs
    drawing.add(legend)


def _bars(
    styles: ReportStyles, drawing: Drawing, data: list[list[float]], names: list[str]
) -> VerticalBarChart:
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 16
    chart.width, chart.height = drawing.width - 34, drawing.height - 46 * styles.scale
    chart.data = data
    chart.categoryAxis.categoryNames = names
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = styles.font.name, 7 * styles.scale
    chart.valueAxis.valueMin = 0
    top = nice_max([v for series in data for v in series])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1.0, top / 5)
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.3
    fills = (DARK, LIGHT)
    for i in range(len(data)):
        chart.bars[i].fillColor = fills[i % 2]
    chart.barSpacing, chart.groupSpacing = 0.5, 4
    return chart


def activity_chart(styles: ReportStyles, months: Sequence[PeriodFigures], width: float) -> Drawing:
    """Real incidents and drills started in each of the twelve months."""
    drawing = chart_drawing(styles, width, CHART_HEIGHT * styles.scale)
    _title(styles, drawing, t("summary.chart.activity"))
    data = [[float(m.incidents) for m in months], [float(m.drills) for m in months]]
    drawing.add(_bars(styles, drawing, data, month_names(months)))
    _legend(
        styles,
        drawing,
        [(DARK, t("summary.chart.incidents")), (LIGHT, t("summary.chart.drills"))],
        4,
    )
    return drawing


def hazard_chart(styles: ReportStyles, months: Sequence[PeriodFigures], width: float) -> Drawing:
    """Hazards opened and resolved (verified, or closed unverified) each month (bars), and the open
    count at each month's end (line)."""
    drawing = chart_drawing(styles, width, CHART_HEIGHT * styles.scale)
    _title(styles, drawing, t("summary.chart.hazards"))
    opened = [float(m.hazards_opened) for m in months]
    closed = [float(m.hazards_resolved) for m in months]
    still = [float(m.hazards_open_at_end) for m in months]
    chart = _bars(styles, drawing, [opened, closed], month_names(months))
    top = nice_max([*opened, *closed, *still])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1.0, top / 5)
    drawing.add(chart)
    # the line over the bar groups' centres, on the bars' own scale
    step = chart.width / max(1, len(months))
    points: list[float] = []
    for i, value in enumerate(still):
        points += [chart.x + step * (i + 0.5), chart.y + chart.height * value / top]
    if points:
        drawing.add(PolyLine(points, strokeColor=LINE, strokeWidth=1.2))
        for x, y in zip(points[::2], points[1::2], strict=True):
            drawing.add(
                Rect(x - 1.6, y - 1.6, 3.2, 3.2, fillColor=colors.white, strokeColor=LINE, strokeWidth=0.8)
            )
    _legend(
        styles,
        drawing,
        [
            (DARK, t("summary.chart.opened")),
            (LIGHT, t("summary.chart.resolved")),
            (colors.white, t("summary.chart.open")),
        ],
        4,
    )
    return drawing


def ageing_chart(styles: ReportStyles, ageing: Sequence[int], width: float) -> Drawing:
    """Open hazards per age band, as horizontal bars."""
    height = (12 + 7 * len(AGEING_BANDS)) * mm * styles.scale
    drawing = chart_drawing(styles, width, height)
    _title(styles, drawing, t("summary.chart.ageing"))
    chart = HorizontalBarChart()
    label_w = 70 * styles.scale
    chart.x, chart.y = label_w, 12
    chart.width, chart.height = width - label_w - 12, height - 30 * styles.scale
    chart.data = [[float(n) for n in reversed(ageing)]]
    chart.categoryAxis.categoryNames = [t(key) for _low, key in reversed(AGEING_BANDS)]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = styles.font.name, 7 * styles.scale
    top = nice_max([float(n) for n in ageing])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = max(1.0, top / 5)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.bars[0].fillColor = DARK
    chart.bars.strokeColor = colors.black
    chart.bars.strokeWidth = 0.3
    drawing.add(chart)
    return drawing
