"""The runner's writes: every answer, note, photo, signature, submit and amendment goes through the
service on the shared writer thread (gui/incident_writer.py), one at a time in the order given, so
the window never waits for the disk and closing the app (which waits for the queue) loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from branchguard.core.incidents.opening import PlanAlreadyOpen
from branchguard.core.inspections.types import ItemResult, SignatureRole
from branchguard.core.kernel.attachments import MAX_ATTACHMENT_BYTES
from branchguard.core.kernel.intake import read_file
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession


class AnswerSaver(QObject):
    """Results come back on the GUI thread as signals: `saved(Answer)` for one item, `reread()`
    when more changed, `escalated(incident id, joined)` or `plan_open(number, PlanAlreadyOpen)`,
    `submitted(InspectionDetail)`, `amended(Amendment)`, `failed(message)` (the write and those
    queued behind it may not have happened), `sign_failed(message)`, and `pending_changed(count)`
    as the queue grows and drains."""

    saved = Signal(object)
    escalated = Signal(int, bool)  # the incident's id; True when logged in an open one
    plan_open = Signal(int, object)  # the item's number, PlanAlreadyOpen
    reread = Signal()
    submitted = Signal(object)
    amended = Signal(object)
    failed = Signal(str)
    sign_failed = Signal(str)
    pending_changed = Signal(int)

    def __init__(self, session: GuiSession, inspection_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inspection_id = inspection_id
        self.pending = 0

    def _queue(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.pending += 1
        self.pending_changed.emit(self.pending)

        def done(result: Any) -> None:
            self.pending -= 1
            on_done(result)
            self.pending_changed.emit(self.pending)

        def failed(message: str) -> None:
            self.pending -= 1
            (on_error or self.failed.emit)(message)
            self.pending_changed.emit(self.pending)

        writer().submit(work, on_done=done, on_error=failed)

    def answer(
        self, number: int, result: ItemResult | None, note: str | None = None, corrected: str | None = None
    ) -> None:
        """`result` None clears the answer; `note` None keeps the note; `corrected` says what was
        done on the spot about a failed item."""
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(
            lambda: inspections.answer(actor, inspection_id, number, result, note=note, corrected=corrected),
            self.saved.emit,
        )

    def escalate(self, number: int, *, despite_open: bool = False, into: int | None = None) -> None:
        """Start the plan the failed item names; `escalated(incident id, joined)` when it has started
        or, `into` an open incident, is logged in it; `plan_open(number, PlanAlreadyOpen)` when the
        plan's real incident is open and neither `into` nor `despite_open` says what to do."""
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )

        def work() -> int | PlanAlreadyOpen:
            try:
                return inspections.escalate(
                    actor, inspection_id, number, despite_open=despite_open, into=into
                )
            except PlanAlreadyOpen as refused:  # brought back whole: the question offers its incident
                return refused

        def done(result: int | PlanAlreadyOpen) -> None:
            if isinstance(result, PlanAlreadyOpen):
                self.plan_open.emit(number, result)
            else:
                self.escalated.emit(result, into is not None)

        self._queue(work, done)

    def add_photo(self, number: int, path: Path) -> None:
        """The file's bytes go to the attachment store through the service (read on the writer thread;
        only a regular file within the attachment limit is read)."""
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(
            lambda: inspections.add_photo_bytes(
                actor,
                inspection_id,
                number,
                path.name,
                read_file(path, MAX_ATTACHMENT_BYTES, "field.attachment"),
            ),
            self.saved.emit,
        )

    def answer_rest(self, result: ItemResult = ItemResult.PASS) -> None:
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(
            lambda: inspections.answer_rest(actor, inspection_id, result), lambda _count: self.reread.emit()
        )

    def sign(self, role: SignatureRole, name: str) -> None:
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(
            lambda: inspections.sign(actor, inspection_id, role, name),
            lambda _signature: self.reread.emit(),
            self.sign_failed.emit,
        )

    def submit(self) -> None:
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(lambda: inspections.submit(actor, inspection_id), self.submitted.emit)

    def amend(
        self, number: int, result: ItemResult, reason: str, note: str = "", photos: tuple[Path, ...] = ()
    ) -> None:
        inspections, actor, inspection_id = (
            self.session.services.inspections,
            self.session.actor,
            self.inspection_id,
        )
        self._queue(
            lambda: inspections.amend(actor, inspection_id, number, result, reason, note=note, photos=photos),
            self.amended.emit,
        )
