"""The console's dialogs that write: skip a step, correct an entry, change the level or the warning,
the initial report. Each writes on the log writer with the dialog open (gui/kit/dialog_work.py) and
closes once the write is stored, the console showing it only then (an entry is on disk before it is
shown); a refusal stays in the dialog with what was typed, and the incident is read again at once
(it has often moved on elsewhere: closed on another PC, a step marked in follow mode)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt

from branchguard.core.incidents.text import report_defaults
from branchguard.core.incidents.types import EntryKind, LogEntry
from branchguard.core.kernel.roles import may
from branchguard.gui.incidents.console.dialogs import (
    CorrectDialog,
    LevelDialog,
    ReasonDialog,
    ReportFieldsDialog,
    SkipDialog,
    WarningLevelDialog,
)

if TYPE_CHECKING:
    from branchguard.gui.incidents.console.console import IncidentConsole

Asked = TypeVar("Asked", bound=ReasonDialog | ReportFieldsDialog)
Write = Callable[[], Any]


class ConsoleDialogs:
    """One per console: its writing dialogs, each opened over it (it goes on updating behind)."""

    def __init__(self, console: IncidentConsole) -> None:
        self.console = console

    def _open(self, dialog: Asked, write: Callable[[Any], Write], written: Callable[[Any], Any]) -> Asked:
        console = self.console

        def stored(result: Any) -> None:
            console.show_error("")
            written(result)

        dialog.write, dialog.written = write, stored
        dialog.on_refused = lambda _refused: console.reload()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def skip(self, number: int) -> SkipDialog | None:
        c = self.console
        if c.detail is None or not c.may_mark_steps() or number in c.marking:
            return None
        incidents, actor, incident_id = c.session.services.incidents, c.session.actor, c.incident_id

        def write(reason: str) -> Write:
            return lambda: incidents.mark_step(actor, incident_id, number, done=False, reason=reason)

        def written(entry: LogEntry | None) -> None:
            c.marking.add(number)  # until the steps are read again: a Done meanwhile is not sent
            c.changed_by_me(entry)

        return self._open(SkipDialog(number, c.detail.steps[number - 1].text.text, c), write, written)

    def correction(self, entry: LogEntry) -> CorrectDialog:
        c, seq = self.console, entry.seq
        row = c.log.model.row_of(seq)
        # A corrected step mark reopens the step: re-read the steps as after a mark. (The kind is
        # the service's: a correction is always a CORRECTION entry.)
        step_mark = row >= 0 and c.log.model.entry_at(row).step is not None
        s, incident_id = c.session, c.incident_id

        def write(text: str) -> Write:
            return lambda: s.services.incidents.log(s.actor, incident_id, EntryKind.NOTE, text, corrects=seq)

        done = c.changed_by_me if step_mark else c.log.committed
        return self._open(CorrectDialog(seq, entry.text, c), write, done)

    def level(self) -> LevelDialog | None:
        c = self.console
        if c.detail is None or not (may(c.session.actor, "incident.level") and c.is_open()):
            return None
        s, incident_id = c.session, c.incident_id
        dialog = LevelDialog(c.detail.summary.level, c)

        def write(reason: str) -> Write:
            level = dialog.chosen()
            return lambda: s.services.incidents.change_level(s.actor, incident_id, level, reason)

        return self._open(dialog, write, c.changed_by_me)

    def warning(self) -> WarningLevelDialog | None:
        c = self.console
        if c.detail is None or not c.may_change_warning():
            return None
        s, incident_id = c.session, c.incident_id
        dialog = WarningLevelDialog(c.detail.summary.warning_level, c)

        def write(reason: str) -> Write:
            level = dialog.chosen()
            return lambda: s.services.warnings.change_incident_level(s.actor, incident_id, level, reason)

        return self._open(dialog, write, c.changed_by_me)

    def report_fields(self) -> ReportFieldsDialog | None:
        """`shown`, the fields as the dialog shows them, goes with the changes: the service refuses
        to overwrite one that another PC has filled in since (the prefilled place is sent as well)."""
        c = self.console
        if c.detail is None or not may(c.session.actor, "incident.report"):
            return None
        s, incident_id = c.session, c.incident_id
        # the place only: the nature's default is a category's words, said in the reader's language
        prefill = {"place": report_defaults(c.detail, c.branch_place)["place"]}
        shown = dict(c.detail.report_fields)

        def write(changes: dict[str, str]) -> Write:
            return lambda: s.services.incidents.set_report_fields(s.actor, incident_id, changes, shown)

        dialog = ReportFieldsDialog(shown, c, prefill=prefill)
        return self._open(dialog, write, lambda _detail: c.changed_by_me())
