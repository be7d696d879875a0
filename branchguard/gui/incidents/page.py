"""Incidents page: the list (filters, full-text search) and a console tab per incident opened."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.incidents.rules import most_urgent
from branchguard.core.incidents.types import IncidentFilter, IncidentStatus, IncidentSummary
from branchguard.core.kernel.i18n import t
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console.dialogs import swatch_icon
from branchguard.gui.incidents.list_view import IncidentListPanel
from branchguard.gui.incidents.models import incident_swatch
from branchguard.gui.incidents.start import StartIncidentDialog, may_start
from branchguard.gui.kit import loader
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import HeldReads, Loader, reads_next_turn
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tabs import tab_home
from branchguard.gui.shell.session import GuiSession

TAB_TITLE_CHARS = 18


class IncidentsPage(Page):
    page_id = "incidents"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.consoles: dict[int, IncidentConsole] = {}
        self._reopened = False
        self.reopen_loader = Loader(self)  # a refused read reopens nothing, as before
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        # made inside the page: shown while it had no parent, it was a window of its own for a moment
        self.start_button = QPushButton(icon("incident"), "", self)
        self.start_button.setObjectName("incidents_start_button")
        self.start_button.setProperty("accent", True)
        self.start_button.clicked.connect(self.ask_start)
        self.start_button.setVisible(may_start(session))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("incidents_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self._stack = tab_home(self.tabs)  # the list and consoles are made where they stay
        self.list_panel = IncidentListPanel(session, self._stack)
        self.list_panel.open_requested.connect(self.open_incident)
        self.tabs.addTab(self.list_panel, icon("incident"), "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        header.addLayout(titles, 1)
        header.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self._layout, self._margins = layout, layout.contentsMargins()
        self.tabs.currentChanged.connect(self._fit_to_tab)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Incidents"))
        self.intro.setText(
            self.tr("Live and past incidents and drills. Each opened incident gets its own tab.")
        )
        self.start_button.setText(self.tr("Start incident (F9)"))
        self.tabs.setTabText(0, self.tr("All incidents"))
        self.list_panel.retranslate()
        for console in self.consoles.values():
            console.retranslate()
            self._label_tab(console)

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list and every open console; the first time, reopen every open incident
        (after a crash or a restart the lead finds them where they left them)."""
        self.list_panel.reload()
        for console in self.consoles.values():
            console.reload()
        if not self._reopened:
            self._reopened = True
            self.reopen_open_incidents()

    def show_filtered(self, flt: IncidentFilter) -> None:
        """The list tab, filtered to `flt` (the dashboard's tiles and charts)."""
        self.tabs.setCurrentIndex(0)
        self.list_panel.show_filtered(flt)

    def reopen_open_incidents(self) -> None:
        incidents, actor = self.session.services.incidents, self.session.actor
        self.reopen_loader.run(lambda: incidents.open_incidents(actor), self._reopen)

    def _reopen(self, live: list[IncidentSummary]) -> None:
        """The most urgent console in front, built in this turn; the others, in the tabs in the
        order the incidents started, one per turn of the event loop after it; their reads start
        once the last is built. Building every console in one turn held the GUI thread (ten years,
        two open incidents: 170 ms of a loaded machine's first visit, 60-90 ms a console); one
        built beside the reads of the one before took up to twice its CPU (the reads hold the GIL
        between the window's calls into Python)."""
        order = [summary.id for summary in sorted(live, key=lambda s: s.started_at)]
        first = most_urgent(live)
        held = HeldReads()
        if first is not None:
            with held:
                self._reopen_in_order(first.id, order)
                self.open_incident(first.id)  # in front
        self._reopen_later([i for i in order if first is None or i != first.id], order, held)

    def _reopen_later(self, waiting: list[int], order: list[int], held: HeldReads) -> None:
        if not waiting:
            held.release()
            return
        # A timer, not a zero delay: Qt 6 posts that to this very sweep of the event loop. The
        # tracker as its context: the reads are released even if the page is gone by then.
        QTimer.singleShot(1, loader.tracker(), lambda: self._reopen_next(waiting, order, held))

    def _reopen_next(self, waiting: list[int], order: list[int], held: HeldReads) -> None:
        if not shiboken6.isValid(self):
            held.release()
            return
        with held:
            self._reopen_in_order(waiting[0], order)
        self._reopen_later(waiting[1:], order, held)

    def _reopen_in_order(self, incident_id: int, order: list[int]) -> None:
        """Its tab after the list and the reopened consoles of the incidents started before it."""
        if incident_id not in self.consoles:
            before = order[: order.index(incident_id)]
            self.open_incident(incident_id, focus=False, index=1 + sum(i in self.consoles for i in before))

    def _fit_to_tab(self, index: int) -> None:
        """A console takes the page's height: its heading and Start button (the banner and F9
        start an incident there too) give way to steps and log rows, and come back with the list."""
        on_list = index <= 0
        self.heading.setVisible(on_list)
        self.intro.setVisible(on_list)
        self.start_button.setVisible(on_list and may_start(self.session))
        margins = self._margins
        if on_list:
            self._layout.setContentsMargins(margins)
        else:
            self._layout.setContentsMargins(12, 6, 12, 4)

    # -- consoles ------------------------------------------------------------------------------
    def open_incident(self, incident_id: int, focus: bool = True, index: int = -1) -> IncidentConsole:
        """Its console (built on first use, its tab at `index`, else last), in front if `focus`."""
        console = self.consoles.get(incident_id)
        if console is None:
            with reads_next_turn():  # built, laid out and painted before its reads start (kit/loader.py)
                console = IncidentConsole(self.session, incident_id, self._stack)
            console.changed.connect(self._console_changed)
            console.loaded.connect(lambda: self._label_tab(console))
            self.consoles[incident_id] = console
            self.tabs.insertTab(index, console, "")
            self._label_tab(console)
        if focus:
            self.tabs.setCurrentWidget(console)
            console.focus_log()
        return console

    def console(self, incident_id: int) -> IncidentConsole | None:
        return self.consoles.get(incident_id)

    def current_console(self) -> IncidentConsole | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, IncidentConsole) else None

    def close_tab(self, index: int) -> None:
        console = self.tabs.widget(index)
        if not isinstance(console, IncidentConsole):
            return  # the list stays
        self.tabs.removeTab(index)
        self.consoles.pop(console.incident_id, None)
        console.deleteLater()

    def _label_tab(self, console: IncidentConsole) -> None:
        index = self.tabs.indexOf(console)
        detail = console.detail
        if index < 0 or detail is None:
            return
        summary = detail.summary
        title = summary.title
        if len(title) > TAB_TITLE_CHARS:
            title = title[:TAB_TITLE_CHARS] + "…"
        prefix = f"{t('incident.drill_badge')} " if summary.drill else ""
        done = "" if summary.status == IncidentStatus.OPEN else " ✓"
        self.tabs.setTabText(index, f"{prefix}#{summary.id} {title}{done}")
        self.tabs.setTabToolTip(index, f"{summary.title} · {summary.level.label} · {summary.status.label}")
        self.tabs.setTabIcon(index, swatch_icon(incident_swatch(summary).background))

    def _console_changed(self, incident_id: int) -> None:
        console = self.consoles.get(incident_id)
        if console is not None:
            self._label_tab(console)
        self.list_panel.reload()

    # -- starting ------------------------------------------------------------------------------
    def ask_start(self) -> StartIncidentDialog | None:
        if not may_start(self.session):
            return None
        dialog = StartIncidentDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(lambda summary: self.started(summary.id))
        dialog.open()
        return dialog

    def started(self, incident_id: int) -> IncidentConsole:
        """A new incident: its console in front, the list and the banner told."""
        console = self.open_incident(incident_id)
        self.list_panel.reload()
        self.session.data_changed.emit("incident")
        return console
