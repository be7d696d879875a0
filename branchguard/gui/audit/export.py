"""Exports the audit trail as the page filters it, to Excel or PDF (reports/audit_export.py), off the
GUI thread with progress and Cancel; the file name offered says the branch and the period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.names import clean_file_name
from branchguard.gui.kit.anchor_note import AnchorNote
from branchguard.gui.kit.files import ask_save_path
from branchguard.gui.kit.tasks import SoleTask, TaskCancelled, TaskHandle, TaskProgress
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.reports.audit_export import Exported

Done = Callable[["Exported", str], None]  # the file written, why its anchor was not ("" when it was)


def period_of(flt: AuditFilter) -> str:
    """The filter's dates as a file name says them: 2026-01-01_2026-12-31, "" for no dates."""
    first = flt.since.astimezone().date().isoformat() if flt.since else ""
    last = (flt.until - timedelta(days=1)).astimezone().date().isoformat() if flt.until else ""
    return "_".join(x for x in (first, last) if x)


class TrailExporter(QObject):
    """The Export… button's flow: a save dialog, then the export through run_task with progress."""

    def __init__(self, session: GuiSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.branch_name = ""  # read off the GUI thread with the page's filter choices
        self.sole = SoleTask()  # one at a time

    def file_name(self, flt: AuditFilter) -> str:
        what = self.tr("audit-trail")  # tr() outside the f-string, where lupdate finds it
        period = period_of(flt) or self.tr("all")
        return clean_file_name("-".join(x for x in (self.branch_name, what, period) if x) + ".xlsx")

    def ask(self, flt: AuditFilter, on_done: Done, on_error: Callable[[str], None]) -> TaskHandle | None:
        chosen = ask_save_path(
            self.widget,
            self.tr("Export the audit trail"),
            self.file_name(flt),
            self.tr("Excel workbooks (*.xlsx);;PDF files (*.pdf)"),
            (".xlsx", ".pdf"),
        )
        if chosen is None:
            return None
        return self.export(flt, chosen, on_done, on_error)

    def export(
        self, flt: AuditFilter, out: Path, on_done: Done, on_error: Callable[[str], None]
    ) -> TaskHandle:
        """`on_done(exported, anchor problem)` once the file is written; `on_error(message)` if not;
        nothing when cancelled (no file: reports/audit_export.py)."""
        services, actor = self.session.services, self.session.actor  # read here, on the GUI thread
        font_setting = str(self.session.ctx.config.settings.get("report_font") or "")
        note = AnchorNote()
        written = self.tr("%1 of %2 events written")

        def work(progress: TaskProgress) -> Exported:
            from branchguard.reports.audit_export import build_audit_export  # openpyxl on use

            def said(done: int, total: int) -> None:
                if progress.cancelled:
                    raise TaskCancelled
                total = max(done, total)  # events recorded meanwhile
                progress.report(done, total, written.replace("%1", str(done)).replace("%2", str(total)))

            return build_audit_export(
                services, actor, flt, out, font_setting=font_setting, on_anchor=note, progress=said
            )

        def done(exported: Exported) -> None:
            on_done(exported, note.problem)

        return self.sole.run(work, done, on_error, self.widget, self.tr("Exporting the audit trail…"))
