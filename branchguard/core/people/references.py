"""What still refers to a person on the roster: by id, the team roles they hold or back up and
their training records (which keep them on it); by name, the open items that name them as owner
or handler. Records name people by the name they had when written (they are evidence, never
rewritten), so an open item whose name leaves the roster is owned by nobody anyone can find:
the lead is told of them before a removal or a rename. Reads only; takes a session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from branchguard.core.kernel.i18n import Listed, Message
from branchguard.db.models.complaints import ComplaintRow
from branchguard.db.models.foundation import PersonRow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.incidents import IncidentActionRow
from branchguard.db.models.schedules import ScheduleRow
from branchguard.db.models.team import TeamAssignmentRow, TrainingRecordRow

SEP = "person.list_sep"  # the uses and open items named in one message


@dataclass(frozen=True)
class OpenItem:
    """An open item that names a person: `kind` is hazard, action, complaint or schedule."""

    kind: str
    id: int
    title: str

    @property
    def message(self) -> Message:
        return Message(f"person.open.{self.kind}", id=self.id, title=self.title)

    def __str__(self) -> str:
        return self.message.text()


def team_uses(s: Session, person: PersonRow) -> Message | None:
    """Why the team roster keeps the person (the roles they hold or back up, by name; how many
    training records they have), or None when it does not."""
    from branchguard.core.team import store as team_store  # the roster's models, only when asked

    names = team_store.plan_roles(s)  # a role no plan names any more: by its post's name, else its code
    uses: list[Message] = []
    for row in s.scalars(select(TeamAssignmentRow).order_by(TeamAssignmentRow.role_code)):
        role = team_store.role_name(row.role_code, names)
        if row.person_id == person.id:
            uses.append(Message("person.uses.holder", role=role))
        if row.backup_id == person.id:
            uses.append(Message("person.uses.backup", role=role))
    trained = s.scalar(select(func.count()).where(TrainingRecordRow.person_id == person.id)) or 0
    if trained:
        uses.append(Message("person.uses.training", n=trained))
    return Message("person.in_team", name=person.name, uses=Listed(tuple(uses), SEP)) if uses else None


def open_items(s: Session, person: PersonRow) -> list[OpenItem]:
    """The open items naming `person` that would name nobody on the roster without them: none
    while someone else on the roster has the same name (they still answer to it). Open is what
    each register counts as open: a hazard not yet verified or closed, a corrective action not
    done, a complaint not archived or withdrawn (handled by its handler, else its first-responsible
    person, as its reminders are), an active schedule of their own (a drill's, an inspection's, one
    made by hand: the reminders of the items above go with their item and are not listed twice)."""
    name = person.name
    namesake = select(PersonRow.id).where(PersonRow.name == name, PersonRow.id != person.id).limit(1)
    if s.scalar(namesake) is not None:
        return []
    # the registers' own words for "open", loaded only when asked (not with the roster's page)
    from branchguard.core.complaints.store import OPEN as OPEN_COMPLAINTS
    from branchguard.core.hazards.types import HazardStatus
    from branchguard.core.schedules.types import ScheduleKind

    open_hazards = [h.value for h in HazardStatus if h.is_open]
    reminders = [k.value for k in (ScheduleKind.HAZARD, ScheduleKind.ACTION, ScheduleKind.COMPLAINT)]
    handles = or_(
        ComplaintRow.handler == name, and_(ComplaintRow.handler == "", ComplaintRow.first_responsible == name)
    )
    hazards = select(HazardRow.id, HazardRow.title).where(
        HazardRow.owner == name, HazardRow.status.in_(open_hazards)
    )
    actions = select(IncidentActionRow.id, IncidentActionRow.text).where(
        IncidentActionRow.owner == name, IncidentActionRow.done_at.is_(None)
    )
    complaints = select(ComplaintRow.id, ComplaintRow.request).where(
        handles, ComplaintRow.status.in_(OPEN_COMPLAINTS)
    )
    schedules = select(ScheduleRow.id, ScheduleRow.title).where(
        ScheduleRow.owner == name, ScheduleRow.active.is_(True), ScheduleRow.kind.not_in(reminders)
    )
    queries = (("hazard", hazards), ("action", actions), ("complaint", complaints), ("schedule", schedules))
    return [
        OpenItem(kind, id_, _short(title))
        for kind, query in queries
        for id_, title in s.execute(query.order_by(query.selected_columns[0]))
    ]


def listed(items: list[OpenItem]) -> Listed:
    """The open items as one parameter of a message."""
    return Listed(tuple(i.message for i in items), SEP)


def _short(text: str, limit: int = 60) -> str:
    """A title on one line, cut to fit a list in a message box."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
