"""Incidents page: the list (filters, full-text search) and a console tab per incident opened."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
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
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader, reads_next_turn
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.tabs import PageTabs, tab_home
from branchguard.gui.shell.session import GuiSession

TAB_TITLE_CHARS = 18
log = logging.getLogger(__name__)


class _Unbuilt(QWidget):
    """The tab of an open incident reopened behind another: its console is built when it is first
    shown (IncidentsPage._reopen)."""

    def __init__(self, summary: IncidentSummary, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.summary = summary


class IncidentsPage(Page):
    page_id = "incidents"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.consoles: dict[int, IncidentConsole] = {}
        self._unbuilt: dict[int, _Unbuilt] = {}  # open incidents' tabs whose console is not built yet
        self._reopened = False
        self._list_asked = False  # the list was asked for (a dashboard tile) before the reopen's answer
        self._list_stale = True  # read when the list tab is in front (`_read_list_if_shown`)
        self.reopen_loader = Loader(self, on_error=self._reopen_failed)
        self.heading = QLabel()
        self.heading.setProperty("role", "page-title")
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)  # beside the start button: wraps at larger text
        # made inside the page: shown while it had no parent, it was a window of its own for a moment
        self.start_button = QPushButton(icon("incident"), "", self)
        self.start_button.setObjectName("incidents_start_button")
        self.start_button.setProperty("accent", True)
        self.start_button.clicked.connect(self.ask_start)
        self.start_button.setVisible(may_start(session))
        self.tabs = PageTabs(self)
        self.tabs.setObjectName("incidents_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.list_panel = IncidentListPanel(session, tab_home(self.tabs))
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
        self.tabs.currentChanged.connect(self._tab_shown)
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
            self._label_console(console)
        for unbuilt in self._unbuilt.values():
            self._label_tab(unbuilt, unbuilt.summary)

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list if it is in front and every open console; the first time, reopen every
        open incident (after a crash or a restart the lead finds them where they left them), and
        read the list only if it is still in front then."""
        self._list_stale = True
        for console in self.consoles.values():
            console.reload()
        if not self._reopened:
            self._reopened = True
            self.reopen_open_incidents()
        else:
            self._read_list_if_shown()

    def _list_changed(self) -> None:
        self._list_stale = True
        self._read_list_if_shown()

    def _read_list_if_shown(self) -> None:
        """The list read again if it changed and its tab is in front; else when that tab is next
        shown. While an incident runs, its console is in front: its first show and every change it
        makes read the list no more (ten years: 200 incidents and their count, ~26 ms on the pool
        beside the console's own reads and build)."""
        if self._list_stale and self.tabs.currentIndex() == 0:
            self._list_stale = False
            self.list_panel.reload()

    def show_filtered(self, flt: IncidentFilter) -> None:
        """The list tab, filtered to `flt` (the dashboard's tiles and charts)."""
        self._list_stale = False  # read below, filtered
        self._list_asked = True
        self.tabs.setCurrentIndex(0)
        self.list_panel.show_filtered(flt)

    def reopen_open_incidents(self) -> None:
        incidents, actor = self.session.services.incidents, self.session.actor
        self.reopen_loader.run(lambda: incidents.open_incidents(actor), self._reopen)

    def _reopen(self, live: list[IncidentSummary]) -> None:
        """A tab for each open incident, after the list in the order they started; the most urgent
        one's console built and in front, the others' when their tab is first shown. A console
        behind another does nothing until it is shown (its poll reads only while it is visible),
        and building it cost the page's first show 25-30 ms of the GUI thread (ten years, two open
        incidents; before, each console was built in a turn of its own, their reads held until the
        last was made). Nothing comes in front of what was asked for meanwhile: the console of an
        incident started with F9 from another page, or the list a dashboard tile filtered, was
        covered by the most urgent console as the answer came (ten years: the lead starting a fire
        from the dashboard was shown #1883's console, theirs in a tab scrolled out of sight)."""
        started = sorted(live, key=lambda s: s.started_at)
        order = [summary.id for summary in started]
        asked = self._list_asked or self.tabs.currentIndex() != 0
        first = None if asked else most_urgent(live)
        for summary in started:
            if self._has_tab(summary.id):
                continue  # opened meanwhile (the banner, a double-click)
            index = 1 + sum(self._has_tab(i) for i in order[: order.index(summary.id)])
            if first is not None and summary.id == first.id:
                self.open_incident(summary.id, index=index)
            else:
                tab = _Unbuilt(summary, tab_home(self.tabs))
                self._unbuilt[summary.id] = tab
                self.tabs.insertTab(index, tab, "")
                self._label_tab(tab, summary)
        self._read_list_if_shown()

    def _reopen_failed(self, message: str) -> None:
        """A refused read reopens nothing, and the list in front is read as without open incidents."""
        log.warning("the open incidents could not be read to reopen them: %s", message)
        self._read_list_if_shown()

    def _has_tab(self, incident_id: int) -> bool:
        return incident_id in self.consoles or incident_id in self._unbuilt

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, _Unbuilt):
            self.open_incident(widget.summary.id)
        self._fit_to_tab(index)
        self._read_list_if_shown()

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
            unbuilt = self._unbuilt.pop(incident_id, None)
            if unbuilt is not None:  # in its tab's place, in front if that tab was
                index, focus = self.tabs.indexOf(unbuilt), focus or self.tabs.currentWidget() is unbuilt
            with reads_next_turn():  # built, laid out and painted before its reads start (kit/loader.py)
                console = IncidentConsole(self.session, incident_id, tab_home(self.tabs))
            console.changed.connect(self._console_changed)
            console.loaded.connect(lambda: self._label_console(console))
            self.consoles[incident_id] = console
            self.tabs.insertTab(index, console, "")
            if unbuilt is not None:
                self._label_tab(console, unbuilt.summary)  # until the console has read its incident
                if focus:  # before its tab goes, or removing the current tab would show another
                    self.tabs.setCurrentWidget(console)
                self.tabs.removeTab(self.tabs.indexOf(unbuilt))
                unbuilt.deleteLater()
            self._label_console(console)
        if focus:
            self.tabs.setCurrentWidget(console)
            console.focus_log()
        return console

    def console(self, incident_id: int) -> IncidentConsole | None:
        """Its console, if built (a reopened incident's tab behind another builds it when shown)."""
        return self.consoles.get(incident_id)

    def open_tabs(self) -> list[int]:
        """The incidents that have a tab, in the tabs' order, their consoles built or not."""
        ids = []
        for index in range(1, self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, IncidentConsole):
                ids.append(tab.incident_id)
            elif isinstance(tab, _Unbuilt):
                ids.append(tab.summary.id)
        return ids

    def current_console(self) -> IncidentConsole | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, IncidentConsole) else None

    def close_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, IncidentConsole):
            self.consoles.pop(tab.incident_id, None)
        elif isinstance(tab, _Unbuilt):
            self._unbuilt.pop(tab.summary.id, None)
        else:
            return  # the list stays
        self.tabs.removeTab(index)
        tab.deleteLater()

    def _label_console(self, console: IncidentConsole) -> None:
        if console.detail is not None:
            self._label_tab(console, console.detail.summary)

    def _label_tab(self, tab: QWidget, summary: IncidentSummary) -> None:
        index = self.tabs.indexOf(tab)
        if index < 0:
            return
        title = summary.title
        if len(title) > TAB_TITLE_CHARS:
            title = title[:TAB_TITLE_CHARS] + "…"
        prefix = f"{t('incident.drill_badge')} " if summary.drill else ""
        done = "" if summary.status == IncidentStatus.OPEN else " ✓"
        label = (
            f"{prefix}#{summary.id} {title}{done}",
            f"{summary.title} · {summary.level.label} · {summary.status.label}",
            incident_swatch(summary).background,
        )
        bar = self.tabs.tabBar()
        if bar.tabData(index) == label:
            return  # Qt lays the tab bar out and repaints the page at each set, even of the same text
        bar.setTabData(index, label)
        self.tabs.setTabText(index, label[0])
        self.tabs.setTabToolTip(index, label[1])
        self.tabs.setTabIcon(index, swatch_icon(label[2]))

    def _console_changed(self, incident_id: int) -> None:
        console = self.consoles.get(incident_id)
        if console is not None:
            self._label_console(console)
        self._list_changed()

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
        """A new incident: its console in front, the list and the banner told, their reads started
        after this turn has built and painted the console (kit/loader.py, reads_next_turn)."""
        with reads_next_turn():
            console = self.open_incident(incident_id)
            self._list_changed()
            self.session.data_changed.emit("incident")
        return console
