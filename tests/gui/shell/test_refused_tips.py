"""A control the window disables for a role says why, in the words the command line refuses the
same action with (core/kernel/roles.refusal): Settings' Choose… buttons, the head-office library's
told an auditor nothing. Start incident is hidden from a role that may not start one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QTabWidget

from branchguard.core.kernel.roles import refusal
from branchguard.gui.shell.main_window import MainWindow

BUTTONS = {
    "choose_font": "report.choose_font",
    "clear_font": "report.choose_font",
    "choose_anchor_dir": "anchor.configure",
    "library_trust": "library.trust",
    "library_import": "library.import",
}


def _settings_buttons(window: MainWindow) -> dict[str, QPushButton]:
    page = window.show_page("settings")
    assert page is not None
    tabs = next(t for t in page.findChildren(QTabWidget) if t.parent() is not None)
    for index in range(tabs.count()):  # each tab's panel is built when first shown
        tabs.setCurrentIndex(index)
    return {name: page.findChild(QPushButton, name) for name in BUTTONS}


def test_the_auditor_is_told_why_each_control_is_disabled(open_window: Callable[[str], MainWindow]) -> None:
    window = open_window("auditor")
    actor = window.session.actor
    for name, button in _settings_buttons(window).items():
        denied = refusal(actor, BUTTONS[name])
        assert denied is not None and not button.isEnabled(), name
        assert denied.text() in button.toolTip() and "auditor" in button.toolTip(), name
    bar = window.incident_bar  # hidden from a role that may not start one, not disabled
    assert bar is not None and not bar.start_action.isVisible() and not bar.start_action.isEnabled()


def test_the_lead_who_may_is_told_nothing_of_refusal(open_window: Callable[[str], MainWindow]) -> None:
    window = open_window("lead")
    for name, button in _settings_buttons(window).items():
        assert "may not" not in button.toolTip(), name
    bar = window.incident_bar
    assert bar is not None and "F9" in bar.start_action.toolTip()
