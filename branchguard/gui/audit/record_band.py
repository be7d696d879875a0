"""The warning across a record's own page when the record does not match its ledger entry.

A hazard, incident, drill, inspection, complaint, playbook or early warning rewritten by raw SQL
showed on its own page as if it were sound: only Verify… on the Audit page (or `branchguard
verify`) said otherwise. Each page that shows one record puts a `LedgerBand` above it and calls
`check(kind, id)` whenever it shows the record: the record with its parts is checked against its
own ledger entries (LedgerService.check_record: read by the record index, never the whole chain)
off the GUI thread, and the band shows each difference in the words `verify` prints them.

    self.ledger_band = LedgerBand(session)
    ...
    self.ledger_band.check("hazard", hazard_id)   # after the record is shown
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from branchguard.core.kernel.i18n import Message
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.plain import plain, tip
from branchguard.gui.shell.session import GuiSession

if TYPE_CHECKING:
    from branchguard.core.ledger.types import LedgerReport

SHOWN_PROBLEMS = 4  # named on the band; all of them in its tooltip and on the Audit page's Verify…


class LedgerBand(QLabel):
    """Hidden while the record matches its ledger entries (or has not been checked yet).

    `shown_problems`: how many differences it names (all of them in its tooltip); the incident
    console, which fills a 1024×768 screen at larger text, names none, on two lines. `toggled`
    says that it was shown or hidden."""

    toggled = Signal()

    def __init__(
        self, session: GuiSession, parent: QWidget | None = None, shown_problems: int = SHOWN_PROBLEMS
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.shown_problems = shown_problems
        plain(self)
        self.setObjectName("ledger_band")
        self.setProperty("role", "ledger-band")
        self.setWordWrap(True)
        self.hide()
        self.record: tuple[str, str] | None = None
        self.report: LedgerReport | None = None
        self.loader = Loader(self)  # a check that cannot run (a locked database) is logged, not shown

    def check(self, entity: str, entity_id: int | str) -> None:
        """Check the record `entity_id` of kind `entity` (core/ledger/rules.EVIDENCE) off the GUI
        thread and show what differs; a band shown for another record goes at once."""
        asked = (entity, str(entity_id))
        if asked != self.record:
            self.report = None
            self._show(False)
        self.record = asked
        ledger, actor = self.session.services.ledger, self.session.actor
        self.loader.run(lambda: ledger.check_record(actor, *asked), self._checked)

    def clear(self) -> None:
        """No record shown: no band, and a check under way is not shown either."""
        self.loader.drop()
        self.record, self.report = None, None
        self._show(False)

    def _checked(self, report: LedgerReport) -> None:
        self.report = report
        self._word()

    def _word(self) -> None:
        report = self.report
        if report is None or report.ok:
            self._show(False)
            return
        problems = [p.message.text() for p in report.problems]
        shown = self.shown_problems
        lines = [
            "⚠ " + self.tr("This record does not match its entry in the evidence ledger"),
            Message("ledger.proved.broken", count=len(problems)).text(),
            *problems[:shown],
        ]
        if shown and len(problems) > shown:
            rest = len(problems) - shown
            lines.append(self.tr("… and %n more: Verify… on the Audit page names them all", "", rest))
        self.setText("\n".join(lines))
        self.setToolTip(tip("\n".join(problems)))
        self._show(True)

    def _show(self, shown: bool) -> None:
        if shown == self.isHidden():  # hidden and to show, or shown and to hide
            self.setVisible(shown)
            self.toggled.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._word()
        super().changeEvent(event)


def band_atop(
    session: GuiSession, view: QWidget, loaded: SignalInstance, entity: str, record_id: int
) -> LedgerBand:
    """A band put first in `view`'s own box, checking the record each time `loaded` says the view
    read it again (and at once: the view may have read it already): for a view that says so and
    is best left as it is (the inspection runner)."""
    band = LedgerBand(session, view)
    box = view.layout()
    assert isinstance(box, QBoxLayout)
    box.insertWidget(0, band)
    loaded.connect(lambda: band.check(entity, record_id))
    band.check(entity, record_id)
    return band
