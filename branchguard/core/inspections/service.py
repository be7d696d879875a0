"""Inspection service: start a checklist from a template's approved version, answer items (pass /
fail / n.a., note, photos), sign (inspector, reviewer), submit, amend; the template library and its
schedules come from TemplateLibrary.

Hazards open at submit: one per failed item, in the submit's own transaction, so a refused or
failed submit leaves no hazard behind, and answers may change freely until then. An amendment that
turns an item into a fail opens its hazard if the item has none. The database holds at most one
hazard per (inspection, item), so "a failed item opens exactly one hazard" holds even against two
people submitting or amending at once. A submitted inspection is never changed again.

Lead and staff run inspections; everyone reads.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, update
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.audit.service import record
from branchguard.core.hazards.service import HazardService, NewHazard
from branchguard.core.hazards.store import ref_values
from branchguard.core.hazards.types import HazardSource
from branchguard.core.inspections import listing, on_the_spot, store
from branchguard.core.inspections.photos import check_photo_bytes, check_photo_file
from branchguard.core.inspections.templates import TemplateLibrary
from branchguard.core.inspections.types import (
    Amendment,
    Answer,
    InspectionDetail,
    InspectionFilter,
    InspectionInfo,
    InspectionInput,
    InspectionStatus,
    ItemResult,
    Signature,
    SignatureRole,
)
from branchguard.core.kernel import validation
from branchguard.core.kernel import versioned as ver
from branchguard.core.kernel.attachments import AttachmentRef, AttachmentStore
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.paging import Slice, Window
from branchguard.core.kernel.roles import require
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import recording as ledger_recording
from branchguard.core.schedules import links as schedule_links
from branchguard.core.schedules.service import ScheduleService
from branchguard.db.base import utcnow
from branchguard.db.models.hazards import HazardRow
from branchguard.db.models.inspections import AmendmentRow, AnswerRow, InspectionRow

if TYPE_CHECKING:
    from branchguard.core.incidents.service import IncidentService

NOTE_LIMIT = 2000
MAX_PHOTOS = 10


class InspectionService(TemplateLibrary):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        files: AttachmentStore,
        schedules: ScheduleService,
        hazards: HazardService,
        incidents: IncidentService | None = None,
    ) -> None:
        super().__init__()
        self._sessions = sessions
        self._files = files
        self._schedules = schedules
        self._hazards = hazards
        self._incidents = incidents  # for an item that starts its plan on failure

    # -- running -------------------------------------------------------------------------------
    def start(
        self, actor: Actor, template_code: str, data: InspectionInput | None = None
    ) -> InspectionDetail:
        """A new inspection on the template's approved version, every item unanswered."""
        require(actor, "inspection.run")
        self._seed()
        data = data or InspectionInput()
        location = validation.text(data.location, "field.location", required=False, limit=200)
        notes = validation.text(data.notes, "field.notes", required=False, limit=NOTE_LIMIT)
        with self._sessions.begin() as s:
            template = self._template(s, template_code)
            version = ver.approved(template.versions)
            if version is None:
                raise ValidationError("field.template", Message("inspection.no_approved", code=template.code))
            if data.occurrence_id is not None:
                store.check_occurrence(s, data.occurrence_id, template.id)
            row = InspectionRow(
                template_id=template.id,
                version_id=version.id,
                status=InspectionStatus.DRAFT.value,
                location=location,
                notes=notes,
                occurrence_id=data.occurrence_id,
                started_by=actor.username,
                started_at=utcnow(),
            )
            row.answers = [AnswerRow(number=item.position, photos=[]) for item in version.items]
            s.add(row)
            s.flush()
            record(
                s,
                actor,
                "inspection.start",
                "inspection",
                row.id,
                after={"template": template.code, "version": version.number, "location": location},
            )
            return store.detail_of(row, store.Context(s, [row]))

    def answer(
        self,
        actor: Actor,
        inspection_id: int,
        number: int,
        result: ItemResult | None,
        note: str | None = None,
        photos: Sequence[Path] | None = None,
        *,
        corrected: str | None = None,
    ) -> Answer:
        """Answer (or, with None, clear) item `number` (1-based); `note` None keeps the note;
        `photos` are added to the item's. `corrected` says what was done on the spot about a
        failed item (当场整改; "" withdraws it); an answer other than fail drops the correction."""
        require(actor, "inspection.run")
        if corrected:
            corrected = on_the_spot.clean_text(corrected)
        with self._files.staged():  # an answer refused takes back the photos it brought
            refs = self._add_photos(photos or ())
            return self._change_answer(
                actor, inspection_id, number, result, note, refs, set_result=True, corrected=corrected
            )

    def add_photo_bytes(
        self, actor: Actor, inspection_id: int, number: int, name: str, data: bytes
    ) -> Answer:
        require(actor, "inspection.run")
        check_photo_bytes(name, data)
        with self._files.staged():
            ref = self._files.add_bytes(name, data)
            return self._change_answer(actor, inspection_id, number, None, None, [ref], set_result=False)

    def _add_photos(self, paths: Sequence[Path]) -> list[AttachmentRef]:
        """Store the files once every one proved to be a photo the reports can picture
        (photos.py): one that is not stores none."""
        for path in paths:
            check_photo_file(Path(path))
        return [self._files.add(Path(p)) for p in paths]

    def remove_photo(self, actor: Actor, inspection_id: int, number: int, sha256: str) -> Answer:
        require(actor, "inspection.run")
        with self._sessions.begin() as s:
            row = self._draft(s, inspection_id)
            ans = store.answer_row(row, number)
            ans.photos = [p for p in ans.photos if p["sha256"] != sha256]
            record(
                s,
                actor,
                "inspection.photo_removed",
                "inspection",
                row.id,
                after={"item": number, "sha256": sha256},
            )
            return self._answer_record(s, row, ans)

    def _change_answer(
        self,
        actor: Actor,
        inspection_id: int,
        number: int,
        result: ItemResult | None,
        note: str | None,
        refs: list[AttachmentRef],
        *,
        set_result: bool,
        corrected: str | None = None,
    ) -> Answer:
        if result is not None:
            result = validation.choice(result, ItemResult, "field.result")
        if note is not None:
            note = validation.text(note, "field.notes", required=False, limit=NOTE_LIMIT)
        with self._sessions.begin() as s:
            row = self._draft(s, inspection_id)
            ans = store.answer_row(row, number)
            if set_result:
                ans.result = result.value if result is not None else None
            if note is not None:
                ans.note = note
            if refs:
                known = {p["sha256"] for p in ans.photos}
                ans.photos = [*ans.photos, *ref_values([r for r in refs if r.sha256 not in known])]
                if len(ans.photos) > MAX_PHOTOS:
                    raise ValidationError("field.photos", Message("validation.range", low=0, high=MAX_PHOTOS))
            ans.answered_by, ans.answered_at = actor.username, utcnow()
            after = {"item": number, "result": ans.result, "note": ans.note, "photos": len(ans.photos)}
            if corrected:
                on_the_spot.set_correction(row, number, corrected, ans.result, actor)
                after["corrected"] = corrected
            elif (corrected == "" or (set_result and ans.result != ItemResult.FAIL.value)) and (
                on_the_spot.drop_correction(row, number)
            ):
                after["corrected"] = ""
            record(s, actor, "inspection.answer", "inspection", row.id, after=after)
            return self._answer_record(s, row, ans)

    def answer_rest(self, actor: Actor, inspection_id: int, result: ItemResult = ItemResult.PASS) -> int:
        """Every item still unanswered gets `result`; how many."""
        require(actor, "inspection.run")
        result = validation.choice(result, ItemResult, "field.result")
        with self._sessions.begin() as s:
            row = self._draft(s, inspection_id)
            now = utcnow()
            rest = [a for a in row.answers if a.result is None]
            for ans in rest:
                ans.result, ans.answered_by, ans.answered_at = result.value, actor.username, now
            if rest:
                record(
                    s,
                    actor,
                    "inspection.answer_rest",
                    "inspection",
                    row.id,
                    after={"result": result.value, "items": len(rest)},
                )
            return len(rest)

    def sign(self, actor: Actor, inspection_id: int, role: SignatureRole, name: str) -> Signature:
        """The inspector signs before submit; the reviewer before or after it (the review). The
        reviewer is someone other than the inspector."""
        require(actor, "inspection.run")
        role = validation.choice(role, SignatureRole, "field.signature_role")
        with self._sessions.begin() as s:
            row = store.inspection_row(s, inspection_id, lock=True)
            return self._sign_row(s, actor, row, role, name)

    @staticmethod
    def _sign_row(s: Session, actor: Actor, row: InspectionRow, role: SignatureRole, name: str) -> Signature:
        name = validation.text(name, "field.signer", limit=100)
        submitted = row.status == InspectionStatus.SUBMITTED.value
        if submitted and (role == SignatureRole.INSPECTOR or row.reviewer_name):
            raise ValidationError("field.inspection", Message("inspection.submitted_already", id=row.id))
        other = row.reviewer_name if role == SignatureRole.INSPECTOR else row.inspector_name
        if other and other.casefold() == name.casefold():
            raise ValidationError("field.reviewer", Message("inspection.reviewer_is_inspector", name=name))
        now = utcnow()
        if role == SignatureRole.INSPECTOR:
            row.inspector_name, row.inspector_signed_by, row.inspector_signed_at = name, actor.username, now
        else:
            row.reviewer_name, row.reviewer_signed_by, row.reviewer_signed_at = name, actor.username, now
        record(s, actor, "inspection.sign", "inspection", row.id, after={"role": role.value, "name": name})
        return Signature(role, name, actor.username, now)

    def submit(self, actor: Actor, inspection_id: int, inspector: str | None = None) -> InspectionDetail:
        """Freeze the inspection: every item answered, a photo on each failed item that needs one,
        the inspector's signature (with `inspector`, signed here: in the same transaction, so a
        submit refused leaves the signature as it was). One hazard per failed item and the schedule
        occurrence it was started from are written in the same transaction."""
        require(actor, "inspection.run")
        with self._sessions.begin() as s:
            row = store.inspection_row(s, inspection_id, lock=True)
            if row.status != InspectionStatus.DRAFT.value:
                raise ValidationError("field.inspection", Message("inspection.submitted_already", id=row.id))
            if inspector is not None:
                self._sign_row(s, actor, row, SignatureRole.INSPECTOR, inspector)
            ctx = store.Context(s, [row])
            items = store.rendered_items(ctx.versions[row.version_id])
            missing = [str(a.number) for a in row.answers if a.result is None]
            if missing:
                raise ValidationError(
                    "field.items", Message("inspection.unanswered", numbers=", ".join(missing))
                )
            for ans in row.answers:
                item = items[ans.number - 1]
                if ans.result == ItemResult.FAIL.value and item.photo_required_on_fail and not ans.photos:
                    raise ValidationError(
                        Message("field.item_n", n=ans.number), Message("inspection.photo_required")
                    )
            if not row.inspector_name:
                raise ValidationError("field.inspector", Message("inspection.inspector_signature"))
            now = utcnow()
            claimed = s.execute(
                update(InspectionRow)
                .where(InspectionRow.id == row.id, InspectionRow.status == InspectionStatus.DRAFT.value)
                .values(
                    status=InspectionStatus.SUBMITTED.value, submitted_by=actor.username, submitted_at=now
                )
                .execution_options(synchronize_session="fetch")
            )
            if getattr(claimed, "rowcount", 0) != 1:
                raise ValidationError("field.inspection", Message("inspection.submitted_already", id=row.id))
            ledger_recording.touch(s, "inspection", [row.id])  # a Core UPDATE: the session did not see it
            failed = [a for a in row.answers if a.result == ItemResult.FAIL.value]
            for ans in failed:
                fix = on_the_spot.corrected_on_spot(row, ans.number)
                if fix is None:
                    self._open_hazard(s, actor, row, ctx, ans.number, ans.note, store.refs(ans.photos))
                else:  # corrected on the spot: recorded closed, nothing left to remediate
                    version = ctx.versions[row.version_id]
                    values = store.hazard_values(row, version, ans.number, ans.note)
                    origin = self._origin(row, ctx, ans.number, store.refs(ans.photos))
                    hazard = self._hazards.record_corrected_in(s, actor, values, origin, fix)
                    ctx.hazards[(row.id, ans.number)] = hazard.id
            if row.occurrence_id is not None:
                schedule_links.finish_open(
                    s, actor, occurrence_id=row.occurrence_id, note=t("inspection.occurrence_note", id=row.id)
                )
            record(
                s,
                actor,
                "inspection.submit",
                "inspection",
                row.id,
                after={"failed": [a.number for a in failed], "items": len(row.answers)},
            )
            s.flush()
            detail = store.detail_of(row, store.Context(s, [row]))
        self._schedules.notify()
        return detail

    def amend(
        self,
        actor: Actor,
        inspection_id: int,
        number: int,
        result: ItemResult,
        reason: str,
        note: str = "",
        photos: Sequence[Path] = (),
    ) -> Amendment:
        """Correct a submitted item: a new amendment row with its reason; the inspection itself
        is not changed. pass/n.a. -> fail opens the item's hazard when it has none; fail -> pass
        notes the correction on its hazard, which is closed through the register as usual."""
        require(actor, "inspection.run")
        result = validation.choice(result, ItemResult, "field.result")
        reason = validation.text(reason, "field.reason", limit=1000)
        note = validation.text(note, "field.notes", required=False, limit=NOTE_LIMIT)
        refs = self._add_photos(photos)
        with self._sessions.begin() as s:
            row = store.inspection_row(s, inspection_id, lock=True)
            if row.status != InspectionStatus.SUBMITTED.value:
                raise ValidationError("field.inspection", Message("inspection.amend_draft", id=row.id))
            ans = store.answer_row(row, number)
            now_item = store.effective(ans, row)
            assert now_item.result is not None  # a submitted inspection has every item answered
            if now_item.result == result and not note and not refs:
                raise ValidationError("field.result", Message("inspection.amend_nothing", n=number))
            ctx = store.Context(s, [row])
            item = store.rendered_items(ctx.versions[row.version_id])[number - 1]
            photos_now = (*now_item.photos, *refs)
            if result == ItemResult.FAIL and item.photo_required_on_fail and not photos_now:
                raise ValidationError(Message("field.item_n", n=number), Message("inspection.photo_required"))
            am = AmendmentRow(
                number=number,
                old_result=now_item.result.value,
                new_result=result.value,
                note=note,
                photos=ref_values(refs),
                reason=reason,
                amended_by=actor.username,
                amended_at=utcnow(),
            )
            row.amendments.append(am)
            s.flush()
            existing = ctx.hazards.get((row.id, number))
            if result == ItemResult.FAIL and existing is None:
                hazard = self._open_hazard(s, actor, row, ctx, number, note or now_item.note, photos_now)
                am.hazard_id = hazard.id
            elif existing is not None and result != ItemResult.FAIL and now_item.result == ItemResult.FAIL:
                self._hazards.note_amendment(
                    s, actor, existing, t("inspection.amended_to", result=result.label, reason=reason)
                )
            record(
                s,
                actor,
                "inspection.amend",
                "inspection",
                row.id,
                after={"item": number, "from": am.old_result, "to": am.new_result, "reason": reason},
            )
            s.flush()
            detail = store.detail_of(row, store.Context(s, [row]))
        self._schedules.notify()
        return next(a for a in detail.amendments if a.id == am.id)

    def escalate(
        self,
        actor: Actor,
        inspection_id: int,
        number: int,
        *,
        despite_open: bool = False,
        into: int | None = None,
    ) -> int:
        """Start the plan a failed item names (the card slot's ATM plan), at once, with the
        evidence rule as its first entry; the incident's id. Once per item. While the plan's real
        incident is open: refused (PlanAlreadyOpen), logged in it with `into` (its id), or a
        second one started with `despite_open` (on_the_spot.escalate)."""
        require(actor, "inspection.escalate")
        require(actor, "incident.start")
        assert self._incidents is not None, "built without the incident service"
        with self._sessions.begin() as s:
            row = store.inspection_row(s, inspection_id, lock=True)
            incident_id = on_the_spot.escalate(
                s, self._incidents, actor, row, number, despite_open=despite_open, into=into
            )
            record(s, actor, "inspection.escalate", "inspection", row.id,
                   after={"item": number, "incident": incident_id})
        return incident_id

    def delete_draft(self, actor: Actor, inspection_id: int) -> None:
        """Drop an abandoned draft (a submitted inspection is a record and stays)."""
        require(actor, "inspection.run")
        with self._sessions.begin() as s:
            row = self._draft(s, inspection_id)
            record(s, actor, "inspection.delete_draft", "inspection", row.id)
            s.delete(row)

    # -- reading -------------------------------------------------------------------------------
    def get(self, actor: Actor, inspection_id: int) -> InspectionDetail:
        require(actor, "inspection.read")
        with self._sessions() as s:
            row = store.inspection_row(s, inspection_id)
            return store.detail_of(row, store.Context(s, [row]))

    def list(self, actor: Actor, flt: InspectionFilter | None = None) -> builtins.list[InspectionInfo]:
        """Inspections, newest first."""
        require(actor, "inspection.read")
        with self._sessions() as s:
            return listing.infos(s, self._where(s, flt or InspectionFilter()))

    def window(self, actor: Actor, flt: InspectionFilter, window: Window) -> Slice[InspectionInfo]:
        """One window of the filtered inspections (newest first unless `window.sort` names a
        column of `listing.LIST_SORTS`) and the count of all the filter selects."""
        require(actor, "inspection.read")
        with self._sessions() as s:
            return listing.window(s, self._where(s, flt), window)

    def _where(self, s: Session, flt: InspectionFilter) -> builtins.list[ColumnElement[bool]]:
        zone = self._hazards.zone
        where: list[ColumnElement[bool]] = []
        if flt.status is not None:
            where.append(InspectionRow.status == flt.status.value)
        if flt.start is not None:
            where.append(InspectionRow.started_at >= datetime.combine(flt.start, time(0), tzinfo=zone))
        if flt.end is not None:
            where.append(InspectionRow.started_at <= datetime.combine(flt.end, time.max, tzinfo=zone))
        if flt.template_code:
            where.append(InspectionRow.template_id == self._template(s, flt.template_code).id)
        return where

    def photo_bytes(self, actor: Actor, sha256: str) -> bytes:
        """A stored item photo, checked against its hash."""
        require(actor, "inspection.read")
        return self._files.read(sha256)

    # -- helpers -------------------------------------------------------------------------------
    def _open_hazard(
        self,
        s: Session,
        actor: Actor,
        row: InspectionRow,
        ctx: store.Context,
        number: int,
        note: str,
        photos: tuple[AttachmentRef, ...],
    ) -> HazardRow:
        values = store.hazard_values(row, ctx.versions[row.version_id], number, note)
        hazard = self._hazards.open_in(s, actor, values, None, self._origin(row, ctx, number, photos))
        ctx.hazards[(row.id, number)] = hazard.id
        return hazard

    @staticmethod
    def _origin(
        row: InspectionRow, ctx: store.Context, number: int, photos: tuple[AttachmentRef, ...]
    ) -> NewHazard:
        return NewHazard(
            source=HazardSource.INSPECTION,
            inspection_id=row.id,
            item_number=number,
            template_code=ctx.codes[ctx.versions[row.version_id].template_id],
            photos=photos,
        )

    def _draft(self, s: Session, inspection_id: int) -> InspectionRow:
        row = store.inspection_row(s, inspection_id, lock=True)
        if row.status != InspectionStatus.DRAFT.value:
            raise ValidationError("field.inspection", Message("inspection.submitted_already", id=row.id))
        return row

    @staticmethod
    def _answer_record(s: Session, row: InspectionRow, ans: AnswerRow) -> Answer:
        s.flush()
        ctx = store.Context(s, [row])
        item = store.rendered_items(ctx.versions[row.version_id])[ans.number - 1]
        return store.answer_of(ans, row, item, ctx)
