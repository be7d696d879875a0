"""The main window: pages per role, lock and switch user, geometry, shortcuts help, every page opens."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QListWidget, QWidget

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.gui.kit import loader, tasks
from branchguard.gui.kit.page import PAGE_REGISTRY, Page
from branchguard.gui.settings.page import SettingsPage
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.shell.lock_support import take_over


def sidebar_ids(window: MainWindow) -> list[str]:
    sidebar: QListWidget = window.sidebar
    return [sidebar.item(row).data(Qt.ItemDataRole.UserRole) for row in range(sidebar.count())]


def test_lead_sees_every_registered_page_and_its_name_in_the_status_bar(open_window) -> None:
    window = open_window("lead")
    assert sidebar_ids(window) == [info.page_id for info in PAGE_REGISTRY if info.where != "head_office"]
    assert {"people", "audit", "settings", "about"} <= set(sidebar_ids(window))
    assert "headoffice" not in sidebar_ids(window)  # head office's own database shows it
    assert window.current_page_id() == "dashboard"  # the landing page
    assert window.user_label.text() == "王建国 · Safety lead"
    assert window.branch_label.text() == "示范银行城东支行营业部"


def test_pages_are_built_only_when_first_shown(open_window) -> None:
    window = open_window("lead")
    first = window.current_page_id()
    assert list(window.pages) == [first]
    other = next(pid for pid in sidebar_ids(window) if pid != first)
    window.sidebar.setCurrentRow(sidebar_ids(window).index(other))
    assert window.current_page_id() == other
    assert set(window.pages) == {first, other}


def test_every_page_opens_for_the_lead(open_window, qtbot) -> None:
    window = open_window("lead")
    for row, page_id in enumerate(sidebar_ids(window)):
        window.sidebar.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert isinstance(page, Page) and page.page_id == page_id
        qtbot.waitUntil(page.isVisible)
        assert page.title() in window.windowTitle()


def test_staff_does_not_see_lead_only_parts(open_window) -> None:
    window = open_window("staff")
    ids = sidebar_ids(window)
    assert "audit" not in ids
    assert window.user_label.text() == "李晓梅 · Staff"
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert not page.tabs.isTabVisible(page._users_tab)
    page.tabs.setCurrentIndex(1)  # the branch tab, made when shown
    assert page.branch_name.isReadOnly() and page.branch_save.isHidden()
    assert not page.branch_note.isHidden()
    assert window.show_page("audit") is None  # not reachable by id either


def test_ctrl_l_locks_and_another_user_gets_their_own_pages(open_window, qtbot) -> None:
    window = open_window("lead")
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage) and settings.tabs.isTabVisible(settings._users_tab)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    dialog = window.login_dialog
    assert window.is_locked() and dialog is not None and dialog.isVisible()
    assert not window.sidebar.isVisible() and window.stack.currentWidget().objectName() == "lock_cover"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the lock screen cannot be dismissed
    assert window.is_locked() and dialog.isVisible()

    dialog.username.setText("staff")
    dialog.password.setText("staff-demo-2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    assert not window.is_locked() and window.login_dialog is None
    assert window.session.actor.username == "staff"
    assert window.user_label.text() == "李晓梅 · Staff"
    assert "audit" not in sidebar_ids(window)
    staff_settings = window.show_page("settings")
    assert isinstance(staff_settings, SettingsPage) and staff_settings is not settings
    assert not staff_settings.tabs.isTabVisible(staff_settings._users_tab)


def test_the_lead_taking_over_during_an_incident_lands_on_it(gui_ctx: AppContext, open_window, qtbot) -> None:
    """Staff lock the window (Ctrl+L) for the lead who arrives: with an incident open the lead's
    pages open on Incidents, as a start does; they opened on the dashboard."""
    staff = gui_ctx.services.auth.login("staff", "staff-demo-2026")
    gui_ctx.services.incidents.start(staff, "ROB")
    window = open_window("staff")
    bar = window.incident_bar
    assert bar is not None
    qtbot.waitUntil(lambda: bool(bar.banner.open_incidents()))
    window.show_page("people")
    take_over(window, qtbot, "lead")
    assert window.current_page_id() == "incidents"


def test_start_incident_is_offered_to_the_lead_who_takes_over_from_the_auditor(open_window, qtbot) -> None:
    """The bar above the pages is made once per window: after the auditor (who may not start an
    incident) locks it and the lead logs in, Start incident shows, enabled, and says what it does
    (its tooltip had kept the auditor's refusal)."""
    window = open_window("auditor")
    bar = window.incident_bar
    assert bar is not None and not bar.start_action.isVisible()
    take_over(window, qtbot, "lead")
    action = bar.start_action
    assert action.isVisible() and action.isEnabled()
    assert "F9" in action.toolTip() and "may not" not in action.toolTip()


def test_staff_taking_over_from_the_lead_during_an_incident_get_its_console(
    gui_ctx: AppContext, open_window, qtbot, pool_tasks
) -> None:
    """The lead locks (Ctrl+L) with the incident's console open and staff log in: their Incidents
    page, built in the turn that dropped the lead's pages, kept a stale wrapper of its tabs' stack
    ("already deleted") and opened no console, neither by itself nor by Shift+F9. Reads come back
    as in the app, on the pool: after the lead's pages were deleted."""
    from branchguard.gui.incidents.page import IncidentsPage

    window = open_window("lead")
    qtbot.keyClick(window, Qt.Key.Key_F9)  # started as the lead does: F9, the plan, Enter
    start = window.findChild(QWidget, "start_incident_dialog")
    assert start is not None
    qtbot.keyClicks(start.filter, "ROB")
    qtbot.keyClick(start.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(getattr(window.page("incidents"), "consoles", None)))
    robbery = next(iter(window.page("incidents").consoles))  # type: ignore[union-attr]
    # no reference kept to the lead's page, as the window keeps none: its wrapper goes with it
    take_over(window, qtbot, "staff")
    page = window.page("incidents")
    assert isinstance(page, IncidentsPage)
    assert window.current_page_id() == "incidents"
    qtbot.waitUntil(lambda: robbery in page.consoles)  # reopened where the lead left it
    assert page.consoles[robbery].session.actor.username == "staff"
    staff = gui_ctx.services.auth.login("staff", "staff-demo-2026")
    fire = gui_ctx.services.incidents.start(staff, "FIRE").id
    console = page.open_incident(fire)  # as F9 or the list opens one
    assert console is not None and page.consoles[fire] is console


def test_unlock_as_the_same_user_returns_to_the_same_page(open_window, qtbot) -> None:
    window = open_window("lead")
    window.show_page("about")
    window.lock()
    dialog = window.login_dialog
    assert dialog is not None and dialog.username.text() == "lead"
    dialog.password.setText("wrong-password")
    dialog.submit()
    assert window.is_locked() and dialog.message.text() == "Wrong user name or password"
    dialog.password.setText("lead-demo-2026")
    dialog.submit()
    assert not window.is_locked() and window.current_page_id() == "about"


def test_geometry_and_last_page_are_restored_in_the_next_window(
    gui_ctx: AppContext, open_window, qtbot
) -> None:
    first = open_window("lead")
    first.resize(QSize(720, 520))
    first.move(QPoint(30, 20))  # inside the 800×600 offscreen screen, or Qt clamps it
    first.show_page("settings")
    size = first.size()  # the page's minimum size may have grown it a little
    assert size.height() < 580  # unlike the default size (1280×800, clamped to the screen)
    first.close()
    assert (gui_ctx.data_dir / "gui.ini").is_file()

    second = build_main_window(gui_ctx, first.session.actor)
    qtbot.addWidget(second)
    # Height exactly; the width may be clamped to the 800-pixel offscreen screen by a few pixels.
    assert second.height() == size.height()
    assert abs(second.width() - size.width()) <= 8
    assert second.initial_page_id() == "settings"


def test_f1_lists_every_window_shortcut(open_window, qtbot) -> None:
    window = open_window("lead")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(QWidget, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Ctrl+L"] == "Lock screen"
    assert rows["Ctrl+Q"] == "Quit"
    assert rows["F1"] == "Keyboard shortcuts"
    assert "Ctrl+1 … Ctrl+9" in rows
    dialog.close()


def test_ctrl_number_jumps_to_the_sidebar_entry(open_window, qtbot) -> None:
    window = open_window("lead")
    ids = sidebar_ids(window)
    last = min(len(ids), 9)  # Ctrl+1 … Ctrl+9: entries after the ninth are reached by mouse or arrows
    qtbot.keyClick(window, Qt.Key.Key_1 + last - 1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_id() == ids[last - 1]


def test_a_new_pages_reads_start_in_the_turn_after_it_is_built(open_window, qtbot, read_starts) -> None:
    """A page's first show builds, lays out and paints it before its reads start (a read running
    beside that turn doubled it: kit/loader.py, reads_next_turn); a later show reads at once."""
    window = open_window("lead")
    read_starts.clear()
    tasks.set_inline(False)
    window.show_page("inspections")
    assert read_starts == [] and loader.pending() > 0  # asked for, waiting for the next turn
    qtbot.waitUntil(lambda: loader.pending() == 0)
    assert read_starts
    read_starts.clear()
    window.show_page("inspections")
    assert read_starts  # built already: its refresh reads at once
    qtbot.waitUntil(lambda: loader.pending() == 0)
