"""Base class and registry of the main window's pages: a later feature adds one page each.

The sidebar lists pages from a table, not from their classes, so that start-up imports a page's
module only when the page is first shown (a speed trick, docs/architecture.md: importing every
page at login took the start to data shown from 1.27-1.33x to 1.74x its floor in `make bench`,
0.2-0.3 s more). To add a page:

1. write the module, e.g. `branchguard/gui/drills/page.py`, with one `Page` subclass that sets
   `page_id` and implements `refresh` (and `retranslate` for texts set in code);
2. add one entry to the table in `branchguard/gui/shell/pages.py`:

        register_page(PageInfo(
            page_id="drills",
            module="branchguard.gui.drills.page",
            class_name="DrillsPage",
            nav_text=QT_TRANSLATE_NOOP("DrillsPage", "Drills"),  # context: the class name
            icon_name="drill",
            order=30,
            action="page.drills.view",  # who sees it: add the action to core/kernel/roles.py
        ))

The module path is a plain string, so nothing imports the page before it is needed; the frozen
build bundles every module under `branchguard.gui` (packaging/branchguard.spec) and a test loads
each registered page, so a typo in the table fails the tests rather than the user's click.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the main window paints before the session (and the enums it imports) is imported
    from PySide6.QtWidgets import QStackedWidget

    from branchguard.gui.shell.session import GuiSession


@dataclass(frozen=True)
class PageInfo:
    """What the sidebar needs to list a page without importing it, and where the page lives.

    `nav_text` is the English sidebar label marked with QT_TRANSLATE_NOOP in the context
    `class_name`, the context the page's own self.tr() texts use too.
    """

    page_id: str
    module: str
    class_name: str
    nav_text: object  # what QT_TRANSLATE_NOOP returns in the stubs; a str at run time
    icon_name: str
    order: int
    action: str  # the role table's action that lists the page, e.g. "page.audit.view"
    where: str = "branch"  # "branch", "head_office" (its own database, `ho init`) or "both"

    def shown_in(self, head_office: bool) -> bool:
        """Whether the page belongs in a branch's window, or in head office's."""
        return self.where == "both" or self.where == ("head_office" if head_office else "branch")

    def nav_title(self) -> str:
        """The translated sidebar label."""
        return QCoreApplication.translate(self.class_name, str(self.nav_text))

    def load(self) -> type[Page]:
        """The page class, importing its module the first time."""
        cls = getattr(importlib.import_module(self.module), self.class_name)
        if not (isinstance(cls, type) and issubclass(cls, Page) and cls.page_id == self.page_id):
            raise TypeError(f"{self.module}.{self.class_name} is not the Page with page_id {self.page_id!r}")
        return cls

    def build(self, session: GuiSession, stack: QStackedWidget) -> Page:
        """The page made in the stack and refreshed, its reads started in the next turn of the
        event loop, once it is built, laid out and painted (kit/loader.py, reads_next_turn)."""
        from branchguard.gui.kit.loader import reads_next_turn  # the first frame imports no loader

        with reads_next_turn():
            page = self.load()(session, stack)
            stack.addWidget(page)
            page.refresh()
        return page


class Page(QWidget):
    """A sidebar page, built the first time it is shown (keeps start-up fast).

    Subclasses set `page_id` (the key of their PageInfo) and implement `refresh`, and
    `retranslate` for texts set in code.
    """

    page_id: ClassVar[str] = ""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName(f"page_{self.page_id}")

    @classmethod
    def info(cls) -> PageInfo:
        return page_info(cls.page_id)

    def title(self) -> str:
        """The page heading; the sidebar label unless a page says more."""
        return self.info().nav_title()

    def refresh(self) -> None:
        """Reload what the page shows (called when it becomes visible and after data changes)."""

    def retranslate(self) -> None:
        """Re-apply translated texts after a language switch."""


# Sorted by `order`; filled by importing branchguard.gui.shell.pages (which imports no page module).
PAGE_REGISTRY: list[PageInfo] = []
INCIDENTS_PAGE = "incidents"  # where the window opens while incidents are open; others link to it


def register_page(info: PageInfo) -> PageInfo:
    """The main window shows every registered page whose `action` its actor may do, in `order`."""
    if not (info.page_id and info.module and info.class_name and info.nav_text):
        raise ValueError(f"incomplete page entry {info!r}")
    if any(p.page_id == info.page_id and p != info for p in PAGE_REGISTRY):
        raise ValueError(f"two pages with page_id {info.page_id!r}")
    if info not in PAGE_REGISTRY:
        PAGE_REGISTRY.append(info)
        PAGE_REGISTRY.sort(key=lambda p: p.order)
    return info


def registered_pages() -> list[PageInfo]:
    """Every page entry in sidebar order, reading the table on first use."""
    import branchguard.gui.shell.pages  # noqa: F401 - registers the table's entries

    return list(PAGE_REGISTRY)


def page_info(page_id: str) -> PageInfo:
    """The registered entry of `page_id` (KeyError for an unknown id)."""
    for info in registered_pages():
        if info.page_id == page_id:
            return info
    raise KeyError(page_id)
