"""People named as people on screen, as the reports name them: the accounts' display names are read
off the GUI thread and handed to the models that show logins (`RowsModel.set_names`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from branchguard.core.accounts.names import Names
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.rows import RowsModel

if TYPE_CHECKING:
    from branchguard.gui.shell.session import GuiSession


class NamesReader(QObject):
    """`read()` (at each refresh: an account may have been renamed) gives `models` the names."""

    def __init__(self, parent: QObject, session: GuiSession, *models: RowsModel[Any]) -> None:
        super().__init__(parent)
        self._session = session
        self._models = models
        self._loader = Loader(self, on_error=lambda _message: None)  # logins stay: still readable

    def read(self) -> None:
        services, actor = self._session.services, self._session.actor
        self._loader.run(lambda: services.auth.names(actor), self._give)

    def _give(self, who: Names) -> None:
        for model in self._models:
            model.set_names(who)
