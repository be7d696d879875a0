"""Roster rows ↔ types: the roles the approved plans name, who holds them, training records, and
the team as it stands when an incident starts. Takes a session, never commits."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.core.kernel.i18n import has_message, t
from branchguard.core.kernel.types import PlaybookStatus, Text2
from branchguard.core.team import library, rules
from branchguard.core.team.types import Person, RoleGap, TeamRole, TrainingRecord
from branchguard.db.models.foundation import PersonRow
from branchguard.db.models.playbooks import PlaybookRow, PlaybookVersionRow
from branchguard.db.models.team import TeamAssignmentRow, TrainingRecordRow


def role_name(code: str, plan_names: dict[str, Text2] | None = None) -> Text2:
    """A role's names: as a plan gives them, else the branch post's, else the code."""
    if plan_names and code in plan_names:
        return plan_names[code]
    if has_message(key := f"branch_role.{code}"):
        return Text2(t(key, "zh_CN"), t(key, "en"))
    return Text2(code, code)


def plan_roles(s: Session) -> dict[str, Text2]:
    """Every role the approved plans name (their role lists and their steps' roles), each once,
    in the order of the plans' codes."""
    versions = s.scalars(
        select(PlaybookVersionRow)
        .join(PlaybookRow, PlaybookRow.id == PlaybookVersionRow.playbook_id)
        .where(PlaybookVersionRow.status == PlaybookStatus.APPROVED.value)
        .order_by(PlaybookRow.code)
    )
    found: dict[str, Text2] = {}
    for version in versions:
        for code, name in roles_of(version).items():
            found.setdefault(code, name)
    return found


def roles_of(version: PlaybookVersionRow) -> dict[str, Text2]:
    """The roles one plan version names (its role list, then its steps' roles) with the names it
    gives them."""
    named = {r["code"]: Text2(r.get("zh", ""), r.get("en", "")) for r in version.roles}
    codes = [*named, *(step.role for step in version.steps)]
    return {code: role_name(code, named) for code in dict.fromkeys(codes) if code}


def former_roles(s: Session, codes: Iterable[str]) -> dict[str, Text2]:
    """Roles still held that no approved plan names any more, each by the name the last plan
    version that named it gave (approved once: drafts name nothing yet), so that the roster can
    still say which role it is and the lead can free its holder; by code."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    found = {code: role_name(code) for code in wanted}
    versions = s.scalars(
        select(PlaybookVersionRow)
        .where(PlaybookVersionRow.status != PlaybookStatus.DRAFT.value)
        .order_by(PlaybookVersionRow.id)
    )
    for version in versions:  # oldest first: the last version that names a role has the last word
        for code, name in roles_of(version).items():
            if code in found:
                found[code] = name
    return found


def roster_roles(s: Session) -> tuple[dict[str, Text2], frozenset[str]]:
    """The roles of the roster: every role the approved plans name, then every role still held
    that none names any more; and the codes of the latter."""
    roles = plan_roles(s)
    former = former_roles(s, assignments(s).keys() - roles.keys())
    return roles | former, frozenset(former)


def person_of(row: PersonRow | None) -> Person | None:
    return Person(row.id, row.name, row.on_duty) if row is not None else None


def people(s: Session) -> dict[int, Person]:
    return {p.id: Person(p.id, p.name, p.on_duty) for p in s.scalars(select(PersonRow))}


def assignments(s: Session) -> dict[str, TeamAssignmentRow]:
    return {a.role_code: a for a in s.scalars(select(TeamAssignmentRow))}


def held(s: Session) -> dict[int, list[tuple[str, date | None]]]:
    """Person id → (kind, expires_on) of every training record they have."""
    out: dict[int, list[tuple[str, date | None]]] = {}
    for person_id, kind, expires in s.execute(
        select(TrainingRecordRow.person_id, TrainingRecordRow.kind, TrainingRecordRow.expires_on)
    ):
        out.setdefault(person_id, []).append((kind, expires))
    return out


def team(s: Session, roles: dict[str, Text2], today: date, former: Collection[str] = ()) -> list[TeamRole]:
    """Each role with its holder, backup, needed training and what it lacks today; those in
    `former` marked as no longer named by an approved plan."""
    everyone, assigned, records = people(s), assignments(s), held(s)
    needs = library.requirements()
    out = []
    for code, name in roles.items():
        row = assigned.get(code)
        holder = everyone.get(row.person_id) if row else None
        backup = everyone.get(row.backup_id) if row and row.backup_id is not None else None
        wanted = needs.get(code, ())
        out.append(
            TeamRole(
                code,
                name,
                holder,
                backup,
                wanted,
                rules.gaps(code, name, holder, backup, wanted, records, today),
                in_plans=code not in former,
            )
        )
    return out


def start_check(s: Session, roles: dict[str, Text2], today: date) -> dict[str, Any] | None:
    """The team of a plan as an incident starts, for its log entry: each role's holder and backup,
    and what each role lacks. None when the branch keeps no roster at all (no role assigned)."""
    if s.scalar(select(TeamAssignmentRow.id).limit(1)) is None:
        return None
    members = team(s, roles, today)
    return {
        "roles": [
            {
                "role": r.code,
                "zh": r.name.zh,
                "en": r.name.en,
                "holder": r.holder.name if r.holder else "",
                "backup": r.backup.name if r.backup else "",
            }
            for r in members
        ],
        "gaps": [gap_data(g) for r in members for g in r.gaps],
    }


def gap_data(g: RoleGap) -> dict[str, str]:
    return {
        "role": g.role,
        "zh": g.name.zh,
        "en": g.name.en,
        "gap": g.gap.value,
        "person": g.person,
        "kind": g.kind,
    }


def record_of(row: TrainingRecordRow, person: str, today: date, renewed: bool) -> TrainingRecord:
    return TrainingRecord(
        id=row.id,
        person_id=row.person_id,
        person=person,
        kind=row.kind,
        kind_name=library.kind_name(row.kind),
        trained_on=row.trained_on,
        expires_on=row.expires_on,
        certificate=row.certificate,
        notes=row.notes,
        expiry=rules.expiry(row.expires_on, today),
        renewed=renewed,
    )


def records(s: Session, today: date, rows: Iterable[TrainingRecordRow] | None = None) -> list[TrainingRecord]:
    """Training records (all, or those given), each marked renewed when a later record of the same
    person and kind exists; by person's name, kind, then date."""
    everyone = people(s)
    every: Sequence[TrainingRecordRow] = list(s.scalars(select(TrainingRecordRow)))
    latest: dict[tuple[int, str], tuple[date, int]] = {}
    for r in every:
        key = (r.person_id, r.kind)
        latest[key] = max(latest.get(key, (r.trained_on, r.id)), (r.trained_on, r.id))
    chosen = every if rows is None else list(rows)
    out = [
        record_of(r, everyone[r.person_id].name, today, latest[(r.person_id, r.kind)] != (r.trained_on, r.id))
        for r in chosen
    ]
    return sorted(out, key=lambda r: (r.person, r.kind, r.trained_on, r.id))


def renewed(s: Session, row: TrainingRecordRow) -> bool:
    """Whether a later record of the same person and kind replaces this one."""
    later = select(TrainingRecordRow.id).where(
        TrainingRecordRow.person_id == row.person_id,
        TrainingRecordRow.kind == row.kind,
        TrainingRecordRow.id != row.id,
        (TrainingRecordRow.trained_on > row.trained_on)
        | ((TrainingRecordRow.trained_on == row.trained_on) & (TrainingRecordRow.id > row.id)),
    )
    return s.scalar(later.limit(1)) is not None


def earlier_of(s: Session, row: TrainingRecordRow) -> list[TrainingRecordRow]:
    """The same person's other records of the same kind taken on or before this one."""
    return list(
        s.scalars(
            select(TrainingRecordRow).where(
                TrainingRecordRow.person_id == row.person_id,
                TrainingRecordRow.kind == row.kind,
                TrainingRecordRow.id != row.id,
                TrainingRecordRow.trained_on <= row.trained_on,
            )
        )
    )

