"""The Team tab's dialogs: assign a role's holder and backup; add or correct a training record.
The service validates; the dialog shows where (RecordDialog)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from branchguard.core.team import rules
from branchguard.core.team.types import Person, TeamRole, TrainingInput, TrainingKind, TrainingRecord
from branchguard.gui.kit.dates import date_edit
from branchguard.gui.people.dialogs import RecordDialog, notes_edit


@dataclass(frozen=True)
class AssignInput:
    """The role's new holder and backup, and who the form showed holding it (`opened`, for the
    service to refuse the save if another PC named someone else since)."""

    role: str
    holder: int
    backup: int | None
    opened: rules.Holders | None = None


def person_combo(people: Sequence[Person], current: int | None, none_text: str = "") -> QComboBox:
    combo = QComboBox()
    if none_text:
        combo.addItem(none_text, None)
    for person in people:
        combo.addItem(person.name, person.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class AssignDialog(RecordDialog[AssignInput, TeamRole]):
    """Who holds a role and who backs them up (B角). `reread` reads a role (by code) as it is now,
    to show it again when the save was refused because another PC changed it."""

    def __init__(
        self,
        save: Callable[[AssignInput], TeamRole],
        roles: Sequence[TeamRole],
        people: Sequence[Person],
        current: TeamRole | None = None,
        parent: QWidget | None = None,
        reread: Callable[[str], TeamRole] | None = None,
    ) -> None:
        super().__init__(lambda data, _opened: save(data), parent)  # `opened`: in the input
        self._reread_role = reread
        self.setObjectName("team_assign_dialog")
        self.setWindowTitle(self.tr("Assign a team role"))
        self.role = QComboBox()
        for r in roles:
            self.role.addItem(rules.shown_name(r), r.code)
        if current is not None:
            self.role.setCurrentIndex(max(self.role.findData(current.code), 0))
        chosen = current or (roles[0] if roles else None)
        self.holder = person_combo(people, chosen.holder.id if chosen and chosen.holder else None)
        self.backup = person_combo(
            people, chosen.backup.id if chosen and chosen.backup else None, self.tr("(no backup)")
        )
        self.hint.setText(
            self.tr("The backup acts when the holder is off duty; both need the training the role asks for.")
        )
        self.hint.show()
        self._roles = {r.code: r for r in roles}
        self.role.currentIndexChanged.connect(lambda _index: self._show_current())
        self.form.add_field("role", self.tr("Role"), self.role, "field.team_role")
        self.form.add_field("holder", self.tr("Holder"), self.holder, "field.holder")
        self.form.add_field("backup", self.tr("Backup"), self.backup, "field.backup")
        self.holder.setFocus()

    def _show_current(self) -> None:
        """The chosen role's holder and backup as they are now."""
        chosen = self._roles.get(self.role.currentData())
        holder = chosen.holder.id if chosen and chosen.holder else None
        backup = chosen.backup.id if chosen and chosen.backup else None
        self.holder.setCurrentIndex(max(self.holder.findData(holder), 0) if holder is not None else 0)
        self.backup.setCurrentIndex(max(self.backup.findData(backup), 0) if backup is not None else 0)

    def rereader(self) -> Callable[[], TeamRole] | None:
        code, reread = self.role.currentData(), self._reread_role
        return (lambda: reread(code)) if reread is not None else None

    def fill(self, record: TeamRole) -> None:
        self._roles[record.code] = record
        self._show_current()

    def collect(self) -> AssignInput:
        code = self.role.currentData()
        return AssignInput(
            code,
            self.holder.currentData(),
            self.backup.currentData(),
            rules.holders_of(self._roles.get(code)),
        )


class TrainingDialog(RecordDialog[TrainingInput, TrainingRecord]):
    """A training someone took, and the certificate's expiry where it has one. `save` gets the
    input and the record as the form was filled (None when adding); `reread` reads the record as
    it is now."""

    def __init__(
        self,
        save: Callable[[TrainingInput, TrainingRecord | None], TrainingRecord],
        kinds: Sequence[TrainingKind],
        people: Sequence[Person],
        record: TrainingRecord | None = None,
        parent: QWidget | None = None,
        reread: Callable[[], TrainingRecord] | None = None,
    ) -> None:
        super().__init__(save, parent, opened=record, reread=reread)
        self.setObjectName("training_dialog")
        self.setWindowTitle(
            self.tr("Add a training record") if record is None else self.tr("Edit a training record")
        )
        self.person = person_combo(people, None)
        self.kind = QComboBox()
        for k in kinds:
            self.kind.addItem(k.name.text, k.code)
        today = date.today()
        self.trained_on = date_edit(qdate(today))
        self.has_expiry = QCheckBox(self.tr("Certificate expires on"))
        self.has_expiry.setChecked(True)
        # three years on; from 29 February, the 28th (it was today, which saving then refused)
        leap_day = (today.month, today.day) == (2, 29)
        default_end = today.replace(year=today.year + 3, day=28 if leap_day else today.day)
        self.expires_on = date_edit(qdate(default_end))
        self.has_expiry.toggled.connect(self.expires_on.setEnabled)
        expiry = QWidget()
        row = QHBoxLayout(expiry)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_expiry)
        row.addWidget(self.expires_on, 1)
        expiry.setFocusProxy(self.expires_on)  # the caption names the date, the box beside has its own text
        self.certificate = QLineEdit()
        self.certificate.setMaxLength(100)
        self.notes = notes_edit("")
        if record is not None:
            self.fill(record)
        self.hint.setText(self.tr("A certificate that expires is reminded once, 30 days before it expires."))
        self.hint.show()
        self.form.add_field("person", self.tr("Person"), self.person, "field.person")
        self.form.add_field("kind", self.tr("Training"), self.kind, "field.training_kind")
        self.form.add_field("trained_on", self.tr("Training date"), self.trained_on, "field.trained_on")
        self.form.add_field("expires_on", self.tr("Expiry"), expiry, "field.expires_on")
        self.form.add_field(
            "certificate", self.tr("Certificate number"), self.certificate, "field.certificate"
        )
        self.form.add_field("notes", self.tr("Notes"), self.notes, "field.notes")
        self.person.setFocus()

    def fill(self, record: TrainingRecord) -> None:
        self.person.setCurrentIndex(max(self.person.findData(record.person_id), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(record.kind), 0))
        self.trained_on.setDate(qdate(record.trained_on))
        self.has_expiry.setChecked(record.expires_on is not None)
        if record.expires_on is not None:
            self.expires_on.setDate(qdate(record.expires_on))
        self.certificate.setText(record.certificate)
        self.notes.setPlainText(record.notes)

    def collect(self) -> TrainingInput:
        return TrainingInput(
            person=self.person.currentData() if self.person.currentData() is not None else 0,
            kind=self.kind.currentData() or "",
            trained_on=pydate(self.trained_on.date()),
            expires_on=pydate(self.expires_on.date()) if self.has_expiry.isChecked() else None,
            certificate=self.certificate.text(),
            notes=self.notes.toPlainText(),
        )
