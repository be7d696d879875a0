"""Reading incidents into plain data: steps from the plan version, their state from the log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Protocol, cast

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents.log import read_entries, read_page, step_entries
from branchguard.core.incidents.types import (
    ActionFilter,
    EntryKind,
    FollowUpAction,
    IncidentDetail,
    IncidentFilter,
    IncidentStatus,
    IncidentStep,
    IncidentSummary,
    LogEntry,
    StepState,
)
from branchguard.core.kernel.i18n import LANGUAGES, has_message, t
from branchguard.core.kernel.types import Level, Text2
from branchguard.core.people.types import builtin_name
from branchguard.core.playbooks.types import IncidentCategory
from branchguard.core.schedules.titles import made_title
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.foundation import ContactRow
from branchguard.db.models.incidents import IncidentActionRow, IncidentRow
from branchguard.db.models.playbooks import PlaybookVersionRow, StepRow


def filtered(flt: IncidentFilter) -> Select[tuple[IncidentRow]]:
    """The incidents a filter selects, but for its full-text `search` (which needs the session):
    the list and the dashboard's counts use this one statement."""
    stmt = select(IncidentRow)
    if flt.status is not None:
        stmt = stmt.where(IncidentRow.status == flt.status.value)
    if flt.level is not None:
        stmt = stmt.where(IncidentRow.level == flt.level.value)
    if flt.drill is not None:
        stmt = stmt.where(IncidentRow.drill == flt.drill)
    if flt.since is not None:
        stmt = stmt.where(IncidentRow.started_at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(IncidentRow.started_at < flt.until)
    if flt.checkpoint_overdue:  # the rest is `overdue_checkpoint`, over the log's step marks
        stmt = stmt.where(IncidentRow.status == IncidentStatus.OPEN.value)
    return stmt


ActionRows = Select[tuple[IncidentActionRow, str | None, bool | None, datetime | None]]


def actions_filtered(flt: ActionFilter, today: date) -> ActionRows:
    """(action, incident title, drill, complaint received) of the actions `flt` selects (an
    incident's or a drill's have the first two, a complaint's the last); overdue: not done and due
    before `today` (the local day): the action list and the dashboard's count read this."""
    stmt = (
        select(IncidentActionRow, IncidentRow.title, IncidentRow.drill, ComplaintRow.received_at)
        .outerjoin(IncidentRow, IncidentRow.id == IncidentActionRow.incident_id)
        .outerjoin(ComplaintRow, ComplaintRow.id == IncidentActionRow.complaint_id)
    )
    if flt.open_only or flt.overdue_only:
        stmt = stmt.where(IncidentActionRow.done_at.is_(None))
    if flt.overdue_only:
        stmt = stmt.where(IncidentActionRow.due.is_not(None), IncidentActionRow.due < today)
    return cast(ActionRows, stmt)  # outer joins: the typed columns may be None


class CheckpointFacts(Protocol):
    """What `overdue_checkpoint` reads of an incident: a loaded row, or a row of these columns."""

    @property
    def id(self) -> int: ...
    @property
    def playbook_version_id(self) -> int | None: ...
    @property
    def started_at(self) -> datetime: ...


def overdue_checkpoint(session: Session, row: CheckpointFacts, now: datetime) -> bool:
    """Whether a reporting checkpoint (上报) of the incident is still pending past its deadline."""
    steps, _version = plan_steps(session, row.playbook_version_id)
    if not any(step.checkpoint for step in steps):
        return False
    for step in apply_log(steps, step_entries(session.connection(), row.id)):
        due = step.deadline_at(row.started_at) if step.checkpoint else None
        if step.state == StepState.PENDING and due is not None and due < now:
            return True
    return False


def selected(
    session: Session, flt: IncidentFilter, stmt: Select[tuple[IncidentRow]], now: datetime
) -> list[IncidentRow]:
    """The rows of `stmt` (built from `flt` by `filtered`), with its checkpoint part applied: the
    incident list and the dashboard's count (`count_selected`) read this one list."""
    rows = list(session.scalars(stmt))
    if flt.checkpoint_overdue:
        rows = [row for row in rows if overdue_checkpoint(session, row, now)]
    return rows


def count_selected(session: Session, flt: IncidentFilter, now: datetime) -> int:
    """How many rows `selected` gives for `flt`, from the columns its checkpoint part reads only: no
    incident is loaded as an ORM object, whose statement and loading a fresh process prepared for
    the dashboard's one figure (~4 ms of its first read)."""
    columns = (IncidentRow.id, IncidentRow.playbook_version_id, IncidentRow.started_at)
    facts = filtered(flt).with_only_columns(*columns)
    rows = session.execute(facts).all()
    if flt.checkpoint_overdue:
        return sum(1 for row in rows if overdue_checkpoint(session, row, now))
    return len(rows)


def shown_title(title: str, names: Mapping[str, Text2] | None = None) -> str:
    """An incident's title in the reader's language when the program gave it: its plan's title
    (found in `names`, every plan title by either spelling) or the ad hoc title; a typed one as stored."""
    if names and title in names:
        return names[title].text
    if any(title == t("incident.ad_hoc_title", lang) for lang in LANGUAGES):
        return t("incident.ad_hoc_title")
    return made_title(title, names)  # a drill's run: "演练：…" as its plan reads


def summary_of(row: IncidentRow, names: Mapping[str, Text2] | None = None) -> IncidentSummary:
    return IncidentSummary(
        id=row.id,
        title=shown_title(row.title, names),
        playbook_code=row.playbook_code,
        playbook_version=row.playbook_version,
        category=IncidentCategory(row.category),
        level=Level(row.level),
        drill=row.drill,
        status=IncidentStatus(row.status),
        started_by=row.started_by,
        started_at=row.started_at,
        closed_at=row.closed_at,
        entry_count=row.last_seq,
        chain_head=row.chain_head,
        warning_level=WarningLevel(row.warning_level) if row.warning_level else None,
        playbook_version_id=row.playbook_version_id,
    )


def action_of(row: IncidentActionRow) -> FollowUpAction:
    return FollowUpAction(
        row.id, row.incident_id, row.text, row.owner, row.due, row.done_at, row.done_by, row.complaint_id
    )


def apply_log(steps: Sequence[IncidentStep], entries: Sequence[LogEntry]) -> tuple[IncidentStep, ...]:
    """Each step's state after replaying the log: marks set it, a correction of a mark undoes it."""
    state: dict[
        int, tuple[StepState, str | None, object, str, int]
    ] = {}  # number -> (state, by, at, reason, seq)
    by_seq = {e.seq: e for e in entries}
    for e in entries:
        if e.kind in (EntryKind.STEP_DONE, EntryKind.STEP_SKIPPED) and e.step is not None:
            done = e.kind == EntryKind.STEP_DONE
            reason = "" if done else e.text
            state[e.step] = (StepState.DONE if done else StepState.SKIPPED, e.actor, e.at, reason, e.seq)
        elif e.kind == EntryKind.CORRECTION and e.corrects is not None:
            target = by_seq.get(e.corrects)
            if target and target.step is not None and state.get(target.step, (None,) * 5)[4] == target.seq:
                state.pop(target.step)
    result = []
    for s in steps:
        if s.number in state:
            st, by, at, reason, _seq = state[s.number]
            s = IncidentStep(**{**s.__dict__, "state": st, "by": by, "at": at, "reason": reason})
        result.append(s)
    return tuple(result)


def with_holders(steps: Sequence[IncidentStep], entries: Sequence[LogEntry]) -> tuple[IncidentStep, ...]:
    """The steps with who held each role, from the incident's team check entry (core/incidents/
    team_check.py; none: as they are), so every view shows the team as it stood at the start."""
    entry = next((e for e in entries if e.kind == EntryKind.TEAM), None)
    roles = (entry.data.get("roles") or ()) if entry else ()
    held: dict[str, dict[str, str]] = {str(r.get("role", "")): r for r in roles}
    out = []
    for step in steps:
        team = held.get(step.role)
        if team is not None:
            step = IncidentStep(
                **{**step.__dict__, "holder": team.get("holder", ""), "backup": team.get("backup", "")}
            )
        out.append(step)
    return tuple(out)


def _plan_names(version: PlaybookVersionRow | None) -> dict[str, Text2]:
    if version is None:
        return {}
    title = Text2(version.title_zh, version.title_en)
    return {spelling: title for spelling in (version.title_zh, version.title_en) if spelling}


def plan_steps(
    session: Session, version_id: int | None
) -> tuple[tuple[IncidentStep, ...], PlaybookVersionRow | None]:
    if version_id is None:
        return (), None
    version = session.get(PlaybookVersionRow, version_id)
    if version is None:
        return (), None
    roles = {r["code"]: Text2(r.get("zh", ""), r.get("en", "")) for r in version.roles}
    for code in {row.role for row in version.steps} - roles.keys():  # a branch post, not a plan team
        if has_message(key := f"branch_role.{code}"):
            roles[code] = Text2(t(key, "zh_CN"), t(key, "en"))
    rows: Sequence[StepRow] = version.steps
    return (
        tuple(
            IncidentStep(
                number=i,
                key=row.key,
                text=Text2(row.text_zh, row.text_en),
                role=row.role,
                role_name=roles.get(row.role, Text2()),
                target_minutes=row.target_minutes,
                checkpoint=row.checkpoint,
                deadline_minutes=row.deadline_minutes,
                condition=Text2(row.condition_zh, row.condition_en),
                goto=row.goto_key,
            )
            for i, row in enumerate(rows, start=1)
        ),
        version,
    )


def call_list(session: Session, version: PlaybookVersionRow | None) -> tuple[tuple[str, str, str], ...]:
    """The plan's contacts first, then the branch's emergency contacts; each number once."""
    seen: set[str] = set()
    out: list[tuple[str, str, str]] = []
    plan = [
        (c.get("kind", "other"), c.get("name", ""), c.get("phone", ""))
        for c in (version.contacts if version else [])
    ]
    branch = [
        (c.kind, builtin_name(c.kind, c.name) if c.builtin else c.name, c.phone)
        for c in session.scalars(select(ContactRow).order_by(ContactRow.sort_order, ContactRow.id))
    ]
    for kind, name, phone in plan + branch:
        if phone and phone not in seen:
            seen.add(phone)
            out.append((kind, name, phone))
    return tuple(out)


def detail_of(session: Session, row: IncidentRow, *, with_entries: bool = True) -> IncidentDetail:
    """The incident in full; without its entries (`entries` empty) for views that page a long log."""
    conn: Connection = session.connection()
    entries = read_entries(conn, row.id) if with_entries else step_entries(conn, row.id)
    # the team check is the second entry, if any: read it even when the log itself is paged
    head = entries if with_entries else read_page(conn, row.id, 0, 2)
    steps, version = plan_steps(session, row.playbook_version_id)
    actions = session.scalars(
        select(IncidentActionRow)
        .where(IncidentActionRow.incident_id == row.id)
        .order_by(IncidentActionRow.id)
    )
    return IncidentDetail(
        summary=summary_of(row, _plan_names(version)),
        location=row.location,
        report_fields=dict(row.report_fields or {}),
        steps=with_holders(apply_log(steps, entries), head),
        entries=tuple(entries) if with_entries else (),
        actions=tuple(action_of(a) for a in actions),
        closed_by=row.closed_by,
        outcome=row.outcome,
        injuries=row.injuries,
        losses_cents=row.losses_cents,
        root_cause=row.root_cause,
        contacts=call_list(session, version),
    )
