"""Stored text (titles, steps, notes) is shown as typed: never rendered as markup, which would
draw it bold, cut it at a "<", or make Qt read a local file named by an <img src=…>; and a long
word never widens a window past a 1024-pixel screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt
from PySide6.QtGui import QTextDocument, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from branchguard.context import AppContext
from branchguard.core.audit.types import AuditRecord
from branchguard.core.drills.types import DrillPlanInput
from branchguard.core.headoffice.types import BranchRollup
from branchguard.core.kernel.types import Text2
from branchguard.core.playbooks.types import Step
from branchguard.core.schedules.types import ReminderInfo, ReminderKind
from branchguard.gui.audit.models import AuditModel
from branchguard.gui.audit.page import AuditPage
from branchguard.gui.drills.list_view import DrillListPanel
from branchguard.gui.headoffice.models import BranchesModel, FileOutcome, ImportResultsModel
from branchguard.gui.incidents.follow_mode import FollowWindow
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.plain import tip
from branchguard.gui.people.page import PeoplePage
from branchguard.gui.playbooks.editor.steps_model import StepsModel
from branchguard.gui.playbooks.transfer import PlaybookFiles
from branchguard.gui.schedules.models import ReminderModel
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


NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _audit() -> tuple[QAbstractItemModel, QModelIndex]:
    model = AuditModel()
    model.set_page([AuditRecord(1, NOW, "lead", "hazard.create", "hazard", "7", MARKUP)], more=False)
    return model, model.index(0, AuditModel.COL_SUMMARY)


def _reminder() -> tuple[QAbstractItemModel, QModelIndex]:
    model = ReminderModel()
    model.set_rows([ReminderInfo(1, 1, 1, MARKUP, "lead", ReminderKind.AHEAD, NOW, NOW, None, None, None)])
    return model, model.index(0, ReminderModel.TITLE)


def _branch() -> tuple[QAbstractItemModel, QModelIndex]:
    model = BranchesModel()
    rollup = BranchRollup(
        "B1", "x", "ab", 1, "2026-02", None, 1, {}, {}, {}, 0, 0, None, 0, None, None, 0, {MARKUP: "ok"}
    )
    model.set_rows([rollup])  # a rule's name, as the branch's package carried it
    return model, model.index(0, BranchesModel.COMPLIANCE)


def _import_result() -> tuple[QAbstractItemModel, QModelIndex]:
    model = ImportResultsModel()
    model.set_rows([FileOutcome("p.zip", False, "", "", MARKUP)])
    return model, model.index(0, ImportResultsModel.RESULT)


def _editor_step() -> tuple[QAbstractItemModel, QModelIndex]:
    model = StepsModel(QUndoStack())
    model.load([Step("s1", Text2(MARKUP, MARKUP))])
    return model, model.index(0, StepsModel.COL_TEXT_ZH)


@pytest.mark.parametrize("cell", [_audit, _reminder, _branch, _import_result, _editor_step])
def test_a_tooltip_of_a_row_shows_its_stored_text_escaped(
    cell: Callable[[], tuple[QAbstractItemModel, QModelIndex]], qapp: Any
) -> None:
    model, index = cell()
    shown = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in shown and "&lt;img" in shown


def test_the_status_bar_and_the_audit_detail_show_names_and_summaries_as_typed(
    gui_ctx: AppContext, open_window: Any, qtbot: Any
) -> None:
    window = open_window("lead")
    qtbot.waitUntil(lambda: bool(window.branch_label.text()))
    page = AuditPage(_session(gui_ctx))
    qtbot.addWidget(page)
    page.show_detail(AuditRecord(1, NOW, MARKUP, "branch.update", "branch", "1", MARKUP))
    labels = [window.branch_label, window.user_label, page.detail_title, page.detail_hint]
    assert [label.textFormat() for label in labels] == [Qt.TextFormat.PlainText] * 4
    assert MARKUP in page.detail_hint.text()


def _warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_rest: said.append(text))
    return said


def _rendered(text: str) -> str:
    document = QTextDocument()  # what a message box guessing the format draws
    if GuiQt.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


def test_a_refusal_quoting_a_title_is_shown_as_typed(
    gui_ctx: AppContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _warned(monkeypatch)
    page = PeoplePage(_session(gui_ctx))
    qtbot.addWidget(page)
    page.staff_tab.warn(f"“{MARKUP}” cannot be removed")
    page.team_tab._failed(f"“{MARKUP}” cannot be read")
    assert [_rendered(text) for text in said] == [
        f"“{MARKUP}” cannot be removed",
        f"“{MARKUP}” cannot be read",
    ]
    files = PlaybookFiles(_session(gui_ctx), QWidget())
    files._show_error("The file was not imported", MARKUP)
    assert files.message is not None and files.message.textFormat() == Qt.TextFormat.PlainText
    files.message.close()


def test_a_failed_task_without_its_own_handler_shows_its_message_as_typed(
    inline_tasks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default box of a failed background task: the message may quote a stored title."""
    from branchguard.core.kernel.errors import ValidationError
    from branchguard.core.kernel.i18n import Message
    from branchguard.gui.kit.plain import literal
    from branchguard.gui.kit.tasks import run_task

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text))
    refusal = ValidationError("field.title", Message("incident.not_found", id='<b>1</b><img src="x.png">'))

    def work(_progress: Any) -> None:
        raise refusal

    run_task(work, title="T")
    assert shown == [literal(refusal.message)] and "<b>" not in shown[0]
