"""Add/edit dialogs of the People & contacts page: the service validates, the dialog shows where.
They save off the GUI thread (gui/kit/dialog_work.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.types import LabelledEnum
from branchguard.core.people.references import OpenItem
from branchguard.core.people.types import (
    BranchRole,
    ContactInfo,
    ContactInput,
    ContactKind,
    PersonInfo,
    PersonInput,
)
from branchguard.gui.kit import discard
from branchguard.gui.kit.dialog_work import AsNow, DialogWork, stored_or_as_now
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.rows import phone_font
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled

In = TypeVar("In")
Out = TypeVar("Out")
E = TypeVar("E", bound=LabelledEnum)

SHOWN_ITEMS = 12  # open items listed one per line in a question; the rest counted


def item_lines(items: list[OpenItem], more: str) -> str:
    """The open items one per line for a question, the first SHOWN_ITEMS of them; `more` (with
    %1) says how many are left out."""
    lines = [f"• {item}" for item in items[:SHOWN_ITEMS]]
    if len(items) > SHOWN_ITEMS:
        lines.append(more.replace("%1", str(len(items) - SHOWN_ITEMS)))
    return "\n".join(lines)


def open_items_or_none(read: Callable[[], list[OpenItem]]) -> list[OpenItem]:
    """`read()` (Qt-free, off the GUI thread); none when the person was removed meanwhile (the
    save or removal then says so)."""
    try:
        return read()
    except BranchGuardError:
        return []


def enum_combo(kind: type[E], current: E | None = None) -> QComboBox:
    combo = QComboBox()
    for member in kind:
        combo.addItem(member.label, member.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


def phone_edit(text: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setFont(phone_font())
    edit.setMaxLength(24)
    return edit


def notes_edit(text: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(72)
    return edit


class RecordDialog(QDialog, Generic[In, Out]):
    """Collects an input dataclass and hands it with the record it was `opened` with to `save`,
    off the GUI thread (`work`); stays open while the service refuses it.

    Nothing is written unless `save` succeeds; on a ValidationError the message goes under the
    field it names, any other refusal under the form.

    An edit knows the record it was `opened` with and can `reread` it: when the save is refused
    because the record changed elsewhere (StaleRecord), the form shows the record as it is now and
    a second Save compares against that, so nothing of the stale form is saved over the change.
    `save` and `reread` are Qt-free: they run on the writer's thread.
    """

    def __init__(
        self,
        save: Callable[[In, Out | None], Out],
        parent: QWidget | None = None,
        *,
        opened: Out | None = None,
        reread: Callable[[], Out] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: Out | None = None
        self.opened = opened  # the record as the form shows it; None when adding one
        self._reread = reread
        self.was_stale = False  # a save was refused as stale: the list behind shows an old record
        self.form = FieldForm()
        self.general_error = error_label("dialog_error")
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Save | buttons.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        self.work = DialogWork(self, self.form, self.general_error, self.buttons)
        layout.addWidget(self.work.note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # Set by hand, it replaces the form's own minimum: in 460 px at 15 pt the training's
        # "Certificate expires on" was cut.
        self.setMinimumWidth(scaled(460, self))

    def collect(self) -> In:
        raise NotImplementedError

    def fill(self, record: Out) -> None:
        """Show `record` in the fields (an edit dialog's, to show a record as it is now)."""
        raise NotImplementedError

    def rereader(self) -> Callable[[], Out] | None:
        """What reads the record as it is now (Qt-free), taken on the GUI thread as a save starts."""
        return self._reread

    def accept(self) -> None:
        """Save off the GUI thread; nothing while the dialog reads or a save is under way."""
        if not self.work.ready():
            return
        save, data, opened, reread = self._save, self.collect(), self.opened, self.rereader()
        self.work.save(lambda: stored_or_as_now(lambda: save(data, opened), reread), self._stored)

    def _stored(self, result: Out | AsNow) -> None:
        if isinstance(result, AsNow):
            self._show_as_now(result)
            return
        self.saved = result
        QDialog.accept(self)

    def _show_as_now(self, now: AsNow) -> None:
        """The record changed elsewhere since the form was filled: fill it again from the record as
        it is now (what was typed is dropped, the message says so) and say why nothing was saved."""
        self.was_stale = True
        if now.error:
            self._show_general(now.error)
            return
        if now.record is not None:
            self.opened = now.record
            self.fill(now.record)
            discard.remember(self)  # the fields hold what is stored: leaving now asks nothing
        self._show_general(now.refused.message)

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()


class PersonDialog(RecordDialog[PersonInput, PersonInfo]):
    """Adds a staff member, or edits one: `save` gets the input and the person as the form was
    filled (None when adding), `reread` reads the person as they are now, `open_items` the open
    items that name them (asked before a rename: records keep the name they were written with)."""

    def __init__(
        self,
        save: Callable[[PersonInput, PersonInfo | None], PersonInfo],
        person: PersonInfo | None = None,
        parent: QWidget | None = None,
        reread: Callable[[], PersonInfo] | None = None,
        open_items: Callable[[], list[OpenItem]] | None = None,
    ) -> None:
        super().__init__(save, parent, opened=person, reread=reread)
        self._open_items = open_items
        self.setObjectName("person_dialog")
        title = self.tr("Add a staff member") if person is None else self.tr("Edit a staff member")
        self.setWindowTitle(title)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.post = enum_combo(BranchRole, BranchRole.TELLER)
        self.mobile = phone_edit("")
        self.mobile.setPlaceholderText(self.tr("e.g. 13901010001"))
        self.phone = phone_edit("")
        self.phone.setPlaceholderText(self.tr("e.g. 010-63210001"))
        self.on_duty = QCheckBox(self.tr("On duty at this branch"))
        self.on_duty.setChecked(True)
        self.notes = notes_edit("")
        if person is not None:
            self.fill(person)
        self.form.add_field("name", self.tr("Name"), self.name, "field.name")
        self.form.add_field("post", self.tr("Post"), self.post, "field.branch_role")
        self.form.add_field("mobile", self.tr("Mobile"), self.mobile, "field.mobile")
        self.form.add_field("phone", self.tr("Phone"), self.phone, "field.phone")
        self.form.add_field("on_duty", self.tr("On duty"), self.on_duty)
        self.form.add_field("notes", self.tr("Notes"), self.notes, "field.notes")
        self.name.setFocus()

    def fill(self, record: PersonInfo) -> None:
        self.name.setText(record.name)
        self.post.setCurrentIndex(self.post.findData(record.branch_role.value))
        self.mobile.setText(record.mobile)
        self.phone.setText(record.phone)
        self.on_duty.setChecked(record.on_duty)
        self.notes.setPlainText(record.notes)

    def accept(self) -> None:
        """A rename leaves the person's open items under the old name, which nobody on the roster
        will have (records are evidence: they keep the name they were written with), so the lead
        is shown them first (read off the GUI thread) and may hand them over before; no rename or
        no such item: nothing to ask."""
        if not self.work.ready():
            return
        new_name = self.name.text().strip()
        read = self._open_items
        if self.opened is None or read is None or not new_name or new_name == self.opened.name:
            super().accept()
            return
        self.work.read(lambda: open_items_or_none(read), lambda items: self._rename_read(items, new_name))

    def _rename_read(self, items: list[OpenItem], new_name: str) -> None:
        if not self.isVisible():  # left (its typing discarded) while they were read: nothing to save
            return
        if not items or self._rename_agreed(items, new_name):
            super().accept()

    def _rename_agreed(self, items: list[OpenItem], new_name: str) -> bool:
        assert self.opened is not None
        old = self.opened.name
        question = (
            self.tr(
                "%n open item(s) name %1 and will keep that name, which nobody on the roster will have:",
                "",
                len(items),
            ).replace("%1", old)
            + "\n"
            + item_lines(items, self.tr("… and %1 more"))
            + "\n\n"
            + self.tr("Hand them over to someone first (No), or rename %1 to %2 anyway?")
            .replace("%1", old)
            .replace("%2", new_name)
        )
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, self.windowTitle(), literal(question), buttons.Yes | buttons.No, buttons.No
        )
        return answer == buttons.Yes

    def collect(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(),
            branch_role=BranchRole(self.post.currentData()),
            mobile=self.mobile.text(),
            phone=self.phone.text(),
            on_duty=self.on_duty.isChecked(),
            notes=self.notes.toPlainText(),
        )


class ContactDialog(RecordDialog[ContactInput, ContactInfo]):
    """Adds an emergency contact, or edits one: `save` and `reread` as in PersonDialog."""

    def __init__(
        self,
        save: Callable[[ContactInput, ContactInfo | None], ContactInfo],
        contact: ContactInfo | None = None,
        parent: QWidget | None = None,
        reread: Callable[[], ContactInfo] | None = None,
    ) -> None:
        super().__init__(save, parent, opened=contact, reread=reread)
        self.setObjectName("contact_dialog")
        self.setWindowTitle(self.tr("Add a contact") if contact is None else self.tr("Edit a contact"))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.kind = enum_combo(ContactKind, ContactKind.OTHER)
        self.phone = phone_edit("")
        self.alt_phone = phone_edit("")
        self.notes = notes_edit("")
        if contact is not None:
            self.fill(contact)
        self.form.add_field("name", self.tr("Name"), self.name, "field.name")
        self.form.add_field("kind", self.tr("Type"), self.kind, "field.kind")
        self.form.add_field("phone", self.tr("Phone"), self.phone, "field.phone")
        self.form.add_field("alt_phone", self.tr("Alternative phone"), self.alt_phone, "field.alt_phone")
        self.form.add_field("notes", self.tr("Notes"), self.notes, "field.notes")
        if contact is not None and contact.builtin:
            # The public numbers are the same in every branch: only the name and notes are local.
            self.phone.setReadOnly(True)
            self.kind.setEnabled(False)
            self.hint.setText(
                self.tr("This is a built-in public emergency number: its number and type cannot be changed.")
            )
            self.hint.show()
        self.name.setFocus()

    def fill(self, record: ContactInfo) -> None:
        self.name.setText(record.name)
        self.kind.setCurrentIndex(self.kind.findData(record.kind.value))
        self.phone.setText(record.phone)
        self.alt_phone.setText(record.alt_phone)
        self.notes.setPlainText(record.notes)

    def collect(self) -> ContactInput:
        return ContactInput(
            name=self.name.text(),
            kind=ContactKind(self.kind.currentData()),
            phone=self.phone.text(),
            alt_phone=self.alt_phone.text(),
            notes=self.notes.toPlainText(),
        )
