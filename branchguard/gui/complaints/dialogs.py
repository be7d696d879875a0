"""Complaint dialogs: registering (受理), a step (investigate, decide, reply, archive), an extension,
the handler, a withdrawal. Each writes through the complaint service in one call off the GUI thread
(gui/kit/dialog_work.py) and shows a refusal next to the field the service names; the register and
archive dialogs read what they offer as they open."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.complaints.types import (
    Category,
    ComplaintCause,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintInfo,
    ComplaintInput,
    ComplaintKind,
    ComplaintStep,
    Remedy,
    Satisfaction,
    StepInput,
)
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.types import LabelledEnum
from branchguard.gui.complaints.choices import IncidentsRead, RegisterChoices, register_choices
from branchguard.gui.drills.evaluate_dialog import ActionsTable
from branchguard.gui.drills.people import read_roster
from branchguard.gui.inspections.runner.names import NamePicker
from branchguard.gui.kit.chosen_files import ChosenFiles
from branchguard.gui.kit.dates import calendar_popup
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.forms import FieldForm
from branchguard.gui.kit.screen import VerticalScroll, resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.text_scale import scaled
from branchguard.gui.shell.session import GuiSession

_B = QDialogButtonBox.StandardButton
_SPLIT = re.compile(r"[,，、;；\n]+")


def fill_enum(combo: QComboBox, members: list[LabelledEnum], current: LabelledEnum | None = None) -> None:
    combo.clear()
    for member in members:
        combo.addItem(member.label, member.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))


def time_edit() -> QDateTimeEdit:
    """A date and time to the minute with a calendar pop-up, now to start with (a receipt, a
    decision, a withdrawal typed in afterwards)."""
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    calendar_popup(edit)
    return edit


def text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class _WriteDialog(QDialog):
    """A form, an error line and OK/Cancel; `write` runs the service call on OK off the GUI thread
    (`work`) and keeps its result."""

    def __init__(
        self, session: GuiSession, name: str, parent: QWidget | None = None, *, scrolls: bool = False
    ) -> None:
        """`scrolls`: the form scrolls rather than make the dialog taller than a 614-line screen."""
        super().__init__(parent)
        self.session = session
        self.result_detail: ComplaintDetail | None = None
        self.setObjectName(name)
        self.setMinimumWidth(scaled(540, self))
        self.form = FieldForm()
        self.error = error_label(f"{name}_error")
        self.buttons = QDialogButtonBox(_B.Ok | _B.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.work = DialogWork(self, self.form, self.error, self.buttons)
        self.box = QVBoxLayout(self)
        if scrolls:
            column = QWidget()
            fields = QVBoxLayout(column)
            fields.setContentsMargins(0, 0, 0, 0)
            fields.addLayout(self.form)
            self.box.addWidget(VerticalScroll(column, f"{name}_scroll"), 1)
        else:
            self.box.addLayout(self.form)

    def finish_layout(self) -> None:
        self.box.addWidget(self.work.note)
        self.box.addWidget(self.error)
        self.box.addWidget(self.buttons)

    def write(self, call: Callable[[], ComplaintDetail]) -> None:
        """`call()` off the GUI thread (Qt-free, values taken beforehand); nothing while one runs."""
        self.work.save(call, self._written)

    def _written(self, detail: ComplaintDetail) -> None:
        self.result_detail = detail
        self.session.data_changed.emit("complaint")
        super().accept()


class ComplaintRegisterDialog(_WriteDialog):
    """Register (受理) a complaint, grumble or objection. The categories (unless given), the
    incidents offered and the roster are read as it opens (complaints/choices.py)."""

    def __init__(
        self,
        session: GuiSession,
        categories: Sequence[Category] | None,
        parent: QWidget | None = None,
        *,
        facts: str = "",
        incidents: IncidentsRead | None = None,
        incident_id: int | None = None,
    ) -> None:
        """`facts` prefills the facts (a service guide's situation); the incidents `incidents`
        reads are offered as the one it came with, `incident_id` chosen."""
        super().__init__(session, "complaint_register_dialog", parent, scrolls=True)
        self.setWindowTitle(self.tr("Register a complaint"))
        self.kind = QComboBox()
        fill_enum(self.kind, list(ComplaintKind), ComplaintKind.COMPLAINT)
        self.channel = QComboBox()
        fill_enum(self.channel, list(ComplaintChannel), ComplaintChannel.COUNTER)
        self.received = time_edit()
        self.customer = QLineEdit()
        self.phone = QLineEdit()
        self.id_number = QLineEdit()
        self.representatives = QLineEdit()
        self.subject_person = QLineEdit()
        self.subject_post = QLineEdit()
        self.business_line = QLineEdit()
        self.category = QComboBox()
        self.request = text_edit()
        self.facts = text_edit(50)
        self.facts.setPlainText(facts)
        self.acknowledgement = QLineEdit()
        self.first_responsible = NamePicker("complaint_first_responsible_picker")
        self.first_responsible.edit().setPlaceholderText(self.tr("Default: you, who register it"))
        self.first_responsible.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.incident = QComboBox()
        self.incident_id = incident_id
        f = self.form
        f.add_field("complaint_kind", self.tr("Type"), self.kind, "field.complaint_kind")
        f.add_field("complaint_channel", self.tr("Channel"), self.channel, "field.complaint_channel")
        f.add_field("complaint_received", self.tr("Received at"), self.received, "field.received_at")
        f.add_field("complaint_customer", self.tr("Complainant"), self.customer, "field.customer_name")
        f.add_field("complaint_phone", self.tr("Phone"), self.phone, "field.customer_phone")
        f.add_field("complaint_id_number", self.tr("Identity number"), self.id_number, "field.id_number")
        f.add_field(
            "complaint_representatives",
            self.tr("Representatives"),
            self.representatives,
            "field.representatives",
        )
        f.add_field(
            "complaint_subject",
            self.tr("Person complained about"),
            self.subject_person,
            "field.subject_person",
        )
        f.add_field(
            "complaint_subject_post",
            self.tr("Post complained about"),
            self.subject_post,
            "field.subject_post",
        )
        f.add_field(
            "complaint_business_line", self.tr("Business line"), self.business_line, "field.business_line"
        )
        f.add_field("complaint_category", self.tr("Category"), self.category, "field.complaint_category")
        f.add_field("complaint_request", self.tr("Request"), self.request, "field.complaint_request")
        f.add_field("complaint_facts", self.tr("Facts"), self.facts, "field.complaint_facts")
        f.add_field(
            "complaint_first_responsible",
            self.tr("First responsible"),
            self.first_responsible,
            "field.first_responsible",
        )
        self.incident_row = f.add_field(
            "complaint_incident", self.tr("Came with incident"), self.incident, "field.incident"
        )
        f.setRowVisible(self.incident_row, incidents is not None or incident_id is not None)
        f.add_field(
            "complaint_ack", self.tr("Told on acceptance"), self.acknowledgement, "field.acknowledgement"
        )
        self.representatives.setPlaceholderText(
            self.tr("Group complaint: at most 5 names, separated by commas")
        )
        self.finish_layout()
        hint = self.sizeHint()  # the whole form where the screen has room (Qt's default: 2/3 of it)
        resize_within_screen(self, hint.width(), hint.height())
        services, actor = session.services, session.actor
        self.work.read(
            lambda: register_choices(services, actor, categories, incidents), self._fill, fills=True
        )

    def _fill(self, choices: RegisterChoices) -> None:
        zh = current_language() == "zh_CN"
        for cat in choices.categories:
            self.category.addItem(cat.name_zh if zh else cat.name_en, cat.code)
        self.first_responsible.set_names(list(choices.names))
        self.incident.addItem(self.tr("None"), None)
        for summary in choices.incidents:
            self.incident.addItem(f"#{summary.id} {summary.title}", summary.id)
        chosen = self.incident_id
        if chosen is not None and self.incident.findData(chosen) < 0:
            self.incident.addItem(f"#{chosen}", chosen)
        self.incident.setCurrentIndex(max(0, self.incident.findData(chosen)))
        self.form.setRowVisible(self.incident_row, self.incident.count() > 1)

    def values(self) -> ComplaintInput:
        received = self.received.dateTime().toPython()
        assert isinstance(received, datetime)
        return ComplaintInput(
            channel=str(self.channel.currentData()),
            received_at=received.astimezone(),
            customer_name=self.customer.text(),
            customer_phone=self.phone.text(),
            customer_id_number=self.id_number.text(),
            category=str(self.category.currentData() or ""),
            request=self.request.toPlainText(),
            kind=str(self.kind.currentData()),
            representatives=tuple(n for n in _SPLIT.split(self.representatives.text()) if n.strip()),
            subject_person=self.subject_person.text(),
            subject_post=self.subject_post.text(),
            business_line=self.business_line.text(),
            facts=self.facts.toPlainText(),
            acknowledgement=self.acknowledgement.text(),
            first_responsible=self.first_responsible.name(),
            incident_id=self.incident.currentData(),
        )

    def accept(self) -> None:
        data = self.values()
        self.write(lambda: self.session.services.complaints.register(self.session.actor, data))


class ComplaintStepDialog(_WriteDialog):
    """One step after acceptance, with the fields that step records and evidence files; the archive
    also the final category (`categories`: the active ones), kept as registered unless changed."""

    def __init__(
        self,
        session: GuiSession,
        info: ComplaintInfo,
        step: ComplaintStep,
        parent: QWidget | None = None,
        categories: Sequence[Category] = (),
    ) -> None:
        super().__init__(session, f"complaint_{step.value}_dialog", parent)
        self.info, self.step = info, step
        self.setWindowTitle(f"{step.label} · {info.number}")
        self.text = text_edit()
        self.form.add_field("step_text", self.tr("What was done"), self.text, "field.complaint_step_text")
        self.basis = QLineEdit()
        self.reply_channel = QComboBox()
        fill_enum(self.reply_channel, list(ComplaintChannel), info.channel)
        self.remedies = {r: QCheckBox(r.label) for r in Remedy}
        self.response = QLineEdit()
        self.satisfaction = QComboBox()
        fill_enum(self.satisfaction, list(Satisfaction), Satisfaction.UNKNOWN)
        self.cause = QComboBox()
        fill_enum(self.cause, list(ComplaintCause))
        self.cause.insertItem(0, self.tr("— choose the cause —"), None)  # not the first cause by default
        self.cause.setCurrentIndex(0)
        self.root_cause = QLineEdit()
        self.classification = QComboBox()
        self.classification.addItem(self.tr("Keep: %1").replace("%1", info.category_name), "")
        zh = current_language() == "zh_CN"
        for cat in categories:
            if cat.code != info.category:
                self.classification.addItem(cat.name_zh if zh else cat.name_en, cat.code)
        self.follow_up = text_edit(50)
        self.action_table: ActionsTable | None = None
        self.hazards = text_edit(50)
        self.hazards.setPlaceholderText(self.tr("One hazard per line; each is opened for the handler"))
        if step == ComplaintStep.DECIDE:
            self.form.add_field(
                "step_basis", self.tr("Rule or contract clause"), self.basis, "field.decision_basis"
            )
        elif step == ComplaintStep.REPLY:
            remedies = QWidget()
            remedy_box = QVBoxLayout(remedies)
            remedy_box.setContentsMargins(0, 0, 0, 0)
            for box in self.remedies.values():
                box.setChecked(True)
                remedy_box.addWidget(box)
            self.form.add_field("step_reply_channel", self.tr("Replied by"), self.reply_channel)
            self.form.add_field("step_remedies", self.tr("Remedies stated"), remedies, "field.remedies")
            self.form.add_field("step_response", self.tr("Customer's response"), self.response)
            self.form.add_field("step_satisfaction", self.tr("Satisfaction"), self.satisfaction)
        elif step == ComplaintStep.ARCHIVE:
            self.form.add_field("step_cause", self.tr("Cause"), self.cause, "field.complaint_cause")
            final = self.tr("Final category")
            self.form.add_field("step_classification", final, self.classification, "field.complaint_category")
            self.form.add_field("step_root_cause", self.tr("Root cause"), self.root_cause)
            self.form.add_field(
                "step_follow_up", self.tr("Follow-up"), self.follow_up, "field.complaint_follow_up"
            )
            self.action_table = ActionsTable([])
            self.action_table.setObjectName("complaint_archive_actions")
            self.action_table.setMinimumHeight(130)
            self.action_table.retranslate()
            self.form.add_field("step_actions", self.tr("Corrective actions"), self.action_table)
            self.form.add_field("step_hazards", self.tr("Hazards to open"), self.hazards)
        self.files = ChosenFiles("、", "complaint_step_files")
        self.files_label = self.files.label
        add_file = QPushButton(self.tr("Attach evidence…"))
        add_file.setObjectName("complaint_step_attach")
        add_file.clicked.connect(self.ask_evidence)
        files = QWidget()
        files_box = QHBoxLayout(files)
        files_box.setContentsMargins(0, 0, 0, 0)
        files_box.addWidget(add_file)
        files_box.addWidget(self.files, 1)
        self.form.add_field("step_evidence", self.tr("Evidence"), files, "field.attachment")
        self.finish_layout()
        if self.action_table is not None:  # the owners' roster
            services, actor = session.services, session.actor
            self.work.read(lambda: read_roster(services, actor), self.action_table.set_people)

    def ask_evidence(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Evidence: CCTV stills, vouchers, recordings")
        )
        self.add_evidence([Path(p) for p in paths])

    @property
    def evidence(self) -> list[Path]:
        return self.files.paths

    def add_evidence(self, paths: list[Path]) -> None:
        self.files.add(paths)

    def values(self) -> StepInput:
        return StepInput(
            step=self.step,
            text=self.text.toPlainText(),
            basis=self.basis.text(),
            reply_channel=str(self.reply_channel.currentData()),
            remedies=tuple(r for r, box in self.remedies.items() if box.isChecked()),
            customer_response=self.response.text(),
            satisfaction=str(self.satisfaction.currentData()),
            cause=self.cause.currentData() if self.step == ComplaintStep.ARCHIVE else None,
            classification=str(self.classification.currentData() or ""),  # the archive's only
            root_cause=self.root_cause.text(),
            follow_up=self.follow_up.toPlainText(),
            actions=self.action_table.entries() if self.action_table is not None else (),
            hazards=tuple(x for x in self.hazards.toPlainText().splitlines() if x.strip()),
        )

    def accept(self) -> None:
        data, files = self.values(), list(self.evidence)
        svc, actor = self.session.services.complaints, self.session.actor
        self.write(lambda: svc.step(actor, self.info.id, data, files))


class ComplaintExtendDialog(_WriteDialog):
    """Extend the deadline: a reason; for the second extension the superior's approver; when it
    was decided (now, unless changed: one decided on paper in time is entered later)."""

    def __init__(self, session: GuiSession, info: ComplaintInfo, parent: QWidget | None = None) -> None:
        super().__init__(session, "complaint_extend_dialog", parent)
        self.info = info
        self.setWindowTitle(self.tr("Extend the deadline · %1").replace("%1", info.number))
        self.reason = QLineEdit()
        self.approver = QLineEdit()
        self.notice_channel = QComboBox()
        fill_enum(self.notice_channel, list(ComplaintChannel), info.channel)
        self.decided = time_edit()
        self.opened = self.decided.dateTime()
        self.form.add_field("extend_reason", self.tr("Reason"), self.reason, "field.reason")
        self.form.add_field(
            "extend_approver", self.tr("Superior's approver"), self.approver, "field.approver"
        )
        self.form.add_field("extend_notice", self.tr("Customer told by"), self.notice_channel)
        self.form.add_field(
            "extend_decided", self.tr("Decided on"), self.decided, "field.extension_decided"
        )
        hint = QLabel(
            self.tr(
                "First extension: to 30 days. Second: to 60 days, with the superior's approver named."
                " Decided on paper before the deadline and entered later: give when it was decided."
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.box.addWidget(hint)
        self.finish_layout()

    def decided_at(self) -> datetime | None:
        """The time entered, this PC's wall clock; None (now) when left as the dialog opened."""
        if self.decided.dateTime() == self.opened:
            return None
        decided = self.decided.dateTime().toPython()
        assert isinstance(decided, datetime)
        return decided.astimezone()

    def accept(self) -> None:
        svc, actor = self.session.services.complaints, self.session.actor
        reason, approver, channel, decided = (
            self.reason.text(),
            self.approver.text(),
            self.notice_channel.currentData(),
            self.decided_at(),
        )
        self.write(
            lambda: svc.extend(
                actor, self.info.id, reason, approver=approver, notice_channel=channel, decided_at=decided
            )
        )


class ComplaintAssignDialog(_WriteDialog):
    def __init__(self, session: GuiSession, info: ComplaintInfo, parent: QWidget | None = None) -> None:
        super().__init__(session, "complaint_assign_dialog", parent)
        self.info = info
        self.setWindowTitle(self.tr("Handler · %1").replace("%1", info.number))
        self.handler = QLineEdit(info.handler)
        self.form.add_field("assign_handler", self.tr("Handler"), self.handler, "field.handler")
        self.finish_layout()

    def accept(self) -> None:
        svc, actor, name = self.session.services.complaints, self.session.actor, self.handler.text()
        self.write(lambda: svc.assign(actor, self.info.id, name))


class ComplaintWithdrawDialog(_WriteDialog):
    def __init__(self, session: GuiSession, info: ComplaintInfo, parent: QWidget | None = None) -> None:
        super().__init__(session, "complaint_withdraw_dialog", parent)
        self.info = info
        self.setWindowTitle(self.tr("Withdrawal · %1").replace("%1", info.number))
        self.received = time_edit()
        self.note = QLineEdit()
        self.form.add_field(
            "withdraw_received", self.tr("Withdrawal received at"), self.received, "field.received_at"
        )
        self.form.add_field("withdraw_note", self.tr("Notes"), self.note, "field.notes")
        self.finish_layout()

    def accept(self) -> None:
        received = self.received.dateTime().toPython()
        assert isinstance(received, datetime)
        svc, actor, note = self.session.services.complaints, self.session.actor, self.note.text()
        self.write(lambda: svc.withdraw(actor, self.info.id, received_at=received.astimezone(), note=note))
