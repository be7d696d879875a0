"""The export wizard: the period package for head office from the window (the safety lead's).

Three steps: the period (and whether the PDF reports go, and for a lead whether complainants'
identifiers go in full); a preview of what goes, read off the GUI thread; where to save it, then
the export itself off the GUI thread with progress, and where it was saved.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from branchguard.core.anchors.rules import grouped
from branchguard.core.exchange.rules import KINDS, period_of, recent_periods
from branchguard.core.exchange.types import PackagePreview, PackageResult
from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.roles import may
from branchguard.gui.kit.files import ask_save_path, documents_folder, saved_message, with_suffix
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.kit.style import error_label
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.kit.text_scale import large_text, scaled
from branchguard.gui.shell.session import GuiSession


def _error_label(name: str) -> QLabel:
    label = error_label(name)  # a refusal may quote a title
    return label


class ExportPeriodPage(QWizardPage):
    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_period_page")
        self.setTitle(self.tr("Which period"))
        note = self.tr(
            "A month (2026-11) or a quarter (2026-Q4). The package carries the period's records, its "
            "reports and the ledger since the previous package, signed with this branch's key."
        )
        # At larger text the note on the page: the wizard's header is as high as two lines of it
        # (at 15 pt its third was cut).
        self.note = plain(QLabel(note if large_text(self) else ""))
        self.note.setWordWrap(True)
        self.note.setVisible(large_text(self))
        if not large_text(self):
            self.setSubTitle(note)
        self.choice = QComboBox()
        self.choice.setObjectName("export_period")
        self.choice.setEditable(True)
        self.choice.addItems(recent_periods(date.today()))
        self.reports = QCheckBox(self.tr("Include the PDF reports of the period's incidents and drills"))
        self.reports.setObjectName("export_reports")
        self.reports.setChecked(True)
        self.unmask = QCheckBox(
            self.tr("Complainants' names, phones and ID numbers in full (recorded in the audit trail)")
        )
        self.unmask.setObjectName("export_unmask")
        self.unmask.setVisible(may(session.actor, "complaint.unmask"))
        # head office did not get a package, or refused it: its message names the entry it holds
        self.resend = QCheckBox(self.tr("Send the ledger again, from after entry"))
        self.resend.setObjectName("export_resend")
        self.resend.setToolTip(
            self.tr(
                "When head office did not receive a package, or refused it: give the ledger entry "
                "its message says it holds (0: from the start)."
            )
        )
        self.after_entry = QSpinBox()
        self.after_entry.setObjectName("export_after")
        self.after_entry.setRange(0, 2**31 - 1)
        self.after_entry.setEnabled(False)
        self.resend.toggled.connect(self.after_entry.setEnabled)
        resend = QHBoxLayout()
        resend.addWidget(self.resend)
        resend.addWidget(self.after_entry)
        resend.addStretch(1)
        self.error = _error_label("export_period_error")
        form = QFormLayout(self)
        form.addRow(self.note)
        form.addRow(self.tr("Period"), self.choice)
        form.addRow(self.reports)
        form.addRow(self.unmask)
        form.addRow(resend)
        form.addRow(self.error)

    def period(self) -> str:
        return self.choice.currentText().strip()

    def after(self) -> int | None:
        """The ledger entry to send again from after, when asked; None: on from the last package."""
        return self.after_entry.value() if self.resend.isChecked() else None

    def validatePage(self) -> bool:
        try:
            period_of(self.period())
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return False
        self.error.hide()
        return True


class ExportPreviewPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("export_preview_page")
        self.wizard_ = wizard
        self.setTitle(self.tr("What goes"))
        self.setSubTitle(self.tr("Counted now from this branch's records; nothing is written yet."))
        self.loader = Loader(self, on_error=self._failed)
        self.preview: PackagePreview | None = None
        self.summary = QLabel()
        self.summary.setObjectName("export_preview_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = _error_label("export_preview_error")
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.error)
        box.addStretch(1)

    def kind_label(self, kind: str) -> str:
        labels = {
            "incidents": self.tr("Incidents, with their full logs"),
            "actions": self.tr("Corrective actions"),
            "drills": self.tr("Drills and evaluations"),
            "inspections": self.tr("Inspections and answers"),
            "hazards": self.tr("Hazards and their history"),
            "complaints": self.tr("Complaints"),
            "complaintstats": self.tr("Complaint statistics, month by month"),
            "compliance": self.tr("Drill rules' status"),
        }
        return labels.get(kind, kind)

    def initializePage(self) -> None:
        self.preview = None
        self.error.hide()
        self.summary.setText(self.tr("Counting…"))
        self.completeChanged.emit()
        service, actor = self.wizard_.session.services.exchange, self.wizard_.session.actor
        period, after = self.wizard_.period_page.period(), self.wizard_.period_page.after()
        self.loader.run(lambda: service.preview(actor, period, after=after), self._show)

    def _show(self, p: PackagePreview) -> None:
        self.preview = p
        rows = "".join(
            f"<tr><td>{self.kind_label(kind)}</td><td align='right'>&nbsp;&nbsp;{n}</td></tr>"
            for kind, n in ((kind, p.counts.get(kind, 0)) for kind in KINDS)
        )
        reports = p.documents if self.wizard_.period_page.reports.isChecked() else 0
        previous = p.previous_period or self.tr("none: this is the first package")
        texts = [  # plain text, escaped below: the branch's name is as typed
            self.tr("PDF reports: %1").replace("%1", str(reports)),
            self.tr("Ledger entries %1 to %2; previous package: %3")
            .replace("%1", str(p.ledger_from))
            .replace("%2", str(p.ledger_to))
            .replace("%3", previous),
        ]
        if self.wizard_.period_page.unmask.isChecked():
            texts.append(self.tr("Complainants' identifiers go in full."))
        texts.extend(note.text() for note in p.notes)
        span = f"({p.period.start.isoformat()} – {(p.period.end - timedelta(days=1)).isoformat()})"
        lines = [
            f"<b>{escape(f'{p.branch_code} {p.branch_name}')}</b> — {escape(f'{p.period.name} {span}')}",
            f"<table>{rows}</table>",
            *map(escape, texts),
        ]
        self.summary.setText("<br>".join(lines))
        self.completeChanged.emit()

    def _failed(self, text: str) -> None:
        self.summary.clear()
        self.error.setText(text)
        self.error.show()

    def isComplete(self) -> bool:
        return self.preview is not None


class ExportSavePage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("export_save_page")
        self.wizard_ = wizard
        self.setTitle(self.tr("Where to save it"))
        self.setSubTitle(self.tr("Then take the file to head office, which imports it."))
        self.result: PackageResult | None = None
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.browse = QPushButton(icon("folder"), self.tr("Choose…"))
        self.browse.setObjectName("export_browse")
        self.browse.clicked.connect(self._choose)
        self.export_button = QPushButton(icon("export"), self.tr("Export"))
        self.export_button.setObjectName("export_run")
        self.export_button.clicked.connect(self.export)
        self.done_text = plain(QLabel())
        self.done_text.setObjectName("export_done")
        self.done_text.setWordWrap(True)
        self.done_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = _error_label("export_save_error")
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), where)
        form.addRow("", self.export_button)
        form.addRow(self.error)
        form.addRow(self.done_text)

    def initializePage(self) -> None:
        preview = self.wizard_.preview_page.preview
        if not self.path.text() and preview is not None:
            name = f"{preview.branch_code}-{preview.period.name}.zip"
            self.path.setText(str(documents_folder() / name))

    def _choose(self) -> None:
        name = Path(self.path.text().strip()).name or "package.zip"
        chosen = ask_save_path(
            self,
            self.tr("Save the package"),
            name,
            self.tr("Packages (*.zip)"),
            (".zip",),
        )
        if chosen is not None:
            self.path.setText(str(chosen))

    def export(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.error.setText(self.tr("Choose where to save the package."))
            self.error.show()
            return
        self.error.hide()
        out = with_suffix(Path(text), (".zip",))
        session = self.wizard_.session
        services, actor = session.services, session.actor
        page = self.wizard_.period_page
        period, unmask, reports = page.period(), page.unmask.isChecked(), page.reports.isChecked()
        after = page.after()
        font = session.ctx.config.settings.get("report_font")

        def work(progress: TaskProgress) -> PackageResult:
            documents = None
            if reports:
                from branchguard.reports.package_documents import period_documents

                documents = period_documents(services, actor, font)
            return services.exchange.export(
                actor,
                period,
                out,
                unmask=unmask,
                documents=documents,
                progress=lambda done, total: progress.report(done, total),
                after=after,
            )

        self.export_button.setEnabled(False)
        self.task = run_task(
            work,
            on_done=self._done,
            on_error=self._failed,
            parent=self.wizard_,
            title=self.tr("Making the package"),
        )

    def _done(self, result: PackageResult) -> None:
        self.result = result
        lines = [
            saved_message(Path(result.path)),
            self.tr("%1; %2; ledger entries %3 to %4; signed with key %5")  # "1 reports" was said
            .replace("%1", self.tr("%n file(s)", "", result.files))
            .replace("%2", self.tr("%n report(s)", "", result.documents))
            .replace("%3", str(result.ledger_from))
            .replace("%4", str(result.ledger_to))
            .replace("%5", grouped(result.fingerprint)),
        ]
        lines.extend(note.text() for note in result.notes)
        if result.anchor_problem is not None:
            lines.append(result.anchor_problem.text())
        self.done_text.setText("\n".join(lines))
        self.wizard_.session.data_changed.emit("exchange_package")
        self.completeChanged.emit()

    def _failed(self, text: str) -> None:
        self.export_button.setEnabled(True)
        self.error.setText(text)
        self.error.show()

    def isComplete(self) -> bool:
        return self.result is not None


class ExportWizard(QWizard):
    """Period → preview → save and export. Finish closes it once the package is written."""

    def __init__(self, session: GuiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_wizard")
        self.session = session
        self.setWindowTitle(self.tr("Package for head office"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.period_page = ExportPeriodPage(session, self)
        self.preview_page = ExportPreviewPage(self)
        self.save_page = ExportSavePage(self)
        for page in (self.period_page, self.preview_page, self.save_page):
            self.addPage(page)
        resize_within_screen(self, scaled(640, self), scaled(480, self))
