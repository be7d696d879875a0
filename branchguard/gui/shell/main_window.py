"""The main window: role-filtered sidebar of registered pages, built lazily; status bar; lock (Ctrl+L)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from branchguard import APP_NAME
from branchguard.gui.kit.icons import icon
from branchguard.gui.kit.page import INCIDENTS_PAGE, Page, PageInfo, registered_pages
from branchguard.gui.kit.screen import resize_within_screen
from branchguard.gui.shell.lock_cover import LockCover
from branchguard.gui.shell.page_keys import PageKeys
from branchguard.gui.shell.quit_guard import close_by_hand, lets_quit
from branchguard.gui.shell.sidebar import Sidebar

if TYPE_CHECKING:  # the window paints before these (the login dialog: the database layer) load
    from branchguard.core.kernel.types import Actor
    from branchguard.gui.kit.loader import Loader
    from branchguard.gui.schedules.qt_scheduler import ScheduleSignals
    from branchguard.gui.shell.incident_banner import IncidentBar
    from branchguard.gui.shell.login import LoginDialog
    from branchguard.gui.shell.notifications import NotificationCentre
    from branchguard.gui.shell.session import GuiSession
    from branchguard.gui.shell.shortcuts import ShortcutsDialog
    from branchguard.gui.shell.tray import TrayKeeper

# The first of these the role may see: the dashboard for the lead and the auditor, incidents for staff.
LANDING_PAGES = ("dashboard", INCIDENTS_PAGE)
WRITES_WAIT_MS = 10_000  # at close: queued log entries and inspection answers still get committed
# Qt.ItemDataRole.UserRole by value. A speed trick (docs/architecture.md, "Speed tricks"): nothing
# before the first frame touches PySide's Qt namespace, whose first use creates all of its enums
# (15-21 ms), so that this happens while the login's argon2 hash runs on a pool thread instead.
# With the namespace used before the first frame, `make bench` measured the window painted at
# 1.37-1.59x a bare window and data shown at 1.17-1.62x its floor, against 1.11-1.40x and
# 1.27-1.33x (targets 1.5x and 1.3x). The code on that path: this module (role by value,
# setShortcuts([...]), whose single-key overload resolves through the namespace), the lock cover
# (gui/shell/lock_cover.py, centred by stretches), gui/kit/icons.py and gui/kit/tasks.py;
# tests/test_launcher.py checks.
_PAGE_ROLE = 0x0100
SCHEDULE_MODULES = (
    "branchguard.gui.schedules.qt_scheduler",
    "branchguard.gui.shell.notifications",
    "branchguard.gui.shell.tray",
)


class MainWindow(QMainWindow):
    """Pages come from the page table (gui/shell/pages.py); a new feature adds an entry, nothing here changes.

    Without a session the window is "starting": an empty frame that can paint before the
    database layer is even imported; `attach(session)` fills it once someone has logged in.
    """

    page_shown = Signal(str)
    locked_changed = Signal(bool)

    def __init__(
        self, session: GuiSession | None, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._session: GuiSession | None = None
        self.settings = settings
        self.pages: dict[str, Page] = {}
        self.login_dialog: LoginDialog | None = None
        self.read_only_banner: QLabel | None = None  # shown when the data is opened read-only
        self.clock_off_banner: QLabel | None = None  # shown when this PC's clock is off the server's
        # Opened read-only: nothing written into the data folder, not even gui.ini (set at start-up).
        self.read_only = session is not None and session.ctx.read_only
        self.incident_bar: IncidentBar | None = None  # Start incident (F9) and the live-incident banner
        self.notifications: NotificationCentre | None = None  # the bell; see start_schedules
        self.schedule_signals: ScheduleSignals | None = None
        self.tray_keeper: TrayKeeper | None = None  # closing with reminders coming: keep running in the tray
        self._schedules_wanted = False  # start_schedules was called (the scheduler may still be importing)
        self._locked = False
        self._page_before_lock = ""
        self._display_name = ""
        self._branch_name = ""
        self._status_loader: Loader | None = None  # made at the first login, with the database layer
        self.setWindowIcon(icon("branchguard"))

        self.sidebar = Sidebar()
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        self._lock_cover = LockCover()
        self.stack.addWidget(self._lock_cover)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setObjectName("status_user")
        self.branch_label = QLabel()
        self.branch_label.setObjectName("status_branch")
        self.statusBar().addPermanentWidget(self.branch_label)
        self.statusBar().addPermanentWidget(self.user_label)

        self._make_actions()
        self._locked = True  # until a session is attached
        self.sidebar.hide()
        self.menuBar().hide()
        self.retranslate()
        self._restore()
        if session is not None:
            self.attach(session)

    @property
    def session(self) -> GuiSession:
        assert self._session is not None, "no one has logged in yet"
        return self._session

    def is_attached(self) -> bool:
        return self._session is not None

    def attach(self, session: GuiSession) -> None:
        """Show the logged-in user's pages (the first login after start)."""
        self._session = session
        session.actor_changed.connect(self._on_actor_changed)
        session.data_changed.connect(self._on_data_changed)
        self._locked = False
        self._update_status()
        self._fill_sidebar()
        self.sidebar.show()
        self.menuBar().show()
        self._lock_cover.text.setText(self.tr("The screen is locked."))
        from branchguard.gui.kit import tasks
        from branchguard.gui.shell.incident_banner import IncidentBar

        self.incident_bar = None if session.head_office else IncidentBar(self)  # no incidents there
        tasks.set_fault_place(session.ctx.place)  # a fault a task meets is worded, not a traceback
        if session.ctx.read_only:
            self.read_only = True
            self._show_read_only_banner()
        from branchguard.gui.shell.server_clock import say_clock_off

        self.clock_off_banner = say_clock_off(self, session)  # this PC's clock off the server's
        from branchguard.gui.exchange.menu import add_export_action
        from branchguard.gui.shell.own_password import OwnPasswordAction
        from branchguard.gui.shell.standing_watch import StandingWatch

        add_export_action(self, self.file_menu)
        OwnPasswordAction(self, self.file_menu, self.lock_action)  # the window, its parent, keeps it
        self.standing_watch = StandingWatch(self)  # a login that no longer stands locks the window

    def _show_read_only_banner(self) -> None:
        """Opened read-only (a data folder this account cannot write, or --read-only): say so above
        every page; a change tried anyway is refused by the database with fault.read_only."""
        from branchguard.gui.shell.top_banner import add_top_banner

        def say() -> str:
            return self.tr(
                "Read-only: this data folder cannot be written. Viewing, reports and verify work; "
                "changes are disabled."
            )

        self.read_only_banner = add_top_banner(self, "read_only_banner", say)

    def start_schedules(self, then: Callable[[], None] = lambda: None) -> None:
        """The bell and the scheduler once the landing page shows its data (their first reads wait for
        it): their modules (APScheduler ~80 ms), then every page module and service, imported ahead
        (gui/kit/preload.py); the two made here once theirs are in; then `then`, even on a failure."""
        if self._session is None or self._schedules_wanted:
            return then()
        from branchguard.gui.kit import preload

        self._schedules_wanted = True
        services, modules = self.session.services, [info.module for info in self.visible_pages()]
        settings = self.session.ctx.config.settings

        def pages_and_services() -> list[str]:
            with preload.collector_paused():
                qt = preload.import_modules(modules, ahead=True)  # the Qt ones follow on the GUI thread
                services.build_all()
                from branchguard.reports.fonts import find_cjk_font  # parsed once (~200 ms) for all:

                find_cjk_font(settings.get("report_font"))  # reports, Settings, About
            return qt

        def schedules_then_pages() -> None:  # the pages' imports not beside the scheduler's start
            self._make_schedules()
            preload.run(pages_and_services, then, failed)

        failed = lambda _message: then()  # noqa: E731
        preload.run(lambda: preload.import_modules(SCHEDULE_MODULES), schedules_then_pages, failed)

    def _make_schedules(self) -> None:
        if not self._schedules_wanted or self.schedule_signals is not None or not shiboken6.isValid(self):
            return  # stopped (the window closed) before the modules were in
        from branchguard.gui.schedules.qt_scheduler import ScheduleSignals
        from branchguard.gui.shell.notifications import NotificationCentre
        from branchguard.gui.shell.tray import TrayKeeper

        self.notifications = NotificationCentre(self)
        self.tray_keeper = TrayKeeper(self)
        s = self.session  # reminders are announced to whoever is logged in at each tick
        signals = self.schedule_signals = ScheduleSignals(s.services.schedules, self, lambda: s.actor)
        self.notifications.connect_signals(signals)
        signals.start()

    def stop_schedules(self) -> None:
        """Stop the scheduler and wait for a tick in progress, so no worker thread outlives the window."""
        self._schedules_wanted = False
        signals, self.schedule_signals = self.schedule_signals, None
        if signals is not None:
            if signals.scheduler.running:
                signals.scheduler.shutdown(wait=True)
            signals.shutdown()

    # -- building ------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        # setShortcuts([…]), as setShortcut(…)'s overload resolution creates the Qt namespace.
        self.lock_action = QAction(icon("lock"), "", self)
        self.lock_action.setObjectName("action_lock")
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(icon("logout"), "", self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.quit)
        self.help_action = QAction(icon("keyboard"), "", self)
        self.help_action.setObjectName("action_shortcuts")
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.help_action.triggered.connect(self.show_shortcuts)
        self.log_folder_action = QAction(icon("folder"), "", self)
        self.log_folder_action.setObjectName("action_log_folder")
        self.log_folder_action.triggered.connect(self.open_log_folder)
        self.about_action = QAction(icon("about"), "", self)
        self.about_action.setObjectName("action_about")
        self.about_action.triggered.connect(self.show_about)
        self.handover_action = QAction(icon("steps"), "", self)
        self.handover_action.setObjectName("action_handover")
        self.handover_action.setShortcuts([QKeySequence("Ctrl+H")])
        self.handover_action.triggered.connect(self.show_handover)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.handover_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.lock_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.log_folder_action)
        self.help_menu.addAction(self.about_action)
        self.page_keys = PageKeys(self)  # Ctrl+1…9, Ctrl+PgDown, Ctrl+PgUp, Ctrl+G (Go to page)

    def visible_pages(self) -> list[PageInfo]:
        if self._session is None:
            return []
        from branchguard.core.kernel.roles import may  # after login: the first frame imports no role enum

        head_office, actor = self.session.head_office, self.session.actor
        return [info for info in registered_pages() if info.shown_in(head_office) and may(actor, info.action)]

    def _fill_sidebar(self) -> None:
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for info in self.visible_pages():
            item = QListWidgetItem(icon(info.icon_name or "about"), info.nav_title())
            item.setData(_PAGE_ROLE, info.page_id)
            self.sidebar.addItem(item)
        self.sidebar.fit()
        self.sidebar.blockSignals(False)

    def _visible_page(self, page_id: str) -> PageInfo | None:
        return next((p for p in self.visible_pages() if p.page_id == page_id), None)

    def landing_page_id(self) -> str:
        visible = self.visible_pages()
        for page_id in LANDING_PAGES:
            if any(p.page_id == page_id for p in visible):
                return page_id
        return visible[0].page_id if visible else ""

    # -- pages ---------------------------------------------------------------------------------
    def page(self, page_id: str) -> Page | None:
        return self.pages.get(page_id)

    def current_page_id(self) -> str:
        widget = self.stack.currentWidget()
        return widget.page_id if isinstance(widget, Page) else ""

    def show_page(self, page_id: str) -> Page | None:
        """Build the page on first use, refresh it and bring it up; unknown or forbidden ids are ignored."""
        info = self._visible_page(page_id)
        if info is None:
            return None
        page = self.pages.get(page_id)
        if page is None:  # its reads start once it is built and painted
            page = self.pages[page_id] = info.build(self.session, self.stack)
        else:
            page.refresh()
        self.stack.setCurrentWidget(page)
        self._select_sidebar(page_id)
        self.setWindowTitle(f"{page.title()} - {APP_NAME}")
        self.page_shown.emit(page_id)
        return page

    def _select_sidebar(self, page_id: str) -> None:
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(_PAGE_ROLE) == page_id and self.sidebar.currentRow() != row:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)

    def _on_sidebar(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and not self._locked:
            self.show_page(current.data(_PAGE_ROLE))

    def _drop_pages(self) -> None:
        # Pages may have built role-specific controls: a new user gets fresh ones. Their work under
        # way runs on to its end, and the window says how it ended (gui/shell/left_work.py).
        from branchguard.gui.shell.left_work import carry_on

        for page in self.pages.values():
            carry_on(self, page)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

    def refresh_page(self) -> None:
        """Read the page shown again: a change to the data, a new day (gui/shell/day_change.py)."""
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()

    def _on_data_changed(self, _entity: str) -> None:
        self.refresh_page()
        self._update_status()

    # -- session -------------------------------------------------------------------------------
    def _update_status(self) -> None:
        """Re-read who is logged in and the branch name (after a login or a data change), off the
        GUI thread."""
        if self._status_loader is None:
            from branchguard.gui.kit.loader import Loader

            self._status_loader = Loader(self)
        services, actor, head_office = self.session.services, self.session.actor, self.session.head_office

        def load() -> tuple[str, str]:
            user = services.auth.user_by_name(actor.username)
            branch = services.headoffice.name() if head_office else getattr(services.branch.get(), "name", "")
            return (user.display_name if user else actor.username), branch

        self._status_loader.run(load, self._show_names)

    def _show_names(self, names: tuple[str, str]) -> None:
        self._display_name, self._branch_name = names
        self._show_status()

    def _show_status(self) -> None:
        from branchguard.gui.kit.plain import plain  # its Qt namespace: not before the first frame

        plain(self.user_label).setText(f"{self._display_name} · {self.session.actor.role.label}")
        plain(self.branch_label).setText(self._branch_name or self._no_branch_text())  # the name as typed

    def _no_branch_text(self) -> str:
        from branchguard.gui.shell.branch_note import no_branch_text

        session = self.session
        return self.tr("No branch set up") if session.head_office else no_branch_text(session.actor)

    def _on_actor_changed(self) -> None:
        self._drop_pages()
        self._fill_sidebar()
        self._update_status()

    def is_locked(self) -> bool:
        return self._locked

    def lock(self, reason: str = "") -> None:
        """Hide everything behind the login dialog until someone logs in (or quits); `reason` says
        why on the dialog when the window locked itself."""
        if self._locked or self._session is None:
            return
        from branchguard.gui.shell.login import LoginDialog

        self._locked = True
        self._page_before_lock = self.current_page_id()
        self.stack.setCurrentWidget(self._lock_cover)
        self.sidebar.hide()
        self.menuBar().setEnabled(False)
        self.user_label.clear()
        self.setWindowTitle(APP_NAME)
        self.locked_changed.emit(True)
        dialog = LoginDialog(self.session.services, self, locked=True, username=self.session.actor.username)
        dialog.accepted.connect(lambda: self._unlock(dialog))
        dialog.rejected.connect(self._quit_from_lock)
        self.login_dialog = dialog
        dialog.open()
        if reason:
            dialog.tell(reason)

    def _unlock(self, dialog: LoginDialog) -> None:
        assert dialog.actor is not None
        self.login_dialog = None
        dialog.deleteLater()
        self._locked = False
        self.sidebar.show()
        self.menuBar().setEnabled(True)
        same_user = dialog.actor == self.session.actor
        if not same_user:
            self.session.set_actor(dialog.actor)
        self._update_status()
        self.locked_changed.emit(False)
        # another user: the live incident first, as at start (the lead landed on the dashboard)
        target = self._page_before_lock if same_user else self.initial_page_id(last_page=False)
        self.show_page(target or self.landing_page_id())

    def _quit_from_lock(self) -> None:
        if self.login_dialog is not None:  # kept until the close: Keep working opens it again
            self.quit()

    def quit(self) -> None:
        """File → Quit (and leaving the lock): close without offering the tray."""
        if self.tray_keeper is not None:
            self.tray_keeper.quitting = True
        close_by_hand(self)  # asks first while an incident is open (gui/shell/quit_guard.py)

    def set_actor(self, actor: Actor) -> None:
        if actor != self.session.actor:
            self.session.set_actor(actor)

    # -- help ----------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        from branchguard.gui.shell.shortcuts import collect_shortcuts

        return collect_shortcuts(self, self.page_keys.rows())

    def show_shortcuts(self) -> ShortcutsDialog:
        from PySide6.QtCore import Qt

        from branchguard.gui.shell.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_handover(self) -> QWidget | None:
        """The shift handover (交接班): open incidents, their pending steps, open follow-up actions."""
        if self._locked or self._session is None:
            return None
        from PySide6.QtCore import Qt

        from branchguard.gui.incidents.handover_dialog import HandoverDialog

        dialog = HandoverDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def log_folder(self) -> Path | None:
        from branchguard import diagnostics

        path = diagnostics.log_path()
        return path.parent if path is not None else None

    def open_log_folder(self) -> None:
        """The folder in the system's file manager (a folder: nothing in it is run)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.log_folder()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def bring_forward(self) -> None:
        """Another start on this data folder asked for this window: show it on top, as it was."""
        if self.tray_keeper is not None and self.tray_keeper.in_tray:
            self.tray_keeper.open_window()  # as the tray's Open does (it comes back here)
            return
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        if self._visible_page("about") is not None:
            self.show_page("about")
        else:
            from branchguard import __version__

            QMessageBox.about(self, self.tr("About BranchGuard"), f"{APP_NAME} {__version__}")

    # -- language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in self.pages.values():
                page.retranslate()
            current = self.stack.currentWidget()
            if isinstance(current, Page):
                current.refresh()  # texts that come from the services (role labels) follow too
                self.setWindowTitle(f"{current.title()} - {APP_NAME}")
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.lock_action.setText(self.tr("&Lock screen"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_action.setText(self.tr("&Keyboard shortcuts"))
        self.log_folder_action.setText(self.tr("Open &log folder"))
        self.about_action.setText(self.tr("&About BranchGuard"))
        self.handover_action.setText(self.tr("Shift &handover…"))
        if self._session is not None:
            self._lock_cover.text.setText(self.tr("The screen is locked."))
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            info = self._visible_page(item.data(_PAGE_ROLE))
            if info is not None:
                item.setText(info.nav_title())
        self.sidebar.fit()
        if self._session is not None and not self._locked:
            self._show_status()
        if self.tray_keeper is not None:
            self.tray_keeper.retranslate()

    # -- geometry ------------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            resize_within_screen(self, 1280, 800)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def initial_page_id(self, last_page: bool = True) -> str:
        """The page to open after start: the Incidents page while incidents are open (they reopen
        there after a crash or a restart), else the one left last time if this role may see it.
        Not `last_page` for another user after the lock (the lead taking over from staff)."""
        reopen = self.incident_bar.reopen_page() if self.incident_bar is not None else ""
        if reopen and self._visible_page(reopen) is not None:
            return reopen
        last = self._last_page_id() if last_page else ""
        return last if self._visible_page(last) is not None else self.landing_page_id()

    def likely_first_page(self, incidents_open: bool = False) -> PageInfo | None:
        """Before anyone has logged in: the page `initial_page_id` will most likely pick."""
        pages = {info.page_id: info for info in registered_pages()}  # incidents: while any is open
        first = INCIDENTS_PAGE if incidents_open else self._last_page_id()
        return pages.get(first) or pages.get(LANDING_PAGES[0])

    def _last_page_id(self) -> str:
        return str(self.settings.value("window/page", "") or "")

    def save_state(self) -> None:
        """Geometry and the page shown into gui.ini; nothing is written for data opened read-only."""
        if self.read_only:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        page = self.current_page_id() or self._page_before_lock
        if page:
            self.settings.setValue("window/page", page)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if (self.tray_keeper is not None and not self.tray_keeper.lets_close()) or not lets_quit(self, event):
            event.ignore()  # hidden in the tray, the user went back to the window, or asked first
            return
        self.save_state()
        self.stop_schedules()
        from branchguard.gui.kit import preload
        from branchguard.gui.kit.writer import writer

        writer().wait(WRITES_WAIT_MS)  # log entries and inspection answers queued a moment ago
        preload.wait(WRITES_WAIT_MS)  # imports: none left running as the interpreter ends (bounded)
        dialog, self.login_dialog = self.login_dialog, None
        if dialog is not None:
            dialog.done(0)
        super().closeEvent(event)
