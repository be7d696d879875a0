"""Verify… on the Audit page: `branchguard verify` in the window. The ledger's check of every record,
incident log and attachment, then the branch's own anchor file, off the GUI thread with progress
and Cancel; the verdict in the words the command line prints, each problem named. The window had
no way to verify: a record rewritten by raw SQL was found only by someone at a command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from branchguard.core.kernel.i18n import Message, t
from branchguard.core.kernel.progress import stage_text, watching
from branchguard.gui.kit.plain import literal
from branchguard.gui.kit.tasks import SoleTask, TaskHandle, TaskProgress
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.anchors.types import AnchorReport
    from branchguard.core.ledger.types import LedgerReport

SHOWN_PROBLEMS = 12  # named in the box; every one in its details
BOX_TEXT_WIDTH = 560  # the verdict's lines, within a 1024×768 screen


@dataclass(frozen=True)
class Verdict:
    ledger: LedgerReport
    anchors: AnchorReport | None  # the branch's anchor file, None when there is none

    @property
    def ok(self) -> bool:
        return self.ledger.ok and (self.anchors is None or self.anchors.ok)


def check(session: GuiSession, progress: TaskProgress | None = None) -> Verdict:
    """The ledger's whole check and the branch's anchor file against it (as `verify` without
    `--anchor`); run off the GUI thread."""
    from branchguard.core.anchors.types import Head
    from branchguard.reports.progress import thinned

    services, actor = session.services, session.actor

    def said(done: int, total: int, stage: str) -> None:
        if progress is not None:
            progress.check()
            progress.report(done, total, stage_text(done, total, stage))

    with watching(thinned(said, 5000)):
        report = services.ledger.verify(actor)
    own = services.anchors.anchor_file()
    if not own.is_file():
        return Verdict(report, None)
    held = (Head(report.head.seq, report.head.hash), report.ok)
    anchored = services.anchors.check(actor, own, held)
    return Verdict(report, anchored if anchored.results else None)


def headline(v: Verdict) -> str:
    proved = Message("ledger.proved.chain") if v.anchors is not None else v.ledger.proved
    return v.ledger.verdict(proved).text()


def findings(v: Verdict) -> list[str]:
    """Each problem and warning; then, when the records hold, what the anchor file proved (each
    anchor that failed named). Records that do not match their ledger leave no anchor anything to
    prove: its lines then only told to run `branchguard verify`, which this is."""
    from branchguard.core.anchors.rules import local_minute, proof

    lines = [p.message.text() for p in v.ledger.problems] + [w.message.text() for w in v.ledger.warnings]
    a = v.anchors
    if a is not None and v.ledger.ok:
        kind = t(f"anchor.kind.{a.kind.value}")
        count, end = len(a.results), a.head.seq
        lines.append(t("anchor.cli.checked", source=a.source, kind=kind, count=count, end=end))
        for r in a.failures:
            what, at = (r.anchor.what, local_minute(r.anchor.at)) if r.anchor else ("-", "-")
            lines.append(t("anchor.cli.bad_anchor", where=r.where, what=what, at=at, reason=r.reason or ""))
        lines.append(proof(a, a.chain_consistent).text())
    return lines


class LedgerChecker(QObject):
    """The Verify… button's flow: the check through run_task, then its verdict in a box."""

    def __init__(self, session: GuiSession, widget: QWidget) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.sole = SoleTask()  # one at a time
        self.box: QMessageBox | None = None  # the last verdict shown (tests read it)

    def start(self, on_shown: Callable[[Verdict], None] | None = None) -> TaskHandle | None:
        if self.sole.task is not None:
            return None  # one check at a time: it reads every record

        def done(v: Verdict) -> None:
            self.show(v)
            if on_shown is not None:
                on_shown(v)

        def failed(message: str) -> None:
            QMessageBox.warning(self.widget, self.tr("Verify"), literal(message))

        title = self.tr("Verifying every record against the ledger…")
        return self.sole.run(lambda progress: check(self.session, progress), done, failed, self.widget, title)

    def show(self, v: Verdict) -> QMessageBox:
        lines = findings(v)
        icon = QMessageBox.Icon.Information if v.ok else QMessageBox.Icon.Critical
        ok = QMessageBox.StandardButton.Ok
        box = QMessageBox(icon, self.tr("Verify"), literal(headline(v)), ok, self.widget)
        box.setObjectName("audit_verify_box")
        labels = "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel"  # not the icon's
        box.setStyleSheet(f"{labels} {{ min-width: {BOX_TEXT_WIDTH}px; }}")  # 64-digit hashes, long names
        shown = lines[:SHOWN_PROBLEMS]
        if len(lines) > len(shown):
            more = self.tr("…and %n more (Show Details).", "", len(lines) - len(shown))
            shown.append(more)
        box.setInformativeText(literal("\n".join(shown)))
        if len(lines) > SHOWN_PROBLEMS:
            box.setDetailedText("\n".join(lines))
        self.box = box
        box.open()
        return box
