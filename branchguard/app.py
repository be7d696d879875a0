"""Starts the window: QApplication, translators, UI font, context, first run or login, main window.

Start-up order keeps the first frame cheap (docs/architecture.md, "Speed tricks"): the (empty)
main window is shown before the database layer, the domain types and any page are imported, and
before PySide's Qt namespace is first used (tests/test_launcher.py). While it paints, a thread
opens the context (imports the database layer, checks the schema); after it painted the user logs
in; the module of the page most likely shown first is imported meanwhile, and only that page is
built.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from branchguard.gui.kit import pyside_hook  # noqa: F401  (first after PySide6: see the module)

# isort: split

from branchguard import APP_NAME
from branchguard.collector import Pause
from branchguard.config import LocalSettings, default_data_dir, on_server
from branchguard.core.kernel.errors import BranchGuardError
from branchguard.core.kernel.i18n import DEFAULT_LANGUAGE, Message, normalize_language
from branchguard.gui.kit import discard, style, translation
from branchguard.gui.shell import crash_report
from branchguard.gui.shell.lock_notice import LockNotice
from branchguard.gui.shell.main_window import MainWindow
from branchguard.gui.shell.single_instance import SingleInstance

if TYPE_CHECKING:
    from branchguard.context import AppContext, StartRestore
    from branchguard.core.kernel.types import Actor
    from branchguard.core.services import Services

TRACE_ENV = "BRANCHGUARD_TRACE_STARTUP"
EXIT_ENV = "BRANCHGUARD_EXIT_AFTER_STARTUP"
OPENED_EVENT = QEvent.Type(QEvent.registerEventType())  # the context is ready (or failed to open)


def ui_font(base: QFont) -> QFont:
    """The platform's UI font with a CJK face behind it, so Chinese never falls to a random font."""
    font = QFont(base)
    if sys.platform == "win32":
        font.setFamilies(["Microsoft YaHei UI", "Segoe UI"])
    else:
        font.setFamilies([base.family(), "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Droid Sans Fallback"])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    return font


def configure_app(app: QApplication, lang: str) -> str:
    """Everything about the application object that does not need the database."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    style.apply(app)
    discard.install()  # every dialog asks before Esc throws typed text away
    app.setFont(ui_font(app.font()))
    translation.compile_translations()
    return translation.install(lang)


def gui_settings(data_dir: Path) -> QSettings:
    """Window geometry and the last page: gui.ini in the data folder, beside settings.ini."""
    return QSettings(str(data_dir / "gui.ini"), QSettings.Format.IniFormat)


def build_main_window(ctx: AppContext, actor: Actor) -> MainWindow:
    """A main window with `actor` logged in (tests and the screenshot script start here)."""
    from branchguard.gui.shell.session import GuiSession

    return MainWindow(GuiSession(ctx, actor), gui_settings(ctx.data_dir))


def _trace(mark: str) -> None:
    print(mark, flush=True)


def import_first_page(window: MainWindow, services: Services | None = None) -> None:
    """Import, while the user logs in, the module of the page most likely shown first and what
    logging in then needs: the live-incident banner and the message catalogue. What they import
    that is Qt-free (the services, the models: most of it) is imported on the preload thread, the
    modules that define widgets then on the GUI thread, one a turn (gui/kit/preload.py). The login
    dialog keeps answering meanwhile. With `services`
    the thread first asks whether an incident is open: then the Incidents page opens, whatever page
    was left last time (the start after a crash during an incident, when the lead needs it most)."""
    from branchguard.gui.kit import preload

    likely, on_incident = window.likely_first_page(), window.likely_first_page(incidents_open=True)

    def work() -> list[str]:
        from branchguard.core.kernel.i18n import load_catalog

        try:
            incident_open = services is not None and services.incident_probe.any_open_before_login()
        except Exception:  # a database that cannot be read: the login that follows says so
            incident_open = False
        first = on_incident if incident_open else likely
        modules = ["branchguard.gui.shell.incident_banner", *([first.module] if first else [])]
        qt = preload.import_modules(modules)  # the Qt ones follow on the GUI thread
        load_catalog()
        return qt

    preload.run(work)


class LandingShown(QObject):
    """Calls `then` once, at the first paint of the landing page after every read under way has been
    shown: pages read in the background (gui/kit/loader.py), so the page's first paint may still be
    empty. The start-up trace's "data shown" and the scheduler's and the daily backup's start wait
    for it: started at the empty page's first paint, the preload thread's imports, the first
    catch-up and the backup ran beside the landing page's own read and held the data back."""

    def __init__(self, page: QWidget, then: Callable[[], None]) -> None:
        super().__init__(page)
        self._page = page
        self._then: Callable[[], None] | None = then
        from branchguard.gui.kit import loader

        self._waiting = loader.pending() > 0
        if self._waiting:
            loader.tracker().settled.connect(self._watch_paint)
        else:
            self._watch_paint()

    def _watch_paint(self) -> None:
        if self._waiting:  # `settled` fires again later (the banner's poll): once is enough
            from branchguard.gui.kit import loader

            self._waiting = False
            loader.tracker().settled.disconnect(self._watch_paint)
        self._page.installEventFilter(self)
        self._page.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Paint and self._then is not None:
            self._page.removeEventFilter(self)
            then, self._then = self._then, None
            then()
        return False


class StartupTracer(QObject):
    """For the benchmark: the window's first paint, then the first paint of the landing page with
    its data (LandingShown). The steps in between are marked too (`startup <step>` lines), for the
    benchmark's breakdown.
    """

    def __init__(self, window: QWidget, quit_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._quit_after = quit_after
        window.installEventFilter(self)

    def mark(self, step: str) -> None:
        _trace(f"startup {step}")

    def login_shown(self) -> None:
        """Without credentials the start ends at the login (or first-run) dialog: the frozen and the
        installed builds' smoke tests stop there, the database opened and the dialog up."""
        self.mark("login_shown")
        if self._quit_after:
            QTimer.singleShot(0, QApplication.quit)

    def data_shown(self) -> None:
        _trace("startup data_shown")
        if self._quit_after:
            QTimer.singleShot(0, QApplication.quit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            _trace("startup painted")
        return False


class Startup(QObject):
    """The steps after the first paint: open the context, log in (or first run), fill the window.

    Every step runs inside the event loop; a failure shows its message and ends the loop with 1.
    """

    def __init__(
        self,
        window: MainWindow,
        args: tuple[str | None, str | None, str | None],
        credentials: tuple[str, str] | None,
        tracer: StartupTracer | None,
        read_only: bool = False,
        collector: Pause | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.collector = collector or Pause()
        # Started by run_gui just before the event loop; when done, it posts an event to this
        # object rather than being polled: each poll took the GIL from the thread's imports, and
        # polling every 5 ms made opening the context ~60 ms (a tenth) slower.
        self.lock_notice = LockNotice(window)  # a write waiting on another program's lock says so
        self.opening = ContextOpening(args, self._post_opened, read_only, self.lock_notice.heard)
        self._credentials = credentials
        self._tracer = tracer
        self.ctx: AppContext | None = None
        self._landing_shown = False
        self._painted = self._opened = self._taken = False

    def begin(self) -> None:
        """Continue once the window has painted: a zero timer could fire before its first frame."""
        self.window.installEventFilter(self)

    def _post_opened(self) -> None:  # on the opening thread: postEvent is thread-safe
        QCoreApplication.postEvent(self, QEvent(OPENED_EVENT))

    def event(self, event: QEvent) -> bool:
        if event.type() == OPENED_EVENT:
            self._opened = True
            self._open_when_ready()
            return True
        return super().event(event)

    def _open_when_ready(self) -> None:
        """The context's result is taken once it is ready and the window has painted."""
        if self._opened and self._painted and not self._taken:
            self._taken = True
            from branchguard import __version__  # read on the opening thread already

            QApplication.setApplicationVersion(__version__)
            self._open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self._painted = True
            QTimer.singleShot(0, self._open_when_ready)
        return False

    def _landing_with_data(self) -> None:
        """The landing page has shown its data: the start-up trace's end, then the scheduler (with
        the preload of every page module) and, once those are in, the daily backup. Both write and
        would otherwise compete with the landing page's read; the backup started beside the preload
        (its copy, the pages' imports, the bell's and the scheduler's first reads: four threads
        taking turns at the GIL) stalled the window 35–114 ms just after its data showed, median 80
        of 7 starts (ten years, during open incidents; after it, 25–68 ms, median 37)."""
        self.collector.end()
        if self._tracer is not None:
            self._tracer.data_shown()
        if self.ctx is not None:  # the scheduler writes: not on read-only data (nor does the backup)
            QTimer.singleShot(0, self._watch_days if self.ctx.read_only else self._start_schedules)

    def _start_schedules(self) -> None:
        self.window.start_schedules(then=self._watch_days)

    def _watch_days(self) -> None:
        """Today's backup, then each new day's, and the page shown read again (gui/shell/day_change.py)."""
        from branchguard.gui.shell.day_change import DayChange

        if self.ctx is not None and shiboken6.isValid(self.window):  # not once the window has gone
            DayChange(self.window, self.ctx).start()

    def _fail(self, message: str) -> None:
        self.collector.end()
        QMessageBox.critical(self.window, APP_NAME, message)
        QApplication.exit(1)

    def _open(self) -> None:
        from branchguard.core.kernel.i18n import translate
        from branchguard.gui.kit import tasks

        try:
            self.ctx = ctx = self.opening.result()
        except BranchGuardError as exc:  # a newer schema, a failed upgrade: nothing was changed
            self._fail(self.opening.logged(exc.message))
            return
        except Exception as exc:  # the database cannot be reached or opened
            self._fail(self.opening.logged(self.opening.explain(exc)))
            return
        # Before the login, which writes (its audit entry): a fault it meets is worded, as later on
        tasks.set_fault_place(ctx.place)
        if self._tracer is not None:
            self._tracer.mark("context_opened")
        self.window.read_only = ctx.read_only
        restore = self.opening.restore
        if restore is not None:
            say = QMessageBox.information if restore.ok else QMessageBox.warning
            say(self.window, APP_NAME, restore.text())
        if ctx.upgrade_notice is not None:
            QMessageBox.information(self.window, APP_NAME, translate(ctx.upgrade_notice))
        if self._credentials is not None:
            from branchguard.gui.kit.tasks import run_task

            username, password = self._credentials
            run_task(
                lambda _p: ctx.services.auth.login(username, password),
                on_done=self._enter,
                on_error=self._fail,
            )
            import_first_page(self.window, ctx.services)  # while argon2 runs: it releases the GIL
            return
        from branchguard.gui.shell.login import FirstRunDialog, LoginDialog

        dialog = (
            LoginDialog(ctx.services, self.window)
            if ctx.services.auth.has_users()
            else FirstRunDialog(ctx.services, self.window, db_url=ctx.config.db_url)
        )
        dialog.accepted.connect(lambda: self._enter(dialog.actor))
        dialog.rejected.connect(lambda: QApplication.exit(0))
        dialog.open()
        self.collector.end()  # the user types: the collector's passes go unseen
        if self._tracer is not None:
            self._tracer.login_shown()
        import_first_page(self.window, ctx.services)  # while the user types

    def _enter(self, actor: Actor | None) -> None:
        from branchguard.gui.shell.session import GuiSession

        assert self.ctx is not None
        assert actor is not None
        if self._tracer is not None:
            self._tracer.mark("logged_in")
        self.window.attach(GuiSession(self.ctx, actor))
        bar = self.window.incident_bar
        if bar is not None and not bar.has_read:  # the first page depends on the open incidents
            bar.read.connect(self._show_landing)
        else:
            self._show_landing()

    def _show_landing(self) -> None:
        if self._landing_shown:
            return  # shown already: the banner reads again every little while
        self._landing_shown = True
        landing = self.window.show_page(self.window.initial_page_id())
        if self._tracer is not None:
            self._tracer.mark("page_built")
        LandingShown(landing or self.window, self._landing_with_data)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.window.stop_schedules)


def _start_log(data_dir: Path, on_server: bool) -> None:
    """The log file, started here rather than before the first frame (logging loads ~15 ms), and the
    version, read from the package metadata here too. On a database server it is this PC's: the
    PCs share the data folder (diagnostics.own_name)."""
    from branchguard import __version__, diagnostics
    from branchguard.core.faults.holders import pc_tag

    try:
        diagnostics.start_logging(data_dir, pc_tag() if on_server else None)
    except OSError:  # a read-only data folder: the window says so where it matters
        return
    diagnostics.log().info("BranchGuard %s window started", __version__)


def _declare_related_models() -> None:
    """Declare and configure, before the window reads anything, every ORM model module whose
    classes name each other in relationships (`RELATED_MODULES` of db/models/__init__.py).

    Why: the window's reads, the preload thread and the task pool import layers from several threads
    at once. SQLAlchemy configures all mappers it knows at the first query after a new model is
    declared; if another thread is halfway through such a module then (PlaybookRow declared, the
    PlaybookVersionRow its relationship names not yet), that configuration fails and the start
    stops behind an error box. A module without relationships configures alone, class by class
    (SQLAlchemy declares each mapper under its configure lock), so it may load later, on any
    thread: head office's models and the library's are not declared at a branch's start (~15 ms).
    The command line opens what it needs only (tests/test_launcher.py), one thread at a time.
    """
    import importlib

    from sqlalchemy.orm import configure_mappers

    from branchguard.db.models import RELATED_MODULES

    for name in RELATED_MODULES:
        importlib.import_module(f"branchguard.db.models.{name}")
    configure_mappers()


class ContextOpening:
    """Opens the context on a thread, started just before the event loop: the imports (SQLAlchemy,
    the ORM, the models, argon2), the schema check (an upgrade with its backup) and the first
    queries. A slow database, such as a far PostgreSQL server, never freezes the starting window:
    the window keeps painting until `on_done` (called on the thread) says the result or the error
    is ready. No Qt object is made off the GUI thread; the engine's connections may move between
    threads (SQLite is opened with check_same_thread off, as the background tasks need).

    A speed trick (docs/architecture.md, "Speed tricks"): with the context opened before the window
    showed, the window painted at 3.7-4.5x a bare window in `make bench` instead of 1.1-1.4x, about
    0.3 s later on a quiet run and 0.9 s later under load."""

    def __init__(
        self,
        args: tuple[str | None, str | None, str | None],
        on_done: Callable[[], None] | None = None,
        read_only: bool = False,
        on_lock_wait: Callable[[Message], None] | None = None,
    ) -> None:
        self._args = args
        self._read_only, self._on_lock_wait = read_only, on_lock_wait
        self._on_done = on_done
        self._ctx: AppContext | None = None
        self.restore: StartRestore | None = None  # what a pending restore did, to tell the user
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-context", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        try:
            import branchguard.core.accounts.service  # noqa: F401  (the login's service, argon2)
            from branchguard.context import log_schema_change, open_after_pending_restore

            # A restore asked for in Settings is done first, before the database is opened.
            self._ctx, self.restore = open_after_pending_restore(
                *self._args, read_only=self._read_only, on_lock_wait=self._on_lock_wait
            )
            if not self._ctx.read_only:
                _start_log(self._ctx.data_dir, self._ctx.engine.dialect.name != "sqlite")
                log_schema_change(self._ctx.schema)  # an upgrade's copy, named before the log began
            _declare_related_models()
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._error = exc
        if self._on_done is not None and threading.current_thread() is self._thread:
            self._on_done()

    def explain(self, exc: Exception) -> str:
        """The words for an error opening the context raised: a fault of the machine as the command
        line words it (a full disk, a read-only folder), else the error's type and text."""
        from branchguard.config import DB_FILE, resolve
        from branchguard.context import explain_fault, place_of
        from branchguard.core.faults.types import FaultPlace

        try:
            place = place_of(resolve(*self._args, create=False))
        except Exception:  # settings.ini unreadable, say: the data folder is known anyway
            data_dir = self._args[0]
            folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
            place = FaultPlace(str(folder), str(folder / DB_FILE))
        fault = explain_fault(exc, place)
        return fault.message if fault is not None else f"{type(exc).__name__}: {exc}"

    def logged(self, message: str) -> str:
        """`message`, why the database could not be opened, also written in the folder's log (this
        PC's on a server): a failed upgrade or a newer schema was said in a message box alone, gone
        once closed. Not where the folder cannot be written, or its settings read."""
        from branchguard import diagnostics
        from branchguard.config import on_server

        data_dir, db = self._args[0], self._args[1]
        folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
        if not folder.is_dir():  # a folder given wrongly is not made for a log of it
            return message
        try:
            _start_log(folder, on_server(folder, db))
        except Exception:  # settings.ini unreadable: the message box says what is wrong
            return message
        if diagnostics.log_path() is not None:
            diagnostics.log().error("the window could not open the database: %s", message)
        return message

    def result(self) -> AppContext:
        """The context, or the error opening it raised; opened here and now if never started."""
        if self._thread.ident is None:  # never started (a test driving `_open` by hand)
            self._run()
        else:
            self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._ctx is not None
        return self._ctx

    def discard(self) -> None:
        """The window closed before taking the context: close what was opened."""
        if self._thread.ident is not None:
            self._thread.join()
        if self._ctx is not None:
            self._ctx.close()


TASKS_WAIT_MS = 10_000  # at quit: how long background tasks, asked to stop, are waited for


def _quit_began() -> None:
    """Nothing new starts once the application quits: the event loop still runs the timers queued
    (the scheduler's preload, the daily backup, a page's read) after aboutToQuit, and between the
    window's close and the Quit event that close posts."""
    from branchguard.gui.kit import tasks

    tasks.stop_starting()


def _last_window_closed() -> None:
    if QApplication.quitOnLastWindowClosed():  # not kept in the tray: the application ends now
        _quit_began()


def _close_down_tasks() -> None:
    """Before the database closes: running tasks were asked to stop; wait for them, bounded."""
    from branchguard.gui.kit import tasks

    tasks.close_down(TASKS_WAIT_MS)


def run_gui(
    data_dir: str | None = None,
    db: str | None = None,
    lang: str | None = None,
    *,
    credentials: tuple[str, str] | None = None,
    argv: list[str] | None = None,
    read_only: bool = False,
) -> int:
    """Open the window and run until it closes; returns the exit code.

    `credentials` logs in without the dialog (the start-up benchmark uses it); `read_only` opens
    the data without writing (also chosen by itself for a data folder that cannot be written).
    """
    existing = QApplication.instance()
    # No garbage collection until the landing page shows its data (or the login dialog waits, or
    # the start fails): see branchguard/collector.py. Only the process's own window pauses it (run_gui
    # made the QApplication): a test calling run_gui keeps its collector as it is.
    collector = Pause()
    if not isinstance(existing, QApplication):
        collector.start()
    # Fractional scaling (125 %, 150 % on Windows) is passed through as the system says: Qt 6's
    # default, not set here, as that would create the Qt namespace's enums before the first frame.
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    # Only what the first frame needs: the data folder (window geometry) and the language. The
    # database URL is resolved with the context, after the window has painted.
    folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
    try:
        language = normalize_language(lang or LocalSettings(folder).get("language"))
    except (ValueError, BranchGuardError) as exc:  # settings.ini unreadable, or naming no language
        collector.end()
        configure_app(app, DEFAULT_LANGUAGE)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    configure_app(app, language)
    crash_report.install()
    instance = SingleInstance(folder, per_pc=on_server(folder, db))
    if not instance.acquire():
        from branchguard.gui.shell.start_refused import start_refused  # it imports logging (~15 ms)

        collector.end()
        return start_refused(instance)
    instance.say_taken_over()  # a crashed window's lock
    window = MainWindow(None, gui_settings(folder))
    instance.activation_requested.connect(window.bring_forward)
    QTimer.singleShot(0, instance.listen)
    tracer = None
    if os.environ.get(TRACE_ENV) == "1":
        tracer = StartupTracer(window, quit_after=os.environ.get(EXIT_ENV) == "1")
    startup = Startup(window, (data_dir, db, lang), credentials, tracer, read_only, collector)
    app.aboutToQuit.connect(_quit_began)
    app.lastWindowClosed.connect(_last_window_closed)
    window.show()
    startup.begin()
    startup.opening.start()
    try:
        return app.exec()
    finally:
        collector.end()
        window.close()
        # The last window's close posts a Quit for the loop that has just ended; left queued, it
        # would end at once the next event loop this process runs (a test's, after this one).
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        app.aboutToQuit.disconnect(_quit_began)
        app.lastWindowClosed.disconnect(_last_window_closed)
        _close_down_tasks()  # before the database closes under them
        instance.release()
        if startup.ctx is not None:
            startup.ctx.close()
        else:
            startup.opening.discard()
