"""Staff roster and emergency contacts: validated edits, search and filters, audited."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.people.roster import Roster, RosterRow
from branchguard.core.people.roster import refused as roster_refused
from branchguard.core.people.types import (
    BranchRole,
    ContactInfo,
    ContactInput,
    ContactKind,
    PersonInfo,
    PersonInput,
)
from branchguard.db.locks import locked
from branchguard.db.models.foundation import ContactRow, PersonRow

if TYPE_CHECKING:
    from branchguard.core.people.references import OpenItem

# Public numbers every branch needs from the first start; they cannot be removed or renumbered.
BUILTIN_CONTACTS: tuple[tuple[ContactKind, str, int], ...] = (
    (ContactKind.POLICE, "110", 1),
    (ContactKind.FIRE, "119", 2),
    (ContactKind.AMBULANCE, "120", 3),
    (ContactKind.ANTI_FRAUD, "96110", 4),
)


def person_info(p: PersonRow) -> PersonInfo:
    return PersonInfo(
        id=p.id,
        name=p.name,
        branch_role=BranchRole(p.branch_role),
        mobile=p.mobile,
        phone=p.phone,
        on_duty=p.on_duty,
        notes=p.notes,
        updated_at=p.updated_at,
    )


def contact_info(c: ContactRow) -> ContactInfo:
    return ContactInfo(
        id=c.id,
        name=c.name,
        kind=ContactKind(c.kind),
        phone=c.phone,
        alt_phone=c.alt_phone,
        notes=c.notes,
        builtin=c.builtin,
        sort_order=c.sort_order,
    )


def clean_person(data: PersonInput) -> dict[str, object]:
    return {
        "name": v.text(data.name, "field.name", limit=100),
        "branch_role": v.choice(data.branch_role, BranchRole, "field.branch_role").value,
        "mobile": v.mobile(data.mobile, "field.mobile"),
        "phone": v.phone(data.phone, "field.phone"),
        "on_duty": bool(data.on_duty),
        "notes": v.text(data.notes, "field.notes", required=False, limit=2000),
    }


def clean_contact(data: ContactInput) -> dict[str, object]:
    return {
        "name": v.text(data.name, "field.name", limit=100),
        "kind": v.choice(data.kind, ContactKind, "field.kind").value,
        "phone": v.phone(data.phone, "field.phone", required=True),
        "alt_phone": v.phone(data.alt_phone, "field.alt_phone"),
        "notes": v.text(data.notes, "field.notes", required=False, limit=2000),
    }


def ensure_builtin_contacts(session: Session) -> int:
    """Insert the public emergency numbers that are missing; returns how many were added."""
    present = set(session.scalars(select(ContactRow.phone).where(ContactRow.builtin.is_(True))))
    added = 0
    for kind, number, order in BUILTIN_CONTACTS:
        if number not in present:
            session.add(
                ContactRow(
                    name=t(f"contact.builtin.{kind.value}", lang="zh_CN"),
                    kind=kind.value,
                    phone=number,
                    alt_phone="",
                    notes="",
                    builtin=True,
                    sort_order=order,
                )
            )
            added += 1
    return added


def _refuse_twin(s: Session, values: dict[str, object], person_id: int | None = None) -> None:
    """Refused when another person on the roster has this name and this mobile: the same person
    entered twice (two people may share a name, not a mobile number as well)."""
    if not values["mobile"]:
        return
    same = (PersonRow.name == values["name"], PersonRow.mobile == values["mobile"])
    twin = s.scalar(select(PersonRow.id).where(*same, PersonRow.id != (person_id or 0)))
    if twin is not None:
        raise ValidationError("field.mobile", Message("person.twin", name=values["name"], id=twin))


class PeopleService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- staff -----------------------------------------------------------------------------
    def list_people(
        self,
        actor: Actor,
        *,
        search: str = "",
        branch_role: BranchRole | None = None,
        on_duty: bool | None = None,
    ) -> list[PersonInfo]:
        require(actor, "person.list")
        query = select(PersonRow)
        if text := v.search(search):
            query = query.where(
                _mentioning(text, PersonRow.name, PersonRow.mobile, PersonRow.phone, PersonRow.notes)
            )
        if branch_role is not None:
            query = query.where(PersonRow.branch_role == branch_role.value)
        if on_duty is not None:
            query = query.where(PersonRow.on_duty.is_(on_duty))
        with self._sessions() as s:
            people = [person_info(p) for p in s.scalars(query)]
        order = {role: i for i, role in enumerate(BranchRole)}
        return sorted(people, key=lambda p: (order[p.branch_role], p.name, p.id))

    def get_person(self, actor: Actor, person_id: int) -> PersonInfo:
        require(actor, "person.list")
        with self._sessions() as s:
            return person_info(self._person(s, person_id))

    def add_person(self, actor: Actor, data: PersonInput) -> PersonInfo:
        require(actor, "person.create")
        values = clean_person(data)
        with self._sessions.begin() as s:
            _refuse_twin(s, values)
            person = PersonRow(**values)
            s.add(person)
            s.flush()
            record(s, actor, "person.create", "person", person.id, after=values)
            return person_info(person)

    def import_roster(self, actor: Actor, roster: Roster, *, dry_run: bool = False) -> list[PersonInfo]:
        """Every row of a roster file (core/people/roster.py) added in one transaction, all or none,
        the first refusal naming its line and column; `dry_run` checks as much and writes nothing.
        A row repeating another's name and mobile, or someone's on the roster, is refused as one
        person entered twice."""
        require(actor, "person.create")
        checked: list[tuple[RosterRow, dict[str, object]]] = []
        seen: dict[tuple[object, object], int] = {}
        for row in roster.rows:
            try:
                values = clean_person(row.person)
            except ValidationError as exc:
                raise roster.refusal(row, exc) from None
            key = (values["name"], values["mobile"])
            if values["mobile"] and key in seen:
                column = roster.headings.get("mobile", "")
                raise roster_refused(roster.source, row.line, column, Message("roster.twice", line=seen[key]))
            seen[key] = row.line
            checked.append((row, values))
        with self._sessions() as s:
            added = []
            for row, values in checked:
                try:
                    _refuse_twin(s, values)
                except ValidationError as exc:
                    raise roster.refusal(row, exc) from None
                person = PersonRow(**values)
                s.add(person)
                s.flush()
                record(s, actor, "person.create", "person", person.id, after=values)
                added.append(person_info(person))
            if dry_run:
                s.rollback()
            else:
                s.commit()
        return added

    def update_person(
        self, actor: Actor, person_id: int, data: PersonInput, opened: PersonInfo | None = None
    ) -> PersonInfo:
        """Save every field of `data`. `opened` is the person as the form showing `data` was filled
        (None from the command line): refused with StaleRecord, nothing written, when another PC or
        window changed them since, so a note typed here never puts back an old mobile number."""
        require(actor, "person.update")
        values = clean_person(data)
        with self._sessions.begin() as s:
            person = self._person(s, person_id, lock=True)
            if opened is not None:
                refuse_if_changed(
                    _stored(opened), _stored(person_info(person)), Message("person.record", name=opened.name)
                )
            _refuse_twin(s, values, person_id)
            before = _fields(person_info(person), values)
            for key, value in values.items():
                setattr(person, key, value)
            s.flush()
            record(s, actor, "person.update", "person", person.id, before=before, after=values)
            return person_info(person)

    def open_items(self, actor: Actor, person_id: int) -> list[OpenItem]:
        """The open items that name the person and would name nobody on the roster once they are
        removed or renamed (references.open_items): the window lists them before it asks."""
        from branchguard.core.people import references  # the other domains' models: on use only

        require(actor, "person.list")
        with self._sessions() as s:
            return references.open_items(s, self._person(s, person_id))

    def remove_person(self, actor: Actor, person_id: int, *, despite_open_items: bool = False) -> None:
        """Remove the person. Refused while the team roster keeps them (a role, training records:
        the message names them); refused too while open items name them, unless the lead has seen
        that list and goes ahead (`despite_open_items`), so nothing is left to a name nobody has."""
        from branchguard.core.people import references  # the other domains' models: on use only

        require(actor, "person.delete")
        with self._sessions.begin() as s:
            person = self._person(s, person_id)
            if (uses := references.team_uses(s, person)) is not None:
                raise ValidationError("field.name", uses)
            if not despite_open_items and (items := references.open_items(s, person)):
                said = Message(
                    "person.has_open_items", name=person.name, n=len(items), items=references.listed(items)
                )
                raise ValidationError("field.name", said)
            before = _fields(person_info(person), clean_person_keys())
            s.delete(person)
            record(s, actor, "person.delete", "person", person_id, before=before)

    def _person(self, s: Session, person_id: int, *, lock: bool = False) -> PersonRow:
        """The person's row; with `lock`, locked and read fresh for a change (db/locks.py)."""
        person = locked(s, PersonRow, person_id) if lock else s.get(PersonRow, person_id)
        if person is None:
            raise NotFound(Message("notfound", what=Message("entity.person"), id=person_id))
        return person

    # -- contacts --------------------------------------------------------------------------
    def list_contacts(
        self, actor: Actor, *, search: str = "", kind: ContactKind | None = None
    ) -> list[ContactInfo]:
        require(actor, "contact.list")
        query = select(ContactRow).order_by(ContactRow.sort_order, ContactRow.name, ContactRow.id)
        if text := v.search(search):
            query = query.where(
                _mentioning(text, ContactRow.name, ContactRow.phone, ContactRow.alt_phone, ContactRow.notes)
            )
        if kind is not None:
            query = query.where(ContactRow.kind.in_(kind.stored_values()))
        with self._sessions() as s:
            return [contact_info(c) for c in s.scalars(query)]

    def add_contact(self, actor: Actor, data: ContactInput) -> ContactInfo:
        require(actor, "contact.create")
        values = clean_contact(data)
        with self._sessions.begin() as s:
            contact = ContactRow(**values, builtin=False, sort_order=100)
            s.add(contact)
            s.flush()
            record(s, actor, "contact.create", "contact", contact.id, after=values)
            return contact_info(contact)

    def get_contact(self, actor: Actor, contact_id: int) -> ContactInfo:
        require(actor, "contact.list")
        with self._sessions() as s:
            return contact_info(self._contact(s, contact_id))

    def update_contact(
        self, actor: Actor, contact_id: int, data: ContactInput, opened: ContactInfo | None = None
    ) -> ContactInfo:
        """Save every field of `data`; `opened` as in `update_person` (a contact holds no time)."""
        require(actor, "contact.update")
        values = clean_contact(data)
        with self._sessions.begin() as s:
            contact = self._contact(s, contact_id, lock=True)
            if opened is not None:
                named = Message("contact.record", name=opened.shown_name)
                refuse_if_changed(opened, contact_info(contact), named)
            if contact.builtin and (values["phone"] != contact.phone or values["kind"] != contact.kind):
                raise ValidationError(
                    "field.phone", Message("validation.builtin_contact", value=contact.phone)
                )
            before = _fields(contact_info(contact), values)
            for key, value in values.items():
                setattr(contact, key, value)
            s.flush()
            record(s, actor, "contact.update", "contact", contact.id, before=before, after=values)
            return contact_info(contact)

    def remove_contact(self, actor: Actor, contact_id: int) -> None:
        require(actor, "contact.delete")
        with self._sessions.begin() as s:
            contact = self._contact(s, contact_id)
            if contact.builtin:
                raise ValidationError(
                    "field.phone", Message("validation.builtin_contact", value=contact.phone)
                )
            before = {"name": contact.name, "kind": contact.kind, "phone": contact.phone}
            s.delete(contact)
            record(s, actor, "contact.delete", "contact", contact_id, before=before)

    def _contact(self, s: Session, contact_id: int, *, lock: bool = False) -> ContactRow:
        """The contact's row; with `lock`, locked and read fresh for a change (db/locks.py)."""
        contact = locked(s, ContactRow, contact_id) if lock else s.get(ContactRow, contact_id)
        if contact is None:
            raise NotFound(Message("notfound", what=Message("entity.contact"), id=contact_id))
        return contact


def clean_person_keys() -> dict[str, object]:
    return dict.fromkeys(("name", "branch_role", "mobile", "phone", "on_duty", "notes"))


def _stored(person: PersonInfo) -> dict[str, object]:
    """What tells whether a person changed since a form was opened: the fields the form edits.
    Not `updated_at`: the clock sets it, and on SQLite the save's own lock moves it (the no-op
    UPDATE of db/locks.py runs the column's onupdate), so it would differ on every save."""
    return _fields(person, clean_person_keys())


def _mentioning(text: str, *columns: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """Any of `columns` holds `text` as typed, case aside: `%` and `_` are characters to find,
    not wildcards (a search for "%" once listed everyone)."""
    return or_(*(column.icontains(text, autoescape=True) for column in columns))


def _fields(info: object, keys: dict[str, object]) -> dict[str, object]:
    values = asdict(info)  # type: ignore[call-overload]
    return {k: (values[k].value if hasattr(values[k], "value") else values[k]) for k in keys}
