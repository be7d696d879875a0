"""The File menu's "Package for head office…": shown to whoever may make one, in a branch's window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from branchguard.gui.kit.icons import icon

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow


class ExportAction(QObject):
    """Keeps the menu entry's text, visibility and target in step with the window's session."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(icon("export"), "", window)
        self.action.setObjectName("action_export_package")
        self.action.triggered.connect(self.open_wizard)
        first = menu.actions()
        if first:
            menu.insertAction(first[0], self.action)
        else:
            menu.addAction(self.action)
        self.setObjectName("export_package")
        window.session.actor_changed.connect(self.update)
        window.installEventFilter(self)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("ExportAction", "Package for head office…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def update(self) -> None:
        from branchguard.core.kernel.roles import may

        session = self.window.session
        self.action.setVisible(not session.head_office and may(session.actor, "exchange.export"))

    def open_wizard(self) -> QObject:
        from branchguard.gui.exchange.wizard import ExportWizard

        wizard = ExportWizard(self.window.session, self.window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard  # its Python side lives as long as it is open
        wizard.open()
        return wizard


def add_export_action(window: MainWindow, menu: QMenu) -> ExportAction:
    return ExportAction(window, menu)  # the window, its parent, keeps it
