"""The hazard detail's "source inspection" link leaves the dialog: with an edit typed and not saved
it asks first (gui/kit/discard.py), and the window behind moved to the inspection only once the
dialog is left, not while the lead keeps editing."""

from __future__ import annotations

from typing import Any

from branchguard.app import build_main_window
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.kit import discard
from tests.gui.conftest import PASSWORDS
from tests.gui.test_fit import settle


def _detail(world: Any, qtbot: Any) -> HazardDetailDialog:
    window = build_main_window(world, world.services.auth.login("lead", PASSWORDS["lead"]))
    qtbot.addWidget(window)
    window.show()
    settle()
    lead = window.session.actor
    hazards = world.services.hazards
    found = next(h for h in hazards.list(lead) if hazards.get(lead, h.id).info.inspection_id is not None)
    dialog = HazardDetailDialog(window.session, found.id, window)
    dialog.open()
    settle()
    return dialog


def test_an_unsaved_edit_keeps_the_window_behind_where_it_was(world: Any, qtbot: Any) -> None:
    dialog = _detail(world, qtbot)
    opened: list[int] = []
    dialog.open_inspection.connect(opened.append)
    dialog.fields.location.setText("ATM 室门口 (edited)")
    dialog._open_source()
    settle()
    question = discard.question(dialog)
    assert question is not None and question.isVisible() and dialog.isVisible()
    assert opened == []


def test_with_nothing_typed_the_link_opens_the_inspection(world: Any, qtbot: Any) -> None:
    dialog = _detail(world, qtbot)
    opened: list[int] = []
    dialog.open_inspection.connect(opened.append)
    dialog._open_source()
    settle()
    assert not dialog.isVisible() and len(opened) == 1
