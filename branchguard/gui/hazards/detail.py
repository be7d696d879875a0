"""One hazard: its fields (the due date from the severity policy, editable by the lead), where it
came from, the remediation steps with their evidence, the closing actions and its history.

Which actions show comes from core/hazards/rules.py, as does the two-person rule: whoever marked a
hazard remediated cannot verify it. The button says so in its tooltip, and the service refuses it
anyway. Lowering the severity, verifying and closing are the lead's: each asks for a reason or a
note in a confirmation before anything is written.

Edits typed in the fields and not saved stay across every action that leaves them editable (a
step, a mark, a verification, a reopening: `show_detail`). Closing is the one action after which
they are not (a closed hazard is read-only), so it asks first: save them, or close without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.accounts.names import Names
from branchguard.core.drills.types import DrillPlan
from branchguard.core.hazards import rules
from branchguard.core.hazards.types import (
    HazardAction,
    HazardDetail,
    HazardEventKind,
    HazardInput,
    HazardSeverity,
    HazardStatus,
    RemediationKind,
)
from branchguard.core.kernel.roles import refusal
from branchguard.gui.audit.record_band import LedgerBand
from branchguard.gui.hazards.detail_actions import HazardActions
from branchguard.gui.hazards.dialogs import HazardFields, UnsavedHazardEdits
from branchguard.gui.hazards.kept_typing import KeptTyping
from branchguard.gui.hazards.models import (
    HazardEventsModel,
    RemediationStepsModel,
    history_table,
    severity_swatch,
)
from branchguard.gui.incidents.console.dialogs import ReasonDialog
from branchguard.gui.incidents.console.header import sized
from branchguard.gui.inspections.runner.names import read_roster_names
from branchguard.gui.inspections.runner.photos import PhotoStrip
from branchguard.gui.kit import discard, style
from branchguard.gui.kit.dialog_work import DialogWork
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.names import NamesReader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.times import date_time
from branchguard.gui.shell.session import GuiSession


class HazardDetailDialog(HazardActions):
    """`changed(id)` after every write (gui/hazards/detail_actions.py); `open_inspection(id)` asks
    the window for the source run. The hazard is read off the GUI thread, as it opens and after
    every write: meanwhile its actions wait and "Reading…" shows by them."""

    open_inspection = Signal(int)

    def __init__(self, session: GuiSession, hazard_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hazard_id = hazard_id
        self.detail: HazardDetail | None = None
        self.opened: HazardInput | None = None  # what the fields' edits were made on: the save sends it
        self.who = Names()  # logins shown as people's names, once read off the GUI thread
        self.reopen_dialog: ReasonDialog | None = None
        self.confirm_dialog: ReasonDialog | None = None  # the open downgrade, verify or close question
        self.unsaved_question: UnsavedHazardEdits | None = None  # closing with edits not saved
        self._refusals = 0
        self.setObjectName("hazard_detail")
        resize_within_screen(self, 900, 640)
        self.heading = plain(QLabel())
        self.heading.setObjectName("hazard_heading")
        self.heading.setFont(sized(self.font(), 15, bold=True))
        self.heading.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("hazard_badge")
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.RichText)  # the OVERDUE mark; the names escaped
        self.state.setObjectName("hazard_state")
        self.state.setWordWrap(True)
        self.fields = HazardFields()
        # An existing hazard's due date is moved by hand (lead) or follows a change of severity;
        # "from the policy" is a choice only when the hazard is entered.
        self.fields.due_auto.hide()
        self.save_button = self._button("save", "hazard_save", lambda: self.save())
        self.read_only = plain(QLabel())  # why the fields are greyed, where a role may not edit them
        self.read_only.setObjectName("hazard_read_only")
        self.read_only.setProperty("role", "hint")
        self.read_only.setWordWrap(True)
        self.read_only.hide()
        self.source = plain(QLabel())
        self.source.setObjectName("hazard_source")
        self.source.setWordWrap(True)
        self.source_button = self._button("inspection", "hazard_open_inspection", self._open_source)
        self.deadlines = plain(QLabel())
        self.deadlines.setObjectName("hazard_deadlines")
        self.deadlines.setWordWrap(True)
        self.photos = QLabel()
        self.photos.setObjectName("hazard_photos")
        self.photos.setStyleSheet("font-weight: 600;")
        hazards, actor = session.services.hazards, session.actor
        self.photo_strip = PhotoStrip(
            "hazard_photo_strip", lambda sha: hazards.attachment_bytes(actor, sha), opens=True
        )
        self.steps_model = RemediationStepsModel(self)
        self.steps = history_table("hazard_steps", self.steps_model, RemediationStepsModel.COL_TEXT)
        self.events_model = HazardEventsModel(self)
        self.events = history_table("hazard_events", self.events_model, HazardEventsModel.COL_NOTE)
        self.step_button = self._button("add", "hazard_add_step", self.ask_step)
        self.remediate_button = self._button("approve", "hazard_remediate", self.remediate)
        self.verify_button = self._button("approve", "hazard_verify", self.ask_verify)
        self.close_button = self._button("lock", "hazard_close", self.ask_close)
        self.reopen_button = self._button("undo", "hazard_reopen", self.ask_reopen)
        self.message = error_label("hazard_message")
        self.ledger_band = LedgerBand(session)  # the hazard rewritten outside the app
        self.kept = KeptTyping()  # typing a refused save could not put back: the hazard is read-only
        self.tabs = QTabWidget()
        self.tabs.setObjectName("hazard_tabs")
        self.work = DialogWork(self, self.fields, self.message)
        self.work.changed.connect(self._follow_work)
        self.source_loader = Loader(self, on_error=self.show_error)  # a drill's plan, for its report
        for button in (*self._actions(), self.source_button):  # until the hazard is read: it decides
            button.hide()
        self._build_layout()
        self.retranslate()
        get, services, actor = self._reading(), session.services, session.actor
        self.work.read(lambda: (get(), read_roster_names(services, actor)), self._first_read)
        self.names = NamesReader(self, session, self)
        self.names.read()

    def _actions(self) -> tuple[QPushButton, ...]:
        return (
            self.save_button,
            self.step_button,
            self.remediate_button,
            self.verify_button,
            self.close_button,
            self.reopen_button,
        )

    def _button(self, icon_name: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(icon(icon_name), "")
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field must not mark, verify or close anything
        button.clicked.connect(slot)
        return button

    def _build_layout(self) -> None:
        details = QWidget()
        details_box = QVBoxLayout(details)
        details_box.addLayout(self.fields)
        save_row = QHBoxLayout()
        save_row.addWidget(self.read_only, 1)
        save_row.addStretch(0)
        save_row.addWidget(self.save_button)
        details_box.addLayout(save_row)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.source_button)
        details_box.addLayout(source_row)
        details_box.addWidget(self.deadlines)
        details_box.addWidget(self.photos)
        details_box.addWidget(self.photo_strip)
        details_box.addStretch(1)
        steps = QWidget()
        steps_box = QVBoxLayout(steps)
        steps_bar = QHBoxLayout()
        steps_bar.addStretch(1)
        steps_bar.addWidget(self.step_button)
        steps_box.addLayout(steps_bar)
        steps_box.addWidget(self.steps, 1)
        self.tabs.addTab(details, "")
        self.tabs.addTab(steps, "")
        self.tabs.addTab(self.events, "")
        header = QHBoxLayout()
        header.addWidget(self.badge)
        header.addWidget(self.heading, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.work.note)
        actions.addStretch(0)
        for button in (self.remediate_button, self.verify_button, self.close_button, self.reopen_button):
            actions.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.ledger_band)
        box.addLayout(header)
        box.addWidget(self.state)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.kept)
        box.addLayout(actions)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save changes"))
        self.source_button.setText(self.tr("Open the inspection"))
        self.step_button.setText(self.tr("Add step…"))
        self.remediate_button.setText(self.tr("Mark remediated"))
        self.verify_button.setText(self.tr("Verify…"))
        self.close_button.setText(self.tr("Close…"))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("Remediation"))
        self.tabs.setTabText(2, self.tr("History"))
        self.steps.setAccessibleName(self.tr("Remediation steps"))
        self.events.setAccessibleName(self.tr("History"))
        self.photo_strip.setAccessibleName(self.tr("Photos of the failed item and remediation evidence"))

    # -- roles ---------------------------------------------------------------------------------
    def verify_refusal(self, detail: HazardDetail) -> str:
        """Why this user may not verify (empty: they may)."""
        if rules.is_remediator(detail.info.remediated_by, self.session.actor):
            return self.tr("You marked this hazard remediated: a different person has to verify it.")
        return ""

    def apply_role(self, detail: HazardDetail) -> None:
        """Shows what core/hazards/rules.py offers this user on this hazard, and why a shown
        action is not yet possible."""
        offered = rules.available_actions(detail.info, self.session.actor)
        editable = HazardAction.EDIT in offered
        self.fields.set_editable(editable, HazardAction.SET_DUE in offered)
        self.save_button.setVisible(editable)
        self.save_button.setEnabled(True)
        denied = refusal(self.session.actor, "hazard.update")
        self.read_only.setText(denied.text() if denied is not None else "")
        self.read_only.setVisible(denied is not None and not editable)
        self.step_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.reopen_button.setEnabled(True)
        self.step_button.setVisible(HazardAction.ADD_STEP in offered)
        self.remediate_button.setVisible(HazardAction.REMEDIATE in offered)
        self.verify_button.setVisible(HazardAction.VERIFY in offered)
        self.verify_button.setEnabled(rules.can_verify(detail.info, self.session.actor))
        self.verify_button.setToolTip(
            self.verify_refusal(detail) or self.tr("Confirm the remediation was done (a second person)")
        )
        self.close_button.setVisible(HazardAction.CLOSE in offered)
        self.reopen_button.setVisible(HazardAction.REOPEN in offered)
        has_action = rules.work_recorded(step.kind for step in detail.steps)
        self.remediate_button.setEnabled(has_action)
        self.remediate_button.setToolTip(
            ""
            if has_action
            else self.tr("Add at least one step of the kind “%1” first").replace(
                "%1", RemediationKind.ACTION.label
            )
        )

    def _follow_work(self) -> None:
        """While the hazard is read or a write is under way, no action starts and the fields wait;
        afterwards the hazard's status and the user's role decide again (`apply_role`)."""
        if not self.work.ready():
            self.fields.set_editable(False, False)
            for button in self._actions():
                button.setEnabled(False)
        elif self.detail is not None:
            self.apply_role(self.detail)

    # -- loading -------------------------------------------------------------------------------
    def reload(self, keep_typed: bool = False) -> None:
        """Read the hazard as stored now off the GUI thread and show it (`show_detail`); a read that
        fails says why in the message line."""
        self.work.read(self._reading(), lambda detail: self.show_detail(detail, keep_typed))

    def _first_read(self, read: tuple[HazardDetail, list[str]]) -> None:
        detail, names = read
        self.fields.set_names(names)
        self.show_detail(detail)

    def _reading(self) -> Callable[[], HazardDetail]:
        hazards, actor, hazard_id = self.session.services.hazards, self.session.actor, self.hazard_id
        return lambda: hazards.get(actor, hazard_id)

    def set_names(self, who: Names) -> None:
        """People by display name (NamesReader): the state line and the tables, the fields untouched."""
        self.who = who
        self.steps_model.set_names(who)
        self.events_model.set_names(who)
        if self.detail is not None:
            self._show_state(self.detail)

    def show_detail(self, detail: HazardDetail, keep_typed: bool = False) -> None:
        """Show `detail`. `keep_typed`: after an action other than a save (a step, a mark), the
        edits not yet saved stay in their fields, and the `opened` the next save sends keeps what
        they were made on (changed elsewhere since: the save is refused); the rest is the hazard as
        it is now, a field left alone included."""
        typed = self._typed() if keep_typed else {}
        self.detail = detail
        info = detail.info
        self.setWindowTitle(self.tr("Hazard %1").replace("%1", info.number or f"#{info.id}"))
        self.heading.setText(f"{info.number} {info.title}".strip())
        swatch = severity_swatch(info.severity)
        self.badge.setText(f" {info.severity.label} ")
        self.badge.setStyleSheet(
            f"background: {swatch.background}; color: {swatch.foreground}; font-weight: 600;"
            " border-radius: 3px; padding: 3px 6px;"
        )
        self._show_state(detail)
        self.opened = rules.as_edited(info)
        self.fields.set_values(self.opened)
        self.fields.due_auto.setChecked(False)
        self._show_source(detail)
        self.steps_model.set_rows(detail.steps)
        self.events_model.set_rows(detail.events)
        self.apply_role(detail)
        self.ledger_band.check("hazard", info.id)
        discard.remember(self)  # the fields show what is saved: Esc now throws nothing away
        self._type_back(typed, made_on_opened=True)

    def _type_back(self, typed: dict[str, tuple[Any, Any]], made_on_opened: bool) -> None:
        """Put `typed` (see `_typed`) back in the fields of the hazard just shown, if it is still
        editable (so Esc asks). `made_on_opened`: the next save still sends what they were typed
        over, so a change made elsewhere since is refused; otherwise (after such a refusal, the
        hazard now shown as it is) they count as typed over what is shown, and a second Save
        writes them."""
        if not typed or self.save_button.isHidden() or self.opened is None:
            return
        if made_on_opened:
            self.opened = replace(self.opened, **{name: before for name, (before, _now) in typed.items()})
        self.fields.set_values(replace(self.opened, **{name: now for name, (_before, now) in typed.items()}))

    def _typed(self) -> dict[str, tuple[Any, Any]]:
        """The fields edited and not saved: name → (what it was filled with, what it holds). A field
        left alone is not in it, so a change an action made to it shows."""
        if self.opened is None:
            return {}
        now, opened = self.fields.values(), self.opened
        found = (
            (field.name, getattr(opened, field.name), getattr(now, field.name))
            for field in fields(HazardInput)
        )
        return {name: (before, value) for name, before, value in found if value != before}

    def _show_state(self, detail: HazardDetail) -> None:
        info, who = detail.info, self.who
        state = [
            info.status.label,
            self.tr("opened %1 by %2")
            .replace("%1", date_time(info.opened_at))
            .replace("%2", who(info.opened_by)),
            self.tr("%n day(s) open", "", info.age_days),
            self.tr("due %1").replace("%1", info.due_date.isoformat()),
        ]
        if info.remediated_by:
            state.append(self.tr("remediated by %1").replace("%1", who(info.remediated_by)))
        if info.verified_by:
            state.append(self.tr("verified by %1").replace("%1", who(info.verified_by)))
        text = escape(" · ".join(state), quote=False)  # a name as typed, never markup
        if info.overdue:
            overdue = self.tr("OVERDUE")  # tr() outside the f-string, where lupdate finds it
            text = f"<span style='color:{style.ERROR}; font-weight:600'>{overdue}</span> · {text}"
        if info.closed_short:  # verified or closed with milestones outstanding, under a waiver
            short = self.tr("MILESTONES OUTSTANDING")
            text = f"<span style='color:{style.WARNING}; font-weight:600'>{short}</span> · {text}"
        self.state.setText(text)

    def _show_source(self, detail: HazardDetail) -> None:
        info = detail.info
        if info.inspection_id is not None:
            self.source.setText(
                self.tr("Opened by inspection #%1, item %2 (%3)")
                .replace("%1", str(info.inspection_id))
                .replace("%2", str(info.item_number or ""))
                .replace("%3", detail.checklist.text or info.template_code)
            )
        elif info.drill_id is not None:  # 演练发现（演练 #N 标题）
            said = self.tr("Drill (#%1 %2)").replace("%1", str(info.drill_id))
            self.source.setText(said.replace("%2", detail.drill_title))
        else:
            self.source.setText(self.tr("Entered by hand"))
        if info.drill_id is not None:  # its record: the drill's report, where the hazard is listed
            self.source_button.setText(self.tr("The drill's report"))
        self.source_button.setVisible(info.inspection_id is not None or info.drill_id is not None)
        lines = []
        if info.severity == HazardSeverity.MAJOR:
            for kind, due in (
                (RemediationKind.INTERIM_CONTROL, info.interim_due_at),
                (RemediationKind.PLAN, info.plan_due_at),
            ):
                if due is not None:
                    mark = "✓" if detail.milestone_done(kind) else "○"
                    by = self.tr("by %1").replace("%1", date_time(due))
                    lines.append(f"{mark} {kind.label}: {by}")
            if info.report_head_office:
                mark = "✓" if detail.milestone_done(RemediationKind.HEAD_OFFICE_REPORT) else "○"
                lines.append(f"{mark} {RemediationKind.HEAD_OFFICE_REPORT.label}")
        if lines:
            lines.insert(0, self.tr("Major hazard milestones (severity policy):"))
        waivers = [e.note for e in detail.events if e.kind == HazardEventKind.WAIVED]
        if info.closed_short and waivers:  # why it went ahead without them, as its history says
            lines.append(self.tr("Went ahead without them (%1)").replace("%1", waivers[-1]))
        self.deadlines.setText("\n".join(lines))
        self.deadlines.setVisible(bool(lines))
        names = ", ".join(ref.name for ref in (*detail.photos, *detail.evidence))
        self.photos.setText(self.tr("Photos of the failed item and remediation evidence") if names else "")
        self.photos.setVisible(bool(names))
        self.photo_strip.set_refs((*detail.photos, *detail.evidence))

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- a save refused ------------------------------------------------------------------------
    def _refused_as_stale(self) -> None:
        """A save refused because the hazard changed elsewhere since it was shown: show it as it is
        now, with what was typed kept in the fields typed in (the rest shows the other change), and
        say which of those were changed there too, since the typing hides that change. Saving again
        is then the user's decision on what they see. A failed read says why instead; a hazard that
        can no longer be edited (closed there) says so, with the typing shown to copy (`KeptTyping`)."""
        typed, before = self._typed(), self.opened
        self.work.read(self._reading(), lambda detail: self._shown_afresh(detail, typed, before))

    def _shown_afresh(
        self, detail: HazardDetail, typed: dict[str, tuple[Any, Any]], before: HazardInput | None
    ) -> None:
        self.show_detail(detail)
        if self.save_button.isHidden() and self.detail is not None:  # the fields are read-only now
            self.kept.keep([(self.fields.captions[name].text(), now) for name, (_was, now) in typed.items()])
            closed = self.detail.info.status == HazardStatus.CLOSED
            self.show_error(self.kept.refusal(self.windowTitle(), closed))
            return
        self._type_back(typed, made_on_opened=False)
        text = self.tr(
            "%1 was changed by someone else (perhaps on another PC) after you opened it: nothing was "
            "saved. It is shown as it is now, and what you typed is kept in the fields you changed: "
            "check them and save again."
        ).replace("%1", self.windowTitle())
        both = [
            self.fields.captions[name].text()
            for name in typed
            if self.opened is not None
            and before is not None
            and getattr(self.opened, name) != getattr(before, name)
        ]
        if both:
            also = self.tr("Changed there too, shown as you typed it: %1").replace(
                "%1", self.tr(", ").join(both)
            )
            text = f"{text}\n{also}"
        self.show_error(text)

    def _open_source(self) -> None:
        if self.detail is not None and self.detail.info.drill_id is not None:
            from branchguard.gui.drills.report_preview import preview_drill_report

            drills, actor = self.session.services.drills, self.session.actor
            drill_id = self.detail.info.drill_id

            def show(plan: DrillPlan) -> None:
                self.last_report = preview_drill_report(self, self.session, plan)

            # a locked database, a role changed meanwhile: said in the message line
            self.source_loader.run(lambda: drills.get(actor, drill_id), show)
        elif self.detail is not None and self.detail.info.inspection_id is not None:
            inspection_id = self.detail.info.inspection_id
            self.done(0)  # asks first when an edit typed here is not saved (gui/kit/discard.py)
            if not self.isVisible():  # left: the run comes up in the window behind
                self.open_inspection.emit(inspection_id)
