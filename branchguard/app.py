"""Starts the window: QApplication, translators, UI font, context, first run or login, main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from branchguard import APP_NAME, __version__
from branchguard.config import resolve
from branchguard.context import AppContext, open_context
from branchguard.core.domain import Actor
from branchguard.core.errors import BranchGuardError
from branchguard.core.i18n import DEFAULT_LANGUAGE, t
from branchguard.db.migrate import SchemaAction
from branchguard.gui import style, translation
from branchguard.gui.main_window import MainWindow
from branchguard.gui.session import GuiSession

TRACE_ENV = "BRANCHGUARD_TRACE_STARTUP"
EXIT_ENV = "BRANCHGUARD_EXIT_AFTER_STARTUP"


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
    app.setApplicationVersion(__version__)
    style.apply(app)
    app.setFont(ui_font(app.font()))
    translation.compile_translations()
    return translation.install(lang)


def gui_settings(ctx: AppContext) -> QSettings:
    """Window geometry and the last page: gui.ini in the data folder, beside settings.ini."""
    return QSettings(str(ctx.data_dir / "gui.ini"), QSettings.Format.IniFormat)


def build_main_window(ctx: AppContext, actor: Actor) -> MainWindow:
    import branchguard.gui.pages  # noqa: F401 - registers the pages

    return MainWindow(GuiSession(ctx, actor), gui_settings(ctx))


class StartupTracer(QObject):
    """For the benchmark: reports the first paint of the window and of the landing page's data.

    Page.refresh() loads synchronously, so the landing page's first paint after it was refreshed
    shows its data.
    """

    def __init__(self, window: QWidget, landing: QWidget | None, quit_after: bool) -> None:
        super().__init__(window)
        self._window = window
        self._landing = landing
        self._quit_after = quit_after
        self._painted = False
        window.installEventFilter(self)
        if landing is not None:
            landing.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self._window and not self._painted:
                self._painted = True
                self._window.removeEventFilter(self)
                _trace("startup painted")
            elif watched is self._landing and self._painted:
                self._landing.removeEventFilter(self)
                _trace("startup data_shown")
                if self._quit_after:
                    QTimer.singleShot(0, QApplication.quit)
        return False


def _trace(mark: str) -> None:
    print(mark, flush=True)


def _fail(message: str) -> int:
    QMessageBox.critical(None, APP_NAME, message)
    return 1


def _startup_language(data_dir: str | None, db: str | None, lang: str | None) -> str:
    try:
        return resolve(data_dir, db, lang).language
    except (ValueError, OSError):
        return DEFAULT_LANGUAGE


def _log_in(ctx: AppContext, credentials: tuple[str, str] | None) -> Actor | None:
    from branchguard.gui.login import FirstRunDialog, LoginDialog

    if credentials is not None:
        return ctx.services.auth.login(*credentials)
    dialog: FirstRunDialog | LoginDialog
    dialog = LoginDialog(ctx.services) if ctx.services.auth.has_users() else FirstRunDialog(ctx.services)
    return dialog.actor if dialog.exec() else None


def run_gui(
    data_dir: str | None = None,
    db: str | None = None,
    lang: str | None = None,
    *,
    credentials: tuple[str, str] | None = None,
    argv: list[str] | None = None,
) -> int:
    """Open the window and run until it closes; returns the exit code.

    `credentials` logs in without the dialog (the start-up benchmark uses it).
    """
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scaling (125 %, 150 % on Windows) as the system says, not rounded to 100/200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or sys.argv[:1])
    configure_app(app, _startup_language(data_dir, db, lang))
    try:
        ctx = open_context(data_dir, db, lang)
    except BranchGuardError as exc:  # a newer schema, a failed upgrade: nothing was changed
        return _fail(exc.message)
    except Exception as exc:  # the database cannot be reached or opened
        return _fail(f"{type(exc).__name__}: {exc}")
    try:
        if ctx.schema.action is SchemaAction.UPGRADED:
            QMessageBox.information(
                None, APP_NAME,
                t("schema.upgraded", old=ctx.schema.from_revision, new=ctx.schema.to_revision,
                  backup=ctx.schema.backup or "-"),
            )
        try:
            actor = _log_in(ctx, credentials)
        except BranchGuardError as exc:
            return _fail(exc.message)
        if actor is None:
            return 0
        window = build_main_window(ctx, actor)
        landing = window.show_page(window.initial_page_id())
        if os.environ.get(TRACE_ENV) == "1":
            StartupTracer(window, landing, quit_after=os.environ.get(EXIT_ENV) == "1")
        window.show()
        return app.exec()
    finally:
        ctx.close()
