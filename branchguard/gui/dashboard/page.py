"""Dashboard page: the branch at a glance for the safety lead and the auditor (their landing page).

Tiles and charts show what `DashboardService` computes, read off the GUI thread through the page's
Loader. Every figure is a button leading to its page filtered to exactly the records it counts
(`Target`, defined in core so the command line and the tests use the same one); the incident and
drill bars open the incident list for that month.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.dashboard.rules import Period, year_marks
from branchguard.core.dashboard.service import period_targets
from branchguard.core.dashboard.types import Dashboard, Figure, Target, Tile
from branchguard.core.dashboard.types import FirstSteps as Steps
from branchguard.core.kernel.i18n import t
from branchguard.gui.dashboard.charts import ChartData, MonthChart, Series
from branchguard.gui.dashboard.first_steps import FirstSteps
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.style import error_label
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.dashboard.report_dialog import PeriodDialog


# a figure reads as a number, not as a push button; underlined when hovered, as a link
def flat(extra: str) -> str:
    return (
        f"QPushButton {{ text-align: left; border: none; background: transparent; padding: 0; {extra} }}"
        " QPushButton:hover { text-decoration: underline; }"
    )


# tiles whose big number is bad news when above zero
ALERT_TILES = frozenset(
    {"checkpoints", "hazards_overdue", "inspections", "compliance", "actions", "complaints", "warnings"}
)


class TileView(QFrame):
    """A tile: its heading, the big number and the figures under it, each a button to its records."""

    def __init__(
        self, name: str, open_target: Callable[[Target], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"dashboard_tile_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#dashboard_tile_{name} {{ background: {style.SURFACE}; border: 1px solid {style.BORDER};"
            " border-radius: 6px; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._open = open_target
        self.heading = QLabel()
        self.heading.setStyleSheet(f"color: {style.MUTED}; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(10, 8, 10, 8)
        self.box.setSpacing(2)
        self.box.addWidget(self.heading)
        # the figures under the heading and the room left below them: the big numbers of a row's
        # tiles line up (at the bottom, each sat as high as its tile's lines below it pushed it)
        self.box.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        self.targets: dict[str, Target] = {}
        self.caption = QLabel()
        self.caption.setObjectName(f"dashboard_caption_{name}")
        self.caption.setStyleSheet(f"color: {style.MUTED};")
        self.caption.setWordWrap(True)

    def show_tile(self, tile: Tile) -> None:
        self.heading.setText(t(f"dashboard.tile.{tile.name}"))
        for i, figure in enumerate(tile.figures):
            button = self.buttons.get(figure.name)
            if button is None:
                button = QPushButton()
                button.setObjectName(f"dashboard_figure_{figure.name}")
                button.setFlat(True)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.clicked.connect(
                    lambda _checked=False, name=figure.name: self._open(self.targets[name])
                )
                self.box.insertWidget(self.box.count() - 1, button)  # before the stretch
                self.buttons[figure.name] = button
                if i == 0:  # what the big number counts, under it
                    self.box.insertWidget(self.box.count() - 1, self.caption)
            self.targets[figure.name] = figure.target
            label = t(f"dashboard.figure.{figure.name}")
            if i == 0:
                alert = tile.name in ALERT_TILES and figure.value > 0
                colour = style.ERROR if alert else style.TEXT
                button.setText(f"{figure.value}")
                button.setStyleSheet(flat(f"font-size: 26px; font-weight: 700; color: {colour};"))
                button.setToolTip(label)
                self.caption.setText(label)
            else:
                button.setText(f"{label}: {figure.value}")
                button.setStyleSheet(flat(f"color: {style.TEXT};"))
            button.setAccessibleName(f"{label}: {figure.value}")


class DashboardPage(Page):
    page_id = "dashboard"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self.show_error)
        self.board: Dashboard | None = None
        self._targets: list[dict[str, Target]] = []
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        self.refresh_button = QPushButton(icon("refresh"), "")
        self.refresh_button.setObjectName("dashboard_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button = QPushButton(icon("print"), "")
        self.report_button.setObjectName("dashboard_report")
        self.report_button.clicked.connect(self.ask_report)
        self.last_preview: QWidget | None = None
        self.message = error_label("dashboard_message")
        self.holidays = QLabel()  # the holiday tables end before a year the schedules reach
        self.holidays.setObjectName("dashboard_holidays")
        self.holidays.setProperty("role", "warning")
        self.holidays.setWordWrap(True)
        self.holidays.hide()
        self.first_steps = FirstSteps(session)
        self.tiles: dict[str, TileView] = {}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(8)
        self.activity_chart = MonthChart("dashboard_chart_activity")
        self.activity_chart.bar_clicked.connect(self._bar_clicked)
        self.hazard_chart = MonthChart("dashboard_chart_hazards")
        self.quality_chart = MonthChart("dashboard_chart_quality")
        self._build_layout()
        self.retranslate()

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        charts = QGridLayout()
        charts.setSpacing(8)
        charts.addWidget(self.activity_chart, 0, 0)
        charts.addWidget(self.hazard_chart, 0, 1)
        charts.addWidget(self.quality_chart, 1, 0, 1, 2)
        content = QWidget()
        content.setObjectName("dashboard_content")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addLayout(self.tile_grid)
        inner.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.message)
        layout.addWidget(self.holidays)
        layout.addWidget(self.first_steps)
        layout.addWidget(scroll, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Branch at a glance"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.report_button.setText(self.tr("Periodic report…"))
        self.report_button.setToolTip(
            self.tr("The safety management report (网点安全管理工作报告) of a month, a quarter or a year")
        )
        self._show_intro()
        self.first_steps.retranslate()
        if self.board is not None:
            self._show(self.board)

    def _show_intro(self) -> None:
        text = self.tr("Click a number to see the records it counts.")
        if self.board is not None:
            today = self.board.today
            day = QLocale().toString(QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat)
            text = self.tr("As of %1. ").replace("%1", day) + text
        self.intro.setText(text)

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        dashboard, actor = self.session.services.dashboard, self.session.actor
        steps_wanted = self.first_steps.wanted()  # asked in the same read: no second one at start

        def load() -> tuple[Dashboard, list[dict[str, Target]], Steps | None]:
            board = dashboard.dashboard(actor)
            zone = dashboard.zone
            steps = dashboard.first_steps(actor) if steps_wanted else None
            return board, [period_targets(m, zone) for m in board.months], steps

        self.loader.run(load, self._loaded)

    def _loaded(self, loaded: tuple[Dashboard, list[dict[str, Target]], Steps | None]) -> None:
        board, targets, steps = loaded
        if steps is not None:
            self.first_steps.show_setup(steps)
        self._show(board, targets)

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _show(self, board: Dashboard, targets: list[dict[str, Target]] | None = None) -> None:
        self.show_error("")
        self.board = board
        if targets is not None:
            self._targets = targets
        self._show_intro()
        self.holidays.setText(board.holiday_note or "")
        self.holidays.setVisible(bool(board.holiday_note))
        columns = 5
        for i, tile in enumerate(board.tiles):
            view = self.tiles.get(tile.name)
            if view is None:
                view = TileView(tile.name, self.open_target)
                self.tiles[tile.name] = view
                self.tile_grid.addWidget(view, i // columns, i % columns)
            view.show_tile(tile)
        self._show_charts(board)

    def _show_charts(self, board: Dashboard) -> None:
        locale = QLocale()
        months = [
            locale.standaloneMonthName(m.start.month, QLocale.FormatType.ShortFormat) for m in board.months
        ]
        years = year_marks([m.start for m in board.months])  # "1月" alone: of which year?
        self.activity_chart.set_data(
            ChartData(
                self.tr("Incidents and drills by month"),
                months,
                [
                    Series(self.tr("Incidents"), [m.incidents for m in board.months], clickable=True),
                    Series(self.tr("Drills"), [m.drills for m in board.months], clickable=True),
                ],
                years=years,
            )
        )
        self.hazard_chart.set_data(
            ChartData(
                self.tr("Hazards opened, verified or closed"),
                months,
                [
                    Series(self.tr("Opened"), [m.hazards_opened for m in board.months]),
                    Series(self.tr("Verified or closed"), [m.hazards_resolved for m in board.months]),
                    Series(
                        self.tr("Open at month end"), [m.hazards_open_at_end for m in board.months], line=True
                    ),
                ],
                years=years,
            )
        )
        completion = [
            None if m.inspection_completion is None else round(100 * m.inspection_completion)
            for m in board.months
        ]
        self.quality_chart.set_data(
            ChartData(
                self.tr("Inspections done on schedule (%) and drill scores"),
                months,
                [
                    Series(self.tr("Inspections done (%)"), list(completion), line=True, unit="%"),
                    Series(
                        self.tr("Drill score (of 100)"),
                        [m.drill_score_average for m in board.months],
                        line=True,
                    ),
                ],
                top=100,
                years=years,
            )
        )

    # -- the periodic report ---------------------------------------------------------------------
    def ask_report(self) -> PeriodDialog:
        """The period picker; once accepted, the report's print preview."""
        from branchguard.gui.dashboard.report_dialog import PeriodDialog  # not needed to show the page

        dialog = PeriodDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.preview_report(dialog.period()))
        dialog.open()
        return dialog

    def preview_report(self, period: Period) -> QWidget:
        from branchguard.gui.dashboard.report_dialog import preview_summary

        self.last_preview = preview_summary(self, self.session, period)
        return self.last_preview

    # -- where the numbers lead ------------------------------------------------------------------
    def figure_button(self, name: str) -> QPushButton:
        for view in self.tiles.values():
            if name in view.buttons:
                return view.buttons[name]
        raise KeyError(name)

    def figure(self, name: str) -> Figure:
        assert self.board is not None
        return self.board.figure(name)

    def _bar_clicked(self, series: int, month: int) -> None:
        if 0 <= month < len(self._targets):
            self.open_target(self._targets[month]["incidents" if series == 0 else "drills"])

    def open_target(self, target: Target) -> Page | None:
        """Bring up the target's page showing exactly the records counted."""
        show_page = getattr(self.window(), "show_page", None)
        if show_page is None:
            return None
        page = show_page(target.page)
        if page is not None:
            page.show_filtered(target.filter)
        return page
