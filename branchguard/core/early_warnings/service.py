"""Early-warning service: record a warning received, lift or cancel it, start the natural-disaster
plan's preparation from it (or have it join that plan's incident already open), list the log; and
the four-colour warning level of an incident.

The log is append-only: a warning is never edited; what happens to it later (lifted, cancelled,
the incident it started) is a new event row, recorded and audited in its own transaction.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.early_warnings import rules, store
from branchguard.core.early_warnings.types import (
    EarlyWarning,
    WarningEventKind,
    WarningFilter,
    WarningInput,
    WarningKind,
    WarningLevel,
    WarningSource,
)
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import opening
from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.incidents.service import IncidentService
from branchguard.core.incidents.store import summary_of
from branchguard.core.incidents.types import SAID, EntryKind, IncidentSummary, LogEntry
from branchguard.core.kernel import validation
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, worded
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.early_warnings import EarlyWarningEventRow, EarlyWarningRow
from branchguard.db.models.incidents import IncidentRow


class RecordedPlanOpen(PlanAlreadyOpen):
    """A warning recorded with "start the plan" while a real incident of the plan is open (one
    emergency, one log): the warning was recorded, as a warning received is a fact worth keeping,
    and nothing was started. `warning` is the one recorded, `incident` the open one the caller
    offers it to join (`apply_to_open`), or a second, separate event started from the warning
    with `start_preparation(..., despite_open=True)`."""

    def __init__(self, refused: PlanAlreadyOpen, warning: EarlyWarning) -> None:
        super().__init__(refused.incident, refused.reason_message.params["title"], refused.who)
        self.warning = warning


class EarlyWarningService:
    def __init__(self, sessions: sessionmaker[Session], incidents: IncidentService) -> None:
        self._sessions = sessions
        self._incidents = incidents

    # -- the log -------------------------------------------------------------------------------
    def add(
        self, actor: Actor, data: WarningInput, *, start: bool = False, despite_open: bool = False
    ) -> EarlyWarning:
        """Record a warning received; with `start`, also start the natural-disaster plan at the
        warning's level (its preparation steps first), in the same transaction. While the plan's
        real incident is open the warning is recorded, nothing is started, and RecordedPlanOpen
        says so, naming both (`despite_open`: start a second, separate one)."""
        require(actor, "warning.record")
        if start:
            require(actor, "incident.start")
        source = validation.choice(data.source, WarningSource, "field.warning_source")
        level = validation.choice(data.level, WarningLevel, "field.warning_level")
        kind = validation.choice(data.kind, WarningKind, "field.warning_kind")
        received = validation.moment(data.received_at, "field.warning_received")
        rules.check_received(received, utcnow())
        body = validation.text(data.text, "field.warning_text", limit=rules.MAX_TEXT)
        with self._sessions.begin() as s:
            row = EarlyWarningRow(
                received_at=received,
                source=source.value,
                level=level.value,
                kind=kind.value,
                text=body,
                recorded_by=actor.username,
                recorded_at=utcnow(),
            )
            s.add(row)
            s.flush()
            after = {"received_at": received.isoformat(), "source": source.value, "level": level.value,
                     "kind": kind.value, "text": body}  # fmt: skip
            record(s, actor, "warning.record", "early_warning", row.id, after=after)
            refused: PlanAlreadyOpen | None = None
            if start:
                try:
                    self._start_in(s, actor, row, despite_open=despite_open)
                except PlanAlreadyOpen as exc:  # refused before any write of the start
                    refused = exc
            s.flush()
            warning = store.warnings_of(s, [row])[0]
        if refused is not None:  # raised once the warning is committed
            raise RecordedPlanOpen(refused, warning)
        return warning

    def lift(self, actor: Actor, warning_id: int, note: str = "", *, cancelled: bool = False) -> EarlyWarning:
        """Record that the warning was lifted (or cancelled by its issuer): a later event, never an edit."""
        require(actor, "warning.lift")
        note = validation.text(note, "field.warning_note", required=False, limit=rules.MAX_TEXT)
        kind = WarningEventKind.CANCELLED if cancelled else WarningEventKind.LIFTED
        with self._sessions.begin() as s:
            row = self._row(s, warning_id)
            if not store.warnings_of(s, [row])[0].active:
                raise ValidationError("field.warning", Message("warning.already_ended", id=warning_id))
            s.add(
                EarlyWarningEventRow(
                    warning_id=row.id,
                    kind=kind.value,
                    at=utcnow(),
                    actor=actor.username,
                    note=note,
                    incident_id=None,
                )
            )
            record(
                s, actor, "warning.lift", "early_warning", row.id, after={"event": kind.value, "note": note}
            )
            s.flush()
            return store.warnings_of(s, [row])[0]

    def start_preparation(
        self, actor: Actor, warning_id: int, *, despite_open: bool = False
    ) -> IncidentSummary:
        """Start the natural-disaster plan from a warning in force that started none yet: the
        incident takes the warning's colour and its first entry after the start quotes it.
        Refused (PlanAlreadyOpen) while the plan's real incident is open, unless `despite_open`."""
        require(actor, "incident.start")
        with self._sessions.begin() as s:
            row = self._row(s, warning_id)
            incident = self._start_in(s, actor, row, despite_open=despite_open)
            s.flush()
            s.refresh(incident)
            return summary_of(incident)

    def _start_in(
        self, s: Session, actor: Actor, row: EarlyWarningRow, *, despite_open: bool = False
    ) -> IncidentRow:
        """The plan started from the warning in `s`. Every refusal comes before the first write:
        the plan's open incident too (its row locked until `s` commits, as `IncidentService.start`
        does it), so one emergency keeps one log when a warning, or two PCs, start it again."""
        warning = self._free(s, row)
        if not despite_open:
            opening.refuse_if_open(s, rules.PREPARATION_PLAN)
        incident = self._incidents.start_in(
            s, actor, rules.PREPARATION_PLAN, warning=warning.level, quote=rules.quote_said(warning)
        )
        self._join(s, actor, row, WarningEventKind.STARTED, incident.id)
        return incident

    def _free(self, s: Session, row: EarlyWarningRow) -> EarlyWarning:
        """The warning, refused unless it is in force and in no incident yet: one it started, or
        one its level was applied to (a warning joins one incident at most)."""
        warning = store.warnings_of(s, [row])[0]
        if not warning.active:
            raise ValidationError("field.warning", Message("warning.already_ended", id=row.id))
        joined = warning.joined
        if joined is not None:
            key = "warning.started_already"
            if joined.kind == WarningEventKind.APPLIED:
                key = "warning.applied_already"
            raise ValidationError("field.warning", Message(key, id=row.id, incident=joined.incident_id))
        return warning

    def _join(
        self, s: Session, actor: Actor, row: EarlyWarningRow, kind: WarningEventKind, incident_id: int
    ) -> None:
        """The fact that the warning went into `incident_id` (started it, or was applied to it):
        an event row of its history, audited, written in `s` with the incident's own change."""
        s.add(
            EarlyWarningEventRow(
                warning_id=row.id,
                kind=kind.value,
                at=utcnow(),
                actor=actor.username,
                note="",
                incident_id=incident_id,
            )
        )
        after = {"event": kind.value, "incident": incident_id}
        record(s, actor, "warning.record", "early_warning", row.id, after=after)

    def list(
        self, actor: Actor, flt: WarningFilter | None = None, *, active_only: bool = False
    ) -> list[EarlyWarning]:
        """The log, newest received first, as `flt` selects (`active_only`: those in force)."""
        require(actor, "warning.read")
        flt = flt or WarningFilter(active_only=active_only)
        with self._sessions() as s:
            stmt = store.filtered(flt).order_by(EarlyWarningRow.received_at.desc(), EarlyWarningRow.id.desc())
            return store.warnings_of(s, list(s.scalars(stmt)))

    def get(self, actor: Actor, warning_id: int) -> EarlyWarning:
        require(actor, "warning.read")
        with self._sessions() as s:
            return store.warnings_of(s, [self._row(s, warning_id, lock=False)])[0]

    def severe_in_force(self, actor: Actor) -> int:
        """How many orange and red warnings are in force: the count of the list's own statement."""
        require(actor, "warning.read")
        with self._sessions() as s:
            stmt = store.filtered(WarningFilter(active_only=True, severe_only=True)).subquery()
            return s.scalar(select(func.count()).select_from(stmt)) or 0

    # -- an incident's warning level -----------------------------------------------------------
    def change_incident_level(
        self, actor: Actor, incident_id: int, level: WarningLevel, reason: str = ""
    ) -> LogEntry:
        """The four-colour warning of a weather or disaster incident raised, lowered or first set:
        a hash-chained log entry (from, to, why) and the incident's field, in one transaction."""
        require(actor, "incident.warning")
        level = validation.choice(level, WarningLevel, "field.warning_level")
        reason = validation.text(
            reason, "field.entry_text", required=False, limit=incident_log.MAX_ENTRY_TEXT
        )
        with self._sessions.begin() as s:
            row = self._weather_incident(s, incident_id)
            if row.warning_level == level.value:
                raise ValidationError("field.warning_level", Message("incident.same_warning", level=level))
            return self._set_level(s, actor, row, level, reason)

    def apply_to_open(self, actor: Actor, warning_id: int, incident_id: int) -> IncidentSummary:
        """A warning in force joins an incident already open (the plan's, open when the warning
        came: one emergency, one log), in one transaction: the incident's log quotes it as the
        start's entry does, its level is raised to the warning's only when that is higher (a
        milder or equal warning never lowers what the incident carries: lowering stays an
        explicit `change_incident_level`), and the warning's history records it APPLIED there.
        Two PCs applying it: the second is refused (applied already); the incident set to this
        level elsewhere first: the warning is only linked and logged. The incident as it is now."""
        require(actor, "incident.log")
        with self._sessions.begin() as s:
            incident = self._weather_incident(s, incident_id)  # locked: the level read is the last
            if incident.drill:  # a real warning in a drill's log, and then never able to start the plan
                drill = Message("warning.apply_to_drill", incident=incident_id)
                raise ValidationError("field.incident", drill)
            row = self._row(s, warning_id)
            warning = self._free(s, row)
            now = WarningLevel(incident.warning_level) if incident.warning_level else None
            raises = warning.level.above(now)
            if raises:
                require(actor, "incident.warning")
            said = rules.quote_said(warning)
            quoted = worded(said) or ""
            incident_log.append(
                s, incident_id, actor.username, EntryKind.OBSERVATION, quoted, data={SAID: said}
            )
            if raises:
                self._set_level(s, actor, incident, warning.level, "")
            self._join(s, actor, row, WarningEventKind.APPLIED, incident_id)
            s.flush()
            s.refresh(incident)
            return summary_of(incident)

    def _weather_incident(self, s: Session, incident_id: int) -> IncidentRow:
        """The incident, locked (two PCs: the second sees the first's level), refused unless it
        carries a four-colour warning."""
        row = locked(s, IncidentRow, incident_id)
        if row is None:
            raise NotFound(Message("incident.not_found", id=incident_id))
        if not rules.takes_warning(row.category):
            raise ValidationError("field.warning_level", Message("incident.warning_not_weather"))
        return row

    def _set_level(
        self, s: Session, actor: Actor, row: IncidentRow, level: WarningLevel, reason: str
    ) -> LogEntry:
        """The level change written in `s`: its log entry (from, to, why), the field, the audit."""
        before = row.warning_level
        data = {"from": before, "to": level.value}
        entry = incident_log.append(s, row.id, actor.username, EntryKind.WARNING_CHANGE, reason, data=data)
        s.refresh(row)
        row.warning_level = level.value
        record(
            s,
            actor,
            "incident.warning",
            "incident",
            row.id,
            before={"warning_level": before},
            after={"warning_level": level.value},
        )
        return entry

    def _row(self, s: Session, warning_id: int, *, lock: bool = True) -> EarlyWarningRow:
        """The warning, for a change locked until the transaction ends and read fresh (db/locks.py):
        two lifts, or two starts, of one warning cannot both pass."""
        row = locked(s, EarlyWarningRow, warning_id) if lock else s.get(EarlyWarningRow, warning_id)
        if row is None:
            raise NotFound(Message("warning.not_found", id=warning_id))
        return row
