"""The bar at the top of the main window: Start incident (F9) and the live-incident banner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

from branchguard.core.kernel.i18n import t
from branchguard.core.kernel.roles import may
from branchguard.gui.kit.elided import ElidedLabel
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.loader import Loader
from branchguard.gui.kit.page import INCIDENTS_PAGE
from branchguard.gui.kit.plain import tip
from branchguard.gui.kit.times import now_utc

if TYPE_CHECKING:
    from datetime import datetime

    from branchguard.core.incidents.types import IncidentSummary
    from branchguard.gui.incidents.start import StartIncidentDialog
    from branchguard.gui.shell.main_window import MainWindow

POLL_MS = 15_000  # incidents started elsewhere (another PC, the CLI) show up within this


def listed(incidents: list[IncidentSummary]) -> tuple[tuple[object, ...], ...]:
    """What the Incidents list shows of the open incidents (not their entries, which come often)."""
    return tuple(
        sorted((s.id, s.title, s.level, s.status, s.drill, s.warning_level) for s in incidents)
    )


def most_urgent(incidents: list[IncidentSummary]) -> IncidentSummary | None:
    """The incident the banner shows and the console opens first (core's rule)."""
    if not incidents:
        return None
    from branchguard.core.incidents.rules import most_urgent  # the incident layer: once one is open

    return most_urgent(incidents)


class IncidentBanner(QFrame):
    """Shown while any incident is open: how many, in the colour of the most severe (the DRILL
    colour when all are drills), the oldest one's elapsed clock. A click goes to the console."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident_banner")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.text = ElidedLabel()  # a long plan's English title once widened the window past 1024 px
        self.text.setObjectName("incident_banner_text")
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        self.text.setFont(font)
        self.clock = QLabel()
        self.clock.setObjectName("incident_banner_clock")
        self.clock.setFont(font)
        box = QHBoxLayout(self)
        box.setContentsMargins(14, 6, 14, 6)
        box.addWidget(self.text, 1)
        box.addWidget(self.clock)
        self._open: list[IncidentSummary] = []
        self.hide()

    def set_open(self, incidents: list[IncidentSummary]) -> None:
        self._open = list(incidents)
        urgent = most_urgent(self._open)
        self.setVisible(urgent is not None)
        if urgent is None:
            return
        from branchguard.gui.incidents.models import incident_swatch

        swatch = incident_swatch(urgent)
        self.setStyleSheet(
            f"QFrame#incident_banner {{ background: {swatch.background}; border-radius: 6px; }}"
            f" QLabel {{ color: {swatch.foreground}; }}"
        )
        self.setProperty("swatch", swatch.background)
        self.retranslate()

    def open_incidents(self) -> list[IncidentSummary]:
        return list(self._open)

    def retranslate(self) -> None:
        urgent = most_urgent(self._open)
        if urgent is None:
            return
        drills = sum(s.drill for s in self._open)
        # Real incidents and drills counted apart, as the dashboard's tile counts them: "3 open,
        # drills 1", not "4 open" beside a tile of 3. All drills: counted as one badge says.
        counted = len(self._open) - drills or len(self._open)
        if counted == 1:
            text = self.tr("Incident open: %1 · %2")
            text = text.replace("%1", urgent.title).replace("%2", urgent.level.label)
        else:
            text = self.tr("Open incidents: %1").replace("%1", str(counted))
            text += " · " + self.tr("most severe: %1").replace("%1", urgent.level.label)
        if drills == len(self._open):
            text = f"{t('incident.drill_badge')} · {text}"
        elif drills:
            text += " · " + self.tr("drills: %1").replace("%1", str(drills))
        self.text.setText(text + " — " + self.tr("click to open the console"))
        full = tip("\n".join(f"#{s.id} {s.title} · {s.level.label}" for s in self._open))
        self.setToolTip(full)
        self.text.setToolTip(full)  # each open incident in full, where the line may end in "…"
        self.tick()

    def tick(self, now: datetime | None = None) -> None:
        """The oldest incident's elapsed clock, or "clock?" when the PC's clock is behind its start
        (gui/incidents/elapsed.py)."""
        if self._open:
            from branchguard.gui.incidents.elapsed import show_elapsed  # the incident layer: once one is open

            oldest = min(self._open, key=lambda s: s.started_at)
            show_elapsed(self.clock, oldest, now or now_utc(), oldest.started_by, "")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class IncidentBar(QToolBar):
    """Installs itself at the top of `window` once someone has logged in; hides while locked."""

    read = Signal()  # the open incidents were read (or could not be: then those read before are shown)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.dialog: StartIncidentDialog | None = None  # the last start dialog opened
        self.setObjectName("incident_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not something to switch off by accident
        # Window actions (parent: the window): their keys work on every page and F1 lists them.
        self.start_action = QAction(icon("incident"), "", window)
        self.start_action.setObjectName("action_start_incident")
        self.start_action.setShortcuts([QKeySequence("F9")])
        self.start_action.triggered.connect(lambda: self.start())  # not `checked` as `over`
        self.console_action = QAction(icon("steps"), "", window)
        self.console_action.setObjectName("action_incident_console")
        self.console_action.setShortcuts([QKeySequence("Shift+F9")])
        self.console_action.triggered.connect(self.go_to_console)
        window.addAction(self.start_action)
        window.addAction(self.console_action)
        self.banner = IncidentBanner()
        self.banner.clicked.connect(self.go_to_console)
        self.start_button = QToolButton()
        self.start_button.setObjectName("incident_start_button")
        self.start_button.setDefaultAction(self.start_action)
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.banner, 1)
        row.addStretch(0)
        row.addWidget(self.start_button)
        self.addWidget(holder)
        holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)

        self.loader = Loader(self, on_error=self._read_failed)
        self.has_read = False  # the open incidents were read at least once (start-up waits for it)
        self._listed: tuple[tuple[object, ...], ...] = ()  # as last read (listed)
        session = window.session
        session.actor_changed.connect(self.reload)
        session.data_changed.connect(lambda entity: self.reload() if entity == "incident" else None)
        window.locked_changed.connect(lambda _locked: self.reload())
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.reload)
        self._poll.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.banner.tick)
        self._tick.start()
        self.over_dialogs = StartKeyOverDialogs(self)
        self.retranslate()
        self.reload()

    def may_start(self) -> bool:
        return may(self.window_.session.actor, "incident.start")

    def retranslate(self) -> None:
        self.start_action.setText(self.tr("Start incident"))
        # Shown only to a role that may start one (reload): no refusal to say.
        self.start_action.setToolTip(self.tr("Start an incident from a playbook, or ad hoc (F9)"))
        self.console_action.setText(self.tr("Go to the open incidents"))
        self.banner.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Re-read the open incidents, off the GUI thread; hide everything while the window is locked."""
        window = self.window_
        locked = window.is_locked()
        self.setVisible(not locked)
        self.start_action.setEnabled(not locked and self.may_start())
        self.start_action.setVisible(self.may_start())
        if locked:
            return
        services, actor = window.session.services, window.session.actor

        def load() -> list[IncidentSummary]:
            # The probe spares loading the incident layer while nothing is open.
            return services.incidents.open_incidents(actor) if services.incident_probe.any_open(actor) else []

        self.loader.run(load, self._show)

    def _read_failed(self, _message: str) -> None:
        """The incidents read before stay shown (none before the first read, so the start goes on):
        a moment without the database server (a shared deployment's, restarting) took a live
        incident's banner off every PC until it was back."""
        self._show(self.banner.open_incidents() if self.has_read else [])

    def _show(self, live: list[IncidentSummary]) -> None:
        """Shown; and when the open incidents are not those read before, the Incidents list told
        (session.open_incidents_changed): one started on another PC showed in the banner, while
        the list stayed as it was until refreshed by hand. A poll that finds them as before tells
        nothing (the list is not read again every 15 s)."""
        now = listed(live)
        changed, self._listed = self.has_read and now != self._listed, now
        self.has_read = True
        self.banner.set_open(live)
        self.console_action.setEnabled(bool(live))
        self.read.emit()
        if changed:
            self.window_.session.open_incidents_changed.emit()

    def reopen_page(self) -> str:
        """The page to open at start: the Incidents page while any incident is open."""
        return INCIDENTS_PAGE if self.banner.open_incidents() else ""

    # -- actions -------------------------------------------------------------------------------
    def start(self, over: QWidget | None = None, plan_code: str = "") -> None:
        """The start dialog; `over` a dialog of this window that is open (F9 pressed in it): the start
        dialog opens on top of it, and it stays open with its work while the console opens behind.
        `plan_code` preselects a plan (a service guide's "Start the plan")."""
        window = self.window_
        if window.is_locked() or not self.may_start():
            return
        from branchguard.gui.incidents.start import StartIncidentDialog

        dialog = StartIncidentDialog(window.session, over or window)
        if plan_code:
            dialog.choose(plan_code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.started.connect(lambda summary: self._started(summary.id))
        if over is not None:
            dialog.started.connect(lambda summary: self._tell_started_behind(over, summary.id, dialog.joined))
        dialog.open()
        self.dialog = dialog

    def _tell_started_behind(self, over: QWidget, incident_id: int, joined: bool) -> None:
        """Where the console went, behind the dialog F9 was pressed in; `joined`: the plan's open
        incident was chosen rather than a new one started, and the note says so."""
        if joined:
            title = self.tr("Incident open")
            text = self.tr(
                "Incident #%1 was already open: its console is open in the main window. This window "
                "stays open with your work: finish or close it to reach the console."
            ).replace("%1", str(incident_id))
        else:
            title = self.tr("Incident started")
            text = self.tr(
                "The incident is started and its console is open in the main window. This window stays "
                "open with your work: finish or close it to reach the console."
            )
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, over)
        box.setObjectName("started_behind_note")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _started(self, incident_id: int) -> None:
        from branchguard.gui.incidents.page import IncidentsPage

        page = self.window_.show_page(INCIDENTS_PAGE)
        if isinstance(page, IncidentsPage):
            page.started(incident_id)  # tells the banner too
        else:
            self.window_.session.data_changed.emit("incident")

    def go_to_console(self) -> None:
        from branchguard.gui.incidents.page import IncidentsPage

        urgent = most_urgent(self.banner.open_incidents())
        page = self.window_.show_page(INCIDENTS_PAGE)
        if urgent is not None and isinstance(page, IncidentsPage):
            page.open_incident(urgent.id)


class StartKeyOverDialogs(QObject):
    """F9 in any dialog of the window opens the start dialog over it.

    The window's F9 is a window shortcut: Qt gives it no key while a dialog is the active window
    (and a modal dialog blocks even an application-wide shortcut), so in the middle of filling a
    form nobody could start an incident. When the focus enters a window that belongs to the main
    window (a dialog opened from it, or from one of those), that window gets an F9 action of its
    own, once. Focus changes, not every event: an application-wide event filter would put Python
    in the path of every paint."""

    ARMED = "branchguard_f9_armed"

    def __init__(self, bar: IncidentBar) -> None:
        super().__init__(bar)
        self.bar = bar
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def belongs(self, window: QWidget) -> bool:
        main = self.bar.window_
        parent = window.parentWidget()
        while parent is not None:
            if parent is main:
                return True
            parent = parent.parentWidget()
        return False

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.arm(new.window())

    def arm(self, window: QWidget) -> None:
        """Give `window` its F9 (nothing for the main window, a start dialog or a foreign window)."""
        from branchguard.gui.incidents.start import StartIncidentDialog

        if window is self.bar.window_ or isinstance(window, StartIncidentDialog):
            return
        if window.property(self.ARMED) or not self.belongs(window):
            return
        action = QAction(window)
        action.setObjectName("action_start_incident_over")
        action.setShortcut(QKeySequence("F9"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.bar.start(over=window))
        window.addAction(action)
        window.setProperty(self.ARMED, True)
