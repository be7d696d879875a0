"""What the playbook editor does as it opens, at less cost. Its panels are made where they stay:
a widget moved under another parent is styled again with everything it holds, and its tables read
every row again (built inside out, the steps table was restyled five times at each opening). Its
undo keys watch the text inputs alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from branchguard.context import AppContext
from branchguard.gui.kit.screen import VerticalScroll
from branchguard.gui.playbooks.editor import PlaybookEditor
from branchguard.gui.playbooks.editor.keys import TYPING, EditorUndoKeys
from branchguard.gui.playbooks.editor.meta_form import MetadataForm
from branchguard.gui.playbooks.editor.roles_panel import RolesPanel
from branchguard.gui.playbooks.editor.steps_panel import StepsPanel
from branchguard.gui.shell.session import GuiSession


def test_the_editors_tabs_and_panels_are_never_moved(gui_ctx: AppContext, moves, qtbot) -> None:
    session = GuiSession(gui_ctx, gui_ctx.services.auth.login("lead", "lead-demo-2026"))
    moves.watch(QTabWidget, MetadataForm, RolesPanel, StepsPanel, QSplitter, VerticalScroll)
    editor = PlaybookEditor(session, "FIRE")
    qtbot.addWidget(editor)
    assert moves.moved == []
    panel = editor.steps_panel
    assert editor.tabs.widget(2) is panel and panel.isAncestorOf(panel.table)
    assert editor.steps.rowCount() > 0 and editor.steps_panel.table.model() is editor.steps


def test_the_undo_keys_watch_only_the_inputs_that_type(gui_ctx: AppContext, qtbot, monkeypatch) -> None:
    """Every event of every widget of the editor (labels, buttons, tables, their paints) went
    through the Python filter that takes Ctrl+Z from the text inputs: 2,200 calls as it opened."""
    watched: set[str] = set()
    original = EditorUndoKeys.eventFilter

    def recorded(self: EditorUndoKeys, target: QObject, event: QEvent) -> bool:
        watched.add(type(target).__name__)
        return original(self, target, event)

    monkeypatch.setattr(EditorUndoKeys, "eventFilter", recorded)
    session = GuiSession(gui_ctx, gui_ctx.services.auth.login("lead", "lead-demo-2026"))
    editor = PlaybookEditor(session, "FIRE")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.general.title_zh.setFocus()
    kinds = {type(w).__name__: isinstance(w, TYPING) for w in editor.findChildren(QWidget)}
    assert watched and all(kinds.get(name, False) for name in watched)
    assert "QLineEdit" in watched and "QLabel" not in watched and "QTableView" not in watched
