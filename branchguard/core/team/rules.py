"""The roster's pure computations: a certificate's state on a day, when its reminder is due, what
a role is missing, and how a role reads with its people. No session, no I/O, no clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.types import Text2
from branchguard.core.team.types import Expiry, Gap, Person, RoleGap, TeamRole, TrainingInput, TrainingRecord
from branchguard.db.models.team import TeamAssignmentRow, TrainingRecordRow

# An expiring certificate is reminded this many days before it expires, once.
REMIND_DAYS = 30


def expiry(expires_on: date | None, today: date) -> Expiry:
    if expires_on is None:
        return Expiry.NONE
    if expires_on < today:
        return Expiry.EXPIRED
    if expires_on - today <= timedelta(days=REMIND_DAYS):
        return Expiry.EXPIRING
    return Expiry.VALID


def remind_on(expires_on: date) -> date:
    """The day the one reminder of an expiry falls due."""
    return expires_on - timedelta(days=REMIND_DAYS)


# Who holds a role and who backs them up, by person id (None: nobody).
Holders = tuple[int | None, int | None]


def holders_of(team_role: TeamRole | TeamAssignmentRow | None) -> Holders:
    """A role's holder and backup as an assignment form shows them (from the role it read) and as
    stored at the save (from the assignment row, under its lock; None: never assigned), built the
    same so that `assign` can tell whether another PC named someone else in between."""
    if isinstance(team_role, TeamAssignmentRow):
        return team_role.person_id, team_role.backup_id
    if team_role is None:
        return None, None
    return (
        team_role.holder.id if team_role.holder else None,
        team_role.backup.id if team_role.backup else None,
    )


def as_edited(training: TrainingRecord | TrainingRecordRow) -> TrainingInput:
    """The stored fields a correction changes, as the form shows them (from the record it read) and
    as stored at the save (from the row, under its lock), built the same so that `update_training`
    can tell whether another PC corrected the record in between. Nothing computed from the clock
    (the expiry's state), which moves on its own."""
    return TrainingInput(
        person=training.person_id,
        kind=training.kind,
        trained_on=training.trained_on,
        expires_on=training.expires_on,
        certificate=training.certificate,
        notes=training.notes,
    )


def gaps(
    role: str,
    name: Text2,
    holder: Person | None,
    backup: Person | None,
    needs: Sequence[str],
    held: Mapping[int, Iterable[tuple[str, date | None]]],
    today: date,
) -> tuple[RoleGap, ...]:
    """What the role lacks today. The one who acts is the holder, or the backup when the holder is
    off duty; that person must hold a record of each needed training that has not expired
    (`held`: person id → (kind, expires_on) of their current records)."""
    if holder is None:
        return (RoleGap(role, name, Gap.UNASSIGNED),)
    found: list[RoleGap] = []
    acting = holder
    if not holder.on_duty:
        found.append(RoleGap(role, name, Gap.ABSENT, holder.name))
        if backup is None or not backup.on_duty:
            return tuple(found)
        acting = backup
    records = list(held.get(acting.id, ()))
    for kind in needs:
        ends = [end for code, end in records if code == kind]
        if not ends:
            found.append(RoleGap(role, name, Gap.UNTRAINED, acting.name, kind))
        elif all(end is not None and end < today for end in ends):
            found.append(RoleGap(role, name, Gap.EXPIRED, acting.name, kind))
    return tuple(found)


def holders_text(holder: str, backup: str) -> str:
    """ "王建国 (backup 李明)", "王建国", or "" when nobody holds the role."""
    if not holder:
        return ""
    return t("team.holder_with_backup", holder=holder, backup=backup) if backup else holder


def role_text(name: str, holder: str, backup: str) -> str:
    """ "灭火行动组 — 王建国 (backup 李明)"; the role alone where nobody is assigned."""
    people = holders_text(holder, backup)
    return t("team.role_with_holders", role=name, holders=people) if people else name


def shown_name(role: TeamRole) -> str:
    """The role's name in the current language; one no approved plan names any more says so, so
    that the lead sees why it is still listed (its holder can be freed by unassigning it)."""
    return role.name.text if role.in_plans else t("team.role_former", role=role.name.text)
