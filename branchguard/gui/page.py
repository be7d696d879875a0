"""Base class and registry of the main window's pages: a later feature adds one page each."""
from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget

from branchguard.core.domain import Role
from branchguard.gui.session import GuiSession


class Page(QWidget):
    """A sidebar page. Subclasses set the class attributes and implement `title` and `refresh`."""

    page_id: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    order: ClassVar[int] = 100
    roles: ClassVar[frozenset[Role]] = frozenset(Role)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"page_{self.page_id}")

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows (called when it becomes visible and after data changes)."""

    def retranslate(self) -> None:
        """Re-apply translated texts after a language switch."""


PAGE_REGISTRY: list[type[Page]] = []


def register_page(cls: type[Page]) -> type[Page]:
    """Class decorator: the main window shows every registered page its actor's role may see."""
    if not cls.page_id:
        raise ValueError(f"{cls.__name__} has no page_id")
    if cls not in PAGE_REGISTRY:
        PAGE_REGISTRY.append(cls)
        PAGE_REGISTRY.sort(key=lambda c: c.order)
    return cls
