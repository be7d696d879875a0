"""What a screen reader says as Tab moves through the emergency: every control F9, the incident
console, its close dialog, Go to page and follow mode reach by Tab has a name, in the language
shown (the start dialog's plan filter and list, the console's log box, steps, log and call list,
and the sidebar said nothing: "edit text", "table", "list")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from branchguard.gui.incidents.console.close_dialog import CloseDialog
from branchguard.gui.incidents.follow_mode import open_follow_mode
from branchguard.gui.incidents.page import IncidentsPage
from branchguard.gui.incidents.start import StartIncidentDialog
from branchguard.gui.shell.go_to_page import GoToPageDialog
from branchguard.gui.shell.main_window import MainWindow
from tests.gui.spoken_support import unnamed
from tests.gui.test_fit import LANGS, login, settle
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
