"""At larger text (Windows' "make text bigger" at 150 %: the application font 15 pt, not 10 pt;
app.ui_font keeps what the system gives, at least 10 pt) every page of the lead, and the first page
staff and the auditor see, still fit a 1024×768 screen's width: nothing holds the window wider, no
button or label is cut. Its height may be the whole screen's (the pages scroll or wrap in it).

Each page in a window of its own, built at that size: the page stack holds the window at the widest
page built, and a page built first at 10 pt would not say what 15 pt needs. At 15 pt the Playbooks
filters asked for 888 px in one row, the hazard register's buttons 947, the complaints' steps 901,
the audit filters 889, and the calendar's month 936 (its cells' "(12 items)"): the window grew to
1205 px.

Every table's column titles read whole: columns kept widths in pixels chosen for 10 pt ("Playboo",
"Days o…"), see gui/kit/text_scale.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTabWidget

from branchguard.app import build_main_window
from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.fit_support import SHORT, SMALL, fit_problems, header_problems
from tests.gui.incidents.test_console_rows import whole_rows
from tests.gui.test_fit import LANGS, _dialogs, errors_shown, login, settle

LARGE_POINTS = 15.0  # 10 pt at Windows' 150 % text size
LEAD_PAGES = [
    "dashboard", "incidents", "warnings", "playbooks", "calendar", "drills", "inspections", "hazards",
    "complaints", "people", "audit", "settings", "about",
]  # fmt: skip


@pytest.fixture
def large_window(world: AppContext, qtbot: Any, app: QApplication) -> Iterator[Callable[[str], MainWindow]]:
    """A user's window at 1024×768, built with the application font at 15 pt, as a 150 % system
    text size gives it to app.ui_font."""
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(LARGE_POINTS)
    app.setFont(font)

    def _open(username: str) -> MainWindow:
        window = build_main_window(world, login(world, username))
        qtbot.addWidget(window)
        window.resize(SMALL)
        window.show()
        settle()
        assert window.font().pointSizeF() == LARGE_POINTS
        return window

    yield _open
    app.setFont(before)


def check_width(window: MainWindow, where: str) -> None:
    settle()
    problems = fit_problems(window, SMALL, floor=SMALL) + header_problems(window)
    assert not problems, f"{where} at {LARGE_POINTS:g} pt: " + "; ".join(problems)
    assert window.size() == SMALL, f"{where}: the window grew to {window.width()}×{window.height()}"


def test_the_list_is_every_page_of_the_lead(large_window: Callable[[str], MainWindow]) -> None:
    assert sorted(LEAD_PAGES) == sorted(info.page_id for info in large_window("lead").visible_pages())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_id", LEAD_PAGES)
def test_every_page_of_the_lead_fits_1024_wide_at_larger_text(
    large_window: Callable[[str], MainWindow], page_id: str
) -> None:
    window = large_window("lead")
    page = window.show_page(page_id)
    assert page is not None
    check_width(window, page_id)
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.isTabVisible(index):
                tabs.setCurrentIndex(index)
                check_width(window, f"{page_id} tab {index + 1}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("username", ["staff", "auditor"])
def test_the_first_page_of_staff_and_the_auditor_fits_at_larger_text(
    large_window: Callable[[str], MainWindow], username: str
) -> None:
    window = large_window(username)
    window.show_page(window.landing_page_id())
    check_width(window, f"{username}'s {window.landing_page_id()}")


@pytest.mark.parametrize("lang", LANGS)
def test_the_console_and_the_inspection_runner_fit_at_larger_text(
    world: AppContext, large_window: Callable[[str], MainWindow]
) -> None:
    """The log's entry row held the console 1052 px wide in English, the runner's answer row
    1076 px in Chinese; the header's line of who started it squeezed the checkpoint beside it."""
    window = large_window("lead")
    fire = world.services.incidents.start(login(world, "lead"), "FIRE").id
    page = window.show_page("incidents")
    assert page is not None
    page.open_incident(fire)  # type: ignore[attr-defined]
    check_width(window, "incident console")
    inspections = window.show_page("inspections")
    assert inspections is not None
    inspections.ask_start("FIRE_DAILY").accept()  # type: ignore[attr-defined]
    check_width(window, "inspection runner")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["EvaluateDialog", "HeldDrillDialog", "DrillPlanDialog"])
def test_the_drill_dialogs_fit_at_larger_text(
    large_window: Callable[[str], MainWindow], name: str, lang: str
) -> None:
    """The evaluation's criteria hint and its actions' box title held it 1084 px wide in one line."""
    window = large_window("lead")
    dialog = _dialogs()[name](window.session, window)
    settle()
    width = dialog.minimumSizeHint().width()
    assert width <= SMALL.width(), f"{name} at {LARGE_POINTS:g} pt needs {width} px"


@pytest.mark.parametrize("lang", LANGS)
def test_the_training_dialog_opens_as_wide_as_its_form_at_larger_text(
    large_window: Callable[[str], MainWindow],
) -> None:
    """Its minimum width, 460 px set by hand, replaced the form's: "Certificate expires on" was cut."""
    window = large_window("lead")
    dialog = _dialogs()["TrainingDialog"](window.session, window)
    dialog.show()
    settle()
    problems = fit_problems(dialog) + errors_shown(dialog)
    dialog.done(0)
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sidebar_names_read_whole_at_larger_text(large_window: Callable[[str], MainWindow]) -> None:
    """At 15 pt "People & contacts" read "People & co…" in the 210 px it had at 10 pt."""
    from branchguard.gui.shell.sidebar import AROUND, ICON

    sidebar = large_window("lead").sidebar
    room = sidebar.viewport().width() - (AROUND - 1) - ICON  # the list's border is outside its viewport
    for row in range(sidebar.count()):
        text = sidebar.item(row).text()
        assert sidebar.fontMetrics().horizontalAdvance(text) <= room, f"{text!r} in {room} px"
        assert sidebar.visualItemRect(sidebar.item(row)).height() >= sidebar.fontMetrics().height() + 18


@pytest.mark.parametrize("lang", LANGS)
def test_the_sidebar_keeps_its_width_at_the_usual_text_size(
    world: AppContext, qtbot: Any, app: QApplication
) -> None:
    window = build_main_window(world, login(world, "lead"))
    qtbot.addWidget(window)
    window.show()
    settle()
    assert window.sidebar.width() == 210
    assert window.sidebar.visualItemRect(window.sidebar.item(0)).height() == 40


@pytest.mark.parametrize("lang", LANGS)
def test_every_dialog_fits_at_larger_text(
    large_window: Callable[[str], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each within the screen, its minimum within the floor (1024×554), nothing cut, every column
    title whole: the close, handover and severity policy dialogs were taller than a 1366×768
    screen at 125 % leaves (611, 577, 620 px of 554); the playbook editor needed 1068 px, its step
    columns 67 px, the template editor's 53; the drill scores' criteria, wrapped in 91 px, lost
    their last lines, as did the correction's quoted entry and the export wizard's note."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = large_window("lead")
    problems = []
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        dialog.show()
        settle()
        if dialog.width() > SMALL.width() or dialog.height() > SMALL.height():
            problems.append(f"{name} opens at {dialog.width()}×{dialog.height()}")
        found = fit_problems(dialog) + header_problems(dialog) + errors_shown(dialog)
        problems += [f"{name}: {p}" for p in found]
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert not problems, f"at {LARGE_POINTS:g} pt:\n" + "\n".join(problems)




@pytest.mark.parametrize("plan", ["FIRE", "NAT"])  # NAT: a weather incident, with its warning level
@pytest.mark.parametrize("size", ["small", "short"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_console_shows_four_steps_and_three_log_rows_at_larger_text(
    world: AppContext, large_window: Callable[[str], MainWindow], size: str, plan: str
) -> None:
    """At 15 pt on a 1024×768 screen the console showed one step row and one log row: a header
    of three lines (the title wrapped beside a tall level box), the buttons on two rows, and the
    call list beside the steps taking 300 px of their width. Asked to be SHORT (a 1366×768 screen
    at 125 %), the window at 15 pt is as tall as its minimum (622 px before, 748 now: the rows'),
    within the 768 px every page may take at larger text."""
    lead = login(world, "lead")
    incident = world.services.incidents.start(lead, plan).id
    for i in range(8):
        world.services.incidents.log(lead, incident, EntryKind.OBSERVATION, f"二楼楼梯间有烟 {i}")
    window = large_window("lead")
    window.resize(SMALL if size == "small" else SHORT)
    page = window.show_page("incidents")
    assert page is not None
    console = page.open_incident(incident)  # type: ignore[attr-defined]
    settle()
    steps, log = whole_rows(console.steps.table), whole_rows(console.log.view)
    assert steps >= 4 and log >= 3, f"{plan} {size}: {steps} step rows, {log} log rows"
    assert window.height() <= SMALL.height()
    header = console.header
    safety = [header.level_badge, header.elapsed, console.steps.now_label, console.steps.done_button]
    if plan == "FIRE":  # its report to head office is due in 15 minutes
        safety.append(header.checkpoint)
    for shown in safety:
        whole = shown.visibleRegion().boundingRect().size() == shown.size()
        assert shown.isVisible() and whole, f"{shown.objectName()} not wholly in view"
    assert console.detail.summary.title in header.title.toolTip()  # the whole title here too
    upcoming = console.steps.next_label.full_text()  # its line folded into the step now's tooltip
    assert upcoming and upcoming in console.steps.now_label.toolTip()
    assert not console.calls.isVisible()  # folded; its toggle opens it
    console.calls_toggle.click()
    settle()
    assert console.calls.isVisible()
    steps, log = whole_rows(console.steps.table), whole_rows(console.log.view)  # the columns scroll now
    assert steps >= 4 and log >= 3, f"{plan} {size}, the call list open: {steps} step rows, {log} log rows"
