"""Customer complaints (投诉处理): the register, the five steps (受理, 调查核实, 依据处理, 答复反馈,
分类归档) each recorded with who and when, withdrawal at any step, the statutory clock with its
extensions and reminders, and the complainant's identifiers masked unless the lead asks.

Staff register, investigate, reply and record a withdrawal; the lead assigns the handler, decides,
extends and archives; everyone reads. Every change is one transaction with its audit record; a
running clock is a one-off COMPLAINT schedule (core/complaints/reminders.py) in the same one.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.complaints import library, lookups, step_input, store
from branchguard.core.complaints import reminders as complaint_schedules
from branchguard.core.complaints import rules as rules_
from branchguard.core.complaints.types import (
    Category,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintEventKind,
    ComplaintFilter,
    ComplaintInfo,
    ComplaintInput,
    ComplaintKind,
    ComplaintStatus,
    ComplaintStep,
    StepInput,
)
from branchguard.core.drills import actions as drill_actions
from branchguard.core.hazards.rules import clean_input as clean_hazard
from branchguard.core.hazards.service import HazardService, NewHazard
from branchguard.core.hazards.types import HazardInput, HazardSource
from branchguard.core.incidents.types import FollowUpInput
from branchguard.core.kernel import validation
from branchguard.core.kernel.attachments import AttachmentRef, AttachmentStore
from branchguard.core.kernel.errors import NotFound, ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import may, require
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import rules as schedule_rules
from branchguard.core.schedules.service import ScheduleService
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.complaints import ComplaintRow, ComplaintStepRow
from branchguard.db.models.incidents import IncidentActionRow, IncidentRow

NAME_LIMIT = 100


class ComplaintService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        files: AttachmentStore,
        schedules: ScheduleService,
        zone: str = "",
        hazards: HazardService | None = None,
        read_only: bool = False,
    ) -> None:
        self._sessions = sessions
        self._read_only = read_only  # data opened read-only: no lookup the trail records (lookups.py)
        self._files = files
        self._schedules = schedules
        self._hazards = hazards  # where an archive's follow-up opens a hazard
        self._zone_name = zone
        self._seeded = False

    @property
    def zone(self) -> ZoneInfo:
        """The branch's wall clock: the zone given, else this PC's (as the schedules engine)."""
        return schedule_rules.zone(self._zone_name or schedule_rules.local_zone_name())

    # -- categories ------------------------------------------------------------------------------
    def categories(self, actor: Actor, active_only: bool = True) -> builtins.list[Category]:
        """The complaint categories (data: the built-in list is written on first use)."""
        require(actor, "complaint.read")
        self._seed()
        with self._sessions() as s:
            return store.categories(s, active_only)

    def _seed(self) -> None:
        if not self._seeded:
            library.seed_builtin(self._sessions)
            self._seeded = True

    def _category_map(self, s: Session) -> dict[str, Category]:
        return {c.code: c for c in store.categories(s)}

    # -- registering (受理) ------------------------------------------------------------------------
    def register(self, actor: Actor, data: ComplaintInput, now: datetime | None = None) -> ComplaintDetail:
        """Accept a complaint: its fields checked, the acceptance step, the clock (complaints only)
        and its reminders, in one transaction."""
        require(actor, "complaint.register")
        now = now or utcnow()
        zone = self.zone
        values = self._clean(data, actor, now)
        self._seed()
        with self._sessions.begin() as s:
            cats = self._category_map(s)
            self._check_category(values["category"], cats)
            if values["incident_id"] is not None and s.get(IncidentRow, values["incident_id"]) is None:
                raise ValidationError(
                    "field.incident", Message("complaint.no_incident", id=values["incident_id"])
                )
            row = ComplaintRow(
                **values,
                status=ComplaintStatus.ACCEPTED.value,
                due_at=rules_.due_at(values["kind"], values["received_at"], 0, zone),
                extensions=0,
                handler="",
                registered_by=actor.username,
                registered_at=now,
            )
            row.steps.append(
                ComplaintStepRow(
                    step=ComplaintStep.ACCEPT.value,
                    text=validation.text(
                        data.acknowledgement, "field.acknowledgement", required=False, limit=2000
                    ),
                    details={},
                    evidence=[],
                    by=actor.username,
                    at=now,
                )
            )
            s.add(row)
            s.flush()
            store.add_event(row, ComplaintEventKind.REGISTERED, actor, now)
            self._start_schedule(s, actor, row)
            s.flush()
            record(s, actor, "complaint.register", "complaint", row.id, after=_audit_view(row))
            detail = store.detail_of(row, now, zone, cats)
        self._schedules.notify()
        return detail

    def _clean(self, data: ComplaintInput, actor: Actor, now: datetime) -> dict[str, Any]:
        received = data.received_at
        if received.tzinfo is None:
            received = received.replace(tzinfo=self.zone)
        reps = rules_.check_representatives(data.representatives)
        return {
            "kind": validation.choice(data.kind, ComplaintKind, "field.complaint_kind").value,
            "channel": validation.choice(data.channel, ComplaintChannel, "field.complaint_channel").value,
            "received_at": rules_.check_receipt_date(received, now),
            "customer_name": validation.text(data.customer_name, "field.customer_name", limit=NAME_LIMIT),
            "customer_phone": validation.phone(data.customer_phone, "field.customer_phone"),
            "customer_id_number": rules_.check_id_number(data.customer_id_number),
            "representatives": list(reps),
            "incident_id": data.incident_id,
            "subject_person": validation.text(
                data.subject_person, "field.subject_person", required=False, limit=NAME_LIMIT
            ),
            "subject_post": validation.text(
                data.subject_post, "field.subject_post", required=False, limit=NAME_LIMIT
            ),
            "business_line": validation.text(
                data.business_line, "field.business_line", required=False, limit=NAME_LIMIT
            ),
            "category": validation.text(data.category, "field.complaint_category", limit=32),
            "request": validation.text(data.request, "field.complaint_request", limit=rules_.TEXT_LIMIT),
            "facts": validation.text(
                data.facts, "field.complaint_facts", required=False, limit=rules_.TEXT_LIMIT
            ),
            "first_responsible": validation.text(
                data.first_responsible, "field.first_responsible", required=False, limit=NAME_LIMIT
            )
            or actor.username,
        }

    @staticmethod
    def _check_category(code: str, cats: dict[str, Category]) -> None:
        cat = cats.get(code)
        if cat is None or not cat.active:
            choices = ", ".join(c.code for c in cats.values() if c.active)
            raise ValidationError(
                "field.complaint_category", Message("validation.choice", value=code, choices=choices)
            )

    # -- reading ---------------------------------------------------------------------------------
    def list(
        self,
        actor: Actor,
        flt: ComplaintFilter | None = None,
        now: datetime | None = None,
        unmask: bool = False,
        again: bool = False,
    ) -> builtins.list[ComplaintInfo]:
        """The register: overdue first, then by due date (no clock last), then newest received.
        Identifiers masked unless `unmask` (the lead's, and audited). The search matches the
        customer's full name only for a role that may read it unmasked (and such a search is
        audited: lookups.searched); for the others, the name as they see it (张**), which confirms
        nothing about a person named in full. `again`: the same filter listed again (a refresh),
        whose search the trail holds already."""
        require(actor, "complaint.read")
        now, zone = now or utcnow(), self.zone
        flt = flt or ComplaintFilter()
        self._seed()
        with self._sessions.begin() as s:
            full_names = may(actor, "complaint.unmask")
            rows = list(s.scalars(store.filtered(flt, now, zone, full_names=full_names)))
            cats = self._category_map(s)
            if unmask:
                lookups.unmasked(s, actor, [r.id for r in rows], self._read_only)
            if full_names:
                lookups.searched(s, actor, rows, flt.text, read_only=self._read_only, again=again)
            infos = [store.info_of(r, now, zone, cats, masked=not unmask) for r in rows]
        far = datetime.max.replace(tzinfo=now.tzinfo)
        infos.sort(key=lambda i: -i.received_at.timestamp())
        infos.sort(key=lambda i: (not i.overdue, i.due_at if i.due_at and i.status.clock_running else far))
        return infos

    def get(
        self, actor: Actor, complaint_id: int, now: datetime | None = None, unmask: bool = False
    ) -> ComplaintDetail:
        require(actor, "complaint.read")
        self._seed()
        with self._sessions.begin() as s:
            row = self._row(s, complaint_id)
            if unmask:
                lookups.unmasked(s, actor, [row.id], self._read_only)
            return store.detail_of(row, now or utcnow(), self.zone, self._category_map(s), masked=not unmask)

    def attachment_bytes(self, actor: Actor, sha256: str) -> bytes:
        """A stored evidence file, checked against its hash."""
        require(actor, "complaint.read")
        return self._files.read(sha256)

    # -- handling --------------------------------------------------------------------------------
    def assign(
        self, actor: Actor, complaint_id: int, handler: str, now: datetime | None = None
    ) -> ComplaintDetail:
        """Name the handler; the person complained about is refused."""
        require(actor, "complaint.assign")
        handler = validation.text(handler, "field.handler", limit=NAME_LIMIT)

        def change(s: Session, row: ComplaintRow, at: datetime) -> dict[str, Any]:
            rules_.expect(row.status, rules_.ASSIGN_IN)
            rules_.check_handler(handler, row.subject_person)
            before = row.handler
            row.handler = handler
            store.add_event(row, ComplaintEventKind.ASSIGNED, actor, at, handler, {"before": before})
            if ComplaintStatus(row.status).clock_running:  # the reminders go to the new handler
                self._end_schedule(s, actor, row, t("complaint.schedule_reassigned"))
                self._start_schedule(s, actor, row)
            return {"handler": (before, handler)}

        return self._change(actor, complaint_id, "complaint.assign", change, now)

    def step(
        self,
        actor: Actor,
        complaint_id: int,
        data: StepInput,
        evidence: Sequence[Path] = (),
        now: datetime | None = None,
    ) -> ComplaintDetail:
        """Record investigate, decide, reply or archive (in that order), with evidence files copied
        into the attachment store by hash."""
        step, text, details = step_input.prepare(actor, data)
        with self._files.staged():  # a step refused takes back the files it brought
            refs = [self._files.add(Path(p)) for p in evidence]
            return self._record_step(actor, complaint_id, step, text, details, refs, now)

    def step_bytes(
        self,
        actor: Actor,
        complaint_id: int,
        data: StepInput,
        files: Sequence[tuple[str, bytes]],
        now: datetime | None = None,
    ) -> ComplaintDetail:
        """As `step`, with the evidence given as (name, bytes) (the window's drops and pastes)."""
        step, text, details = step_input.prepare(actor, data)
        with self._files.staged():
            refs = [self._files.add_bytes(name, blob) for name, blob in files]
            return self._record_step(actor, complaint_id, step, text, details, refs, now)

    def _record_step(
        self,
        actor: Actor,
        complaint_id: int,
        step: ComplaintStep,
        text: str,
        details: dict[str, Any],
        refs: builtins.list[AttachmentRef],
        now: datetime | None,
    ) -> ComplaintDetail:
        action, allowed, after = rules_.STEPS[step]

        def change(s: Session, row: ComplaintRow, at: datetime) -> dict[str, Any]:
            rules_.expect(row.status, allowed)
            before = row.status
            if step == ComplaintStep.ARCHIVE:
                if row.kind == ComplaintKind.COMPLAINT.value and not details.get("cause"):
                    raise ValidationError("field.complaint_cause", Message("validation.required"))
                if details.get("classification"):
                    self._check_category(details["classification"], self._category_map(s))
                    row.category = details["classification"]
                row.cause = details.get("cause") or None
                self._follow_up(s, actor, row, details)
            if step == ComplaintStep.REPLY:
                details.setdefault("reply_channel", row.channel)
                row.satisfaction = details["satisfaction"]
                row.clock_stopped_at = at
                self._end_schedule(s, actor, row, t("complaint.schedule_replied"))
            row.steps.append(
                ComplaintStepRow(
                    step=step.value,
                    text=text,
                    details=details,
                    evidence=store.ref_values(refs),
                    by=actor.username,
                    at=at,
                )
            )
            row.status = after.value
            store.add_event(row, ComplaintEventKind.STEP, actor, at, step.value)
            changes = {"status": (before, row.status)}
            if refs:  # the trail said "Files:  → 0" of every step that added none
                changes["files"] = ("", str(len(refs)))
            for key in ("action_ids", "hazard_ids", "hazard_id"):  # the archive's follow-ups
                if details.get(key):
                    changes[key] = ("", details[key])
            return changes

        return self._change(actor, complaint_id, action, change, now)

    def extend(
        self,
        actor: Actor,
        complaint_id: int,
        reason: str,
        approver: str = "",
        notice_channel: ComplaintChannel | str | None = None,
        now: datetime | None = None,
        decided_at: datetime | None = None,
    ) -> ComplaintDetail:
        """Extend the clock: to 30 days with a reason (the lead's), to 60 days with the superior's
        approver named; a third extension is refused. The notice to the customer is recorded, and
        when it was decided (default: now), before the deadline it extends: one decided and told
        on paper in time may be entered days later."""
        require(actor, "complaint.extend")
        reason = validation.text(reason, "field.reason", limit=1000)
        approver = validation.text(approver, "field.approver", required=False, limit=NAME_LIMIT)
        channel = (
            validation.choice(notice_channel, ComplaintChannel, "field.complaint_channel")
            if notice_channel
            else None
        )
        zone = self.zone
        if decided_at is not None and decided_at.tzinfo is None:
            decided_at = decided_at.replace(tzinfo=zone)

        def change(s: Session, row: ComplaintRow, at: datetime) -> dict[str, Any]:
            if row.kind != ComplaintKind.COMPLAINT.value:
                raise ValidationError(
                    "field.extension", Message("complaint.no_clock", kind=ComplaintKind(row.kind))
                )
            rules_.expect(row.status, rules_.EXTEND_IN)
            previous = [
                rules_.decided_at(e.details or {}, e.at)
                for e in row.events
                if e.kind == ComplaintEventKind.EXTENDED.value
            ]
            decided = rules_.check_extension_decided(
                decided_at or at, at, row.received_at, max(previous, default=None), zone
            )
            rules_.check_extension_in_time(row.due_at, decided, zone)
            count = rules_.check_extension(row.extensions, reason, approver)
            before = row.due_at
            row.extensions = count
            row.due_at = rules_.due_at(row.kind, row.received_at, count, zone)
            assert row.due_at is not None
            assert before is not None
            told = (channel or ComplaintChannel(row.channel)).value
            due_text = row.due_at.astimezone(zone).date().isoformat()
            store.add_event(
                row,
                ComplaintEventKind.EXTENDED,
                actor,
                at,
                reason,
                {
                    "due_before": before.astimezone(zone).date().isoformat(),
                    "due_after": due_text,
                    "approver": approver,
                    "notice": t(
                        "complaint.extension_notice", due=due_text, channel=ComplaintChannel(told).label
                    ),
                    "notice_channel": told,
                    "decided_at": decided.isoformat(),
                },
            )
            self._end_schedule(s, actor, row, t("complaint.schedule_extended"))
            self._start_schedule(s, actor, row)
            return {"due_at": (before.isoformat(), row.due_at.isoformat()), "approver": ("", approver)}

        return self._change(actor, complaint_id, "complaint.extend", change, now)

    def withdraw(
        self,
        actor: Actor,
        complaint_id: int,
        received_at: datetime | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> ComplaintDetail:
        """The customer withdrew: the complaint ends, and its clock stops, when the withdrawal was
        received (default: now)."""
        require(actor, "complaint.withdraw")
        note = validation.text(note, "field.notes", required=False, limit=1000)
        when = received_at
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=self.zone)

        def change(s: Session, row: ComplaintRow, at: datetime) -> dict[str, Any]:
            rules_.expect(row.status, rules_.WITHDRAW_IN)
            stop = rules_.check_received(when or at, at)
            if stop < row.received_at:
                raise ValidationError("field.received_at", Message("complaint.withdrawn_before_received"))
            before = row.status
            row.status = ComplaintStatus.WITHDRAWN.value
            if row.clock_stopped_at is None:
                row.clock_stopped_at = stop
            store.add_event(
                row, ComplaintEventKind.WITHDRAWN, actor, at, note, {"received_at": stop.isoformat()}
            )
            self._end_schedule(s, actor, row, t("complaint.schedule_withdrawn"))
            return {"status": (before, row.status)}

        return self._change(actor, complaint_id, "complaint.withdraw", change, now)

    def _change(
        self, actor: Actor, complaint_id: int, action: str, change: Any, now: datetime | None = None
    ) -> ComplaintDetail:
        at = now or utcnow()
        self._seed()
        with self._sessions.begin() as s:
            row = self._row(s, complaint_id, for_change=True)
            changes = change(s, row, at)
            s.flush()
            record(
                s,
                actor,
                action,
                "complaint",
                row.id,
                before={k: v[0] for k, v in changes.items()},
                after={k: v[1] for k, v in changes.items()},
            )
            detail = store.detail_of(row, at, self.zone, self._category_map(s))
        self._schedules.notify()
        return detail

    def _follow_up(self, s: Session, actor: Actor, row: ComplaintRow, details: dict[str, Any]) -> None:
        """The archive's follow-up, in its own transaction: each action onto the corrective-action
        list linked to the complaint (a dated one reminds its owner), each hazard text opened as a
        hazard; their ids kept in the step's fields."""
        actions: builtins.list[FollowUpInput] = details.pop("actions", [])
        hazards: builtins.list[str] = details.pop("hazards", [])
        if details.pop("open_hazard", False):
            details["hazard_id"] = str(self._open_hazard(s, actor, row, details["follow_up"]))
        if hazards:
            opened = [self._open_hazard(s, actor, row, text) for text in hazards]
            details["hazard_ids"] = ",".join(map(str, opened))
            details["hazard_texts"] = "\n".join(hazards)
        if actions:
            added = [IncidentActionRow(text=a.text, owner=a.owner, due=a.due) for a in actions]
            row.actions.extend(added)
            s.flush()
            for action in added:
                if action.due is not None:
                    drill_actions.remind(self._schedules, s, actor, action)
            details["action_ids"] = ",".join(str(a.id) for a in added)

    def _open_hazard(self, s: Session, actor: Actor, row: ComplaintRow, follow_up: str) -> int:
        """The archive's follow-up as a hand-entered hazard, in the archive's own transaction."""
        require(actor, "hazard.create")
        if self._hazards is None:
            raise RuntimeError("ComplaintService was built without the hazard service")
        if not follow_up:
            raise ValidationError("field.complaint_follow_up", Message("validation.required"))
        number = store.number_of(row)
        data = HazardInput(
            description=t("complaint.follow_up_hazard", number=number, text=follow_up),
            title=t("complaint.follow_up_hazard_title", number=number),
            owner=complaint_schedules.owner_of(s, row),
        )
        hazard = self._hazards.open_in(s, actor, clean_hazard(data), None, NewHazard(HazardSource.MANUAL))
        return hazard.id

    # -- helpers ---------------------------------------------------------------------------------
    def _start_schedule(self, s: Session, actor: Actor, row: ComplaintRow) -> None:
        complaint_schedules.start(
            self._schedules, s, actor, row, self._zone_name or schedule_rules.local_zone_name()
        )

    def _end_schedule(self, s: Session, actor: Actor, row: ComplaintRow, note: str) -> None:
        complaint_schedules.end(self._schedules, s, actor, row, note)

    @staticmethod
    def _row(s: Session, complaint_id: int, *, for_change: bool = False) -> ComplaintRow:
        """`for_change`: locked, then read fresh (db/locks.py): a step recorded from two PCs at once
        is recorded once, the second PC checking the status the first left."""
        if for_change:
            locked(s, ComplaintRow, complaint_id)
        row = s.scalar(
            select(ComplaintRow)
            .where(ComplaintRow.id == complaint_id)
            .options(selectinload(ComplaintRow.steps), selectinload(ComplaintRow.events))
            .execution_options(populate_existing=for_change)
        )
        if row is None:
            raise NotFound(Message("complaint.not_found", id=complaint_id))
        return row


def _audit_view(row: ComplaintRow) -> dict[str, Any]:
    """What the audit trail keeps of a new complaint: the identifiers masked."""
    return {
        "kind": row.kind,
        "channel": row.channel,
        "received_at": row.received_at,
        "due_at": row.due_at,
        "customer": rules_.mask_name(row.customer_name),
        "phone": rules_.mask_phone(row.customer_phone),
        "category": row.category,
        "subject_person": row.subject_person,
        "first_responsible": row.first_responsible,
    }
