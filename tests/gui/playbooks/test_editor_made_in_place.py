"""The playbook editor's panels are made where they stay: a widget moved under another parent is
styled again with everything it holds, and its tables read every row again. Built inside out and
moved level by level, the steps table was restyled five times at each opening of the editor."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QTabWidget

from branchguard.context import AppContext
from branchguard.gui.kit.screen import VerticalScroll
from branchguard.gui.playbooks.editor import PlaybookEditor
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
