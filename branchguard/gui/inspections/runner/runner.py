"""The inspection runner: a keyboard-fast checklist for one inspection.

P, F and N answer the current item and move on to the next unanswered one; Up/Down (or J/K)
move; Enter opens the note field (Enter again saves it, Esc leaves it). Every answer is saved
through the service as it is given, one write at a time in the order given, off the GUI thread
(the shared writer of gui/incident_writer.py): closing the app mid-run loses nothing. After
submit the runner is read-only and "Amend…" records a correction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.inspections.types import (
    Answer,
    InspectionDetail,
    InspectionStatus,
    ItemResult,
    SignatureRole,
)
from branchguard.core.kernel.roles import may
from branchguard.gui.hazards.detail import HazardDetailDialog
from branchguard.gui.inspections.models import ChecklistModel, needs_photo
from branchguard.gui.inspections.runner.dialogs import AmendDialog, SubmitDialog, photo_file_filter
from branchguard.gui.inspections.runner.escalation import EscalationQuestion
from branchguard.gui.inspections.runner.follow_up import FollowUpBar
from branchguard.gui.inspections.runner.item_card import ItemCard
from branchguard.gui.inspections.runner.keys import ChecklistKeys
from branchguard.gui.inspections.runner.names import read_named
from branchguard.gui.inspections.runner.photos import PhotoStrip
from branchguard.gui.inspections.runner.report import preview_inspection_report
from branchguard.gui.inspections.runner.saver import AnswerSaver
from branchguard.gui.inspections.runner.signatures import SignaturesBox
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.screen import scrolling_column
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import set_row_height, size_columns
from branchguard.gui.kit.times import date_time
from branchguard.gui.kit.writer import writer
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.gui.kit.print_preview import PreviewDialog


class InspectionRunner(QWidget):
    """`changed(id)` after a write the lists show (submit, amendment); `loaded` after each read."""

    changed = Signal(int)
    loaded = Signal()

    def __init__(self, session: GuiSession, inspection_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspection_runner")
        self.session = session
        self.inspection_id = inspection_id
        self.detail: InspectionDetail | None = None
        self.who = Names()  # logins shown as people's names, read with the run
        self.report_preview: PreviewDialog | None = None  # the report's preview opened last
        self.current = 0  # the current item's number; 0 before the first load
        self._photo_pending: int | None = None  # a failed item waiting for its required photo
        self.saver = AnswerSaver(session, inspection_id, self)
        self.saver.saved.connect(self._saved)
        self.saver.reread.connect(self.reload)
        self.saver.submitted.connect(self._submitted)
        self.saver.amended.connect(self._amended)
        self.saver.failed.connect(self._write_failed)
        self.saver.sign_failed.connect(self.signatures_failed)
        self.saver.pending_changed.connect(lambda _count: self._update_progress())
        self.saver.escalated.connect(self._escalated)
        self.escalation = EscalationQuestion(self.saver, self)  # the item's plan is open already
        self.follow_up = FollowUpBar()
        self.follow_up.corrected.connect(
            lambda n, text: self.saver.answer(n, ItemResult.FAIL, corrected=text)
        )
        self.follow_up.escalate.connect(self.saver.escalate)
        self.amend_dialog: AmendDialog | None = None
        self.model = ChecklistModel(self)
        self.title = ElidedLabel()  # a long checklist title beside the progress still fits 1024 px
        self.title.setObjectName("inspection_title")
        self.title.setProperty("role", "page-title")
        self.subtitle = ElidedLabel()  # with the place and who submitted it when, it widened the window
        self.subtitle.setObjectName("inspection_subtitle")
        self.subtitle.setProperty("role", "hint")
        self.progress = QLabel()
        self.progress.setObjectName("inspection_progress")
        self.progress.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.message = error_label("inspection_message")
        self.card = ItemCard()
        self.pass_button = self._button(
            "approve", "inspection_pass", lambda: self.answer_current(ItemResult.PASS)
        )
        self.fail_button = self._button(
            "warning", "inspection_fail", lambda: self.answer_current(ItemResult.FAIL)
        )
        self.na_button = self._button("", "inspection_na", lambda: self.answer_current(ItemResult.NA))
        self.photo_button = self._button("import", "inspection_photo", self.ask_photo)
        self.rest_button = self._button("", "inspection_rest", self.answer_rest)
        self.submit_button = self._button("save", "inspection_submit", self.ask_submit)
        self.submit_button.setProperty("accent", True)
        self.amend_button = self._button("edit", "inspection_amend", self.ask_amend)
        self.report_button = self._button("print", "inspection_report", self.ask_report)
        self.hazard_button = self._button("hazard", "inspection_open_hazard", self.open_hazard)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("inspection_note")
        self.note_edit.setMaxLength(2000)
        self.note_edit.returnPressed.connect(self.save_note)
        self.note_label = QLabel()
        self.note_label.setContentsMargins(12, 0, 0, 0)  # apart from the answers' buttons
        self.table = QTableView()
        self.table.setObjectName("inspection_items")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        set_row_height(self.table, 28)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        size_columns(header, ((0, 36), (1, 96), (3, 110), (4, 180), (5, 110)))
        header.setSectionResizeMode(ChecklistModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.signatures = SignaturesBox()
        NamesReader(self, session, self.signatures).read()  # who recorded a signature, by name
        services, actor = session.services, session.actor
        self.photo_title = QLabel()
        self.photo_title.setStyleSheet("font-weight: 600;")
        self.photo_strip = PhotoStrip(
            "inspection_item_photo_strip", lambda sha: services.inspections.photo_bytes(actor, sha)
        )
        self.signatures.sign_requested.connect(self.sign)
        self.keys = ChecklistKeys(self)
        self._build_layout()
        self.retranslate()
        self.reload()

    def _button(self, icon_name: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(icon(icon_name), "") if icon_name else QPushButton()
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the checklist
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.progress)
        answers = FlowLayout(spacing=8)  # wraps at larger text (15 pt: 790 px in one row in Chinese)
        for button in (self.pass_button, self.fail_button, self.na_button, self.photo_button):
            answers.add_widget(button)
        answers.add_widget(self.note_label)
        answers.add_widget(self.note_edit, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addStretch(0)
        for button in (
            self.hazard_button,
            self.report_button,
            self.rest_button,
            self.amend_button,
            self.submit_button,
        ):
            actions.addWidget(button)
        # Signatures and photos scroll rather than make the window taller than a 768-line screen.
        side_scroll = scrolling_column("inspection_side", self.signatures, self.photo_title, self.photo_strip)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 300])
        # The card (a failed item's photos) and the follow-up box too: on a 614-line screen.
        item_scroll = scrolling_column("inspection_item", self.card, self.follow_up, stretch=False)
        item_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(8)
        box.addLayout(header)
        box.addWidget(item_scroll)
        box.addLayout(answers)
        box.addLayout(actions)
        box.addWidget(split, 1)

    def retranslate(self) -> None:
        self.pass_button.setText(self.tr("Pass (P)"))
        self.fail_button.setText(self.tr("Fail (F)"))
        self.na_button.setText(self.tr("Not applicable (N)"))
        self.photo_button.setText(self.tr("Photo…"))
        self.photo_button.setToolTip(self.tr("Attach a photo to the current item"))
        self.rest_button.setText(self.tr("Pass the rest"))
        self.rest_button.setToolTip(self.tr("Answer every item not answered yet as pass"))
        self.submit_button.setText(self.tr("Submit… (Ctrl+Enter)"))
        self.amend_button.setText(self.tr("Amend…"))
        self.report_button.setText(self.tr("Preview / Print…"))
        self.hazard_button.setText(self.tr("Open its hazard"))
        self.hazard_button.setToolTip(self.tr("The hazard this failed item opened in the register"))
        self.report_button.setToolTip(self.tr("The inspection report: items, results, photos, signatures"))
        self.amend_button.setToolTip(self.tr("Correct the selected item of the submitted inspection"))
        self.note_label.setText(self.tr("Note (Enter):"))
        self.note_edit.setAccessibleName(spoken(self.note_label.text()))  # its label is in another row
        self.photo_title.setText(self.tr("Photos of this item"))
        self.note_edit.setPlaceholderText(self.tr("Enter to write a note on the current item"))
        self.keys.retranslate()
        self.signatures.retranslate()
        if self.detail is not None:
            self._show(self.detail)

    # -- who may do what -----------------------------------------------------------------------
    def is_draft(self) -> bool:
        return self.detail is not None and self.detail.info.status == InspectionStatus.DRAFT

    def may_work(self) -> bool:
        return may(self.session.actor, "inspection.run")

    def may_answer(self) -> bool:
        return self.may_work() and self.is_draft()

    def apply_role(self) -> None:
        answer, work = self.may_answer(), self.may_work()
        for widget in (
            self.pass_button,
            self.fail_button,
            self.na_button,
            self.photo_button,
            self.rest_button,
            self.submit_button,
            self.note_edit,
            self.note_label,
        ):
            widget.setVisible(answer)
        self.keys.set_answering(answer)
        submitted = self.detail is not None and not self.is_draft()
        self.amend_button.setVisible(work and submitted)

    # -- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the run (the roster's names with the first read: the signature pickers'). Queued
        behind the answers still being saved, so what comes back never predates an answer shown."""
        services, actor, inspection_id = self.session.services, self.session.actor, self.inspection_id
        first, inspections = self.detail is None, services.inspections
        writer().submit(
            lambda: read_named(services, actor, lambda: inspections.get(actor, inspection_id), first),
            on_done=self._show_named,
            on_error=self.show_error,
        )

    def _show_named(self, loaded: tuple[InspectionDetail, Names, list[str] | None]) -> None:
        detail, self.who, roster = loaded
        if roster is not None and self.detail is None:
            self.signatures.set_roster(roster, self.who, self.session.actor.username)
        self._show(detail)

    def _show(self, detail: InspectionDetail) -> None:
        first = self.detail is None
        self.detail = detail
        info = detail.info
        self.title.setText(f"{info.template_name.text} v{info.template_version}")
        parts = [
            f"#{info.id}",
            info.status.label,
            info.location,
            self.tr("started by %1 on %2")
            .replace("%1", self.who(info.started_by))
            .replace("%2", date_time(info.started_at)),
        ]
        if info.submitted_at is not None:
            parts.append(
                self.tr("submitted by %1 on %2")
                .replace("%1", self.who(info.submitted_by))
                .replace("%2", date_time(info.submitted_at))
            )
        if info.amendment_count:
            parts.append(self.tr("%n amendment(s)", "", info.amendment_count))
        self.subtitle.setText(" · ".join(p for p in parts if p))
        self.model.set_rows(detail.answers)
        self.signatures.set_detail(detail, self.may_work())
        if first or self.model.answer(self.current) is None:
            unanswered = detail.unanswered
            self.current = unanswered[0] if unanswered and self.is_draft() else 1
        self.move_to(self.current)
        self.apply_role()
        self.loaded.emit()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- moving --------------------------------------------------------------------------------
    def current_answer(self) -> Answer | None:
        return self.model.answer(self.current)

    def move_to(self, number: int) -> None:
        row = self.model.find_row(lambda a: a.number == number)
        if row < 0:
            self.card.clear()
            self._update_progress()
            return
        self.current = number
        # the row's number current, so the row comes into view from its left: scrolled to its text,
        # a list narrower than its columns (15 pt at 1024×768) hid the number and the result
        index = self.model.index(row, ChecklistModel.COL_NUMBER)
        if self.table.currentIndex().row() != row:
            self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_current()

    def step_by(self, step: int) -> None:
        count = self.model.rowCount()
        row = self.model.find_row(lambda a: a.number == self.current)
        if count and row >= 0:
            self.move_to(self.model.row_at(max(0, min(count - 1, row + step))).number)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if current.isValid() and 0 <= current.row() < self.model.rowCount():
            number = self.model.row_at(current.row()).number
            if number != self.current:
                self.current = number
                self._show_current()

    def _show_current(self) -> None:
        answer = self.current_answer()
        if answer is None:
            return
        self.card.set_answer(answer, self.model.rowCount())
        self.photo_strip.set_refs(answer.photos)
        self.hazard_button.setVisible(answer.hazard_id is not None)
        if self.may_answer() and FollowUpBar.wanted(answer):
            self.follow_up.offer(answer)
        self.photo_title.setVisible(bool(answer.photos))
        if not self.note_edit.hasFocus():
            self.note_edit.setText(answer.note)
        self._update_progress()

    def next_unanswered(self, after: int) -> int:
        """The first unanswered item after `after`, else the first one before; `after` when none."""
        numbers = [a.number for a in self.model.rows() if a.result is None]
        later = [n for n in numbers if n > after]
        return (later or numbers or [after])[0]

    def _update_progress(self) -> None:
        rows = self.model.rows()
        answered = sum(1 for a in rows if a.result is not None)
        failed = sum(1 for a in rows if a.result == ItemResult.FAIL)
        text = (
            self.tr("%1 / %2 answered, %3 failed")
            .replace("%1", str(answered))
            .replace("%2", str(len(rows)))
            .replace("%3", str(failed))
        )
        missing = sum(1 for a in rows if needs_photo(a))
        if missing:
            text += " · " + self.tr("%n photo(s) missing", "", missing)
        if self.pending:
            text += " · " + self.tr("saving…")
        self.progress.setText(text)

    # -- keys (see keys.py) -------------------------------------------------------------------
    def open_note(self) -> None:
        if self.may_answer():
            self.note_edit.setFocus()
            self.note_edit.selectAll()

    def leave_note(self) -> None:
        """Esc in the note: forget what was typed, back to the checklist."""
        answer = self.current_answer()
        self.note_edit.setText(answer.note if answer else "")
        self.table.setFocus()

    def signatures_failed(self, message: str) -> None:
        self.signatures.show_error(message)

    def focus_checklist(self) -> None:
        self.table.setFocus()

    # -- writing (through the saver, in the order given) --------------------------------------
    @property
    def pending(self) -> int:
        """Writes asked for and not yet committed."""
        return self.saver.pending

    def _escalated(self, incident_id: int, joined: bool) -> None:
        self.show_error("")
        started = self.tr("Incident #%1 started: its console is on the Incidents page.")
        logged = self.tr("Logged in incident #%1: its console is on the Incidents page.")
        self.message.setText((logged if joined else started).replace("%1", str(incident_id)))
        self.message.setVisible(True)
        self.session.data_changed.emit("incident")
        self.reload()

    def _write_failed(self, message: str) -> None:
        self.show_error(message)
        self.reload()  # show what was really saved

    def _saved(self, answer: Answer) -> None:
        self.model.replace(answer)
        if answer.number == self.current:
            self._show_current()
            if self._photo_pending == answer.number and not needs_photo(answer):
                self._move_on_when_complete(answer)

    def answer_current(self, result: ItemResult) -> None:
        answer = self.current_answer()
        if answer is None or not self.may_answer():
            return
        self.show_error("")
        self.model.replace(replace(answer, result=result))  # shown at once; the service confirms
        self.saver.answer(answer.number, result)
        if result == ItemResult.FAIL:
            # A fault is described where it is found: the runner stays on the failed item with its
            # note open, and moves on once the note is given (and the photo, when one is required).
            self._show_current()
            self.open_note()
        else:
            self.move_to(self.next_unanswered(answer.number))
        self.follow_up.offer(replace(answer, result=result))  # stays for the failed item

    def save_note(self) -> None:
        answer = self.current_answer()
        if answer is None or not self.may_answer():
            return
        note = self.note_edit.text().strip()
        self.table.setFocus()
        if note != answer.note:
            answer = replace(answer, note=note)
            self.model.replace(answer)
            self.saver.answer(answer.number, answer.result, note=note)
            self._show_current()
        if answer.result == ItemResult.FAIL:
            self._move_on_when_complete(answer)

    def _move_on_when_complete(self, answer: Answer) -> None:
        """After a failed item's note: on to the next item, or to the photo prompt when the item
        still lacks the photo its template requires (the photo's arrival then moves on)."""
        if needs_photo(answer):
            self._photo_pending = answer.number
            self.photo_button.setFocus()
            return
        self._photo_pending = None
        self.move_to(self.next_unanswered(answer.number))
        self.table.setFocus()

    def ask_photo(self) -> None:
        if self.current_answer() is None or not self.may_answer():
            return
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Photo for item %1").replace("%1", str(self.current)), "", photo_file_filter(self)
        )
        if name:
            self.add_photo(Path(name))

    def add_photo(self, path: Path) -> None:
        """Store the photo (attachment store, through the service) on the current item; the refusal
        of a photo tried before it goes (it stayed above the photo that was then added)."""
        if self.current_answer() is not None and self.may_answer():
            self.show_error("")
            self.saver.add_photo(self.current, path)

    def answer_rest(self) -> None:
        if self.may_answer():
            self.saver.answer_rest()

    def sign(self, role: SignatureRole, name: str) -> None:
        self.signatures.show_error("")
        self.saver.sign(role, name)

    # -- submitting and amending ---------------------------------------------------------------
    def submit_problem(self) -> str:
        """Why the run cannot be submitted as it stands (empty: it can)."""
        rows = self.model.rows()
        unanswered = [a.number for a in rows if a.result is None]
        if unanswered:
            return self.tr("Not answered yet: item(s) %1.").replace("%1", ", ".join(map(str, unanswered)))
        missing = [a.number for a in rows if needs_photo(a)]
        if missing:
            return self.tr("A photo is needed for failed item(s) %1.").replace(
                "%1", ", ".join(map(str, missing))
            )
        if (
            self.detail is not None
            and self.detail.signature(SignatureRole.INSPECTOR) is None
            and not (self.signatures.inspector.name())
        ):
            return self.tr("The inspector has to sign.")
        return self.signatures.problem()

    def ask_submit(self) -> SubmitDialog | None:
        if not self.may_answer():
            return None
        problem = self.submit_problem()
        if problem:
            self.show_error(problem)
            answer = next((a for a in self.model.rows() if a.result is None or needs_photo(a)), None)
            if answer is not None:
                self.move_to(answer.number)
            return None
        failed = [a for a in self.model.rows() if a.result == ItemResult.FAIL]
        inspector, reviewer = self.signatures.names()
        dialog = SubmitDialog(failed, inspector, reviewer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.submit)
        dialog.open()
        return dialog

    def submit(self) -> None:
        """Sign what is filled in and not signed yet, then submit: one queue, in this order."""
        if self.detail is None or not self.may_answer():
            return
        self.show_error("")
        inspector, reviewer = self.signatures.names()
        signed = {s.role: s.name for s in self.detail.signatures}

        for role, name in ((SignatureRole.INSPECTOR, inspector), (SignatureRole.REVIEWER, reviewer)):
            if name and signed.get(role) != name:
                self.saver.sign(role, name)
        self.saver.submit()

    def _submitted(self, detail: InspectionDetail) -> None:
        self._show(detail)
        self.changed.emit(self.inspection_id)
        self.session.data_changed.emit("hazard")

    def ask_amend(self) -> AmendDialog | None:
        answer = self.current_answer()
        if answer is None or self.is_draft() or not self.may_work():
            return None
        # Kept here and connected to bound methods: a lambda holding the dialog that deletes itself
        # on close crashed PySide when the deferred delete ran.
        dialog = AmendDialog(answer, self)
        dialog.accepted.connect(self._amend_accepted)
        dialog.finished.connect(dialog.deleteLater)
        self.amend_dialog = dialog
        dialog.open()
        return dialog

    def _amend_accepted(self) -> None:
        dialog = self.amend_dialog
        if dialog is not None:
            self.amend(
                dialog.number,
                dialog.chosen(),
                dialog.value(),
                dialog.note.text().strip(),
                list(dialog.photos),
            )

    def amend(
        self, number: int, result: ItemResult, reason: str, note: str = "", photos: list[Path] | None = None
    ) -> None:
        if self.may_work() and not self.is_draft():
            self.show_error("")
            self.saver.amend(number, result, reason, note, tuple(photos or ()))

    def _amended(self, _amendment: object) -> None:
        self.reload()
        self.changed.emit(self.inspection_id)
        self.session.data_changed.emit("hazard")

    def ask_report(self) -> PreviewDialog:
        self.report_preview = preview_inspection_report(self, self.session, self.inspection_id)
        return self.report_preview

    def open_hazard(self) -> HazardDetailDialog | None:
        answer = self.current_answer()
        if answer is None or answer.hazard_id is None:
            return None
        dialog = HazardDetailDialog(self.session, answer.hazard_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
