"""Team roster and training: who holds each plan role (with a backup), training records and their
expiry reminders (one-off TRAINING schedules added in the record's own transaction), audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.kernel import validation as v
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, both, saying, t
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor, Text2
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules.service import ScheduleService
from branchguard.core.schedules.types import ScheduleInput, ScheduleKind
from branchguard.core.team import library, rules, store
from branchguard.core.team.types import Person, TeamRole, TrainingInput, TrainingKind, TrainingRecord
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.foundation import PersonRow
from branchguard.db.models.team import TeamAssignmentRow, TrainingRecordRow

REMIND_AT = time(9, 0)  # the reminder's wall-clock time on its day
Today = Callable[[], date]


class TeamService:
    def __init__(
        self, sessions: sessionmaker[Session], schedules: ScheduleService, today: Today = date.today
    ):
        self._sessions = sessions
        self._schedules = schedules
        self._today = today

    # -- roster --------------------------------------------------------------------------------
    def kinds(self) -> tuple[TrainingKind, ...]:
        return library.kinds()

    def roles(self, actor: Actor) -> list[TeamRole]:
        """Every role the approved plans name (and any role still assigned though no plan names
        it now, marked so), with who holds it and what it lacks today."""
        require(actor, "team.list")
        with self._sessions() as s:
            roles, former = store.roster_roles(s)
            return store.team(s, roles, self._today(), former)

    def people(self, actor: Actor) -> list[Person]:
        require(actor, "team.list")
        with self._sessions() as s:
            return sorted(store.people(s).values(), key=lambda p: (p.name, p.id))

    def person_named(self, actor: Actor, name: str, field: str) -> Person:
        """The one person of that name; a clear error naming `field` for none or several."""
        require(actor, "team.list")
        wanted = v.text(name, field, limit=100)
        with self._sessions() as s:
            found = list(s.scalars(select(PersonRow).where(PersonRow.name == wanted)))
        if not found:
            raise ValidationError(field, Message("team.no_such_person", name=wanted))
        if len(found) > 1:
            raise ValidationError(field, Message("team.person_ambiguous", name=wanted, n=len(found)))
        return Person(found[0].id, found[0].name, found[0].on_duty)

    def assign(
        self,
        actor: Actor,
        role: str,
        person_id: int | None,
        backup_id: int | None = None,
        opened: rules.Holders | None = None,
    ) -> TeamRole:
        """Give the role a holder and (optionally) a backup, replacing who held it before.

        `opened`: the holder and backup the form showed (`rules.holders_of` of the role it read;
        None from the command line). The form sends both, so if another PC named someone else
        since, saving would silently put the old one back: StaleRecord, nothing written."""
        require(actor, "team.assign")
        with self._sessions.begin() as s:
            roles, former = store.roster_roles(s)
            code = role.strip()
            if code not in roles:
                raise ValidationError("field.team_role", Message("team.unknown_role", role=code))
            row = store.assignments(s).get(code)
            if row is not None:
                row = locked(s, TeamAssignmentRow, row.id)
            refuse_if_changed(opened, rules.holders_of(row), Message("team.role_record", role=roles[code]))
            if person_id is None:  # a form with nobody chosen
                raise ValidationError("field.holder", Message("validation.required"))
            holder = self._person(s, person_id, "field.holder")
            backup = self._person(s, backup_id, "field.backup") if backup_id is not None else None
            if backup is not None and backup.id == holder.id:
                raise ValidationError("field.backup", Message("team.backup_is_holder", name=holder.name))
            before = {"holder": row.person_id, "backup": row.backup_id} if row else None
            if row is None:
                row = TeamAssignmentRow(role_code=code, person_id=holder.id, assigned_by=actor.username)
                s.add(row)
            row.person_id, row.backup_id = holder.id, backup.id if backup else None
            row.assigned_by, row.assigned_at = actor.username, utcnow()
            s.flush()
            after = {"role": code, "holder": holder.id, "backup": row.backup_id}
            record(
                s,
                actor,
                "team.assign",
                "team_assignment",
                row.id,
                before=before,
                after=after,
                summary=saying(
                    "team.audit.assigned_with_backup" if backup else "team.audit.assigned",
                    role=both(roles[code].zh, roles[code].en),
                    holder=holder.name,
                    backup=backup.name if backup else "",
                ),
            )
            return next(r for r in store.team(s, {code: roles[code]}, self._today(), former))

    def unassign(self, actor: Actor, role: str, opened: rules.Holders | None = None) -> Text2:
        """Nobody holds the role any more: the way to free its holder (and backup) to leave the
        staff list, the only way once no approved plan names the role (it then leaves the roster).
        Returns the role's names.

        `opened`: the holder and backup the window asked about (`rules.holders_of`; None from the
        command line): if another PC named someone else since, StaleRecord, nothing written."""
        require(actor, "team.assign")
        with self._sessions.begin() as s:
            roles, _former = store.roster_roles(s)
            code = role.strip()
            row = store.assignments(s).get(code)
            if row is not None:
                row = locked(s, TeamAssignmentRow, row.id)
            name = roles.get(code, Text2(code, code))
            refuse_if_changed(opened, rules.holders_of(row), Message("team.role_record", role=name))
            if row is None:
                raise ValidationError("field.team_role", Message("team.not_assigned", role=code))
            holder = s.get(PersonRow, row.person_id)
            before = {"role": row.role_code, "holder": row.person_id, "backup": row.backup_id}
            s.delete(row)
            record(
                s,
                actor,
                "team.assign",
                "team_assignment",
                row.id,
                before=before,
                after=None,
                summary=saying(
                    "team.audit.unassigned",
                    role=both(name.zh, name.en),
                    holder=holder.name if holder else str(row.person_id),
                ),
            )
            return name

    # -- training ------------------------------------------------------------------------------
    def trainings(
        self, actor: Actor, *, expiring_days: int | None = None, person_id: int | None = None
    ) -> list[TrainingRecord]:
        """Training records; with `expiring_days`, only current (not renewed) certificates that
        expire within that many days from today, expired ones included."""
        require(actor, "training.list")
        today = self._today()
        with self._sessions() as s:
            found = store.records(s, today)
        if person_id is not None:
            found = [r for r in found if r.person_id == person_id]
        if expiring_days is not None:
            days = v.int_range(expiring_days, "field.expiring_days", 0, 3650)
            found = [
                r
                for r in found
                if r.expires_on is not None and not r.renewed and (r.expires_on - today).days <= days
            ]
        return found

    def add_training(self, actor: Actor, data: TrainingInput) -> TrainingRecord:
        """Record a training; a certificate with an expiry gets its one reminder; the person's
        earlier records of the same kind, now renewed, lose theirs."""
        require(actor, "training.add")
        with self._sessions.begin() as s:
            values = self._clean(s, data)
            row = TrainingRecordRow(**values, created_by=actor.username)
            s.add(row)
            s.flush()
            self._remind(s, actor, row)
            for older in store.earlier_of(s, row):
                self._end_reminder(s, actor, older, t("team.renewed_note"))
            record(s, actor, "training.add", "training_record", row.id, after=_plain(values))
            info = store.records(s, self._today(), [row])[0]
        self._schedules.notify()
        return info

    def training(self, actor: Actor, record_id: int) -> TrainingRecord:
        """One record as it is now (a form shows it again when its save was refused as stale)."""
        require(actor, "training.list")
        with self._sessions() as s:
            row = self._training_row(s, record_id)
            return store.records(s, self._today(), [row])[0]

    def update_training(
        self, actor: Actor, record_id: int, data: TrainingInput, opened: TrainingInput | None = None
    ) -> TrainingRecord:
        """Correct a record; its reminder follows the new expiry.

        `opened`: what the form was filled from (`rules.as_edited` of the record it read; None from
        the command line). A form saves every field, so if another PC corrected any since, saving
        would silently put the old one back: StaleRecord, nothing written."""
        require(actor, "training.update")
        with self._sessions.begin() as s:
            row = self._training_row(s, record_id, lock=True)
            refuse_if_changed(opened, rules.as_edited(row), Message("team.training_record", id=record_id))
            values = self._clean(s, data)
            before = _plain({k: getattr(row, k) for k in values})
            self._end_reminder(s, actor, row, t("team.corrected_note"))
            for key, value in values.items():
                setattr(row, key, value)
            s.flush()
            self._remind(s, actor, row)
            record(
                s, actor, "training.update", "training_record", row.id, before=before, after=_plain(values)
            )
            info = store.records(s, self._today(), [row])[0]
        self._schedules.notify()
        return info

    # -- helpers -------------------------------------------------------------------------------
    def _training_row(self, s: Session, record_id: int, *, lock: bool = False) -> TrainingRecordRow:
        """The record's row; with `lock`, locked and read fresh for a change (db/locks.py)."""
        row = locked(s, TrainingRecordRow, record_id) if lock else s.get(TrainingRecordRow, record_id)
        if row is None:
            raise NotFound(Message("notfound", what=Message("entity.training_record"), id=record_id))
        return row

    def _person(self, s: Session, person_id: int, field: str) -> PersonRow:
        row = s.get(PersonRow, person_id)
        if row is None:
            raise ValidationError(field, Message("notfound", what=Message("entity.person"), id=person_id))
        return row

    def _clean(self, s: Session, data: TrainingInput) -> dict[str, object]:
        person = self._person(s, data.person, "field.person")
        kind = library.kind_named(data.kind)
        if kind is None:
            raise ValidationError("field.training_kind", Message("team.unknown_kind", kind=data.kind))
        trained = v.day(data.trained_on, "field.trained_on")
        if trained > self._today():
            raise ValidationError(
                "field.trained_on", Message("team.trained_in_future", day=trained.isoformat())
            )
        expires = v.day(data.expires_on, "field.expires_on") if data.expires_on is not None else None
        if expires is not None and expires <= trained:
            raise ValidationError(
                "field.expires_on", Message("team.expires_before_trained", day=expires.isoformat())
            )
        return {
            "person_id": person.id,
            "kind": kind,
            "trained_on": trained,
            "expires_on": expires,
            "certificate": v.text(data.certificate, "field.certificate", required=False, limit=100),
            "notes": v.text(data.notes, "field.notes", required=False, limit=2000),
        }

    def _remind(self, s: Session, actor: Actor, row: TrainingRecordRow) -> None:
        """The record's one reminder, REMIND_DAYS before its expiry (at once if that day is past);
        none for a record a later one renews (an older certificate entered afterwards)."""
        if row.expires_on is None or store.renewed(s, row):
            row.schedule_id = None
            return
        person = s.get(PersonRow, row.person_id)
        name = person.name if person else ""
        title = t(
            "team.schedule_title",
            person=name,
            kind=library.kind_name(row.kind).text,
            day=row.expires_on.isoformat(),
        )
        sched = self._schedules.add_in(
            s,
            actor,
            ScheduleInput(
                title=title[:200],
                start=datetime.combine(rules.remind_on(row.expires_on), REMIND_AT),
                kind=ScheduleKind.TRAINING,
                owner=name[:100],
                lead_minutes=0,  # due on the reminder's day: one reminder, then it stays open
                subject_id=row.id,
            ),
        )
        row.schedule_id = sched.id

    def _end_reminder(self, s: Session, actor: Actor, row: TrainingRecordRow, note: str) -> None:
        if row.schedule_id is None:
            return
        self._schedules.set_active_in(s, actor, row.schedule_id, False)
        schedule_links.finish_open(s, actor, schedule_id=row.schedule_id, note=note)
        row.schedule_id = None


def _plain(values: dict[str, object]) -> dict[str, object]:
    return {k: (val.isoformat() if isinstance(val, date) else val) for k, val in values.items()}
