"""The logged-in session the pages share: the app context and the current actor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from branchguard.core.kernel.types import Actor

if TYPE_CHECKING:  # the window paints before the database layer is imported
    from branchguard.context import AppContext
    from branchguard.core.services import Services


class GuiSession(QObject):
    """Holds who is logged in; pages read services and actor from here."""

    actor_changed = Signal()
    data_changed = Signal(str)  # entity name ("person", "contact", "branch", …) after a change
    # The banner's poll found the open incidents not as read before (started, closed or changed on
    # another PC too): the Incidents list follows it (gui/shell/incident_banner.py).
    open_incidents_changed = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._actor = actor

    @property
    def services(self) -> Services:
        return self.ctx.services

    @property
    def head_office(self) -> bool:
        """A head office's database: head office's pages, with its users, settings and audit."""
        return self.ctx.head_office

    @property
    def actor(self) -> Actor:
        return self._actor

    def set_actor(self, actor: Actor) -> None:
        self._actor = actor
        self.actor_changed.emit()
