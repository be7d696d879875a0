"""Every dialog by keyboard alone, from the table of tests/gui/test_fit.py (every QDialog of the app):
Enter still does what it did after the focus went once round with Tab (in the start dialog, F9,
"FIRE", a Tab round to check the level, Enter cancelled instead of starting: Cancel had taken the
default for good, its button box not yet in the dialog when Start was made the default)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget

from branchguard.gui.shell.main_window import MainWindow
from tests.gui.test_fit import _dialogs, settle
from tests.gui.test_fit import small_window as small_window  # the fixture, here too

ROUND = 60  # more fields than any dialog has: a Tab round ends long before


def defaults(dialog: QDialog) -> list[QPushButton]:
    return [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]


def tab_round(dialog: QDialog) -> QWidget | None:
    """Tab pressed on the focused widget until the focus is back where it started; that widget."""
    first = QApplication.focusWidget()
    for _ in range(ROUND):
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not dialog:
            return None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        settle()
        if QApplication.focusWidget() is first:
            break
    return first


def test_a_tab_round_leaves_every_dialogs_default_button_alone(
    small_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window = small_window("lead")
    problems = []
    for name, factory in sorted(_dialogs().items()):
        dialog = factory(window.session, window)
        dialog.show()
        dialog.activateWindow()
        settle()
        before = defaults(dialog)
        tab_round(dialog)
        after = defaults(dialog)
        if after != before:
            problems.append(f"{name}: {[b.text() for b in before]} became {[b.text() for b in after]}")
        dialog.done(0)
        dialog.deleteLater()
    settle()
    assert not problems, "\n".join(problems)


def test_f9_a_plan_a_tab_round_and_enter_start_the_incident(
    small_window: Callable[..., MainWindow], qtbot: Any
) -> None:
    window = small_window("lead")
    with qtbot.waitActive(window):
        window.activateWindow()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    settle()
    assert window.incident_bar is not None
    dialog = window.incident_bar.dialog
    assert dialog is not None and QApplication.focusWidget() is dialog.filter
    QTest.keyClicks(dialog.filter, "FIRE")
    assert tab_round(dialog) is dialog.filter  # past the plans, level, drill, Start and Cancel
    results: list[int] = []
    dialog.finished.connect(results.append)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle()
    assert results == [QDialog.DialogCode.Accepted.value]
    assert window.current_page_id() == "incidents"
    live = window.session.services.incidents.open_incidents(window.session.actor)
    assert any(incident.playbook_code == "FIRE" for incident in live)
