"""Incidents page, live-incident banner and reopening: filters, full-text search, console tabs."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.incidents.types import CloseInput, EntryKind, IncidentStatus
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import Level
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.incidents.models import IncidentListModel, SearchHitsModel
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.kit import style
from branchguard.gui.kit.rows import SORT_ROLE
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.incidents.incident_support import MODE, cells, login, read_every_cell


def start(ctx: AppContext, code: str | None, level: Level | None = None, **kw: Any) -> int:
    return ctx.services.incidents.start(login(ctx, "lead"), code, level, **kw).id


def close(ctx: AppContext, incident_id: int) -> None:
    ctx.services.incidents.close(login(ctx, "lead"), incident_id, CloseInput(outcome="已处置"))


def incidents_page(window: MainWindow) -> IncidentsPage:
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    return page


def tab_titles(page: IncidentsPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


# -- banner ------------------------------------------------------------------------------------
def test_the_banner_shows_while_incidents_are_open_in_the_most_severe_colour(open_window, gui_ctx) -> None:
    window = open_window("lead")
    bar = window.incident_bar
    assert bar is not None and not bar.banner.isVisible()

    real = start(gui_ctx, "FIRE")
    window.session.data_changed.emit("incident")
    assert bar.banner.isVisible()
    shown = bar.banner.text.full_text()
    assert shown.startswith(f"Incident open: Fire and evacuation on-site response plan · {Level.II.label}")
    assert bar.banner.property("swatch") == style.level_swatch("II").background

    drill = start(gui_ctx, "ROB", Level.I, drill=True)
    window.session.data_changed.emit("incident")
    # A drill at level I does not outrank a real incident: the banner keeps the real one's colour,
    # and counts the drill apart, as the dashboard's "running" tile does (one incident, one drill).
    shown = bar.banner.text.full_text()
    assert shown.startswith(f"Incident open: Fire and evacuation on-site response plan · {Level.II.label}")
    assert " · drills: 1 — " in shown
    assert bar.banner.property("swatch") == style.level_swatch("II").background

    second = start(gui_ctx, "ILL", Level.III)
    window.session.data_changed.emit("incident")
    expected = f"Open incidents: 2 · most severe: {Level.II.label} · drills: 1"
    assert bar.banner.text.full_text().startswith(expected)
    close(gui_ctx, second)

    close(gui_ctx, real)
    window.session.data_changed.emit("incident")
    assert bar.banner.text.full_text().startswith("演练 DRILL · Incident open: ")
    assert bar.banner.property("swatch") == style.DRILL.background

    close(gui_ctx, drill)
    bar.reload()  # the poll's work, without waiting 15 s
    assert not bar.banner.isVisible()


def test_clicking_the_banner_opens_the_console(open_window, gui_ctx, qtbot) -> None:
    window = open_window("lead")
    first = start(gui_ctx, "ILL")
    worst = start(gui_ctx, "ROB", Level.I)
    window.show_page("playbooks")
    assert window.incident_bar is not None
    window.incident_bar.reload()
    qtbot.mouseClick(window.incident_bar.banner, Qt.MouseButton.LeftButton)
    assert window.current_page_id() == "incidents"
    page = incidents_page(window)
    console = page.current_console()
    assert console is not None and console.incident_id == worst
    # the other open one gets its tab too, in the order they started, though the worst was opened first
    qtbot.waitUntil(lambda: page.open_tabs() == [first, worst])
    assert page.tabs.widget(2) is console and page.current_console() is console


def test_the_bar_hides_while_the_screen_is_locked(open_window, gui_ctx) -> None:
    window = open_window("lead")
    start(gui_ctx, "FIRE")
    bar = window.incident_bar
    assert bar is not None
    bar.reload()
    window.lock()
    assert bar.isHidden() and not bar.start_action.isEnabled()
    assert window.login_dialog is not None
    window.login_dialog.password.setText("lead-demo-2026")
    window.login_dialog.submit()
    assert not bar.isHidden() and bar.start_action.isEnabled() and bar.banner.isVisible()


# -- reopening ---------------------------------------------------------------------------------
def test_open_incidents_reopen_in_their_tabs_on_the_next_start(gui_ctx, qtbot) -> None:
    real = start(gui_ctx, "SYS")
    drill = start(gui_ctx, "FIRE", Level.I, drill=True)
    done = start(gui_ctx, "ILL")
    close(gui_ctx, done)
    # As after a crash: a new window, logged in, on the page the start-up picks.
    window = build_main_window(gui_ctx, login(gui_ctx, "lead"))
    qtbot.addWidget(window)
    assert window.initial_page_id() == "incidents"
    page = window.show_page(window.initial_page_id())
    assert isinstance(page, IncidentsPage)
    assert page.open_tabs() == [real, drill]  # in the order they started
    current = page.current_console()
    assert current is not None and current.incident_id == real  # a real incident before a drill
    titles = tab_titles(page)
    assert titles[0] == "All incidents" and titles[2].startswith(f"演练 DRILL #{drill} ")
    page.refresh()  # showing the page again does not open them twice
    assert page.tabs.count() == 3 and page.open_tabs() == [real, drill]


def test_a_console_behind_is_built_and_read_when_its_tab_is_first_shown(gui_ctx, qtbot) -> None:
    """Only the console in front is built with the page: one behind it does nothing until shown
    (its poll reads only while visible), and building it slowed the page's first show."""
    real = start(gui_ctx, "SYS")
    drill = start(gui_ctx, "FIRE", Level.I, drill=True)
    window = build_main_window(gui_ctx, login(gui_ctx, "lead"))
    qtbot.addWidget(window)
    page = incidents_page(window)
    assert set(page.consoles) == {real} and page.console(drill) is None
    title = tab_titles(page)[2]
    page.tabs.setCurrentIndex(2)
    console = page.console(drill)
    assert console is not None and page.current_console() is console and page.tabs.widget(2) is console
    assert console.detail is not None and console.detail.summary.id == drill  # read as it was built
    assert page.open_tabs() == [real, drill] and tab_titles(page)[2] == title
    page.tabs.setCurrentIndex(0)
    page.open_incident(drill)  # already built: the same console
    assert page.console(drill) is console and page.tabs.count() == 3


def test_a_tab_behind_closes_without_building_its_console(gui_ctx, qtbot) -> None:
    real = start(gui_ctx, "SYS")
    drill = start(gui_ctx, "FIRE", Level.I, drill=True)
    window = build_main_window(gui_ctx, login(gui_ctx, "lead"))
    qtbot.addWidget(window)
    page = incidents_page(window)
    assert page.open_tabs() == [real, drill]
    page.tabs.tabCloseRequested.emit(2)
    assert page.open_tabs() == [real] and page.tabs.count() == 2
    assert [c.incident_id for c in page.findChildren(IncidentConsole)] == [real]  # never built


def test_without_open_incidents_the_window_opens_where_it_was_left(gui_ctx, qtbot) -> None:
    close(gui_ctx, start(gui_ctx, "SYS"))
    window = build_main_window(gui_ctx, login(gui_ctx, "lead"))
    qtbot.addWidget(window)
    assert window.initial_page_id() == "dashboard"  # the lead's landing page


# -- the list ----------------------------------------------------------------------------------
@pytest.fixture
def three(gui_ctx: AppContext) -> dict[str, int]:
    ids = {
        "fire": start(gui_ctx, "FIRE"),
        "robbery": start(gui_ctx, "ROB", Level.I),
        "drill": start(gui_ctx, "ILL", drill=True),
    }
    actor = login(gui_ctx, "lead")
    gui_ctx.services.incidents.log(actor, ids["fire"], EntryKind.ACTION, "已取用二楼灭火器扑救")
    gui_ctx.services.incidents.log(actor, ids["robbery"], EntryKind.COMMUNICATION, "已拨打110报警")
    close(gui_ctx, ids["robbery"])
    return ids


def shown_ids(page: IncidentsPage) -> list[int]:
    return sorted(s.id for s in page.list_panel.shown())


def test_the_list_is_read_when_its_tab_is_in_front(open_window, gui_ctx, three) -> None:
    page = incidents_page(open_window("lead"))
    assert page.current_console() is not None  # the open incidents' consoles came up in front
    assert shown_ids(page) == []  # the list behind them was not read
    page.tabs.setCurrentIndex(0)
    assert shown_ids(page) == sorted(three.values())
    page.open_incident(three["fire"])
    later = start(gui_ctx, "ROB")
    page.refresh()  # a change while a console is in front: the list read again only when shown
    assert later not in shown_ids(page)
    page.tabs.setCurrentIndex(0)
    assert later in shown_ids(page)
    page.tabs.setCurrentIndex(1)
    page.tabs.setCurrentIndex(0)  # nothing changed meanwhile: not read again
    assert shown_ids(page) == sorted([*three.values(), later])


def test_without_open_incidents_the_list_is_read_at_the_first_show(open_window, gui_ctx) -> None:
    closed = start(gui_ctx, "FIRE")
    close(gui_ctx, closed)
    page = incidents_page(open_window("lead"))
    assert page.tabs.currentIndex() == 0 and shown_ids(page) == [closed]


def test_a_refused_reopening_still_reads_the_list(open_window, gui_ctx, three, monkeypatch, caplog) -> None:
    def refused(*_args: Any) -> None:
        raise BranchGuardError("the database is locked")

    monkeypatch.setattr(gui_ctx.services.incidents, "open_incidents", refused)
    page = incidents_page(open_window("lead"))
    assert page.open_tabs() == [] and shown_ids(page) == sorted(three.values())
    assert "could not be read to reopen" in caplog.text


def test_filters_narrow_the_list(open_window, three) -> None:
    page = incidents_page(open_window("lead"))
    panel = page.list_panel
    page.tabs.setCurrentIndex(0)  # the open incidents' consoles came up in front
    assert shown_ids(page) == sorted(three.values())
    assert panel.count_label.text() == "Incidents shown: 3"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(IncidentStatus.CLOSED.value))
    assert shown_ids(page) == [three["robbery"]]
    panel.status_filter.setCurrentIndex(0)
    panel.level_filter.setCurrentIndex(panel.level_filter.findData("III"))
    assert shown_ids(page) == [three["drill"]]
    panel.level_filter.setCurrentIndex(0)
    panel.drill_filter.setCurrentIndex(panel.drill_filter.findData(False))
    assert shown_ids(page) == sorted([three["fire"], three["robbery"]])
    panel.drill_filter.setCurrentIndex(0)
    panel.date_check.setChecked(True)  # the last week, today included
    assert shown_ids(page) == sorted(three.values())
    panel.date_from.setDate(panel.date_to.date().addDays(1))
    panel.date_to.setDate(panel.date_to.date().addDays(2))
    assert shown_ids(page) == []


def test_search_finds_a_log_entry_by_a_chinese_substring(open_window, three, qtbot) -> None:
    page = incidents_page(open_window("lead"))
    panel = page.list_panel
    page.tabs.setCurrentIndex(0)  # the open incidents' consoles came up in front
    assert panel.hits_box.isHidden()
    panel.search.setText("灭火器")
    qtbot.waitUntil(lambda: shown_ids(page) == [three["fire"]])  # after the typing pause
    assert panel.hits_box.isVisibleTo(page)
    assert cells(panel.hits_model, SearchHitsModel.COL_TEXT) == ["已取用二楼灭火器扑救"]
    assert panel.hits_label.text() == "Log entries found: 1"
    panel.hits.activated.emit(panel.hits_model.index(0, 0))
    console = page.current_console()
    assert console is not None and console.incident_id == three["fire"]


def test_double_click_opens_a_console_tab_per_incident_and_tabs_close(open_window, three, qtbot) -> None:
    page = incidents_page(open_window("lead"))
    page.tabs.setCurrentIndex(0)  # the open incidents' consoles came up in front
    table = page.list_panel.table
    for row in range(page.list_panel.proxy.rowCount()):
        table.activated.emit(page.list_panel.proxy.index(row, 0))
    assert set(page.consoles) == set(three.values())
    robbery = page.console(three["robbery"])
    assert robbery is not None and robbery.outcome.isVisibleTo(robbery)  # closed: read as such
    index = page.tabs.indexOf(robbery)
    assert page.tabs.tabText(index).endswith(" ✓")
    page.tabs.tabCloseRequested.emit(index)
    assert three["robbery"] not in page.consoles and page.tabs.count() == 3
    page.tabs.tabCloseRequested.emit(0)  # the list itself stays
    assert page.tabs.widget(0) is page.list_panel


def test_a_level_change_in_a_console_reaches_its_tab_and_the_list(open_window, three) -> None:
    page = incidents_page(open_window("lead"))
    console = page.open_incident(three["fire"])
    dialog = console.ask_level()
    assert dialog is not None
    dialog.level.setCurrentIndex(dialog.level.findData(Level.I.value))
    dialog.reason.setText("蔓延")
    dialog.submit()
    row = page.list_panel.model.find_row(lambda s: s.id == three["fire"])
    assert page.list_panel.model.index(row, IncidentListModel.COL_LEVEL).data() == "I"
    assert Level.I.label in page.tabs.tabToolTip(page.tabs.indexOf(console))


def test_an_auditor_reads_the_list_and_consoles_but_starts_nothing(open_window, three, qtbot) -> None:
    window = open_window("auditor")
    page = incidents_page(window)
    assert page.start_button.isHidden() and page.ask_start() is None
    assert page.open_tabs() == [three["fire"], three["drill"]]  # reopened for everyone
    console = page.open_incident(three["fire"])
    assert console.log.text.isHidden() and console.log.model.rowCount() == 2


def test_the_start_button_on_the_page_opens_the_dialog(open_window, gui_ctx) -> None:
    page = incidents_page(open_window("lead"))
    dialog = page.ask_start()
    assert dialog is not None and dialog.isVisible()
    dialog.filter.setText("SYS")
    dialog.submit()
    console = page.current_console()
    assert console is not None and console.detail is not None
    assert console.detail.summary.playbook_code == "SYS"


# -- models ------------------------------------------------------------------------------------
def test_list_and_hit_models_keep_the_item_model_contract(gui_ctx, three) -> None:
    actor = login(gui_ctx, "lead")
    rows = gui_ctx.services.incidents.list_incidents(actor)
    model = IncidentListModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    testers = [QAbstractItemModelTester(model, MODE), QAbstractItemModelTester(proxy, MODE)]
    model.set_rows(rows)
    read_every_cell(model)
    for column in range(model.columnCount()):
        proxy.sort(column, Qt.SortOrder.AscendingOrder)
    proxy.sort(IncidentListModel.COL_LEVEL, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, IncidentListModel.COL_LEVEL).data() == "I"
    assert cells(model, IncidentListModel.COL_DRILL).count("演练 DRILL") == 1
    model.set_rows([])

    hits = SearchHitsModel()
    testers.append(QAbstractItemModelTester(hits, MODE))
    hits.set_rows(gui_ctx.services.incidents.search(actor, "110"))
    read_every_cell(hits)
    assert hits.rowCount() == 1
    del testers


def test_keys_act_on_the_console_in_front_only(open_window, gui_ctx, qtbot) -> None:
    first, second = start(gui_ctx, "FIRE"), start(gui_ctx, "SYS")
    window = open_window("lead")
    page = incidents_page(window)
    page.open_incident(second)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    lead = login(gui_ctx, "lead")
    incidents = gui_ctx.services.incidents
    marked = {i: [s.number for s in incidents.get(lead, i).steps if s.by] for i in (first, second)}
    assert marked == {first: [], second: [1]}


def test_after_a_console_tab_is_closed_another_console_opens(gui_ctx, open_window, qtbot) -> None:
    """The page kept a wrapper of the tabs' stack, invalidated once a console made in it was closed
    and deleted: the next incident started or opened raised 'already deleted' and had no console."""
    page = incidents_page(open_window("lead"))
    fire = start(gui_ctx, "FIRE")
    page.open_incident(fire)
    closed = page.console(fire)
    page.tabs.tabCloseRequested.emit(page.tabs.indexOf(closed))
    qtbot.waitUntil(lambda: not shiboken6.isValid(closed))  # deleted, as the event loop does it
    robbery = start(gui_ctx, "ROB")
    console = page.started(robbery)
    assert page.console(robbery) is console and page.tabs.currentWidget() is console
