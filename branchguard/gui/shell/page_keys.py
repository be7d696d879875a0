"""The main window's keys for its pages: Ctrl+1…9 (the n-th sidebar entry), Ctrl+PgDown and Ctrl+PgUp
(the next and previous entry, round from the last to the first) and Ctrl+G (Go to page, by name).

They move through the sidebar, which lists only the pages the role may see, so no key reaches any
other. Ctrl+PgDown and Ctrl+PgUp are free in every page (Qt 6.11, tried): a tab widget switches
tabs with Ctrl+Tab only, a table or a calendar takes them for plain PgDown and PgUp, which still
work there, a text box ignores them; follow mode's PgDown and PgUp are in a window of its own.
Alt+Down would take the combo boxes' list; Ctrl+K is the incident console's Skip step. Made before
the first frame: no `Qt.…` here (gui/shell/main_window.py says why); the switcher loads at Ctrl+G.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut

if TYPE_CHECKING:
    from branchguard.gui.shell.go_to_page import GoToPageDialog
    from branchguard.gui.shell.main_window import MainWindow

NEXT, PREVIOUS, GO_TO = "Ctrl+PgDown", "Ctrl+PgUp", "Ctrl+G"


class PageKeys(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.keys: dict[str, QShortcut] = {}
        for n in range(1, 10):
            self._key(f"Ctrl+{n}", lambda n=n: self.go_to_row(n - 1))
        self._key(NEXT, lambda: self.step(1))
        self._key(PREVIOUS, lambda: self.step(-1))
        self._key(GO_TO, self.ask)

    def _key(self, keys: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self._window)
        shortcut.activated.connect(slot)
        self.keys[keys] = shortcut

    def _open(self) -> bool:
        return self._window.is_attached() and not self._window.is_locked()

    def go_to_row(self, row: int) -> None:
        sidebar = self._window.sidebar
        if self._open() and 0 <= row < sidebar.count():
            sidebar.setCurrentRow(row)

    def step(self, by: int) -> None:
        """The entry `by` rows on in the sidebar, round past either end."""
        count, row = self._window.sidebar.count(), self._window.sidebar.currentRow()
        if row < 0:  # none chosen: forward to the first, back to the last
            row = -1 if by > 0 else 0
        if count:
            self.go_to_row((row + by) % count)

    def ask(self) -> GoToPageDialog | None:
        """Go to page: the role's pages, narrowed by what is typed; Enter shows the one chosen."""
        if not self._open():
            return None
        from branchguard.gui.shell.go_to_page import GoToPageDialog

        dialog = GoToPageDialog(self._window)
        dialog.open()
        return dialog

    def rows(self) -> list[tuple[str, str]]:
        """The keys' lines in F1 (Keyboard shortcuts), in the language shown now."""

        def native(keys: str) -> str:
            return self.keys[keys].key().toString(QKeySequence.SequenceFormat.NativeText)

        return [
            (self.tr("Ctrl+1 … Ctrl+9"), self.tr("Go to the page at that place in the sidebar")),
            (native(NEXT), self.tr("Next page in the sidebar (after the last, the first)")),
            (native(PREVIOUS), self.tr("Previous page in the sidebar (before the first, the last)")),
            (native(GO_TO), self.tr("Go to page: type part of its name, in Chinese or English")),
        ]
