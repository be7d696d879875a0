"""Hazard register (隐患台账): hazards by hand, from failed inspection items or from held drills,
remediation steps with evidence, remediated -> verified by a second person -> closed, reopen, the
filtered register with ageing, the dashboard's counts, and the configurable severity policy.

Lead and staff work hazards; everyone reads; the safety lead sets the policy. Each hazard's due date
is a one-off HAZARD schedule owned by the hazard's owner (reminders, the calendar). The schedule
ends when the hazard is verified or closed; a moved due date or a reopen gives it a new one (the
old one's written occurrences are marked done), so reminders always speak of the current date.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.drills import rules as drill_rules
from branchguard.core.drills.types import DrillAction, DrillStatus
from branchguard.core.hazards import reminders as hazard_schedules
from branchguard.core.hazards import rules as rules_
from branchguard.core.hazards import store
from branchguard.core.hazards.types import (
    HazardAction,
    HazardCounts,
    HazardDetail,
    HazardEventKind,
    HazardFilter,
    HazardInfo,
    HazardInput,
    HazardSeverity,
    HazardSource,
    HazardStatus,
    RemediationKind,
    RemediationStep,
    SeverityPolicy,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel.attachments import AttachmentRef, AttachmentStore
from branchguard.core.kernel.errors import NotFound, ValidationError, refuse_if_changed
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.schedules import rules
from branchguard.core.schedules.service import ScheduleService
from branchguard.db.base import utcnow
from branchguard.db.locks import locked
from branchguard.db.models.drills import DrillPlanRow
from branchguard.db.models.hazards import HazardRow, HazardStepRow


@dataclass(frozen=True)
class NewHazard:
    """What opening a hazard needs besides the input fields (from an inspection item, or by hand)."""

    source: HazardSource
    inspection_id: int | None = None
    item_number: int | None = None
    template_code: str = ""
    photos: tuple[AttachmentRef, ...] = ()
    drill_id: int | None = None  # the held drill that found it (source DRILL)


@dataclass(frozen=True)
class CorrectedOnSpot:
    """What was done about a fault on the spot, by whom (a login) and when."""

    text: str
    by: str
    at: datetime


class HazardService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        files: AttachmentStore,
        schedules: ScheduleService,
        zone: str = "",
    ) -> None:
        self._sessions = sessions
        self._files = files
        self._schedules = schedules
        self._zone_name = zone

    @property
    def zone(self) -> ZoneInfo:
        """The branch's wall clock: the zone given, else this PC's (as the schedules engine)."""
        return rules.zone(self._zone_name or rules.local_zone_name())

    # -- policy --------------------------------------------------------------------------------
    def policy(self, actor: Actor) -> SeverityPolicy:
        require(actor, "hazard.read")
        with self._sessions() as s:
            return store.policy(s)

    def set_policy(self, actor: Actor, policy: SeverityPolicy) -> SeverityPolicy:
        """Change the deadlines; hazards opened afterwards follow them (open ones keep theirs)."""
        require(actor, "hazard.policy")
        checked = rules_.check_policy(policy)
        with self._sessions.begin() as s:
            before = store.policy(s)
            store.save_policy(s, checked, actor)
            record(
                s,
                actor,
                "hazard.policy",
                "hazard_policy",
                "",
                before=rules_.policy_view(before),
                after=rules_.policy_view(checked),
            )
        return checked

    # -- opening ---------------------------------------------------------------------------------
    def create(self, actor: Actor, data: HazardInput, drill_id: int | None = None) -> HazardDetail:
        """A hazard entered by hand: it names its owner, and it is not due before today (the day it
        was found, in the branch's zone; the register keeps no earlier finding date).

        `drill_id`: raised from that drill (source DRILL, linked to it), which must have been held
        (run and evaluated, or recorded afterwards) and not voided: else a ValidationError on the
        drill. Its row is locked first, so a void from another PC comes before or after, not between."""
        require(actor, "hazard.create")
        values = rules_.clean_input(data)
        rules_.require_owner(values)
        rules_.check_due(data.due, store.local_date(utcnow(), self.zone))
        with self._sessions.begin() as s:
            origin = NewHazard(HazardSource.MANUAL)
            if drill_id is not None:
                origin = NewHazard(HazardSource.DRILL, drill_id=_held_drill(s, drill_id))
            row = self.open_in(s, actor, values, data.due, origin)
            detail = store.detail_of(row, utcnow(), self.zone)
        self._schedules.notify()
        return detail

    def open_in(
        self, s: Session, actor: Actor, values: dict[str, Any], due: date | None, origin: NewHazard
    ) -> HazardRow:
        """Open a hazard inside the caller's transaction (an inspection's submit or amendment): its
        deadlines from the policy (or `due`), its history, audit and due schedule. The caller has
        checked the role and calls `self._schedules.notify()` after commit."""
        now = utcnow()
        zone = self.zone
        rule = store.policy(s).rule(HazardSeverity(values["severity"]))
        due_date, interim_at, plan_at = store.deadlines(now, rule, zone)
        row = HazardRow(
            **values,
            status=HazardStatus.OPEN.value,
            source=origin.source.value,
            due_date=due if due is not None else due_date,
            interim_due_at=interim_at,
            plan_due_at=plan_at,
            report_head_office=rule.report_head_office,
            inspection_id=origin.inspection_id,
            item_number=origin.item_number,
            template_code=origin.template_code,
            photos=store.ref_values(origin.photos),
            drill_id=origin.drill_id,
            opened_by=actor.username,
            opened_at=now,
        )
        s.add(row)
        s.flush()  # the id, and (for an item) the unique (inspection, item) check, now
        store.add_event(row, HazardEventKind.OPENED, actor)
        self._start_schedule(s, actor, row)
        record(s, actor, "hazard.open", "hazard", row.id, after=rules_.audit_view(row))
        return row

    def record_corrected_in(
        self,
        s: Session,
        actor: Actor,
        values: dict[str, Any],
        origin: NewHazard,
        correction: CorrectedOnSpot,
    ) -> HazardRow:
        """A fault corrected on the spot (当场整改), inside the caller's transaction (an inspection's
        submit): recorded for the register and its statistics, already closed. Its one step is the
        correction (who did what, when, with the item's photos as evidence); the inspector who saw
        it done and submits is the one who verified and closed it. No due schedule: nothing is owed."""
        now = utcnow()
        rule = store.policy(s).rule(HazardSeverity(values["severity"]))
        row = HazardRow(
            **values,
            status=HazardStatus.CLOSED.value,
            source=origin.source.value,
            due_date=store.local_date(correction.at, self.zone),
            report_head_office=rule.report_head_office,
            inspection_id=origin.inspection_id,
            item_number=origin.item_number,
            template_code=origin.template_code,
            photos=store.ref_values(origin.photos),
            opened_by=actor.username,
            opened_at=correction.at,
            remediated_by=correction.by,
            remediated_at=correction.at,
            verified_by=actor.username,
            verified_at=now,
            verification_note=t("hazard.corrected_on_spot"),
            closed_by=actor.username,
            closed_at=now,
        )
        row.steps.append(
            HazardStepRow(
                kind=RemediationKind.ON_THE_SPOT.value,
                text=correction.text,
                evidence=store.ref_values(origin.photos),
                added_by=correction.by,
                added_at=correction.at,
            )
        )
        s.add(row)
        s.flush()  # the id, and the unique (inspection, item) check, now
        store.add_event(row, HazardEventKind.OPENED, actor)
        kind = RemediationKind.ON_THE_SPOT
        store.add_event(row, HazardEventKind.STEP_ADDED, actor, f"{kind.label}: {correction.text}")
        store.add_event(row, HazardEventKind.CLOSED, actor, t("hazard.corrected_on_spot"))
        record(s, actor, "hazard.corrected_on_spot", "hazard", row.id, after=rules_.audit_view(row))
        return row

    # -- editing ---------------------------------------------------------------------------------
    def update(
        self,
        actor: Actor,
        hazard_id: int,
        data: HazardInput,
        reason: str = "",
        opened: HazardInput | None = None,
    ) -> HazardDetail:
        """Change the fields. `data.due` None keeps the due date, unless the severity changes: then
        the policy's deadlines for the new severity, counted from when the hazard opened. A lower
        severity is the lead's and needs `reason`.

        `opened`: what the form was filled from (`rules.as_edited` of the hazard it read; None from
        the command line). A form saves every field, so if another PC changed any since, saving
        would silently put back the old owner, location or severity (and read the old severity as
        a downgrade): StaleRecord, nothing written, checked under the lock before anything else."""
        require(actor, "hazard.update")
        values = rules_.clean_input(data)
        reason = validation.text(reason, "field.reason", required=False, limit=1000)
        zone = self.zone
        with self._sessions.begin() as s:
            row = self._row(s, hazard_id, for_change=True)
            number = Message("hazard.record", number=store.number_of(row))
            refuse_if_changed(opened, rules_.as_edited(row), number)
            rules_.expect(row.status, HazardAction.EDIT)
            before = rules_.audit_view(row)
            if row.owner:  # an owner named once is replaced, never removed: the reminders go to them
                rules_.require_owner(values)
            changes = {k: (str(getattr(row, k)), str(v)) for k, v in values.items() if getattr(row, k) != v}
            timing: dict[str, Any] = {}
            if data.due is not None:
                timing["due_date"] = data.due
                if data.due != row.due_date:  # moving a deadline is the lead's, here as in the window
                    require(actor, "hazard.set_due")
                    rules_.expect(row.status, HazardAction.SET_DUE)
                    rules_.check_due(data.due, store.local_date(row.opened_at, zone))
            if rules_.is_downgrade(row.severity, values["severity"]):
                reason = rules_.check_downgrade(actor, row.status, reason)
            if values["severity"] != row.severity:
                rule = store.policy(s).rule(HazardSeverity(values["severity"]))
                due_date, timing["interim_due_at"], timing["plan_due_at"] = store.deadlines(
                    row.opened_at, rule, zone
                )
                timing.setdefault("due_date", due_date)
                timing["report_head_office"] = rule.report_head_office
            for key, value in timing.items():
                if getattr(row, key) != value:
                    shown = value.astimezone(zone).isoformat() if isinstance(value, datetime) else value
                    old = getattr(row, key)
                    old_shown = old.astimezone(zone).isoformat() if isinstance(old, datetime) else old
                    changes[key] = (str(old_shown), str(shown))
            if not changes:
                return store.detail_of(row, utcnow(), zone)
            reminders = {"owner", "title", "due_date", "severity"} & set(changes)
            for key, value in {**values, **timing}.items():
                setattr(row, key, value)
            store.add_event(row, HazardEventKind.EDITED, actor, reason, changes)
            if reminders and HazardStatus(row.status).is_open:
                self._end_schedule(s, actor, row, t("hazard.schedule_moved"))
                self._start_schedule(s, actor, row)
            s.flush()
            record(s, actor, "hazard.update", "hazard", row.id, before=before, after=rules_.audit_view(row))
            detail = store.detail_of(row, utcnow(), zone)
        self._schedules.notify()
        return detail

    def add_step(
        self, actor: Actor, hazard_id: int, kind: RemediationKind, text: str, evidence: Sequence[Path] = ()
    ) -> RemediationStep:
        """A remediation step, with evidence photos copied into the attachment store."""
        require(actor, "hazard.remediate")
        with self._files.staged():  # a step refused takes back the files it brought
            refs = [self._files.add(Path(p)) for p in evidence]
            return self._add_step(actor, hazard_id, kind, text, refs)

    def add_step_bytes(
        self,
        actor: Actor,
        hazard_id: int,
        kind: RemediationKind,
        text: str,
        files: Sequence[tuple[str, bytes]],
    ) -> RemediationStep:
        require(actor, "hazard.remediate")
        with self._files.staged():
            refs = [self._files.add_bytes(name, data) for name, data in files]
            return self._add_step(actor, hazard_id, kind, text, refs)

    def _add_step(
        self, actor: Actor, hazard_id: int, kind: RemediationKind, text: str, refs: list[AttachmentRef]
    ) -> RemediationStep:
        kind = validation.choice(kind, RemediationKind, "field.remediation_kind")
        text = validation.text(text, "field.remediation_step", limit=rules_.TEXT_LIMIT)
        with self._sessions.begin() as s:
            row = self._row(s, hazard_id, for_change=True)
            rules_.expect(row.status, HazardAction.ADD_STEP)
            step = HazardStepRow(
                kind=kind.value,
                text=text,
                evidence=store.ref_values(refs),
                added_by=actor.username,
                added_at=utcnow(),
            )
            row.steps.append(step)
            store.add_event(row, HazardEventKind.STEP_ADDED, actor, f"{kind.label}: {text}")
            if kind in (RemediationKind.INTERIM_CONTROL, RemediationKind.PLAN):
                self._end_schedule(s, actor, row, t("hazard.schedule_milestone_met"), kind)
            s.flush()
            record(
                s,
                actor,
                "hazard.step",
                "hazard",
                row.id,
                after={"kind": kind.value, "text": text, "files": len(refs)},
            )
            return store.detail_of(row, utcnow(), self.zone).steps[-1]

    def note_amendment(self, s: Session, actor: Actor, hazard_id: int, note: str) -> None:
        """An inspection amendment corrected the item this hazard came from (in the caller's
        transaction): said in the hazard's history; the hazard itself is closed as usual."""
        store.add_event(self._row(s, hazard_id), HazardEventKind.EDITED, actor, note)

    # -- closing ---------------------------------------------------------------------------------
    def remediate(self, actor: Actor, hazard_id: int, note: str = "") -> HazardDetail:
        """The fix is done (needs at least one step of work); records who remediated."""
        require(actor, "hazard.remediate")
        note = validation.text(note, "field.notes", required=False, limit=1000)

        def change(s: Session, row: HazardRow) -> None:
            rules_.expect(row.status, HazardAction.REMEDIATE)
            rules_.check_work_recorded(st.kind for st in row.steps)
            row.status = HazardStatus.REMEDIATED.value
            row.remediated_by, row.remediated_at = actor.username, utcnow()
            store.add_event(row, HazardEventKind.REMEDIATED, actor, note)

        return self._transition(actor, hazard_id, "hazard.remediate", change)

    def verify(self, actor: Actor, hazard_id: int, note: str = "", waiver: str = "") -> HazardDetail:
        """A second person (the lead) checks the fix and says what was checked: whoever
        remediated a hazard cannot verify it. A major hazard with policy milestones outstanding
        (interim control, plan, head-office report: `rules.outstanding_milestones`) is refused
        unless `waiver` says why it goes ahead without them; that is recorded in its history (a
        WAIVED event naming them) and the audit trail, and carries to its closing."""
        require(actor, "hazard.verify")
        note = validation.text(note, "field.notes", limit=1000)

        def change(s: Session, row: HazardRow) -> None:
            rules_.expect(row.status, HazardAction.VERIFY)
            rules_.check_verifier(row.remediated_by, actor)
            outstanding = store.outstanding_of(row)
            reason = rules_.check_milestones(outstanding, waiver)
            row.status = HazardStatus.VERIFIED.value
            row.verified_by, row.verified_at, row.verification_note = actor.username, utcnow(), note
            store.add_event(row, HazardEventKind.VERIFIED, actor, note)
            _record_waiver(s, actor, row, outstanding, reason)
            self._end_schedule(s, actor, row, t("hazard.schedule_verified"))

        return self._transition(actor, hazard_id, "hazard.verify", change)

    def close(self, actor: Actor, hazard_id: int, note: str = "", waiver: str = "") -> HazardDetail:
        """The lead closes (销号) a verified hazard, with a note. Milestones outstanding: as
        `verify`, unless a waiver was recorded at its verification (steps cannot be added since)."""
        require(actor, "hazard.close")
        note = validation.text(note, "field.notes", limit=1000)

        def change(s: Session, row: HazardRow) -> None:
            rules_.expect(row.status, HazardAction.CLOSE)
            outstanding = store.outstanding_of(row)
            if rules_.waived_since_reopen([ev.kind for ev in row.events]):
                outstanding = ()
            reason = rules_.check_milestones(outstanding, waiver)
            row.status = HazardStatus.CLOSED.value
            row.closed_by, row.closed_at = actor.username, utcnow()
            store.add_event(row, HazardEventKind.CLOSED, actor, note)
            _record_waiver(s, actor, row, outstanding, reason)
            self._end_schedule(s, actor, row, t("hazard.schedule_closed"))

        return self._transition(actor, hazard_id, "hazard.close", change)

    def reopen(self, actor: Actor, hazard_id: int, reason: str) -> HazardDetail:
        """Back to open (the fix did not hold, or verification found it wanting); reason required.
        Its remediation and verification marks are cleared; the steps and history stay."""
        require(actor, "hazard.reopen")
        reason = validation.text(reason, "field.reason", limit=1000)

        def change(s: Session, row: HazardRow) -> None:
            rules_.expect(row.status, HazardAction.REOPEN)
            was_open = HazardStatus(row.status).is_open
            row.status = HazardStatus.OPEN.value
            row.remediated_by = row.remediated_at = row.verified_by = row.verified_at = None
            row.closed_by = row.closed_at = None
            row.verification_note = ""
            store.add_event(row, HazardEventKind.REOPENED, actor, reason)
            if not was_open:
                self._start_schedule(s, actor, row)

        return self._transition(actor, hazard_id, "hazard.reopen", change)

    def _transition(self, actor: Actor, hazard_id: int, action: str, change: Any) -> HazardDetail:
        with self._sessions.begin() as s:
            row = self._row(s, hazard_id, for_change=True)
            before = row.status
            change(s, row)
            s.flush()
            record(
                s, actor, action, "hazard", row.id, before={"status": before}, after={"status": row.status}
            )
            detail = store.detail_of(row, utcnow(), self.zone)
        self._schedules.notify()
        return detail

    # -- reading ---------------------------------------------------------------------------------
    def get(self, actor: Actor, hazard_id: int, now: datetime | None = None) -> HazardDetail:
        require(actor, "hazard.read")
        with self._sessions() as s:
            return store.detail_of(self._row(s, hazard_id), now or utcnow(), self.zone)

    def list(
        self, actor: Actor, flt: HazardFilter | None = None, now: datetime | None = None
    ) -> builtins.list[HazardInfo]:
        """The register, filtered: overdue first, then by due date."""
        require(actor, "hazard.read")
        now = now or utcnow()
        zone = self.zone
        with self._sessions() as s:
            stmt = store.filtered(flt or HazardFilter(), now, zone).order_by(HazardRow.due_date, HazardRow.id)
            rows = s.execute(stmt.with_only_columns(*store.INFO_COLUMNS))  # plain rows: no ORM objects
            infos = store.infos_of(rows.tuples(), now, zone)
            owed = store.outstanding_of_majors(s)
        infos = [replace(h, outstanding=owed[h.id]) if h.id in owed else h for h in infos]
        return sorted(infos, key=lambda h: (not h.overdue, not h.status.is_open, h.due_at, h.id))

    def counts(self, actor: Actor, now: datetime | None = None) -> HazardCounts:
        """Open hazards (not yet verified) by severity, and the overdue ones among them."""
        require(actor, "hazard.read")
        now = now or utcnow()
        today = store.local_date(now, self.zone)
        open_rows = HazardRow.status.in_(store.OPEN_STATES)
        with self._sessions() as s:
            by_sev = dict(
                s.execute(
                    select(HazardRow.severity, func.count()).where(open_rows).group_by(HazardRow.severity)
                )
                .tuples()
                .all()
            )
            late = dict(
                s.execute(
                    select(HazardRow.severity, func.count())
                    .where(open_rows, HazardRow.due_date < today)
                    .group_by(HazardRow.severity)
                )
                .tuples()
                .all()
            )
        return HazardCounts(
            open_by_severity={sev: by_sev.get(sev.value, 0) for sev in HazardSeverity},
            overdue_by_severity={sev: late.get(sev.value, 0) for sev in HazardSeverity},
        )

    def attachment_bytes(self, actor: Actor, sha256: str) -> bytes:
        """A stored photo or evidence file, checked against its hash."""
        require(actor, "hazard.read")
        return self._files.read(sha256)

    # -- helpers ---------------------------------------------------------------------------------
    def _start_schedule(self, s: Session, actor: Actor, row: HazardRow) -> None:
        hazard_schedules.start(self._schedules, s, actor, row, self._zone_name or rules.local_zone_name())

    def _end_schedule(
        self, s: Session, actor: Actor, row: HazardRow, note: str, milestone: RemediationKind | None = None
    ) -> None:
        hazard_schedules.end(self._schedules, s, actor, row, note, milestone)

    @staticmethod
    def _row(s: Session, hazard_id: int, *, for_change: bool = False) -> HazardRow:
        """The hazard with its steps and history. `for_change`: locked first (db/locks.py) and read
        fresh, so that two PCs changing it at once (both closing, a verify and a reopen) take turns,
        the second checking the state the first left rather than the one both had read."""
        if for_change and locked(s, HazardRow, hazard_id) is None:
            raise NotFound(Message("hazard.not_found", id=hazard_id))
        row = s.scalar(
            select(HazardRow)
            .where(HazardRow.id == hazard_id)
            .options(selectinload(HazardRow.steps), selectinload(HazardRow.events))
            .execution_options(populate_existing=for_change)
        )
        if row is None:
            raise NotFound(Message("hazard.not_found", id=hazard_id))
        return row


def _record_waiver(
    s: Session, actor: Actor, row: HazardRow, outstanding: tuple[RemediationKind, ...], reason: str
) -> None:
    """A verification or closing with milestones outstanding: the milestones and the reason, in
    the hazard's history and the audit trail (nothing when none were outstanding)."""
    if not outstanding:
        return
    named = str(rules_.Milestones(outstanding))
    note = t("hazard.waived_note", milestones=named, reason=reason)
    store.add_event(row, HazardEventKind.WAIVED, actor, note)
    after = {"milestones": [k.value for k in outstanding], "reason": reason}
    record(s, actor, "hazard.waiver", "hazard", row.id, after=after)


def _held_drill(s: Session, drill_id: int) -> int:
    """`drill_id`, locked, when a hazard may be raised from it (core/drills/rules.py); else why not,
    on the drill: there is none, its record was voided, or it has not been held and evaluated."""
    row = locked(s, DrillPlanRow, drill_id)
    if row is None:
        raise ValidationError("field.drill", Message("drill.not_found", id=drill_id))
    if row.status == DrillStatus.CANCELLED.value and row.run_at is not None:  # a voided record
        raise ValidationError("field.drill", Message("drill.hazard_voided", id=drill_id))
    drill_rules.expect(row.id, row.status, DrillAction.RECORD_HAZARD)
    return row.id
