"""The verify and close confirmations of a hazard (gui/hazards/detail_actions.py asks them): the
note, and for a major hazard whose policy milestones are not all recorded, those milestones named
before anything is confirmed and the reason for going ahead without them (the service's waiver,
core/hazards/rules.py `check_milestones`), kept in the hazard's history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from branchguard.core.hazards import rules
from branchguard.core.hazards.types import RemediationKind
from branchguard.core.kernel.errors import BranchGuardError, ValidationError
from branchguard.gui.incidents.console.dialogs import ReasonDialog
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.style import say

WAIVER_LIMIT = 1000  # as the service's check


class ClosingDialog(ReasonDialog):
    """A ReasonDialog (its note, the write run with the dialog open) with the milestones still
    outstanding and the reason's field, shown only when some are; OK asks for the reason while it is
    empty. Milestones the dialog was not shown (another PC raised the severity meanwhile) are the
    service's to find: its refusal, naming them, shows on the error line and the reason's field
    appears."""

    def __init__(
        self,
        title: str,
        intro: str,
        label: str,
        outstanding: tuple[RemediationKind, ...],
        parent: QWidget | None = None,
        *,
        write: Callable[[str, str], Callable[[], Any]],
        written: Callable[[Any], Any],
    ) -> None:
        super().__init__(
            title, intro, label, parent=parent, write=lambda note: write(note, self.waiver()),
            written=written, refused=self._refused_for, core_field="field.notes",
        )  # fmt: skip
        self.milestones = plain(QLabel())
        self.milestones.setObjectName("hazard_outstanding_milestones")
        self.milestones.setWordWrap(True)
        self.box.insertWidget(1, self.milestones)
        self.waiver_edit = QLineEdit()
        self.waiver_edit.setMaxLength(WAIVER_LIMIT)
        # no core field: the service's refusal (it names the milestones) goes on the dialog's
        # full-width error line, which wraps it; under the field its lines were cut off
        asked = self.tr("Why go ahead without them?")
        self.waiver_caption = self.form.add_field("waiver", asked, self.waiver_edit)
        self.show_outstanding(outstanding)

    def submit(self) -> None:
        """The note first (as any ReasonDialog), then the reason when the milestones are shown."""
        if self.work.ready() and self.value() and self.asks_waiver() and not self.waiver():
            self.form.clear_errors()
            self.error.hide()
            self.form.set_error("waiver", self.tr("Please give the reason, or record the milestones first."))
            return
        super().submit()

    def waiver(self) -> str:
        """The reason typed, when the dialog asks for one ("" else: nothing is waived unseen)."""
        return self.waiver_edit.text().strip() if self.asks_waiver() else ""

    def asks_waiver(self) -> bool:
        return self.form.isRowVisible(self.waiver_caption)

    def show_outstanding(self, outstanding: tuple[RemediationKind, ...]) -> None:
        if outstanding:
            text = self.tr(
                "Milestones not recorded for this major hazard: %1. Record them as remediation steps "
                "first, or give the reason for going ahead without them; the reason is kept in its history."
            ).replace("%1", rules.Milestones(outstanding).translated())
            say(self.milestones, text, "warning")
        self.milestones.setVisible(bool(outstanding))
        self.form.setRowVisible(self.waiver_caption, bool(outstanding))

    def _refused_for(self, exc: BranchGuardError) -> None:
        """A refusal about the reason with its field hidden: show the field (the refusal is said below)."""
        if isinstance(exc, ValidationError) and exc.is_about("field.waiver") and not self.asks_waiver():
            self.form.setRowVisible(self.waiver_caption, True)
            self.milestones.hide()
