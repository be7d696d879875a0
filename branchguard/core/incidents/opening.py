"""Opening an incident inside a caller's transaction: the plan's approved version (or none, ad hoc),
the opening level, the start entry with the words it was started under, the warning it quotes and
the team check (core/incidents/team_check.py), audited as incident.start; and the refusal to open
a plan's second real incident while its first is open (`refuse_if_open`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchguard.core.accounts.names import person_of
from branchguard.core.audit.service import record
from branchguard.core.early_warnings.rules import takes_warning
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import team_check
from branchguard.core.incidents.rules import opening_level
from branchguard.core.incidents.store import filtered, summary_of
from branchguard.core.incidents.text import local_stamp
from branchguard.core.incidents.types import SAID, EntryKind, IncidentFilter, IncidentStatus, IncidentSummary
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, both, saying, worded
from branchguard.core.kernel.types import Actor, Level
from branchguard.core.playbooks.store import approved
from branchguard.core.playbooks.types import IncidentCategory, PlanTier
from branchguard.core.schedules.titles import title_names
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.incidents import IncidentRow
from branchguard.db.models.playbooks import PlaybookRow

MAX_TITLE = 200  # characters of an incident's title


class PlanAlreadyOpen(ValidationError):
    """A plan started while a real incident of it is still open (two PCs, or F9 pressed twice, in
    one emergency): nothing was started. `incident` is the open one, so a window can offer it; a
    second, separate event of the same kind is started with `despite_open`."""

    def __init__(self, incident: IncidentSummary, title: object, who: str) -> None:
        reason = Message(
            "incident.plan_open",
            code=incident.playbook_code,
            id=incident.id,
            title=title,
            who=who,
            at=local_stamp(incident.started_at, "%Y-%m-%d %H:%M"),
        )
        super().__init__("field.playbook", reason)
        self.incident = incident
        self.who = who  # who started it, as a person is named (their account's display name)

    @property
    def incident_id(self) -> int:
        return self.incident.id


def refuse_if_open(s: Session, playbook_code: str) -> None:
    """Raise PlanAlreadyOpen when a real incident of the plan is open. The plan's row is locked
    first (db/locks.py) and held until the caller's insert commits: of two PCs starting the plan
    at once, the second reads the first's incident and is refused, instead of both passing the
    check. An unknown code passes: `open_incident` refuses it in its words."""
    plan_id = s.scalar(select(PlaybookRow.id).where(PlaybookRow.code == playbook_code.strip().upper()))
    plan = locked(s, PlaybookRow, plan_id) if plan_id is not None else None
    if plan is None:
        return
    open_real = filtered(IncidentFilter(status=IncidentStatus.OPEN, drill=False))
    of_plan = open_real.where(IncidentRow.playbook_code == plan.code)
    row = s.scalars(of_plan.order_by(IncidentRow.started_at, IncidentRow.id)).first()
    if row is not None:
        names = title_names(s)  # a plan's title in the reader's language, as the lists show it
        who = person_of(s, row.started_by)
        raise PlanAlreadyOpen(summary_of(row, names), names.get(row.title) or row.title, who)


def open_incident(
    s: Session,
    actor: Actor,
    playbook_code: str | None = None,
    level: Level | None = None,
    *,
    title: str = "",
    drill: bool = False,
    location: str = "",
    warning: WarningLevel | None = None,
    quote: Mapping[str, object] | None = None,
) -> IncidentRow:
    """The new incident's row, flushed, with its first entries; the caller has checked the role."""
    title = title.strip()
    if len(title) > MAX_TITLE:
        raise ValidationError("field.title", Message("validation.too_long", limit=MAX_TITLE))
    version = None
    if playbook_code:
        plan = s.scalar(select(PlaybookRow).where(PlaybookRow.code == playbook_code.strip().upper()))
        if plan is None:
            raise NotFound(Message("playbook.not_found", code=playbook_code))
        version = approved(plan)
        if version is None:
            raise ValidationError("field.playbook", Message("incident.no_approved", code=plan.code))
        if version.tier == PlanTier.SERVICE.value:  # its situation's plan is what is started
            raise ValidationError("field.playbook", Message("incident.guide_not_started", code=plan.code))
    category = version.category if version else IncidentCategory.OTHER.value
    if warning is not None and not takes_warning(category):
        raise ValidationError("field.warning_level", Message("incident.warning_not_weather"))
    if level is None:
        level = opening_level(version.levels if version else [])
    said: dict[str, object] | None = None
    if not title:
        said = both(version.title_zh, version.title_en) if version else saying("incident.ad_hoc_title")
        title = worded(said) or ""
    row = IncidentRow(
        title=title,
        playbook_code=version.playbook.code if version else None,
        playbook_version_id=version.id if version else None,
        playbook_version=version.number if version else None,
        category=category,
        level=level.value,
        warning_level=warning.value if warning else None,
        drill=drill,
        status=IncidentStatus.OPEN.value,
        location=location.strip()[:200],
        started_by=actor.username,
        started_at=utcnow(),
        report_fields={},
        outcome="",
        injuries="",
        root_cause="",
        last_seq=0,
        chain_head=incident_log.GENESIS_HASH,
    )
    s.add(row)
    s.flush()
    data: dict[str, Any] = {"level": level.value, "drill": drill, "title": title}
    if said is not None:
        data[SAID] = said
    if version:
        data |= {"playbook": version.playbook.code, "version": version.number}
    if warning is not None:
        data["warning"] = warning.value
    incident_log.append(s, row.id, actor.username, EntryKind.START, title, data=data, at=row.started_at)
    # The team check is always the second entry: a paged view reads it from the log's head.
    team_check.append(s, row, actor)
    if quote:  # a message key and values (`kernel.i18n.saying`): the entry reads in the reader's language
        quoted = worded(quote) or ""
        incident_log.append(s, row.id, actor.username, EntryKind.OBSERVATION, quoted, data={SAID: quote})
    record(s, actor, "incident.start", "incident", row.id, after=data)
    return row
