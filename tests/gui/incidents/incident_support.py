"""Helpers shared by the incident console and Incidents page tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from branchguard.context import AppContext
from branchguard.core.incidents.types import IncidentDetail
from branchguard.core.kernel.types import Actor
from branchguard.gui.incidents.console import IncidentConsole
from branchguard.gui.shell.session import GuiSession

PASSWORDS = {"lead": "lead-demo-2026", "staff": "staff-demo-2026", "auditor": "auditor-demo-2026"}
# Warning mode: a broken contract becomes a Qt warning, which pytest-qt turns into a failure.
MODE = QAbstractItemModelTester.FailureReportingMode.Warning
ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
]


def login(ctx: AppContext, username: str) -> Actor:
    return ctx.services.auth.login(username, PASSWORDS[username])


def session_for(ctx: AppContext, username: str) -> GuiSession:
    return GuiSession(ctx, login(ctx, username))


def stored(ctx: AppContext, incident_id: int) -> IncidentDetail:
    return ctx.services.incidents.get(login(ctx, "lead"), incident_id)


def cells(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def read_every_cell(model: QAbstractItemModel) -> None:
    """What a view asks: every role of every cell, and the headers."""
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in ROLES:
                model.data(model.index(row, column), role)
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)


def open_console(qtbot: Any, session: GuiSession, incident_id: int) -> IncidentConsole:
    console = IncidentConsole(session, incident_id)
    qtbot.addWidget(console)
    console.resize(1200, 800)
    console.show()
    return console
