"""Correct… by key (Ctrl+Shift+E) on an entry that cannot be corrected says why, in the status bar:
staff on the lead's entry, anyone on the start, and with no entry selected. The key did nothing,
unsaid (the button is disabled, its reason nowhere)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QStyle

from branchguard.core.incidents.types import EntryKind
from branchguard.gui.incidents.console.dialogs import CorrectDialog
from branchguard.gui.incidents.page import IncidentsPage
from tests.gui.incidents.incident_support import login


def test_ctrl_shift_e_says_why_an_entry_is_not_corrected(open_window, gui_ctx, qtbot) -> None:
    robbery = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "ROB").id
    lead_entry = gui_ctx.services.incidents.log(login(gui_ctx, "lead"), robbery, EntryKind.NOTE, "保卫部已到")
    window = open_window("staff")
    page = window.show_page("incidents")
    assert isinstance(page, IncidentsPage)
    console = page.open_incident(robbery)
    log = console.log
    qtbot.waitUntil(lambda: log.model.rowCount() >= lead_entry.seq)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    said = window.statusBar().currentMessage

    def press_on_row(row: int | None) -> None:
        window.statusBar().clearMessage()
        if row is not None:
            log.view.setCurrentIndex(log.model.index(row, 0))
        qtbot.keyClick(log.view, Qt.Key.Key_E, ctrl_shift)

    press_on_row(None)
    assert said() == "Select the entry to correct in the log first"
    press_on_row(lead_entry.seq - 1)
    assert said() == f"Entry {lead_entry.seq}: staff may correct only their own entries"
    press_on_row(0)
    assert said() == "entry 1 (start or close) cannot be corrected"
    assert window.findChild(CorrectDialog) is None


def test_the_reason_reads_whole_in_the_status_bar_at_larger_text(open_window, gui_ctx, app, qtbot) -> None:
    """At 15 pt on 1024×768 the status bar's branch and user names leave the message ~600 px: the
    first wording ("Correct: first select the entry in the log (Tab to the log, then the arrows).")
    ended mid-word."""
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(15)
    app.setFont(font)
    try:
        robbery = gui_ctx.services.incidents.start(login(gui_ctx, "staff"), "ROB").id
        lead_entry = gui_ctx.services.incidents.log(login(gui_ctx, "lead"), robbery, EntryKind.NOTE, "x")
        window = open_window("staff")
        window.resize(QSize(1024, 768))
        page = window.show_page("incidents")
        assert isinstance(page, IncidentsPage)
        log = page.open_incident(robbery).log
        qtbot.waitUntil(lambda: log.model.rowCount() >= lead_entry.seq)
        bar = window.statusBar()
        permanent = [w for w in bar.findChildren(QLabel) if w.isVisible() and w.x() > 0]
        margin = bar.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        room = min(w.x() for w in permanent) - 2 * margin
        for entry in (None, log.model.entry_at(lead_entry.seq - 1), log.model.entry_at(0)):
            said = log.why_not_correctable(entry)
            assert QFontMetrics(bar.font()).horizontalAdvance(said) <= room, said
    finally:
        app.setFont(before)
