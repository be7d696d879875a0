"""What a screen reader says as Tab moves: every control F9, the incident console, its close dialog,
Go to page and follow mode reach by Tab has a name, in the language shown (the start dialog's plan
filter and list, the console's log box, steps, log and call list, and the sidebar said nothing:
"edit text", "table", "list"). In the whole window every button Tab reaches has a name (the
checklist editor's arrows, the roster button beside a line of names, a check box in a table said
"button", "check box"), every control of every page, but for its lists and tables, too (the search
boxes, the hazards' owner filter, the complaint's steps and the plan preview said nothing), and in
every dialog every field of a form says its caption, also when the
caption's row holds more than the field (the line of names, a date beside "set automatically", a
number beside "Required", a year, a reminder's amount beside its unit). Every list and table of
every page, of the console, the checklist runner and every dialog says what it lists (the hazards,
incidents, audit trail, the handover's four lists, the submit dialog's hazards said only "table"
or "list"), in the language shown, again after a switch of language; a calendar day says its date
and how many items it holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDateTimeEdit,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from branchguard.gui.incidents.console.close_dialog import CloseDialog
from branchguard.gui.incidents.follow_mode import open_follow_mode
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.incidents.start import StartIncidentDialog
from branchguard.gui.inspections.runner.runner import InspectionRunner
from branchguard.gui.kit.forms import spoken
from branchguard.gui.shell.go_to_page import GoToPageDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.spoken_support import CJK, ENGLISH_WORD, form_fields, spoken_name, tab_stops, unnamed
from tests.gui.test_fit import LANGS, _dialogs, login, settle
from tests.gui.test_fit import small_window as small_window  # the fixture, here too


@pytest.mark.qt_log_ignore(  # follow mode raises its window, which the offscreen platform cannot
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
@pytest.mark.parametrize("lang", LANGS)
def test_every_control_of_the_emergency_has_a_name(
    small_window: Callable[..., MainWindow], qtbot: Any, lang: str
) -> None:
    window = small_window("lead")
    session = window.session
    fire = session.services.incidents.start(login(session.ctx, "lead"), "FIRE", despite_open=True).id
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(fire)
    qtbot.waitUntil(lambda: console.detail is not None)
    settle()
    problems = unnamed(window, "console", lang)
    for name, dialog in (
        ("start", StartIncidentDialog(session, window)),
        ("go to page", GoToPageDialog(window)),
        ("close", console.ask_close()),
    ):
        assert dialog is not None
        dialog.show()
        settle()
        problems += unnamed(dialog, name, lang)
        dialog.done(0)
    follow = open_follow_mode(window, session, fire)
    qtbot.addWidget(follow)
    settle()
    problems += unnamed(follow, "follow mode", lang)
    assert not problems, "\n".join(problems)
    assert isinstance(console.ask_close(), CloseDialog)


def silent_buttons(root: QWidget, where: str) -> list[str]:
    return [
        f"{where}: {type(b).__name__}({b.objectName()}) tip {b.toolTip()!r}"
        for b in tab_stops(root)
        if isinstance(b, QAbstractButton) and not spoken_name(b).strip()
    ]


def silent_controls(root: QWidget, where: str) -> list[str]:
    """Tab stops saying nothing, but for lists and tables (their own test below) and scroll areas."""
    return [
        f"{where}: {type(w).__name__}({w.objectName()})"
        for w in tab_stops(root)
        if not isinstance(w, QAbstractItemView | QScrollArea) and not spoken_name(w).strip()
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_control_of_every_page_and_the_checklist_runner_has_a_name(
    small_window: Callable[..., MainWindow], lang: str
) -> None:
    window = small_window("lead")
    problems = []
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        settle()
        problems += silent_controls(window, info.page_id)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    tabs.setCurrentIndex(index)
                    settle()
                    problems += silent_controls(window, f"{info.page_id} tab {index + 1}")
    inspections = window.show_page("inspections")
    start = inspections.ask_start("FIRE_DAILY")  # type: ignore[union-attr]
    assert start is not None
    start.accept()
    settle()
    problems += silent_controls(window, "checklist runner")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_dialogs_buttons_and_form_fields_have_names(
    small_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = small_window("lead")
    problems = []
    fields = 0
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        dialog.show()
        settle()
        problems += silent_buttons(dialog, name)
        for field in form_fields(dialog):
            fields += 1
            if not spoken_name(field).strip():
                problems.append(f"{name}: {type(field).__name__}({field.objectName()}) says nothing")
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert fields >= 150  # the forms were there to be read
    assert not problems, "\n".join(problems)


def unnamed_views(root: QWidget, where: str, lang: str) -> list[str]:
    """The lists and tables of `root` (shown or not: a tab not current, a panel not yet open) a screen
    reader names with nothing but "table" or "list", or (in Chinese) in English only."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        popup = view.metaObject().className() == "QComboBoxListView"  # spoken as its combo box
        if popup or not view.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        name = spoken_name(view).strip()
        english = lang == "zh_CN" and ENGLISH_WORD.search(name) and not CJK.search(name)
        if not name or english:
            found.append(f"{where}: {type(view).__name__}({view.objectName()}) says {name!r}")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_list_and_table_of_every_page_and_dialog_says_what_it_lists(
    small_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch, qtbot: Any, lang: str
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = small_window("lead")
    session = window.session
    problems = []
    views = 0
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        settle()
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    tabs.setCurrentIndex(index)
                    settle()
        views += len(page.findChildren(QAbstractItemView))
        problems += unnamed_views(page, info.page_id, lang)
    fire = session.services.incidents.start(login(session.ctx, "lead"), "FIRE", despite_open=True).id
    incidents = window.show_page("incidents")
    assert isinstance(incidents, IncidentsPage)
    console = incidents.open_incident(fire)
    qtbot.waitUntil(lambda: console.detail is not None)
    settle()
    problems += unnamed_views(console, "console", lang)
    inspections = window.show_page("inspections")
    start = inspections.ask_start("FIRE_DAILY")  # type: ignore[union-attr]
    assert start is not None
    start.accept()
    settle()
    problems += unnamed_views(window.findChild(InspectionRunner), "checklist runner", lang)
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        dialog.show()
        settle()
        views += len(dialog.findChildren(QAbstractItemView))
        problems += unnamed_views(dialog, name, lang)
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert views >= 40  # the lists were there to be read
    assert not problems, "\n".join(sorted(set(problems)))


def view_names(window: MainWindow) -> dict[str, str]:
    """Every page's lists and tables (every tab shown once) by object name → what they are called."""
    names = {}
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        settle()
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    tabs.setCurrentIndex(index)
                    settle()
        for view in page.findChildren(QAbstractItemView):
            if view.metaObject().className() != "QComboBoxListView" and view.objectName():
                names[f"{info.page_id}/{view.objectName()}"] = spoken_name(view)
    return names


def test_a_language_switch_renames_every_list_and_table(
    small_window: Callable[..., MainWindow], qtbot: Any
) -> None:
    """Switched to Chinese in Settings, a list still said its English name."""
    from branchguard.gui.settings.page import SettingsPage

    window = small_window("lead")
    english = view_names(window)
    settings = window.show_page("settings")
    assert isinstance(settings, SettingsPage)
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    chinese = view_names(window)
    assert len(english) >= 20 and english.keys() <= chinese.keys()
    stayed = [
        f"{key}: {name!r} → {chinese[key]!r}"
        for key, name in english.items()
        if not CJK.search(chinese[key])
    ]
    assert not stayed, "\n".join(stayed)
    assert all(ENGLISH_WORD.search(name) for name in english.values())


def silent_calendars(root: QWidget, where: str, lang: str) -> tuple[int, list[str]]:
    """Opens the calendar of every date field of `root`, as a click on its arrow does (a field not
    open to a click now, off or hidden until a box is ticked, has its pop-up shown as such): each
    must say what date it picks (its field's name, or a table column's), in the language shown.
    Answers how many opened, and what did not say so."""
    opened, found = 0, []
    for edit in root.findChildren(QDateTimeEdit):
        if not edit.calendarPopup() or edit.window() is not root.window():
            continue
        if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly():
            arrow = QPoint(edit.width() - 5, edit.height() // 2)
            QTest.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
        else:
            edit.calendarWidget().window().show()
        calendar = edit.calendarWidget()
        if not calendar.isVisible():
            found.append(f"{where}: the calendar of {edit.objectName()} did not open")
            continue
        opened += 1
        name, field = spoken_name(calendar).strip(), spoken(spoken_name(edit))
        days = calendar.findChild(QAbstractItemView, "qt_calendar_calendarview")  # where the focus goes
        days_name = spoken_name(days) if isinstance(days, QAbstractItemView) else None
        calendar.window().hide()
        english = lang == "zh_CN" and not CJK.search(name)
        if not field or field not in name or english or days_name != name:  # no field name: none here
            said = f"says {name!r}, its days {days_name!r}"
            found.append(f"{where}: the calendar of {edit.objectName()} ({field!r}) {said}")
    return opened, found


@pytest.mark.qt_log_ignore(  # a calendar pops up, which the offscreen platform cannot quite
    "This plugin does not support raise",
    "This plugin does not support grabbing",
    "This plugin does not support propagateSizeHints",
)
@pytest.mark.parametrize("lang", LANGS)
def test_every_date_fields_calendar_says_what_date_it_picks(
    small_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The calendar a date field pops up said nothing but "calendar" (filters, forms, table cells)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = small_window("lead")
    opened, problems = 0, []
    for info in window.visible_pages():
        page = window.show_page(info.page_id)
        assert page is not None
        settle()
        count, found = silent_calendars(page, info.page_id, lang)
        opened, problems = opened + count, problems + found
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        dialog.show()
        settle()
        count, found = silent_calendars(dialog, name, lang)
        opened, problems = opened + count, problems + found
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert opened >= 10  # the calendars were there to be opened
    assert not problems, "\n".join(problems)
