"""A correction or a skip reason refused (the writer's answer comes later: a database locked by
another program, ~28 s) leaves its dialog open with what was typed and why: it closes only once
the write is stored (the typed text was lost once, when OK closed it at once)."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.context import AppContext
from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.gui.incidents.console.dialogs import CorrectDialog, SkipDialog
from branchguard.gui.kit.writer import writer
from tests.gui.incidents.incident_support import login, open_console, session_for

LOCKED = "the database is locked by another program"


@pytest.fixture
def fire(gui_ctx: AppContext) -> int:
    incident = gui_ctx.services.incidents.start(login(gui_ctx, "lead"), "FIRE")
    gui_ctx.services.incidents.log(login(gui_ctx, "lead"), incident.id, EntryKind.NOTE, "Smoke at the ATM")
    return incident.id


def _refuse(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> None:
    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise BranchGuardError(LOCKED)

    monkeypatch.setattr(owner, name, refused)


def test_a_refused_correction_stays_with_the_text_typed(
    gui_ctx: AppContext, fire: int, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    qtbot.waitUntil(lambda: console.detail is not None and console.log.model.rowCount() >= 2)
    model = console.log.model
    (entry,) = [e for e in map(model.entry_at, range(model.rowCount())) if e.text == "Smoke at the ATM"]
    _refuse(monkeypatch, gui_ctx.services.incidents, "log")
    dialog = console.ask_correction(entry)
    dialog.reason.setText("Smoke at the night safe")
    dialog.submit()
    writer().wait()
    qtbot.waitUntil(lambda: bool(console.findChildren(CorrectDialog)))
    (again,) = [d for d in console.findChildren(CorrectDialog) if d.isVisible()]
    assert again.reason.text() == "Smoke at the night safe"
    assert again.error.text() == LOCKED and again.error.isVisibleTo(again)


def test_a_refused_skip_stays_with_the_reason_typed(
    gui_ctx: AppContext, fire: int, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    console = open_console(qtbot, session_for(gui_ctx, "lead"), fire)
    qtbot.waitUntil(lambda: console.detail is not None)
    _refuse(monkeypatch, gui_ctx.services.incidents, "mark_step")
    dialog = console.ask_skip(1)
    assert dialog is not None
    dialog.reason.setText("The alarm panel is in the vault")
    dialog.submit()
    writer().wait()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in console.findChildren(SkipDialog)))
    (again,) = [d for d in console.findChildren(SkipDialog) if d.isVisible()]
    assert again.reason.text() == "The alarm panel is in the vault" and again.error.text() == LOCKED
