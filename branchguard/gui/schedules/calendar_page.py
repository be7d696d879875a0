"""Calendar page: month, week and agenda views of every schedule's occurrences (drills, inspections,
hazard due dates); drag to reschedule, export a range as .ics, add a schedule."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpacerItem,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from branchguard.core.kernel import working_days
from branchguard.core.kernel.i18n import current_language
from branchguard.core.kernel.output import write_file
from branchguard.core.kernel.roles import may
from branchguard.core.schedules.rules import owed_before
from branchguard.core.schedules.types import DueFilter, OccurrenceInfo, ScheduleKind
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.empty_note import EmptyNote
from branchguard.gui.kit.files import ask_save_path, saved_message
from branchguard.gui.kit.flow import FlowLayout
from branchguard.gui.kit.forms import spoken
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import Page
from branchguard.gui.kit.plain import literal, plain
from branchguard.gui.kit.rows import SIZE_SAMPLE_ROWS
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.kit.writer import writer
from branchguard.gui.schedules.calendar_views import (
    local_midnight,
    monday,
    month_start,
    moved_due,
    occurrence_key,
)
from branchguard.gui.schedules.day_grid import DayGrid
from branchguard.gui.schedules.models import OccurrenceModel
from branchguard.gui.shell.session import GuiSession

MONTH, WEEK, AGENDA = range(3)
AGENDA_DAYS = 31


class CalendarPage(Page):
    page_id = "calendar"

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.loader = Loader(self, on_error=self._failed)
        self._moving = False  # a dropped item's move on the writer's thread
        self.anchor = self._today = date.today()  # _today: the day the page last went by
        self.mode = MONTH
        self.items: list[OccurrenceInfo] = []
        self._shown: tuple[object, ...] = ()  # what _show last showed, and how
        # The dashboard's "due in the next 7 days": the agenda shows exactly those until cleared.
        self.due_filter: DueFilter | None = None
        self.clear_filter_button = QPushButton()
        self.clear_filter_button.setObjectName("calendar_clear_filter")
        self.clear_filter_button.clicked.connect(self.clear_filter)
        self.clear_filter_button.hide()
        self.heading = ElidedLabel()  # the dashboard's "due in the next 7 days" and its button fit 1024 px
        self.heading.setObjectName("calendar_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.mode_buttons = QButtonGroup(self)
        self.mode_buttons.setExclusive(True)
        self.month_button, self.week_button, self.agenda_button = (QToolButton() for _ in range(3))
        for mode, button in enumerate((self.month_button, self.week_button, self.agenda_button)):
            button.setCheckable(True)
            self.mode_buttons.addButton(button, mode)
        self.month_button.setChecked(True)
        self.mode_buttons.idClicked.connect(self.set_mode)
        self.prev_button, self.today_button, self.next_button = QToolButton(), QToolButton(), QToolButton()
        self.prev_button.setText("‹")
        self.next_button.setText("›")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_button = QPushButton(icon("add"), "")
        self.new_button.setObjectName("calendar_new_schedule")
        self.new_button.clicked.connect(self.new_schedule)
        self.export_button = QPushButton(icon("export"), "")
        self.export_button.setObjectName("calendar_export")
        self.export_button.clicked.connect(self.export_ics)
        bar = FlowLayout()  # wraps at larger text: in one line at 15 pt it held the window 1038 px wide
        for widget in (self.prev_button, self.today_button, self.next_button):
            bar.add_widget(widget)
        bar.add_widget(self.heading, 1)
        bar.add_widget(self.clear_filter_button)
        bar.add_stretch()
        for widget in (self.month_button, self.week_button, self.agenda_button):
            bar.add_widget(widget)
        bar.addItem(QSpacerItem(12, 0))
        bar.add_widget(self.export_button)
        bar.add_widget(self.new_button)

        # Each view made where it stays (the stack, the page): a widget moved under another parent
        # is styled again with all it holds, as a view is when it is made (kit/tabs.py).
        self.stack = QStackedWidget(self)
        self.month = DayGrid(6, self.stack)
        self.month.setObjectName("calendar_month")
        self.week = DayGrid(1, self.stack)
        self.week.setObjectName("calendar_week")
        for grid in (self.month, self.week):
            grid.on_leave = self.go_to  # a key moved to a day of another month or week
        self.agenda_model = OccurrenceModel(self)
        self.agenda = QTableView(self.stack)
        self.agenda.setObjectName("calendar_agenda")
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().hide()
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._read = False  # the agenda shows the items read for it, not the empty start
        self.agenda_note = EmptyNote(self.agenda, self.agenda_empty_text)
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)
        self.hint = plain(QLabel(self))
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)  # at 15 pt its one line held the window 1038 px wide
        # The days shown reach a year no holiday table covers: their dates avoid weekends and the
        # fixed-date holidays only (the dashboard says it for this year; January 2027 and Spring
        # Festival week were shown here from December without a word).
        self.holidays = plain(QLabel(self))
        self.holidays.setObjectName("calendar_holidays")
        self.holidays.setProperty("role", "warning")
        self.holidays.setWordWrap(True)
        self.holidays.hide()
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.stack, 1)
        box.addWidget(self.holidays)
        box.addWidget(self.hint)
        self.retranslate()

    # -- what is shown -------------------------------------------------------------------------
    def may_manage(self) -> bool:
        return may(self.session.actor, "schedule.manage")

    def span(self) -> tuple[date, date]:
        """The days the current view covers, [first, end)."""
        if self.mode == MONTH:
            first = month_start(self.anchor)
            return first, first + timedelta(days=42)
        if self.mode == WEEK:
            first = monday(self.anchor)
            return first, first + timedelta(days=7)
        return self.anchor, self.anchor + timedelta(days=AGENDA_DAYS)

    def show_filtered(self, flt: DueFilter) -> None:
        """The agenda of the open items the filter selects (the dashboard's tile), from today."""
        self.due_filter = flt
        self.anchor = date.today()
        self.mode = AGENDA
        self.mode_buttons.button(AGENDA).setChecked(True)
        self.stack.setCurrentIndex(AGENDA)
        self.refresh()

    def clear_filter(self) -> None:
        self.due_filter = None
        self.refresh()

    def shown(self) -> list[OccurrenceInfo]:
        return list(self.items)

    def set_mode(self, mode: int) -> None:
        self.due_filter = None
        self.mode = mode
        self.mode_buttons.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        self.refresh()

    def step(self, direction: int) -> None:
        self.due_filter = None
        if self.mode == MONTH:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        else:
            self.anchor += timedelta(days=(7 if self.mode == WEEK else AGENDA_DAYS) * direction)
        self.refresh()

    def go_today(self) -> None:
        self.due_filter = None
        self.anchor = date.today()
        self.refresh()

    def go_to(self, day: date, mode: int | None = None) -> None:
        self.anchor = day
        self.set_mode(self.mode if mode is None else mode)

    def _follow_today(self) -> None:
        """A new day since the page last looked (the window left open past midnight, whose day
        change reads the page shown again): a view on the old today moves to the new one, so a
        month left open from Dec 31 shows January; a view the user moved elsewhere stays there."""
        today = date.today()
        if today != self._today:
            if self.anchor == self._today:
                self.anchor = today
            self._today = today

    def refresh(self) -> None:
        self._follow_today()
        first, end = self.span()
        start_at, end_at = local_midnight(first), local_midnight(end)
        services, actor = self.session.services, self.session.actor
        with_overdue = self.mode == AGENDA and first <= date.today()
        due_filter = self.due_filter

        def load() -> list[OccurrenceInfo]:
            if due_filter is not None:
                return services.schedules.due_items(actor, due_filter)
            items = services.schedules.calendar(actor, start_at, end_at)
            if with_overdue:  # what is still owed from before belongs at the top of today's agenda
                items = owed_before(services.schedules.open_items(actor), start_at) + items
            return items

        self.loader.run(load, self._show)
        self.new_button.setVisible(self.may_manage())
        self._show_heading()
        self._show_holidays()

    def _show_holidays(self) -> None:
        first, end = self.span()
        note = working_days.coverage_note(set(range(first.year, (end - timedelta(days=1)).year + 1)))
        self.holidays.setText(note or "")
        self.holidays.setVisible(bool(note))

    def agenda_empty_text(self) -> str:
        """What the empty agenda says (kit/empty_note.py): nothing until its items are read."""
        if not self._read:
            return ""
        if self.due_filter is not None:
            return self.tr("Nothing is due in this window.")
        if not self.may_manage():
            return self.tr("Nothing falls due in these %1 days.").replace("%1", str(AGENDA_DAYS))
        return self.tr(
            "Nothing falls due in these %1 days. Drills are planned on the Drills page and checklists "
            "scheduled on the Inspections page; New schedule… adds any other reminder."
        ).replace("%1", str(AGENDA_DAYS))

    def _show(self, items: list[OccurrenceInfo]) -> None:
        today = date.today()
        # The items, worded and laid out for this view, day and language: a refresh that read the
        # same again leaves them as shown (ten years, a month: its 430 lines worded again and
        # compared day by day; the refresh went from 12 to 8 ms, its floor 5-7 ms).
        shown = (items, self.mode, self.span(), self.may_manage(), today, current_language())
        if shown == self._shown:
            return
        self._shown = shown
        self.items = items
        self._show_hint()
        # A view with nothing in it has nothing to export: the file name was asked for, then refused.
        empty = not items and self.due_filter is None
        self.export_button.setEnabled(not empty)
        nothing = self.tr("Nothing falls due in these days: nothing to export.")
        self.export_button.setToolTip(nothing if empty else "")
        drop = self.move_occurrence if self.may_manage() else None
        if self.mode == MONTH:
            self.month.show_items(month_start(self.anchor), self.anchor.month, items, drop, today)
        elif self.mode == WEEK:
            self.week.show_items(monday(self.anchor), 0, items, drop, today)
        else:
            self._read = True
            self.agenda_model.set_rows(items)
            self.agenda.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
            self.agenda.resizeColumnsToContents()
            self.agenda.horizontalHeader().setSectionResizeMode(
                OccurrenceModel.TITLE, QHeaderView.ResizeMode.Stretch
            )

    def _show_hint(self) -> None:
        """The line under the grid: how to move what is shown or, a month or week with nothing in it
        (a new branch's every one), where its items come from."""
        if self.items or self.mode == AGENDA or self.due_filter is not None or not self._shown:
            self.hint.setText(
                self.tr("Overdue items are red. Drag an open item to another day to reschedule it.")
                if self.may_manage()
                else self.tr("Overdue items are red.")
            )
        elif self.may_manage():
            self.hint.setText(
                self.tr(
                    "Nothing falls due in these days. Drills are planned on the Drills page and checklists "
                    "scheduled on the Inspections page; New schedule… adds any other reminder."
                )
            )
        else:
            self.hint.setText(self.tr("Nothing falls due in these days."))

    def _failed(self, message: str) -> None:
        self.hint.setText(message)

    def _show_heading(self) -> None:
        self.clear_filter_button.setVisible(self.due_filter is not None)
        if self.due_filter is not None:
            self.heading.setText(self.due_filter.window.label)
            return
        if self.mode == MONTH:
            # The format is translated: "yyyy年M月" reads right in Chinese, "MMMM yyyy" in English.
            month = QDate(self.anchor.year, self.anchor.month, 1)
            text = QLocale().toString(month, self.tr("MMMM yyyy"))
        else:
            first, end = self.span()
            text = f"{first:%Y-%m-%d} – {end - timedelta(days=1):%Y-%m-%d}"
        self.heading.setText(text)

    # -- actions -------------------------------------------------------------------------------
    def move_occurrence(self, key: int | str, day: date) -> bool:
        """What a drop calls (`key`: a written item's id, or a promised one's occurrence_key): the
        same local clock time on `day`; the service writes a promised item first and audits it.
        A one-off drill's entry is its plan's date: the drill itself moves. Written on the writer's
        thread, one move at a time; whether one started."""
        item = next((o for o in self.items if occurrence_key(o) == str(key)), None)
        if item is None or not self.may_manage() or self._moving:
            return False
        services, actor, due = self.session.services, self.session.actor, moved_due(item, day)

        def work() -> bool:  # whether a drill moved
            if item.kind is ScheduleKind.DRILL and item.subject_id is not None and not item.recurring:
                # a one-off drill's date is its plan's: the drill moves, its calendar entry with it
                services.drills.move(actor, item.subject_id, due)
                return True
            if item.id is not None:
                services.schedules.reschedule(actor, item.id, due)
            else:
                services.schedules.reschedule_promised(actor, item.schedule_id, item.rule_at, due)
            return False

        self._moving = True
        writer().submit(work, on_done=self._moved, on_error=self._move_failed)
        return True

    def _moved(self, drill: bool) -> None:
        self._moving = False
        if drill:
            self.session.data_changed.emit("drill")
        self.session.data_changed.emit("schedule")

    def _move_failed(self, message: str) -> None:
        """Said (it may quote a title), and read again: a refusal is often a change this page has
        not read yet (the schedule paused or deleted on another PC), whose stale entries must go."""
        self._moving = False
        QMessageBox.warning(self, self.tr("Reschedule"), literal(message))
        self.session.data_changed.emit("schedule")

    def export_ics(self) -> Path | None:
        """The days of the current view as an iCalendar file."""
        first, end = self.span()
        default = f"branchguard-{first:%Y%m%d}-{end - timedelta(days=1):%Y%m%d}.ics"
        chosen = ask_save_path(
            self,
            self.tr("Export calendar"),
            default,
            self.tr("iCalendar files (*.ics)"),
            (".ics",),
        )
        if chosen is None:
            return None
        path = chosen
        services, actor = self.session.services, self.session.actor
        start_at, end_at = local_midnight(first), local_midnight(end)

        def work(_progress: TaskProgress) -> Path:
            write_file(path, services.schedules.export_ics(actor, start_at, end_at))
            return path

        run_task(
            work,
            on_done=lambda p: self.hint.setText(saved_message(p)),
            parent=self,
            title=self.tr("Export calendar"),
        )
        return path

    def new_schedule(self) -> None:
        if not self.may_manage():
            return
        from branchguard.gui.schedules.calendar_dialog import NewScheduleDialog

        dialog = NewScheduleDialog(self.session, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        self.dialog = dialog

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.month_button.setText(self.tr("Month"))
        self.week_button.setText(self.tr("Week"))
        self.agenda_button.setText(self.tr("Agenda"))
        self.agenda.setAccessibleName(spoken(self.agenda_button.text()))
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Earlier"))
        self.next_button.setToolTip(self.tr("Later"))
        self.new_button.setText(self.tr("New schedule…"))
        self.export_button.setText(self.tr("Export .ics…"))
        self.clear_filter_button.setText(self.tr("Show all"))
        self._show_hint()
        names = [QLocale().dayName(n, QLocale.FormatType.ShortFormat) for n in range(1, 8)]
        self.month.set_weekday_names(names)
        self.week.set_weekday_names(names)
        self._show_heading()
        self._show_holidays()
