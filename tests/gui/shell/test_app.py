"""run_gui end to end: a newer database is refused untouched; the benchmark's start-up trace."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from branchguard import app as app_module
from branchguard import diagnostics
from branchguard.app import run_gui
from branchguard.context import open_context


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    return shown


def test_newer_database_is_refused_with_a_message_and_left_alone(
    tmp_path: Path, qapp, messages: list[str]
) -> None:
    data = tmp_path / "data"
    open_context(data).close()
    db = data / "branchguard.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db.read_bytes()

    assert run_gui(str(data), lang="en") == 1
    assert len(messages) == 1 and "newer BranchGuard" in messages[0]
    assert db.read_bytes() == before
    # and in the folder's log: the message box alone was gone once closed
    logged = "".join(p.read_text(encoding="utf-8") for p in diagnostics.log_folder(data).glob("*.log"))
    assert f"the window could not open the database: {messages[0]}" in logged


def test_startup_trace_prints_painted_then_data_shown_and_exits(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    ctx = open_context(data)
    ctx.services.demo.fill()
    ctx.close()
    monkeypatch.setenv(app_module.TRACE_ENV, "1")
    monkeypatch.setenv(app_module.EXIT_ENV, "1")

    assert run_gui(str(data), lang="en", credentials=("lead", "lead-demo-2026")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"startup {step}" for step in ("painted", "context_opened", "logged_in", "page_built", "data_shown")
    ]
    assert (data / "gui.ini").is_file()
    import gc

    assert gc.isenabled()  # run_gui in a process whose QApplication it did not make leaves it be


def test_the_window_starts_without_garbage_collection_then_turns_it_back_on(tmp_path: Path) -> None:
    """The process's own window (run_gui made the QApplication) pauses the collector until the
    landing page shows its data, then freezes what the start made and turns it back on."""
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    ctx = open_context(data)
    ctx.services.demo.fill()
    ctx.close()
    code = (
        "import gc, sys\n"
        "import branchguard.app as app_module\n"
        "def trace(mark):\n"
        "    print(mark, gc.isenabled(), gc.get_freeze_count() > 0, flush=True)\n"
        "app_module._trace = trace\n"
        f"sys.exit(app_module.run_gui({str(data)!r}, lang='en', credentials=('lead', 'lead-demo-2026')))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update({app_module.TRACE_ENV: "1", app_module.EXIT_ENV: "1"})
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "startup painted False False"  # paused from the start, nothing frozen yet
    assert lines[-1] == "startup data_shown True True"


def test_startup_trace_without_credentials_stops_at_the_login_dialog(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the installed and the frozen builds' smoke tests run: the window up, the database open."""
    monkeypatch.setenv(app_module.TRACE_ENV, "1")
    monkeypatch.setenv(app_module.EXIT_ENV, "1")

    assert run_gui(str(tmp_path / "data"), lang="en") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"startup {step}" for step in ("painted", "context_opened", "login_shown")]
    assert (tmp_path / "data" / "branchguard.sqlite").is_file()


def test_wrong_credentials_end_with_the_login_message(tmp_path: Path, qapp, messages: list[str]) -> None:
    data = tmp_path / "data"
    ctx = open_context(data)
    ctx.services.demo.fill()
    ctx.close()
    assert run_gui(str(data), lang="en", credentials=("lead", "nope-nope-nope")) == 1
    assert messages == ["Wrong user name or password"]


def _starting_window(data: Path, qtbot):
    from branchguard.app import MainWindow, Startup, gui_settings

    window = MainWindow(None, gui_settings(data))
    qtbot.addWidget(window)
    window.show()
    assert not window.is_attached() and window.sidebar.isHidden()
    startup = Startup(window, (str(data), None, "en"), None, None)
    startup._open()  # what the first paint triggers
    return window, startup


def test_login_over_the_starting_window_fills_it(tmp_path: Path, app, qtbot) -> None:
    from branchguard.gui.shell.login import LoginDialog

    data = tmp_path / "data"
    ctx = open_context(data)
    ctx.services.demo.fill()
    ctx.close()
    window, startup = _starting_window(data, qtbot)
    dialog = window.findChild(LoginDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("staff")
    dialog.password.setText("staff-demo-2026")
    dialog.submit()
    assert window.is_attached() and window.session.actor.username == "staff"
    assert window.current_page_id() == "incidents" and not window.sidebar.isHidden()  # staff land there
    startup.ctx.close()


def test_first_start_asks_for_the_lead_over_the_starting_window(tmp_path: Path, app, qtbot) -> None:
    from branchguard.gui.shell.login import FirstRunDialog

    window, startup = _starting_window(tmp_path / "data", qtbot)
    dialog = window.findChild(FirstRunDialog)
    assert dialog is not None and dialog.isVisible()
    height = dialog.branch_name.height()
    dialog.submit()  # nothing filled in: the dialog grows to take the error line under the name
    assert dialog.form.error_text("branch_name")
    assert dialog.branch_name.height() >= height  # once squeezed to half its height, unreadable
    dialog.branch_name.setText("城西支行")
    dialog.username.setText("wangjg")
    dialog.password.setText("safe-pass-1")
    dialog.password_repeat.setText("safe-pass-1")
    dialog.submit()
    assert window.is_attached() and window.session.actor.username == "wangjg"
    assert window.branch_label.text() == "城西支行"
    startup.ctx.close()


def test_before_login_the_window_guesses_the_first_page_to_import(tmp_path: Path, qtbot) -> None:
    from branchguard.app import MainWindow, gui_settings

    settings = gui_settings(tmp_path)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    guess = window.likely_first_page()
    assert guess is not None and guess.page_id == "dashboard"  # nothing left last time: the landing page
    settings.setValue("window/page", "audit")
    guess = window.likely_first_page()
    assert guess is not None and guess.page_id == "audit"
    settings.setValue("window/page", "gone-in-a-later-version")
    guess = window.likely_first_page()
    assert guess is not None and guess.page_id == "dashboard"


def test_while_an_incident_is_open_the_incidents_page_is_imported_before_login(
    tmp_path: Path, qtbot, monkeypatch
) -> None:
    """After a crash during an incident the page left last time is not the one that opens: the
    preload thread asks whether an incident is open and imports the Incidents page's module."""
    from branchguard.app import MainWindow, gui_settings, import_first_page
    from branchguard.context import open_context
    from branchguard.core.kernel.types import Level
    from branchguard.gui.kit import preload

    ctx = open_context(tmp_path / "data")
    try:
        ctx.services.demo.fill()
        lead = ctx.services.auth.login("lead", "lead-demo-2026")
        settings = gui_settings(tmp_path)
        settings.setValue("window/page", "audit")  # saved at the last normal close
        window = MainWindow(None, settings)
        qtbot.addWidget(window)
        imported: list[list[str]] = []
        monkeypatch.setattr(preload, "import_modules", lambda names, **_kw: imported.append(list(names)))
        import_first_page(window, ctx.services)
        qtbot.waitUntil(lambda: len(imported) == 1)
        assert imported[0][-1] == "branchguard.gui.audit.page"  # nothing open: the page left last
        ctx.services.incidents.start(lead, None, Level.II, title="营业厅漏水")
        import_first_page(window, ctx.services)
        qtbot.waitUntil(lambda: len(imported) == 2)
        assert imported[1][-1] == "branchguard.gui.incidents.page"
        guess = window.likely_first_page(incidents_open=True)
        assert guess is not None and guess.page_id == "incidents"
    finally:
        preload.wait(5_000)
        ctx.close()


@pytest.mark.parametrize("order", ["opened, painted", "painted, opened", "opened within the paint's turn"])
def test_the_context_is_taken_once_after_the_first_paint_whichever_comes_first(
    tmp_path: Path, qtbot, monkeypatch, order: str
) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    from branchguard.app import OPENED_EVENT, MainWindow, Startup, gui_settings

    window = MainWindow(None, gui_settings(tmp_path))
    qtbot.addWidget(window)
    startup = Startup(window, (str(tmp_path / "data"), None, "en"), None, None)
    taken: list[bool] = []
    monkeypatch.setattr(startup, "_open", lambda: taken.append(True))
    # Every chance to take it, counted: one after the first paint, one when the context arrives.
    # Waiting for a count, rather than a while, says when "not taken (yet)" is settled.
    checks: list[bool] = []
    check = startup._open_when_ready

    def counted() -> None:
        check()
        checks.append(True)

    monkeypatch.setattr(startup, "_open_when_ready", counted)
    startup.begin()

    def opened() -> None:
        QCoreApplication.sendEvent(startup, QEvent(OPENED_EVENT))

    if order == "opened, painted":
        opened()
        assert taken == []  # not before the window has painted
        window.show()
    elif order == "painted, opened":
        window.show()
        qtbot.waitUntil(lambda: len(checks) == 1)  # the paint's own chance has come and gone
        assert taken == []  # painted, but the context is not ready yet
        opened()
    else:  # the paint's zero timer is still pending when the context arrives
        startup.eventFilter(window, QEvent(QEvent.Type.Paint))
        opened()
    qtbot.waitUntil(lambda: len(checks) == 2)  # both chances taken up: nothing more is pending
    assert taken == [True]


def test_the_window_declares_every_model_before_it_reads(tmp_path) -> None:
    """The window reads from several threads; every model is declared and configured while its
    context opens, so no thread imports a model module while another configures the mappers."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from branchguard.app import ContextOpening\n"
        f"ctx = ContextOpening(({str(tmp_path / 'data')!r}, None, None)).result()\n"
        "from branchguard.db.base import Base\n"
        "mappers = list(Base.registry.mappers)\n"
        "names = sorted(m.class_.__name__ for m in mappers)\n"
        "print(all(m.configured for m in mappers), 'PlaybookVersionRow' in names, 'HazardRow' in names)\n"
        "ctx.close()\n"
    )
    run = [sys.executable, "-c", code]
    out = subprocess.run(run, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "True", "True"], out.stderr


def test_the_scheduler_and_backup_wait_for_the_landing_page_with_its_data(app, qtbot) -> None:
    """What starts after the landing page (the scheduler, the page preload, the daily backup) waits
    for its data: a paint while a read is under way does not count; the first one after every read
    has settled does, once."""
    from PySide6.QtWidgets import QWidget

    from branchguard.app import LandingShown
    from branchguard.gui.kit import loader

    page = QWidget()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    calls: list[int] = []
    tracker = loader.tracker()
    tracker.started()  # a read under way, as the landing page's own
    LandingShown(page, lambda: calls.append(1))
    page.repaint()
    app.processEvents()
    assert calls == []  # painted, but its data has not arrived
    tracker._settle()
    qtbot.waitUntil(lambda: calls == [1])
    tracker.started()
    tracker._settle()  # settled again later (the banner's poll): not called twice
    page.repaint()
    app.processEvents()
    assert calls == [1]
