"""Incident service: start, log, mark steps, change level, attach, close, list, search, verify, handover.

Every change is one transaction that appends to the hash-chained log (core.incident_log) and, for
the incident's own fields, updates its row and the audit trail in the same unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Select, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.accounts import standing
from branchguard.core.audit.service import record
from branchguard.core.complaints import rules as complaint_rules
from branchguard.core.early_warnings.types import WarningLevel
from branchguard.core.hazards import store as hazard_store
from branchguard.core.hazards.types import HazardFilter
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents import opening, report
from branchguard.core.incidents import store as incident_store
from branchguard.core.incidents.rules import FOLLOW_UP_TEXT_LIMIT, clean_follow_ups, due_from
from branchguard.core.incidents.store import action_of, detail_of, summary_of
from branchguard.core.incidents.types import (
    REPORT_FIELDS,
    SAID,
    TYPED_KINDS,
    ActionFilter,
    ActionItem,
    CloseInput,
    EntryKind,
    FollowUpAction,
    HandoverSnapshot,
    IncidentDetail,
    IncidentFilter,
    IncidentStatus,
    IncidentSummary,
    LogEntry,
    SearchHit,
    StepState,
    VerifyReport,
)
from branchguard.core.kernel import paging, validation
from branchguard.core.kernel.attachments import AttachmentRef, AttachmentStore
from branchguard.core.kernel.errors import NotFound, PermissionDenied, ValidationError
from branchguard.core.kernel.i18n import Message, both, saying, t, worded
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.roles import may, require
from branchguard.core.kernel.types import Actor, Level
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules import rules as schedule_rules
from branchguard.core.schedules.titles import title_names
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.incidents import IncidentActionRow, IncidentRow

if TYPE_CHECKING:
    from branchguard.core.complaints.service import ComplaintService
    from branchguard.core.complaints.types import ComplaintInfo
    from branchguard.core.schedules.service import ScheduleService

# The incident list's columns a window can be sorted by (in SQL, so every page follows one order).
LIST_SORTS = {
    "id": IncidentRow.id,
    "level": IncidentRow.level,
    "warning": IncidentRow.warning_level,
    "title": IncidentRow.title,
    "drill": IncidentRow.drill,
    "status": IncidentRow.status,
    "playbook": IncidentRow.playbook_code,
    "started": IncidentRow.started_at,
    "by": IncidentRow.started_by,
    "closed": IncidentRow.closed_at,
    "entries": IncidentRow.last_seq,
}
EntryListener = Callable[[LogEntry], None]


class IncidentService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        attachments: AttachmentStore,
        engine: Engine,
        schedules: Callable[[], ScheduleService] | None = None,
        complaints: Callable[[], ComplaintService] | None = None,
    ) -> None:
        self._sessions = sessions
        self._files = attachments
        self._schedules = schedules  # an action's reminder is completed with the action
        self._complaints = complaints  # the handover lists the open ones
        # Speed trick (docs/architecture.md): `log` appends on a plain connection of `engine`, not
        # in an ORM session, whose bookkeeping made an append 1.63-1.95x a raw insert+commit in
        # `make bench` (target 1.5x) against 1.26-1.53x. Kept for the target, not for feel.
        self._engine = engine

    # -- starting ------------------------------------------------------------------------------
    def start(
        self,
        actor: Actor,
        playbook_code: str | None = None,
        level: Level | None = None,
        *,
        title: str = "",
        drill: bool = False,
        location: str = "",
        warning: WarningLevel | None = None,
        despite_open: bool = False,
    ) -> IncidentSummary:
        """Open an incident from the plan's approved version (or ad hoc); `warning`: weather plans'.
        A plan's real incident is refused while one of it is open (opening.PlanAlreadyOpen), unless
        `despite_open`: a second, separate event of the same kind."""
        require(actor, "incident.start")
        with self._sessions.begin() as s:
            if playbook_code and not drill and not despite_open:
                opening.refuse_if_open(s, playbook_code)
            row = self.start_in(s, actor, playbook_code, level, title=title, drill=drill,
                                location=location, warning=warning)  # fmt: skip
            s.flush()
            s.refresh(row)
            return summary_of(row)

    # Open an incident inside the caller's transaction, for a change that starts one as part of
    # itself (a failed checklist item starting its plan, a warning its preparation): the caller has
    # checked the role. One function, core/incidents/opening.py, for `start` and those callers.
    start_in = staticmethod(opening.open_incident)

    def playbook_usage(self, actor: Actor) -> dict[str, int]:
        """How many incidents each playbook code has started: the start dialog ranks the plans by it
        (rules.suggested_plans), reading it once rather than at every key typed."""
        require(actor, "incident.start")
        with self._sessions() as s:
            counted = select(IncidentRow.playbook_code, func.count()).group_by(IncidentRow.playbook_code)
            return {code: n for code, n in s.execute(counted).tuples() if code is not None}

    # -- logging -------------------------------------------------------------------------------
    def log(
        self, actor: Actor, incident_id: int, kind: EntryKind, body: str, *, corrects: int | None = None
    ) -> LogEntry:
        """A typed entry, or (with `corrects`) a correction of an earlier one."""
        require(actor, "incident.log")
        if corrects is None and kind not in TYPED_KINDS:
            raise ValidationError("field.entry_kind", Message("incident.kind_not_typed", kind=kind.value))
        body = validation.text(body, "field.entry_text", limit=incident_log.MAX_ENTRY_TEXT)
        with self._engine.begin() as conn:
            if corrects is None:  # the append asks whether its writer may still log (one indexed read)
                return incident_log.append(conn, incident_id, actor.username, kind, body)
            standing.check(conn, actor)  # correcting another's entry is a lead's: in the role logged in with
            self._check_correction(conn, actor, incident_id, corrects)
            return incident_log.append(
                conn, incident_id, actor.username, EntryKind.CORRECTION, body, corrects=corrects
            )

    def _check_correction(self, conn: Connection, actor: Actor, incident_id: int, seq: int) -> None:
        page = incident_log.read_page(conn, incident_id, after_seq=seq - 1, limit=1)
        target = page[0] if page and page[0].seq == seq else None
        if target is None:
            raise ValidationError("field.corrects", Message("incident.no_entry", seq=seq, id=incident_id))
        if target.kind in (EntryKind.START, EntryKind.CLOSE):
            raise ValidationError("field.corrects", Message("incident.cannot_correct", seq=seq))
        if target.actor != actor.username and not may(actor, "incident.correct_any"):
            raise PermissionDenied(Message("incident.correct_own_only"))

    def mark_step(
        self, actor: Actor, incident_id: int, number: int, *, done: bool = True, reason: str = ""
    ) -> LogEntry:
        """Step `number` (1-based) done, or skipped with a reason."""
        require(actor, "incident.step")
        if not done:
            reason = validation.text(reason, "field.skip_reason", limit=1000)
        with self._sessions.begin() as s:
            standing.check(s, actor)
            detail = detail_of(s, self._locked(s, incident_id), with_entries=False)
            if not 1 <= number <= len(detail.steps):
                raise ValidationError(
                    "field.incident_step",
                    Message("incident.no_step", n=number, count=len(detail.steps), id=incident_id),
                )
            step = detail.steps[number - 1]
            if step.state != StepState.PENDING:
                raise ValidationError(
                    "field.incident_step", Message("incident.step_marked", n=number, state=step.state)
                )
            kind = EntryKind.STEP_DONE if done else EntryKind.STEP_SKIPPED
            body = reason if not done else step.text.text
            data: dict[str, Any] = {"key": step.key}
            if done:
                data[SAID] = both(step.text.zh, step.text.en)
            return incident_log.append(s, incident_id, actor.username, kind, body, step=number, data=data)

    def undo_mark(self, actor: Actor, incident_id: int, seq: int, note: str = "") -> LogEntry:
        """Take back step mark `seq` (follow mode's "undo last"): a correction entry reopens the
        step; the mark stays in the log, struck through. Only a mark still in force is undone."""
        require(actor, "incident.step")
        note = validation.text(note, "field.entry_text", required=False, limit=incident_log.MAX_ENTRY_TEXT)
        with self._sessions.begin() as s:
            standing.check(s, actor)
            row = self._locked(s, incident_id)  # before the mark and the step are read
            conn = s.connection()
            self._check_correction(conn, actor, incident_id, seq)
            target = incident_log.read_page(conn, incident_id, after_seq=seq - 1, limit=1)[0]
            if target.kind not in (EntryKind.STEP_DONE, EntryKind.STEP_SKIPPED) or target.step is None:
                raise ValidationError("field.corrects", Message("incident.undo_not_mark", seq=seq))
            detail = detail_of(s, row, with_entries=False)
            step = detail.steps[target.step - 1]
            if step.state == StepState.PENDING or step.at != target.at or step.by != target.actor:
                raise ValidationError("field.corrects", Message("incident.undo_not_current", seq=seq))
            said = None if note else saying("incident.undo_text", n=target.step)
            kind, text = EntryKind.CORRECTION, note or worded(said) or ""
            data = {SAID: said} if said else None
            return incident_log.append(s, incident_id, actor.username, kind, text, corrects=seq, data=data)

    def change_level(self, actor: Actor, incident_id: int, level: Level, reason: str = "") -> LogEntry:
        require(actor, "incident.level")
        with self._sessions.begin() as s:
            row = self._locked(s, incident_id)
            if row.level == level.value:
                raise ValidationError("field.level", Message("incident.same_level", level=level))
            before = row.level
            entry = incident_log.append(
                s,
                incident_id,
                actor.username,
                EntryKind.LEVEL_CHANGE,
                reason,
                data={"from": before, "to": level.value},
            )
            s.refresh(row)
            row.level = level.value
            record(
                s,
                actor,
                "incident.level",
                "incident",
                incident_id,
                before={"level": before},
                after={"level": level.value},
            )
            return entry

    def record_headcount(
        self, actor: Actor, incident_id: int, present: int, expected: int | None = None
    ) -> LogEntry:
        """Headcount at the assembly point (drills and evacuations)."""
        require(actor, "incident.log")
        if present < 0 or (expected is not None and expected < 0):
            raise ValidationError("field.headcount", Message("incident.bad_headcount"))
        data: dict[str, Any] = {"present": present}
        if expected is not None:
            data["expected"] = expected
        with self._sessions.begin() as s:
            standing.check(s, actor)
            data[SAID] = saying(
                "incident.headcount_text", present=present, expected=expected if expected is not None else "-"
            )
            return incident_log.append(
                s, incident_id, actor.username, EntryKind.HEADCOUNT, worded(data[SAID]) or "", data=data
            )

    def attach(self, actor: Actor, incident_id: int, path: Path, note: str = "") -> LogEntry:
        """Copy a photo or file into the store and log it with its SHA-256."""
        require(actor, "incident.attach")
        with self._sessions() as s:  # fail before copying anything into the store
            standing.check(s, actor)  # attaching is a lead's
            self._row(s, incident_id)
        with self._files.staged(), self._sessions.begin() as s:  # not logged: the file goes too
            ref = self._files.add(Path(path))
            return incident_log.append(
                s,
                incident_id,
                actor.username,
                EntryKind.ATTACHMENT,
                note or ref.name,
                data={"name": ref.name, "sha256": ref.sha256, "size": ref.size, "media_type": ref.media_type},
            )

    def attachment_bytes(self, actor: Actor, entry: LogEntry) -> bytes:
        require(actor, "incident.read")
        if entry.kind != EntryKind.ATTACHMENT:
            raise ValidationError("field.attachment", Message("incident.not_attachment", seq=entry.seq))
        return self._files.read(str(entry.data["sha256"]))

    def attachments(self, actor: Actor, incident_id: int) -> list[LogEntry]:
        """The attachment entries, oldest first, without reading the rest of the log."""
        require(actor, "incident.read")
        with self._sessions() as s:
            return incident_log.attachment_entries(s.connection(), incident_id)

    def attachment_ref(self, entry: LogEntry) -> AttachmentRef:
        d = entry.data
        return AttachmentRef(str(d["name"]), str(d["sha256"]), int(d["size"]), str(d["media_type"]))

    def set_report_fields(
        self,
        actor: Actor,
        incident_id: int,
        fields: dict[str, str],
        opened: dict[str, str] | None = None,
    ) -> IncidentDetail:
        """The initial report to head office (上报): logged as an entry, kept on the incident.
        `opened`: the fields as the form read them (`report.refuse_if_overwritten`)."""
        require(actor, "incident.report")
        clean = report.clean_fields(fields)
        with self._sessions.begin() as s:
            row = self._locked(s, incident_id)  # another PC's fields are kept, not overwritten
            before = dict(row.report_fields or {})
            report.refuse_if_overwritten(incident_id, clean, before, opened)
            after = {k: v for k, v in (before | clean).items() if v}
            incident_log.append(
                s,
                incident_id,
                actor.username,
                EntryKind.REPORT_FIELDS,
                t("incident.report_fields_text"),
                data={k: after.get(k, "") for k in REPORT_FIELDS if before.get(k, "") != after.get(k, "")}
                | {SAID: saying("incident.report_fields_text")},
                allow_closed=True,
            )
            point = report.complete_initial_report(s, actor, row) if after else None
            s.refresh(row)
            row.report_fields = after
            audit_after: dict[str, Any] = dict(after)
            if point is not None:
                audit_after["checkpoint_done"] = point
            record(s, actor, "incident.report", "incident", incident_id, before=before, after=audit_after)
            s.flush()
            return detail_of(s, row)

    def close(self, actor: Actor, incident_id: int, data: CloseInput) -> IncidentDetail:
        require(actor, "incident.close")
        outcome = validation.text(data.outcome, "field.outcome", limit=incident_log.MAX_ENTRY_TEXT)
        if data.losses_cents is not None and data.losses_cents < 0:
            raise ValidationError("field.losses", Message("incident.negative_losses"))
        validation.amount_cents(data.losses_cents, "field.losses")
        limit = FOLLOW_UP_TEXT_LIMIT  # the injuries and the root cause, as an action's text
        injuries = validation.text(data.injuries, "field.injuries", required=False, limit=limit)
        root_cause = validation.text(data.root_cause, "field.root_cause", required=False, limit=limit)
        actions = clean_follow_ups(data.actions)
        with self._sessions.begin() as s:
            due_from(actions, self._row(s, incident_id).started_at.astimezone().date())
            payload: dict[str, Any] = {
                "outcome": outcome,
                "injuries": injuries,
                "losses_cents": data.losses_cents,
                "root_cause": root_cause,
                "actions": [
                    {"text": a.text, "owner": a.owner, "due": a.due.isoformat() if a.due else None}
                    for a in actions
                ],
            }
            # The close's time is its entry's, read once the append holds the incident: read before,
            # a close that waited for another PC's entry was numbered after it with an earlier time.
            close = EntryKind.CLOSE
            entry = incident_log.append(s, incident_id, actor.username, close, outcome, data=payload)
            row = self._row(s, incident_id)
            s.refresh(row)
            row.status = IncidentStatus.CLOSED.value
            row.closed_by = actor.username
            row.closed_at = entry.at
            row.outcome = outcome
            row.injuries = payload["injuries"]
            row.losses_cents = data.losses_cents
            row.root_cause = payload["root_cause"]
            for a in actions:
                s.add(IncidentActionRow(incident_id=incident_id, text=a.text, owner=a.owner, due=a.due))
            record(s, actor, "incident.close", "incident", incident_id, after=payload)
            s.flush()
            return detail_of(s, row)

    def complete_action(self, actor: Actor, action_id: int) -> FollowUpAction:
        """Mark an action done (an incident's, a drill's or a complaint's: the one list), once,
        audited, and its reminder's open item with it."""
        require(actor, "incident.action")
        schedules = self._schedules() if self._schedules else None
        with self._sessions.begin() as s:
            row = locked(s, IncidentActionRow, action_id)  # done once, however many PCs press it
            if row is None:
                raise NotFound(Message("incident.no_action", id=action_id))
            if row.done_at is None:
                row.done_at, row.done_by = utcnow(), actor.username
                after = {"text": row.text, "done": True}
                record(s, actor, "incident.action", "incident_action", action_id, after=after)
                if schedules is not None:
                    for schedule_id in s.scalars(schedule_links.action_reminders(action_id)):
                        schedules.complete_next_in(
                            s, actor, schedule_id, t("drill.action_done_note"), row.done_at
                        )
            done = action_of(row)
        if schedules is not None:
            schedules.notify()
        return done

    # -- reading -------------------------------------------------------------------------------
    def get(self, actor: Actor, incident_id: int, *, with_entries: bool = True) -> IncidentDetail:
        """The incident; `with_entries=False` leaves the log out (read it with `entries_page`)."""
        require(actor, "incident.read")
        with self._sessions() as s:
            return detail_of(s, self._row(s, incident_id), with_entries=with_entries)

    def entries_page(
        self, actor: Actor, incident_id: int, after_seq: int = 0, limit: int = 500
    ) -> list[LogEntry]:
        """Entries after `after_seq`, oldest first, at most `limit`; a long log is read page by page."""
        require(actor, "incident.read")
        with self._sessions() as s:
            return incident_log.read_page(s.connection(), incident_id, after_seq, limit)

    def list_incidents(
        self, actor: Actor, flt: IncidentFilter | None = None, now: datetime | None = None
    ) -> list[IncidentSummary]:
        """The incidents `flt` selects, newest first (`now` decides which checkpoints are overdue)."""
        require(actor, "incident.read")
        flt = flt or IncidentFilter()
        with self._sessions() as s:
            stmt = self._selected(s, flt).order_by(IncidentRow.started_at.desc(), IncidentRow.id.desc())
            rows = incident_store.selected(s, flt, stmt, now or utcnow())
            names = title_names(s)
            return [summary_of(r, names) for r in rows]

    def window(
        self, actor: Actor, flt: IncidentFilter, window: Window, now: datetime | None = None
    ) -> Slice[IncidentSummary]:
        """One window of the filtered list (newest first unless `window.sort` names a column of
        `LIST_SORTS`) and the count of every incident the filter selects."""
        require(actor, "incident.read")
        with self._sessions() as s:
            stmt = self._selected(s, flt)
            if flt.checkpoint_overdue:  # decided per open incident in Python: few rows, cut here
                ordered = paging.ordered(
                    stmt, Window(0, paging.MAX_LIMIT, window.sort, window.descending), LIST_SORTS,
                    (IncidentRow.started_at,), IncidentRow.id,
                )  # fmt: skip
                rows = incident_store.selected(s, flt, ordered, now or utcnow())
                cut, names = rows[window.offset : window.offset + window.limit], title_names(s)
                return Slice([summary_of(r, names) for r in cut], len(rows))
            total = s.scalar(paging.count(stmt)) or 0
            page = paging.ordered(stmt, window, LIST_SORTS, (IncidentRow.started_at,), IncidentRow.id)
            names = title_names(s)
            return Slice([summary_of(r, names) for r in s.scalars(page)], total)

    def list_actions(
        self, actor: Actor, flt: ActionFilter | None = None, now: datetime | None = None
    ) -> list[ActionItem]:
        """Every incident's, drill run's and complaint's follow-up actions that `flt` selects: the
        overdue ones first by due day, then the rest by due day (undated last), each with its
        incident or complaint."""
        require(actor, "incident.read")
        flt = flt or ActionFilter()
        today = (now or utcnow()).astimezone().date()
        with self._sessions() as s:
            stmt = incident_store.actions_filtered(flt, today).order_by(
                IncidentActionRow.due.is_(None), IncidentActionRow.due, IncidentActionRow.id
            )
            return [
                ActionItem(
                    action_of(row),
                    title or "",
                    bool(drill),
                    complaint_rules.number_received(received, row.complaint_id)
                    if received is not None and row.complaint_id is not None
                    else "",
                )
                for row, title, drill, received in s.execute(stmt).tuples()
            ]

    def _selected(self, s: Session, flt: IncidentFilter) -> Select[tuple[IncidentRow]]:
        """The incidents `flt` selects; its search matches the title or any entry of the log, in
        one SQL subquery over the whole search index (no cap on the entries it looks at)."""
        stmt = incident_store.filtered(flt)
        if validation.search(flt.search):
            logged = incident_log.matching_incidents(s.connection(), flt.search)
            title = IncidentRow.title.icontains(flt.search.strip(), autoescape=True)  # "50%" as typed
            stmt = stmt.where(title if logged is None else or_(IncidentRow.id.in_(logged), title))
        return stmt

    def _within(self, s: Session, flt: IncidentFilter | None) -> Select[tuple[int]] | None:
        """The ids of the incidents `flt` selects but for its search, as a subquery; None for all."""
        if flt is None or flt == IncidentFilter(search=flt.search):
            return None
        rest = replace(flt, search="")
        stmt = incident_store.filtered(rest)
        if rest.checkpoint_overdue:  # decided per open incident in Python (few): their ids
            ids = [r.id for r in incident_store.selected(s, rest, stmt, utcnow())]
            return select(IncidentRow.id).where(IncidentRow.id.in_(ids))
        return stmt.with_only_columns(IncidentRow.id)

    def open_incidents(self, actor: Actor) -> list[IncidentSummary]:
        return self.list_incidents(actor, IncidentFilter(status=IncidentStatus.OPEN))

    def search(
        self, actor: Actor, query: str, limit: int = 200, within: IncidentFilter | None = None
    ) -> list[SearchHit]:
        """Log entries matching every word, newest first, with their incident's title; `within`:
        only the entries of the incidents that filter selects (its own search aside), chosen in
        SQL before the newest `limit` are cut, so a date range still finds its older entries."""
        require(actor, "incident.read")
        validation.search(query)
        with self._sessions() as s:
            entries = incident_log.search(s.connection(), query, limit, self._within(s, within))
            titles = dict(
                s.execute(
                    select(IncidentRow.id, IncidentRow.title).where(
                        IncidentRow.id.in_({e.incident_id for e in entries})
                    )
                )
                .tuples()
                .all()
            )
        return [SearchHit(e.incident_id, titles.get(e.incident_id, ""), e) for e in entries]

    def verify(self, actor: Actor) -> VerifyReport:
        require(actor, "incident.read")
        with self._sessions() as s:
            return incident_log.verify(s.connection())

    def handover(self, actor: Actor) -> HandoverSnapshot:
        """Open incidents with their steps, open follow-up actions and open hazards (open or
        remediated, not yet verified; soonest due first), read in one session; then the open
        complaints, identifiers masked."""
        require(actor, "incident.read")
        require(actor, "hazard.read")
        with self._sessions() as s:
            rows = s.scalars(
                select(IncidentRow)
                .where(IncidentRow.status == IncidentStatus.OPEN.value)
                .order_by(IncidentRow.started_at)
            )
            details = tuple(detail_of(s, r, with_entries=False) for r in rows)
            actions = s.scalars(
                select(IncidentActionRow)
                .where(IncidentActionRow.done_at.is_(None))
                .order_by(IncidentActionRow.due.is_(None), IncidentActionRow.due, IncidentActionRow.id)
            )
            now = datetime.now(UTC)
            zone = schedule_rules.zone(schedule_rules.local_zone_name())
            hazard_rows = s.scalars(
                hazard_store.filtered(HazardFilter(open_only=True), now, zone).order_by(
                    HazardRow.due_date, HazardRow.id
                )
            )
            hazards = tuple(hazard_store.info_of(h, now, zone) for h in hazard_rows)
            actions_open = tuple(action_of(a) for a in actions)
        complaints: list[ComplaintInfo] = []  # the register's order: overdue first, then the soonest due
        if self._complaints is not None:
            from branchguard.core.complaints.types import ComplaintFilter

            complaints = self._complaints().list(actor, ComplaintFilter(open_only=True), now)
        return HandoverSnapshot(now, actor.username, details, actions_open, hazards, tuple(complaints))

    def _row(self, s: Session, incident_id: int) -> IncidentRow:
        return self._found(s.get(IncidentRow, incident_id), incident_id)

    def _locked(self, s: Session, incident_id: int) -> IncidentRow:
        """The incident's row, locked and read fresh (db/locks.py): a change that checks its state
        first (a step still pending, another level) is decided on what no other PC can change
        before this one commits; the other PC's same change then meets the usual refusal."""
        return self._found(locked(s, IncidentRow, incident_id), incident_id)

    @staticmethod
    def _found(row: IncidentRow | None, incident_id: int) -> IncidentRow:
        if row is None:
            raise NotFound(Message("incident.not_found", id=incident_id))
        return row
