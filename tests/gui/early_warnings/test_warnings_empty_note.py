"""The Warnings page of a branch without warnings says what to do when one comes (to those who may
record one), that none matches when filtered, and to the auditor only that there is none."""

from __future__ import annotations

from typing import Any

from branchguard.context import AppContext
from tests.gui.empty_support import page_of, said


def test_no_warnings_yet_says_record_one(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "staff", "warnings", qtbot)
    assert said(page.empty_note, qtbot).startswith("No warnings recorded yet. When the weather bureau")
    assert page.model.rowCount() == 0
    page.severe_only.setChecked(True)
    qtbot.waitUntil(lambda: page.empty_note.text() == "No warning matches these filters.")


def test_the_auditor_is_told_there_is_none(gui_ctx: AppContext, qtbot: Any) -> None:
    page = page_of(gui_ctx, "auditor", "warnings", qtbot)
    assert said(page.empty_note, qtbot) == "No warnings recorded yet."
