"""Go to page (Ctrl+G): the pages the role may see, narrowed as a name is typed in either language;
Up and Down choose, Enter goes there. Found by their Chinese and English names whichever language
the window shows: a lead who learnt the English names types "aud" in the Chinese window."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from branchguard.core.kernel.i18n import LANGUAGES
from branchguard.gui.kit.discard import DISCARDABLE
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.list_keys import ListKeys
from branchguard.gui.kit.page import PageInfo
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.translation import translate_in

if TYPE_CHECKING:
    from branchguard.gui.shell.main_window import MainWindow

_PAGE_ROLE = Qt.ItemDataRole.UserRole  # the page_id of a row


def page_names(info: PageInfo) -> list[str]:
    """The page's sidebar name as the window shows it, then in each language."""
    source = str(info.nav_text)
    return [info.nav_title(), *(translate_in(lang, info.class_name, source) for lang in LANGUAGES)]


def match_rank(names: Iterable[str], typed: str) -> int | None:
    """0 if a name starts with `typed`, 1 if one holds it, None if none does (case ignored)."""
    typed = typed.strip().casefold()
    folded = [name.casefold() for name in names]
    if any(name.startswith(typed) for name in folded):
        return 0
    return 1 if any(typed in name for name in folded) else None


class GoToPageDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("go_to_page_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._window = window
        self._pages = [(info, page_names(info)) for info in window.visible_pages()]
        self.setWindowTitle(self.tr("Go to page"))
        hint = QLabel(self.tr("Type part of a page's name, in Chinese or English; Enter goes there."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("go_to_page_filter")
        self.filter.setProperty(DISCARDABLE, True)  # a search: Esc asks nothing (gui/kit/discard.py)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Page name"))
        self.filter.setAccessibleName(self.filter.placeholderText())
        self.filter.setAccessibleDescription(hint.text())
        self.choices = QListWidget()
        self.choices.setObjectName("go_to_page_list")
        self.choices.setAccessibleName(self.tr("Pages"))
        self.choices.setStyleSheet("QListWidget::item { padding: 4px; }")
        self.choices.setEditTriggers(QListWidget.EditTrigger.NoEditTriggers)  # chosen from, never typed in
        ListKeys(self.filter, self.choices)
        self.none_found = QLabel(self.tr("No page of yours has that name."))
        self.none_found.setObjectName("go_to_page_none")
        self.none_found.setProperty("role", "hint")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.go_button = self.buttons.addButton(self.tr("Go"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_button.setObjectName("go_to_page_go")
        self.go_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choices.itemClicked.connect(lambda _item: self.accept())  # Enter: the default button
        self.filter.textChanged.connect(lambda _text: self.fill())
        window.locked_changed.connect(self._on_locked)  # the lock screen hides everything
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addWidget(self.filter)
        box.addWidget(self.choices, 1)
        box.addWidget(self.none_found)
        box.addWidget(self.buttons)
        self.fill()
        rows = self.choices.sizeHintForRow(0) * self.choices.count() + 2 * self.choices.frameWidth()
        resize_within_screen(self, 380, self.sizeHint().height() - self.choices.sizeHint().height() + rows)
        self.filter.setFocus()

    def fill(self) -> None:
        """The pages whose name holds what is typed, those it starts first, each lot in sidebar order;
        with nothing typed, every page, the one in front chosen."""
        typed = self.filter.text().strip()
        ranked = [(match_rank(names, typed), n) for n, (_info, names) in enumerate(self._pages)]
        self.choices.clear()
        for _rank, n in sorted((rank, n) for rank, n in ranked if rank is not None):
            info, names = self._pages[n]
            item = QListWidgetItem(icon(info.icon_name or "about"), names[0])
            item.setData(_PAGE_ROLE, info.page_id)
            item.setToolTip("\n".join(dict.fromkeys(names[1:])))
            self.choices.addItem(item)
        front = self._window.current_page_id()
        rows = [r for r in range(self.choices.count()) if self.choices.item(r).data(_PAGE_ROLE) == front]
        self.choices.setCurrentRow(rows[0] if rows and not typed else 0)
        self.none_found.setVisible(self.choices.count() == 0)
        self.go_button.setEnabled(self.choices.count() > 0)

    def chosen(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(_PAGE_ROLE)) if item is not None else ""

    def accept(self) -> None:
        page_id = self.chosen()
        if not page_id:
            return  # nothing matches: the dialog stays for another try
        super().accept()
        if not self._window.is_locked():
            self._window.show_page(page_id)  # which shows only a page the role may see

    def _on_locked(self, locked: bool) -> None:
        if locked:
            self.reject()
