"""What the hazard detail writes (gui/hazards/detail.py shows it): the fields' save, a step, the
remediation mark, and the lead's lowering, verifying and closing, each confirmed with a reason or
note, and the reopening. Every write runs off the GUI thread through the detail's `DialogWork`
(gui/kit/dialog_work.py): the actions and the fields wait meanwhile, a second press writes
nothing, and a refusal is shown where it was asked (by its field, in the confirmation still open).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel

from branchguard.core.hazards import rules
from branchguard.core.hazards.types import HazardAction, HazardDetail, HazardInput, RemediationKind
from branchguard.core.kernel.errors import BranchGuardError, StaleRecord, ValidationError
from branchguard.gui.hazards.closing import ClosingDialog
from branchguard.gui.hazards.dialogs import HazardFields, StepDialog, UnsavedHazardEdits
from branchguard.gui.incidents.console.dialogs import ReasonDialog
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.shell.session import GuiSession

Write = Callable[[], HazardDetail | Any]


class HazardActions(QDialog):
    """The detail's writes. `changed(id)` after every one."""

    changed = Signal(int)

    session: GuiSession
    hazard_id: int
    detail: HazardDetail | None
    opened: HazardInput | None
    fields: HazardFields
    message: QLabel
    work: DialogWork
    confirm_dialog: ReasonDialog | None
    reopen_dialog: ReasonDialog | None
    unsaved_question: UnsavedHazardEdits | None
    _refusals: int  # refusals shown so far: a write refused at once (inline tasks) answers False

    # the view's part (gui/hazards/detail.py)
    def reload(self, keep_typed: bool = False) -> None:
        raise NotImplementedError

    def show_detail(self, detail: HazardDetail, keep_typed: bool = False) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        raise NotImplementedError

    def _typed(self) -> dict[str, tuple[Any, Any]]:
        raise NotImplementedError

    def _refused_as_stale(self) -> None:
        raise NotImplementedError

    # -- writing -------------------------------------------------------------------------------
    def _do(self, work: Write, keep_typed: bool = True, then: Callable[[], Any] | None = None) -> bool:
        """Write with `work` off the GUI thread, then show what it left (`_written`) and `then()`.
        False when nothing was started (a write under way) or the write was refused already."""
        self.show_error("")
        refusals = self._refusals
        started = self.work.save(work, lambda result: self._written(result, keep_typed, then), self._refused)
        return started and self._refusals == refusals

    def _written(self, result: HazardDetail | Any, keep_typed: bool, then: Callable[[], Any] | None) -> None:
        """Show what a write left; the edits typed and not saved stay (`show_detail`) unless the
        write was their save."""
        self.show_error("")
        if isinstance(result, HazardDetail):
            self.show_detail(result, keep_typed)
        else:
            self.reload(keep_typed)
        self.changed.emit(self.hazard_id)
        self.session.data_changed.emit("hazard")
        if then is not None:
            then()

    def _refused(self, exc: BranchGuardError) -> bool:
        self._refusals += 1
        if isinstance(exc, StaleRecord):  # changed on another PC since it was shown: show it as it is now
            self._refused_as_stale()
        elif not (isinstance(exc, ValidationError) and self.fields.show_validation(exc)):
            self.show_error(exc.message)
        return True

    def save(self, reason: str = "", then: Callable[[], Any] | None = None) -> bool:
        """Save the fields, then `then()`. A lower severity is the lead's and asks why first (False
        until then). The service is told what the fields were filled from, and refuses the save if
        another PC changed the hazard since (it is then shown afresh)."""
        self.fields.clear_errors()
        data = self.fields.values()
        if self.detail is not None and data.due == self.detail.info.due_date:
            # Unchanged: the service keeps it, or recomputes it from the policy when the severity changed.
            data = replace(data, due=None)
        if self.detail is not None and rules.is_downgrade(self.detail.info.severity, data.severity):
            if not rules.allowed(self.session.actor, HazardAction.DOWNGRADE):
                self.show_error(self.tr("Only the safety lead can lower a hazard's severity."))
                return False
            if not reason.strip():
                self.ask_downgrade(then)
                return False
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        opened = self.opened
        work = lambda: hazards.update(actor, hazard_id, data, reason, opened)  # noqa: E731
        return self._do(work, keep_typed=False, then=then)

    def ask_downgrade(self, then: Callable[[], Any] | None = None) -> ReasonDialog:
        before = self.detail.info.severity.label if self.detail is not None else ""
        after = self.fields.values().severity.label
        dialog = self._confirm(
            "hazard_downgrade_dialog",
            self.tr("Lower the severity"),
            self.tr(
                "Lower this hazard from %1 to %2? Its deadlines follow the lower severity: a major "
                "hazard's interim control and remediation plan are no longer required."
            )
            .replace("%1", before)
            .replace("%2", after),
            self.tr("Why is it lower?"),
            "field.reason",
            check=self._check_downgrade,
        )
        # The reason passed the service's own check in the dialog; the fields' refusals (the title,
        # say) are the detail's to show, by their inputs, once it closed.
        dialog.accepted.connect(lambda: self.save(dialog.value(), then))
        return dialog

    def _check_downgrade(self, reason: str) -> None:
        if self.detail is not None:
            rules.check_downgrade(self.session.actor, self.detail.info.status, reason)

    def _confirm(
        self,
        name: str,
        title: str,
        question: str,
        label: str,
        core_field: str,
        *,
        check: Callable[[str], Any] | None = None,
        write: Callable[[str], Write] | None = None,
    ) -> ReasonDialog:
        """A confirmation that needs a reason or note: OK checks it (`check(text)`) or writes with it
        (`write(text)`, off the GUI thread) with the dialog still open, so a refusal (a note over the
        service's limit, say) is shown in it under the text (the service's `core_field`), nothing
        typed is lost, and Cancel stays open."""
        dialog = ReasonDialog(
            title, question, label, parent=self, apply=check, write=write, written=self._confirmed,
            core_field=core_field,
        )  # fmt: skip
        dialog.setObjectName(name)
        dialog.finished.connect(dialog.deleteLater)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _confirmed(self, result: HazardDetail | Any) -> None:
        """A confirmation's write is stored: shown, the edits typed in the fields kept."""
        self._written(result, keep_typed=True, then=None)

    def ask_step(self) -> StepDialog:
        dialog = StepDialog(self.session, self.hazard_id, self)
        dialog.accepted.connect(self._step_added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _step_added(self) -> None:
        self._written(None, keep_typed=True, then=None)  # the dialog wrote it: show it, tell the register

    def remediate(self) -> bool:
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        return self._do(lambda: hazards.remediate(actor, hazard_id))

    def ask_verify(self) -> ClosingDialog:
        return self._confirm_closing(
            "hazard_verify_dialog",
            self.tr("Verify the remediation"),
            self.tr("Confirm that the fix was checked on site. The hazard no longer counts as open."),
            self.tr("What was checked?"),
            self._outstanding(closing=False),
            self._verifying,
        )

    def _verifying(self, note: str, waiver: str = "") -> Callable[[], HazardDetail]:
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        return lambda: hazards.verify(actor, hazard_id, note, waiver)

    def verify(self, note: str, waiver: str = "") -> bool:
        return self._do(self._verifying(note, waiver))

    def _outstanding(self, closing: bool) -> tuple[RemediationKind, ...]:
        """The milestones the verify or close dialog names and asks a reason for: none to close
        when the verification recorded its reason (as the service)."""
        if self.detail is None:
            return ()
        if closing and rules.waived_since_reopen([e.kind.value for e in self.detail.events]):
            return ()
        return self.detail.info.outstanding

    def _confirm_closing(
        self,
        name: str,
        title: str,
        question: str,
        label: str,
        outstanding: tuple[RemediationKind, ...],
        write: Callable[[str, str], Write],
    ) -> ClosingDialog:
        """As `_confirm`, with the milestones outstanding and the reason for going ahead without them."""
        dialog = ClosingDialog(
            title, question, label, outstanding, self, write=write, written=self._confirmed
        )
        dialog.setObjectName(name)
        dialog.finished.connect(dialog.deleteLater)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def ask_close(self) -> ReasonDialog | UnsavedHazardEdits:
        """The close's note; with edits not saved, first whether to save them (`ask_unsaved`)."""
        if self._typed():
            return self.ask_unsaved(self._ask_close_note)
        return self._ask_close_note()

    def _ask_close_note(self) -> ClosingDialog:
        return self._confirm_closing(
            "hazard_close_dialog",
            self.tr("Close the hazard"),
            self.tr("Close this verified hazard? It leaves the register's open work for good."),
            self.tr("Note"),
            self._outstanding(closing=True),
            self._closing,
        )

    def ask_unsaved(self, then: Callable[[], Any]) -> UnsavedHazardEdits:
        """Names the fields typed and not saved before an action after which they cannot be (a
        close). Asked rather than refused: the lead decides in one place, and `then` (the action's
        own confirmation) still comes. "Save and close…" saves first, and goes on only once saved: a
        refused save shows by its field, a lower severity asks its reason first; "Close without
        saving…" goes on with the edits still in the fields until the action is confirmed."""
        captions = [self.fields.captions[name].text() for name in self._typed()]
        box = UnsavedHazardEdits(captions, self)
        box.finished.connect(lambda _result: self._unsaved_answered(box, then))
        self.unsaved_question = box
        box.open()
        return box

    def _unsaved_answered(self, box: UnsavedHazardEdits, then: Callable[[], Any]) -> None:
        self.unsaved_question = None
        answer = box.answer()
        box.deleteLater()
        if answer == box.DISCARD:
            then()
        elif answer == box.SAVE:
            self.save(then=then)  # `then` once saved; a lower severity's reason asked first

    def _closing(self, note: str, waiver: str = "") -> Callable[[], HazardDetail]:
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        return lambda: hazards.close(actor, hazard_id, note, waiver)

    def close_hazard(self, note: str, waiver: str = "") -> bool:
        return self._do(self._closing(note, waiver))

    def ask_reopen(self) -> ReasonDialog:
        """Why it is reopened; the service is asked with the dialog still open (see `_confirm`)."""
        dialog = ReasonDialog(
            self.tr("Reopen the hazard"),
            self.tr("The hazard goes back to open; its remediation and verification marks are cleared."),
            self.tr("Why?"),
            parent=self,
            write=self._reopening,
            written=self._confirmed,
            core_field="field.reason",
        )
        dialog.setObjectName("hazard_reopen_dialog")
        dialog.finished.connect(dialog.deleteLater)
        self.reopen_dialog = dialog
        dialog.open()
        return dialog

    def _reopening(self, reason: str) -> Callable[[], HazardDetail]:
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        return lambda: hazards.reopen(actor, hazard_id, reason)

    def reopen(self, reason: str) -> bool:
        return self._do(self._reopening(reason))
