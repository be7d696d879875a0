"""Stored text (titles, steps, notes) is shown as typed: never rendered as markup, which would
draw it bold, cut it at a "<", or make Qt read a local file named by an <img src=…>; and a long
word never widens a window past a 1024-pixel screen."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from branchguard.context import AppContext
from branchguard.core.drills.types import DrillPlanInput
from branchguard.gui.drills.list_view import DrillListPanel
from branchguard.gui.incidents.follow_mode import FollowWindow
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.plain import tip
from branchguard.gui.shell.session import GuiSession
from tests.gui.conftest import PASSWORDS
from tests.gui.incidents.incident_support import open_console

MARKUP = '<b>x</b><img src="/etc/hostname">'
WORD = "W" * (200 - len(MARKUP) - 1)  # the rest of a 200-character title, without a space
STEP_WORD = "S" * 1500


def _session(ctx: AppContext, username: str = "lead") -> GuiSession:
    return GuiSession(ctx, ctx.services.auth.login(username, PASSWORDS[username]))


def test_a_tooltip_shows_its_text_escaped_with_its_line_breaks() -> None:
    shown = tip(f"{MARKUP}\nsecond line")
    assert "<img" not in shown and "<b>" not in shown
    assert "&lt;img" in shown and "\nsecond line" in shown and "pre-wrap" in shown
    assert tip("") == ""


def test_an_elided_label_shows_markup_as_typed(qtbot: Any) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(MARKUP)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;img" in label.toolTip() and "<img" not in label.toolTip()


def test_the_console_title_is_plain_and_a_long_word_keeps_the_window_small(
    gui_ctx: AppContext, qtbot: Any
) -> None:
    session = _session(gui_ctx)
    incident = gui_ctx.services.incidents.start(session.actor, "FIRE", title=f"{MARKUP} {WORD}")
    console = open_console(qtbot, session, incident.id)
    title = console.header.title
    qtbot.waitUntil(lambda: title.text() == f"{MARKUP} {WORD}")
    assert title.textFormat() == Qt.TextFormat.PlainText
    assert "<img" not in title.toolTip()
    assert console.minimumSizeHint().width() <= 1024


def test_the_follow_mode_shows_plain_text_and_fits_a_small_screen(gui_ctx: AppContext, qtbot: Any) -> None:
    session = _session(gui_ctx)
    incident = gui_ctx.services.incidents.start(session.actor, "FIRE", title=f"{MARKUP} {WORD}")
    window = FollowWindow(_session(gui_ctx, "staff"), incident.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.title_label.text() == f"{MARKUP} {WORD}")
    window.step_area.set_texts(f"{MARKUP} {STEP_WORD}", MARKUP)
    window.next_label.setText(f"Next: {STEP_WORD}")
    for label in (window.title_label, window.step_area.step, window.step_area.condition, window.next_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert window.minimumSizeHint().width() <= 1024


def test_the_cancel_question_shows_the_drill_title_as_typed(
    gui_ctx: AppContext, qtbot: Any, monkeypatch
) -> None:
    session = _session(gui_ctx)
    when = datetime.now() + timedelta(days=3)
    plan = gui_ctx.services.drills.plan(session.actor, DrillPlanInput("FIRE", when, title=MARKUP))
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_rest: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    panel = DrillListPanel(session)
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: panel.select(plan.id))
    panel.ask_cancel()
    document = QTextDocument()  # the box renders its text as rich text when it looks like markup
    document.setHtml(asked[0])
    assert MARKUP in document.toPlainText()  # every character of the title, the question after it
    assert "Its schedule stops reminding" in document.toPlainText() or "提醒" in document.toPlainText()
