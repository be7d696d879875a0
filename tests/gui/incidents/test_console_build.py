"""How an incident console is put together: top down, so no part of it is moved once it holds the
steps and the log (every move restyles all that it holds: 12 ms of a console's 23 at ten years)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QPushButton, QSplitter, QWidget

from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.console import console as console_module
from branchguard.gui.incidents.console.log_panel import LogPanel
from branchguard.gui.incidents.console.side_panel import AttachmentsBox, CallList, OutcomeBox
from branchguard.gui.incidents.console.steps_panel import StepsPanel
from branchguard.gui.incidents.list_view import IncidentListPanel
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.incidents.incident_support import login, open_console, session_for


class _WatchedSplitter(QSplitter):
    """Counts the times it is given another parent after it was made."""

    moved: ClassVar[list[str]] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange:
            _WatchedSplitter.moved.append(self.orientation().name)
        return super().event(event)


def test_the_console_builds_its_splitters_in_place(gui_ctx: AppContext, qtbot: Any, monkeypatch) -> None:
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    _WatchedSplitter.moved = []
    monkeypatch.setattr(console_module, "QSplitter", _WatchedSplitter)
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    assert isinstance(console.splitter, _WatchedSplitter) and isinstance(console.work, _WatchedSplitter)
    assert _WatchedSplitter.moved == []
    # the same arrangement: steps over log on the left, the call list column on the right
    assert console.splitter.widget(0) is console.work and console.splitter.widget(1) is console.side
    assert console.work.widget(0) is console.steps and console.work.widget(1) is console.log
    assert console.splitter.parent() is console and console.side.isVisibleTo(console)


def test_the_console_makes_its_panels_in_their_splitters(gui_ctx: AppContext, qtbot: Any, moves) -> None:
    """The steps and the log were made alone, then moved into the splitter: each move restyled all
    they hold, in the turn that builds a drill's or a new incident's console."""
    moves.watch(StepsPanel, LogPanel, CallList, AttachmentsBox, OutcomeBox)
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    assert moves.moved == []
    assert console.work.widget(0) is console.steps and console.work.widget(1) is console.log
    assert console.side.isAncestorOf(console.calls) and console.side.isAncestorOf(console.outcome)


def test_the_page_makes_its_list_and_consoles_inside_its_tabs(
    gui_ctx: AppContext, open_window, moves
) -> None:
    moves.watch(IncidentConsole, IncidentListPanel)
    first = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    second = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "ROB").id
    page = open_window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    assert page.open_tabs() == [first, second]  # reopened, each in a tab of its own
    page.tabs.setCurrentIndex(3 - page.tabs.currentIndex())  # the one behind, built as it is shown
    assert set(page.consoles) == {first, second}
    assert moves.moved == []  # made where they stay: none was moved into the tabs
    assert page.tabs.widget(0) is page.list_panel
    assert {page.tabs.widget(i) for i in (1, 2)} == set(page.consoles.values())


def test_the_start_button_is_never_a_window_of_its_own(gui_ctx: AppContext, open_window, monkeypatch) -> None:
    from branchguard.gui.incidents import page as page_module

    windows: list[str] = []

    class WatchedButton(QPushButton):
        def showEvent(self, event: QShowEvent) -> None:
            if self.isWindow():
                windows.append(self.text())
            super().showEvent(event)

    monkeypatch.setattr(page_module, "QPushButton", WatchedButton)
    page = open_window("lead").show_page("incidents")
    assert isinstance(page, IncidentsPage)
    assert isinstance(page.start_button, WatchedButton) and page.start_button.isVisible()
    assert windows == []


def test_the_first_show_reads_the_list_once(gui_ctx: AppContext, open_window, monkeypatch) -> None:
    from branchguard.gui.kit.windowed import Pager

    filters: list[object] = []
    load = Pager.load

    def counted(self: Pager, flt: Any) -> None:
        filters.append(flt)
        load(self, flt)

    monkeypatch.setattr(Pager, "load", counted)
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    gui_ctx.services.incidents.close(login(gui_ctx, "lead"), fire, CloseInput(outcome="Put out"))
    window = open_window("lead")  # closed: the window lands elsewhere, the page is made below
    assert window.page("incidents") is None
    filters.clear()  # the landing page's own lists
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    assert len(filters) == 1  # made once, by the page's refresh; the panel's construction read none
    assert [s.id for s in page.list_panel.shown()] == [fire]  # and it is shown


class _Windows(QObject):
    """Records the widgets shown as windows of their own."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(watched.objectName() or type(watched).__name__)
        return False


def test_no_part_of_the_console_is_a_window_of_its_own_for_a_moment(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    """The step list's "Next:" line was shown before it had a parent: a window was made for it
    (a flash on a desktop), then dropped when the layout took it in."""
    fire = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE").id
    windows = _Windows()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(windows)
    try:
        console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    finally:
        app.removeEventFilter(windows)
    assert console.steps.next_label.isVisibleTo(console)
    assert [name for name in windows.shown if name != console.objectName()] == []
