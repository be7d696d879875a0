"""The Staff roster and Emergency contacts tabs: a filtered table with add, edit and remove. The
records are read, a removal's question read and the removal written off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard import APP_NAME
from branchguard.core.people.types import BranchRole, ContactInfo, ContactKind, PersonInfo
from branchguard.gui.kit.combos import refill
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS, SORT_ROLE, CellsProxy, RowsModel
from branchguard.gui.kit.search_box import SearchBox
from branchguard.gui.kit.tables import sizing
from branchguard.gui.kit.text_scale import scaled, set_row_height
from branchguard.gui.kit.writer import writer
from branchguard.gui.people.models import ContactsModel, PeopleModel
from branchguard.gui.people.roster_import import RosterImport
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:  # the dialogs (and their forms) load when one is first opened, not with the page
    from branchguard.core.people.references import OpenItem
    from branchguard.gui.people.dialogs import RecordDialog

T = TypeVar("T", PersonInfo, ContactInfo)

_KEY = QKeySequence.StandardKey


# Texts of the shared base class are translated in one explicit context ("RecordTab"), because
# PySide's self.tr() would look them up under each subclass's name. The calls are spelled out (no
# helper) so that lupdate finds them.


class RecordTab(QWidget, Generic[T]):
    """Table, search box, filter combos, buttons and shortcuts; subclasses say what a record is."""

    changed = Signal(str)  # entity name after a successful add, edit or remove

    entity = ""

    def __init__(self, session: GuiSession, model: RowsModel[T], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = Loader(self, on_error=self._failed)
        self.remove_loader = Loader(self, on_error=self._remove_failed)
        self._removing = False  # a removal being read, asked or written: no second one meanwhile
        self.model: RowsModel[T] = model
        self.proxy = CellsProxy(self)  # a cell sized or painted is one call into Python, not one per role
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._make_table()
        self.search = SearchBox(f"{self.entity}_search")
        self.search.setMinimumWidth(240)
        self.search.paused.connect(self.reload)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        self.count_label.setWordWrap(True)  # at 15 pt the Staff tab's buttons leave it no room on one line
        self.add_button = self._button("add", "add")
        self.edit_button = self._button("edit", "edit")
        self.remove_button = self._button("remove", "delete")
        self.add_action = self._action("add", [QKeySequence(Qt.Key.Key_Insert)], self.add)
        self.edit_action = self._action("edit", [QKeySequence(Qt.Key.Key_F2)], self.edit)
        self.remove_action = self._action("remove", [QKeySequence(Qt.Key.Key_Delete)], self.remove)
        self.find_action = self._action("find", [QKeySequence(_KEY.Find)], self.focus_search)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        # Enter on a row and a double click both "activate" it (per platform convention).
        self.table.activated.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())

        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(8)
        self.filter_row.addWidget(self.search, 2)
        tools = QHBoxLayout()
        tools.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.remove_button):
            tools.addWidget(button)
        self.tools = tools  # a tab's own buttons go after these
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(self.filter_row)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self._sized = self._read = False  # _read: the list shown is the records read, not the empty start
        self._editable = True
        self.dialog: RecordDialog[Any, T] | None = None  # the add/edit dialog while it is open
        self.empty_note = EmptyNote(self.table, lambda: self.empty_text() if self._read else "")

    # -- building ------------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName(f"{self.entity}_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        set_row_height(table, 30)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until asked
        return table

    def _button(self, name: str, icon_name: str) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(f"{self.entity}_{name}_button")
        return button

    def _action(self, name: str, keys: list[QKeySequence], slot: object) -> QAction:
        action = QAction(self)
        action.setObjectName(f"{self.entity}_{name}_action")
        # Live while this tab is on screen, wherever the focus is in the window; a hidden tab or
        # page does not compete. Text fields keep their own keys (Del deletes a character).
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setShortcuts(keys)
        action.setProperty("default_keys", [k.toString() for k in keys])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def add_filter(self, combo: QComboBox) -> None:
        combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.filter_row.addWidget(combo, 1)

    def retranslate(self) -> None:
        self.add_button.setText(QCoreApplication.translate("RecordTab", "Add…"))
        self.table.setAccessibleName(self.list_name())
        self.edit_button.setText(QCoreApplication.translate("RecordTab", "Edit…"))
        self.remove_button.setText(QCoreApplication.translate("RecordTab", "Remove"))
        self.add_button.setToolTip(QCoreApplication.translate("RecordTab", "Add a new entry (Ins)"))
        self.edit_button.setToolTip(
            QCoreApplication.translate("RecordTab", "Edit the selected entry (Enter or F2)")
        )
        self.remove_button.setToolTip(
            QCoreApplication.translate("RecordTab", "Remove the selected entry (Del)")
        )
        self.add_action.setText(self.add_text())
        self.edit_action.setText(self.edit_text())
        self.remove_action.setText(self.remove_text())
        self.find_action.setText(self.find_text())
        self.search.setPlaceholderText(self.find_text())

    # -- what subclasses provide ---------------------------------------------------------------
    def reader(self) -> Callable[[], list[T]]:
        """The Qt-free read of the records the filters ask for (the filters read here, on the GUI thread)."""
        raise NotImplementedError

    def make_dialog(self, item: T | None) -> RecordDialog[Any, T]:
        raise NotImplementedError

    def deleter(self, item: T, found: Any) -> Callable[[], object]:
        """The Qt-free removal of `item`, asked over what `remove_reader` found."""
        raise NotImplementedError

    def remove_reader(self, item: T) -> Callable[[], Any] | None:
        """What the removal question needs read first (Qt-free), or None."""
        return None

    def remove_question(self, item: T, found: Any) -> str:
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def add_text(self) -> str:
        raise NotImplementedError

    def edit_text(self) -> str:
        raise NotImplementedError

    def remove_text(self) -> str:
        raise NotImplementedError

    def find_text(self) -> str:
        raise NotImplementedError

    def can_remove(self, item: T) -> bool:
        return True

    def empty_text(self) -> str:
        """What the empty table says (kit/empty_note.py); "" for nothing."""
        return ""

    def list_name(self) -> str:
        """What the table lists, as a screen reader says it."""
        return ""

    # -- state ---------------------------------------------------------------------------------
    def selected(self) -> T | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_id(self, item_id: int) -> None:
        row = self.model.find_row(lambda item: item.id == item_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def set_editable(self, editable: bool) -> None:
        """A role that may not edit (the safety lead alone may) does not get the controls at all
        (the services refuse it anyway)."""
        self._editable = editable
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(editable)
        for action in (self.add_action, self.edit_action, self.remove_action):
            keys = action.property("default_keys") or []
            action.setShortcuts([QKeySequence(k) for k in keys] if editable else [])
            action.setVisible(editable)
        self.update_actions()

    def update_actions(self) -> None:
        item = self.selected()
        self.add_action.setEnabled(self._editable)
        self.edit_action.setEnabled(self._editable and item is not None)
        removable = item is not None and self.can_remove(item) and not self._removing
        self.remove_action.setEnabled(self._editable and removable)
        self.add_button.setEnabled(self.add_action.isEnabled())
        self.edit_button.setEnabled(self.edit_action.isEnabled())
        self.remove_button.setEnabled(self.remove_action.isEnabled())

    def reload(self, select: int | None = None) -> None:
        """Read the records off the GUI thread; then select record `select`, else the one selected now."""
        self.search.settle()
        current = self.selected()
        keep = select if select is not None else (current.id if current is not None else None)
        self.loader.run(self.reader(), lambda rows: self._show(rows, keep))

    def _failed(self, message: str) -> None:
        self._show([], None)
        self._read = False  # not read: the table does not say there are none
        self.warn(message)

    def _show(self, rows: list[T], select: int | None) -> None:
        self._read = True
        changed = self.model.set_rows(rows)
        if select is not None:
            self.select_id(select)
        if self.isVisible() and self._sized:
            if changed:  # a longer value added or changed since: not cut off
                self._size_columns(grow_only=True)
        elif self.isVisible():
            self._size_columns_once()
        self.count_label.setText(self.count_text(len(rows)))
        self.update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        # Sized when first seen: measuring every cell of the tab behind costs the start-up ~15 ms.
        self._size_columns_once()
        super().showEvent(event)

    def _size_columns_once(self) -> None:
        if not self._sized and self.model.rowCount():
            self._sized = True
            self._size_columns()

    def _size_columns(self, grow_only: bool = False) -> None:
        """Each column as wide as its values (rows sampled) and title, within bounds; `grow_only`
        widens the narrow ones only, keeping a width the user gave. Sized once from the first rows,
        the contacts' phone column fitted 110 and 119, and a branch's 010-63210000 was cut off."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
        least, most = scaled(90, header), scaled(320, header)
        with sizing(self.table):
            for column in range(self.model.columnCount() - 1):
                content = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
                # Room for the sort arrow and for longer values typed later.
                wanted = min(max(content + 24, least), most)
                if not grow_only or header.sectionSize(column) < wanted:
                    header.resizeSection(column, wanted)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, self.window().windowTitle() or APP_NAME, literal(message))

    # -- commands ------------------------------------------------------------------------------
    def add(self) -> None:
        if self._editable:
            self._run_dialog(self.make_dialog(None))

    def edit(self) -> None:
        item = self.selected()
        if self._editable and item is not None:
            self._run_dialog(self.make_dialog(item))

    def _run_dialog(self, dialog: RecordDialog[Any, T]) -> None:
        # open(), not exec(): window-modal without a nested event loop.
        self.dialog = dialog
        dialog.finished.connect(lambda result: self._dialog_done(dialog, result))
        dialog.open()

    def _dialog_done(self, dialog: RecordDialog[Any, T], result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        saved = dialog.saved
        if result == QDialog.DialogCode.Accepted.value and saved is not None:
            self.reload(select=saved.id)
            self.changed.emit(self.entity)
        elif dialog.was_stale:  # the record changed elsewhere: the list shows it as it is now
            self.reload()

    def remove(self) -> None:
        """Ask (what the question needs read off the GUI thread first), then remove on the writer's
        thread; the Remove button waits until it is done."""
        item = self.selected()
        if not self._editable or item is None or not self.can_remove(item) or self._removing:
            return
        self._removing = True
        self.update_actions()
        read = self.remove_reader(item)
        if read is None:
            self._ask_remove(item, None)
        else:
            self.remove_loader.run(read, lambda found: self._ask_remove(item, found))

    def _ask_remove(self, item: T, found: Any) -> None:
        answer = QMessageBox.question(
            self,
            self.remove_text(),
            literal(self.remove_question(item, found)),  # it names the person or contact
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._removing = False
            self.update_actions()
            return
        writer().submit(self.deleter(item, found), on_done=self._removed, on_error=self._remove_failed)

    def _removed(self, _result: object) -> None:
        self._removing = False
        self.reload()
        self.changed.emit(self.entity)

    def _remove_failed(self, message: str) -> None:
        self._removing = False
        self.update_actions()
        self.warn(message)


class StaffTab(RecordTab[PersonInfo]):
    entity = "person"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, PeopleModel(), parent)
        self.post_filter = QComboBox()
        self.post_filter.setObjectName("person_post_filter")
        self.duty_filter = QComboBox()
        self.duty_filter.setObjectName("person_duty_filter")
        self.roster_import = RosterImport(session, self)
        self.roster_import.imported.connect(self._imported)
        self.tools.insertWidget(3, self.roster_import.button)
        self.retranslate()
        self.add_filter(self.post_filter)
        self.add_filter(self.duty_filter)

    def retranslate(self) -> None:
        super().retranslate()
        self.roster_import.retranslate()
        for combo, entries in (
            (self.post_filter, [(self.tr("All posts"), None)] + [(r.label, r.value) for r in BranchRole]),
            (
                self.duty_filter,
                [(self.tr("On duty or not"), None), (self.tr("On duty"), True), (self.tr("Off duty"), False)],
            ),
        ):
            refill(combo, entries)

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.roster_import.button.setVisible(editable)

    def _imported(self) -> None:
        self.reload()
        self.changed.emit(self.entity)

    def reader(self) -> Callable[[], list[PersonInfo]]:
        people, actor, search = self.session.services.people, self.session.actor, self.search.text()
        post, on_duty = self.post_filter.currentData(), self.duty_filter.currentData()
        branch_role = BranchRole(post) if post else None
        return lambda: people.list_people(actor, search=search, branch_role=branch_role, on_duty=on_duty)

    def make_dialog(self, item: PersonInfo | None) -> RecordDialog[Any, PersonInfo]:
        from branchguard.gui.people.dialogs import PersonDialog

        people, actor = self.session.services.people, self.session.actor
        if item is None:
            return PersonDialog(lambda data, _none: people.add_person(actor, data), None, self)
        return PersonDialog(
            lambda data, opened: people.update_person(actor, item.id, data, opened),
            item,
            self,
            reread=lambda: people.get_person(actor, item.id),
            open_items=lambda: people.open_items(actor, item.id),
        )

    def deleter(self, item: PersonInfo, found: list[OpenItem]) -> Callable[[], object]:
        """Removed knowingly over the open items the question listed (`remove_question`); any that
        appeared since it was asked make the service refuse, naming them."""
        people, actor = self.session.services.people, self.session.actor
        return lambda: people.remove_person(actor, item.id, despite_open_items=bool(found))

    def remove_reader(self, item: PersonInfo) -> Callable[[], list[OpenItem]]:
        from branchguard.gui.people.dialogs import open_items_or_none

        people, actor = self.session.services.people, self.session.actor
        return lambda: open_items_or_none(lambda: people.open_items(actor, item.id))

    def remove_question(self, item: PersonInfo, found: list[OpenItem]) -> str:
        """The question lists the open items that would name nobody on the roster, so the lead
        hands them over first (No) or removes the person knowingly."""
        from branchguard.gui.people.dialogs import item_lines

        question = self.tr("Remove %1 from the staff roster?").replace("%1", item.name)
        items = found
        if not items:
            return question
        return (
            self.tr(
                "%1 still owns %n open item(s), which will name nobody on the roster:", "", len(items)
            ).replace("%1", item.name)
            + "\n"
            + item_lines(items, self.tr("… and %1 more"))
            + "\n\n"
            + self.tr("Hand them over to someone first (No), or remove %1 anyway?").replace("%1", item.name)
        )

    def count_text(self, count: int) -> str:
        return self.tr("%n staff member(s) shown", "", count)

    def list_name(self) -> str:
        return self.tr("Staff")

    def empty_text(self) -> str:
        filtered = self.post_filter.currentIndex() > 0 or self.duty_filter.currentIndex() > 0
        if filtered or self.search.text().strip():
            return self.tr("Nobody on the roster matches the search and filters.")
        if not self._editable:
            return self.tr("No staff on the roster yet.")
        return self.tr(
            "No staff on the roster yet. Add… (Ins) adds a person with their post and mobile, Import "
            "roster… takes HR's sheet saved as CSV: the contact card, the team roles and follow mode name "
            "them."
        )

    def add_text(self) -> str:
        return self.tr("Add a staff member")

    def edit_text(self) -> str:
        return self.tr("Edit the selected staff member")

    def remove_text(self) -> str:
        return self.tr("Remove the selected staff member")

    def find_text(self) -> str:
        return self.tr("Search staff by name or phone")


class ContactsTab(RecordTab[ContactInfo]):
    entity = "contact"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, ContactsModel(), parent)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("contact_kind_filter")
        self.retranslate()
        self.add_filter(self.kind_filter)
        self.filter_row.addStretch(1)

    def retranslate(self) -> None:
        super().retranslate()
        current = self.kind_filter.currentIndex()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All types"), None)
        for kind in ContactKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.setCurrentIndex(max(current, 0))
        self.kind_filter.blockSignals(False)

    def reader(self) -> Callable[[], list[ContactInfo]]:
        people, actor, search = self.session.services.people, self.session.actor, self.search.text()
        kind = self.kind_filter.currentData()
        contact_kind = ContactKind(kind) if kind else None
        return lambda: people.list_contacts(actor, search=search, kind=contact_kind)

    def make_dialog(self, item: ContactInfo | None) -> RecordDialog[Any, ContactInfo]:
        from branchguard.gui.people.dialogs import ContactDialog

        people, actor = self.session.services.people, self.session.actor
        if item is None:
            return ContactDialog(lambda data, _none: people.add_contact(actor, data), None, self)
        return ContactDialog(
            lambda data, opened: people.update_contact(actor, item.id, data, opened),
            item,
            self,
            reread=lambda: people.get_contact(actor, item.id),
        )

    def can_remove(self, item: ContactInfo) -> bool:
        return not item.builtin

    def deleter(self, item: ContactInfo, found: Any) -> Callable[[], object]:
        people, actor = self.session.services.people, self.session.actor
        return lambda: people.remove_contact(actor, item.id)

    def remove_question(self, item: ContactInfo, found: Any) -> str:
        return self.tr("Remove the contact %1?").replace("%1", item.name)

    def count_text(self, count: int) -> str:
        return self.tr("%n contact(s) shown", "", count)

    def list_name(self) -> str:
        return self.tr("Emergency contacts")

    def empty_text(self) -> str:
        """Unfiltered the list is never empty: the built-in contacts (110, 119, 120…) stay on it."""
        if self.kind_filter.currentIndex() > 0 or self.search.text().strip():
            return self.tr("No contact matches the search and filters.")
        return self.tr("No emergency contacts yet.")

    def add_text(self) -> str:
        return self.tr("Add a contact")

    def edit_text(self) -> str:
        return self.tr("Edit the selected contact")

    def remove_text(self) -> str:
        return self.tr("Remove the selected contact")

    def find_text(self) -> str:
        return self.tr("Search contacts by name or phone")
