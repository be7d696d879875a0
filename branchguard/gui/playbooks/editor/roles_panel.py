"""The Roles and contacts tab: the plan's roles (with the branch posts one click away) and the
contacts it calls, ticked from the branch's contact list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.types import Text2
from branchguard.core.people.types import BranchRole, ContactInfo, ContactKind
from branchguard.core.playbooks.types import ContactRef, PlanRole
from branchguard.gui.kit import style
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.rows import phone_font
from branchguard.gui.kit.text_scale import set_row_height, size_columns
from branchguard.gui.playbooks.editor.commands import EditCommand, SetField
from branchguard.gui.playbooks.editor.roles_model import RolesModel, post_role
from branchguard.gui.playbooks.editor.state import MetaState

REF_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_label(kind: str) -> str:
    try:
        return ContactKind(kind).label
    except ValueError:
        return kind


def contact_ref(info: ContactInfo) -> ContactRef:
    # A public number (110, 119, 120 …) is the same in every branch; its kind names it.
    return ContactRef(info.kind.value, info.phone, "" if info.builtin else info.name)


class RolesPanel(QWidget):
    def __init__(
        self,
        roles: RolesModel,
        state: MetaState,
        stack: QUndoStack,
        branch_contacts: list[ContactInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.roles = roles
        self.state = state
        self.stack = stack
        self.branch_contacts = branch_contacts
        self._showing = False
        self._toggling = False  # inside the contact list's own itemChanged
        self._read_only = False

        self.roles_table = QTableView()
        self.roles_table.setObjectName("roles_table")
        self.roles_table.setModel(roles)
        self.roles_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roles_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.roles_table.verticalHeader().hide()
        set_row_height(self.roles_table, 30)
        header = self.roles_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RolesModel.COL_CODE, QHeaderView.ResizeMode.Interactive)
        size_columns(header, [(RolesModel.COL_CODE, 150)])
        self.add_role_button = QPushButton(icon("add"), "")
        self.add_role_button.setObjectName("add_role_button")
        self.add_role_button.clicked.connect(self.add_role)
        self.posts_button = QPushButton(icon("people"), "")
        self.posts_button.setObjectName("add_post_button")
        self.posts_menu = QMenu(self.posts_button)
        self.posts_button.setMenu(self.posts_menu)
        self.posts_menu.aboutToShow.connect(self._fill_posts)
        self.remove_role_button = QPushButton(icon("delete"), "")
        self.remove_role_button.setObjectName("remove_role_button")
        self.remove_role_button.clicked.connect(self.remove_role)
        self.roles_notice = plain(QLabel())
        self.roles_notice.setObjectName("roles_notice")
        self.roles_notice.setProperty("role", "error")
        self.roles_notice.setWordWrap(True)
        self.roles_hint = QLabel()
        self.roles_hint.setProperty("role", "hint")
        self.roles_hint.setWordWrap(True)
        roles.refused.connect(self.roles_notice.setText)

        self.contacts_list = QTreeWidget()
        self.contacts_list.setObjectName("contacts_list")
        self.contacts_list.setRootIsDecorated(False)
        self.contacts_list.setUniformRowHeights(True)
        self.contacts_list.setStyleSheet("QTreeWidget#contacts_list::item { padding: 5px 6px 5px 2px; }")
        self.contacts_list.setColumnCount(3)
        self.contacts_list.header().setStretchLastSection(True)
        self.contacts_list.itemChanged.connect(self._contact_toggled)
        self.contacts_notice = plain(QLabel())
        self.contacts_notice.setObjectName("contacts_notice")
        self.contacts_notice.setProperty("role", "error")
        self.contacts_notice.setWordWrap(True)
        self.contacts_hint = QLabel()
        self.contacts_hint.setProperty("role", "hint")
        self.contacts_hint.setWordWrap(True)
        state.changed.connect(self._on_state_changed)

        self.roles_box = QGroupBox()
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for widget in (self.add_role_button, self.posts_button, self.remove_role_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        roles_layout = QVBoxLayout(self.roles_box)
        roles_layout.addWidget(self.roles_hint)
        roles_layout.addLayout(buttons)
        roles_layout.addWidget(self.roles_table, 1)
        roles_layout.addWidget(self.roles_notice)
        self.contacts_box = QGroupBox()
        contacts_layout = QVBoxLayout(self.contacts_box)
        contacts_layout.addWidget(self.contacts_hint)
        contacts_layout.addWidget(self.contacts_list, 1)
        contacts_layout.addWidget(self.contacts_notice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(self.roles_box, 3)
        layout.addWidget(self.contacts_box, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.roles_box.setTitle(self.tr("Roles"))
        self.contacts_box.setTitle(self.tr("Contacts the plan calls"))
        self.roles_hint.setText(
            self.tr(
                "Who the steps are assigned to: branch posts or teams of this plan. "
                "Double-click a cell to edit it."
            )
        )
        self.contacts_hint.setText(
            self.tr("Ticked contacts appear on the plan's call list. The list comes from People & contacts.")
        )
        self.add_role_button.setText(self.tr("Add role"))
        self.add_role_button.setToolTip(self.tr("Add a team or role of this plan, then name it"))
        self.posts_button.setText(self.tr("Add a branch post"))
        self.remove_role_button.setText(self.tr("Remove role"))
        self.contacts_list.setHeaderLabels([self.tr("Name"), self.tr("Phone"), self.tr("Type")])
        self.show_contacts()

    # -- roles ---------------------------------------------------------------------------------
    def _fill_posts(self) -> None:
        self.posts_menu.clear()
        for post in BranchRole:
            action = self.posts_menu.addAction(post.label)
            action.setObjectName(f"post_{post.value}")
            action.setEnabled(self.roles.row_of(post.value) < 0)
            action.triggered.connect(lambda _on=False, p=post: self.add_post(p))

    def add_post(self, post: BranchRole) -> None:
        self.roles_notice.clear()
        self._select_role(self.roles.add_role(post_role(post)))

    def add_role(self) -> None:
        self.roles_notice.clear()
        row = self.roles.add_role(PlanRole(self.roles.fresh_code(), Text2()))
        self._select_role(row)
        self.roles_table.edit(self.roles.index(row, RolesModel.COL_NAME_ZH))

    def remove_role(self) -> None:
        index = self.roles_table.currentIndex()
        if not index.isValid():
            return
        self.roles_notice.clear()
        if self.roles.remove_role(index.row()):
            self._select_role(min(index.row(), self.roles.rowCount() - 1))

    def _select_role(self, row: int) -> None:
        if 0 <= row < self.roles.rowCount():
            self.roles_table.selectRow(row)
            self.roles_table.setCurrentIndex(self.roles.index(row, RolesModel.COL_NAME_ZH))

    # -- contacts ------------------------------------------------------------------------------
    def contact_items(self) -> list[QTreeWidgetItem]:
        tree = self.contacts_list
        items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def show_contacts(self) -> None:
        chosen: tuple[ContactRef, ...] = self.state.get("contacts")
        by_phone = {ref.phone: ref for ref in chosen}
        self._showing = True
        self.contacts_list.clear()
        for info in self.branch_contacts:
            ref = by_phone.pop(info.phone, None)
            self._add_contact(info.name, info.kind.label, ref or contact_ref(info), ref is not None)
        # A plan from head office may call a number this branch has not listed: keep it visible.
        for ref in by_phone.values():
            name = ref.name or kind_label(ref.kind)
            item = self._add_contact(name, kind_label(ref.kind), ref, True)
            item.setToolTip(0, self.tr("Not in the branch's contact list"))
            item.setForeground(0, QColor(style.WARNING))
        self._showing = False
        for column in (0, 1):
            self.contacts_list.resizeColumnToContents(column)

    def _add_contact(self, name: str, kind: str, ref: ContactRef, checked: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name, ref.phone, kind])
        item.setData(0, REF_ROLE, ref)
        item.setFont(1, phone_font())
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if not self._read_only:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.contacts_list.addTopLevelItem(item)
        return item

    def _on_state_changed(self, name: str) -> None:
        if name != "contacts":
            return
        if self._toggling:  # rebuilding now would delete the item whose check state is changing
            QTimer.singleShot(0, self, self.show_contacts)
        else:
            self.show_contacts()

    def _contact_toggled(self, _item: QTreeWidgetItem, column: int) -> None:
        if self._showing or column != 0:
            return
        ticked = {
            item.data(0, REF_ROLE).phone: item.data(0, REF_ROLE)
            for item in self.contact_items()
            if item.checkState(0) == Qt.CheckState.Checked
        }
        old: tuple[ContactRef, ...] = self.state.get("contacts")
        old_phones = {ref.phone for ref in old}
        kept = [ref for ref in old if ref.phone in ticked]
        added = [ref for phone, ref in ticked.items() if phone not in old_phones]
        new = (*kept, *added)
        if new != old:
            self.contacts_notice.clear()
            self._toggling = True
            try:
                self.stack.push(
                    EditCommand(self.tr("change the contacts"), [SetField(self.state, "contacts", new)])
                )
            finally:
                self._toggling = False

    # -- modes and errors ----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.roles.editable = not read_only
        triggers = QAbstractItemView.EditTrigger
        self.roles_table.setEditTriggers(
            triggers.NoEditTriggers if read_only else triggers.DoubleClicked | triggers.EditKeyPressed
        )
        for widget in (self.add_role_button, self.posts_button, self.remove_role_button):
            widget.setVisible(not read_only)
        self.show_contacts()

    def show_error(self, path: tuple[str | int, ...], message: str) -> None:
        """Select the role a ("roles", i, …) error is about; say what is wrong under the table."""
        if path and path[0] == "roles" and len(path) > 1 and isinstance(path[1], int):
            column = RolesModel.COL_CODE if "code" in path else RolesModel.COL_NAME_ZH
            self._select_role(path[1])
            self.roles_table.setCurrentIndex(self.roles.index(path[1], column))
            self.roles_table.setFocus()
            self.roles_notice.setText(message)
        elif path and path[0] == "contacts":
            if len(path) > 1 and isinstance(path[1], int):
                phone = self.state.get("contacts")[path[1]].phone
                for item in self.contact_items():
                    if item.data(0, REF_ROLE).phone == phone:
                        self.contacts_list.setCurrentItem(item)
            self.contacts_list.setFocus()
            self.contacts_notice.setText(message)
        else:
            self.roles_notice.setText(message)

    def clear_errors(self) -> None:
        self.roles_notice.clear()
        self.contacts_notice.clear()
