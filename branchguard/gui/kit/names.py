"""People named as people on screen, as the reports name them: the accounts' display names are read
off the GUI thread and handed to whatever shows logins (`RowsModel.set_names`, a detail view's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from branchguard.core.accounts.names import Names
from branchguard.gui.kit.loader import Loader

if TYPE_CHECKING:
    from branchguard.gui.shell.session import GuiSession


class ShowsNames(Protocol):
    def set_names(self, who: Names) -> None: ...


class NamesReader(QObject):
    """`read()` (at each refresh: an account may have been renamed) gives `targets` the names."""

    def __init__(self, parent: QObject, session: GuiSession, *targets: ShowsNames) -> None:
        super().__init__(parent)
        self._session = session
        self._targets = targets
        self._loader = Loader(self, on_error=lambda _message: None)  # logins stay: still readable

    def read(self) -> None:
        services, actor = self._session.services, self._session.actor
        self._loader.run(lambda: services.auth.names(actor), self._give)

    def _give(self, who: Names) -> None:
        for target in self._targets:
            target.set_names(who)
