"""Base class and registry of the main window's pages: a later feature adds one page each."""
from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from branchguard.core.domain import Role
from branchguard.gui.session import GuiSession


class Page(QWidget):
    """A sidebar page, built the first time it is shown (keeps start-up fast).

    Subclasses set the class attributes and implement `refresh` (and `retranslate` for texts
    set in code). `nav_text` is the English sidebar label; because the sidebar lists pages
    before they exist, it is a class attribute marked for lupdate in the page class's context:

        nav_text = QT_TRANSLATE_NOOP("PeoplePage", "People & contacts")
    """

    page_id: ClassVar[str] = ""
    nav_text: ClassVar[object] = ""  # object: that is what QT_TRANSLATE_NOOP returns in the stubs
    icon_name: ClassVar[str] = ""
    order: ClassVar[int] = 100
    roles: ClassVar[frozenset[Role]] = frozenset(Role)

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"page_{self.page_id}")

    @classmethod
    def nav_title(cls) -> str:
        """The translated sidebar label, available without building the page."""
        return QCoreApplication.translate(cls.__name__, str(cls.nav_text))

    def title(self) -> str:
        """The page heading; the sidebar label unless a page says more."""
        return self.nav_title()

    def refresh(self) -> None:
        """Reload what the page shows (called when it becomes visible and after data changes)."""

    def retranslate(self) -> None:
        """Re-apply translated texts after a language switch."""


PAGE_REGISTRY: list[type[Page]] = []


def register_page(cls: type[Page]) -> type[Page]:
    """Class decorator: the main window shows every registered page its actor's role may see."""
    if not cls.page_id:
        raise ValueError(f"{cls.__name__} has no page_id")
    if not cls.nav_text:
        raise ValueError(f"{cls.__name__} has no nav_text (its sidebar label)")
    if cls not in PAGE_REGISTRY:
        PAGE_REGISTRY.append(cls)
        PAGE_REGISTRY.sort(key=lambda c: c.order)
    return cls
