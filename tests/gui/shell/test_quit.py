"""Closing the window while background work runs ends cleanly: running tasks are waited for before
the database closes, no result reaches the closing window, nothing new starts once the quit began
(the scheduler's preload, the daily backup), and nothing is printed as a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from branchguard import app as app_module
from branchguard.context import AppContext
from branchguard.gui.kit import preload, tasks
from branchguard.gui.kit.tasks import TaskProgress, run_task
from branchguard.gui.shell.main_window import SCHEDULE_MODULES
from tests.gui.kit.test_quitting import release_once_close_down_waits

BOUND_S = 60  # only keeps a broken implementation from hanging the run: nothing is timed


def test_quitting_while_a_slow_task_runs_closes_the_database_after_it(
    records_data_dir: Path, qapp, pool_tasks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up trace quits as soon as the landing page shows its data; a task started then is
    blocked on an event released only once the quit waits for the pools."""
    monkeypatch.setenv(app_module.TRACE_ENV, "1")
    monkeypatch.setenv(app_module.EXIT_ENV, "1")
    order: list[str] = []
    delivered: list[object] = []
    release = threading.Event()
    imported: list[tuple[str, ...]] = []

    close = AppContext.close

    def closing(ctx: AppContext) -> None:
        order.append("context closed")
        close(ctx)

    import_modules = preload.import_modules

    def recorded_imports(modules: Any, **kwargs: Any) -> list[str]:
        imported.append(tuple(modules))
        return import_modules(modules, **kwargs)

    landing_with_data = app_module.Startup._landing_with_data
    receivers: list[QObject] = []

    def forget_receivers() -> None:  # at the quit; disconnected after it, or a later test's quit
        for receiver in receivers:  # in this process would delete them again (a crash)
            if shiboken6.isValid(receiver):
                shiboken6.delete(receiver)

    def with_a_slow_task(startup: Any) -> None:
        receiver = QObject()  # the closing window's part the result was for: gone at the quit
        receivers.append(receiver)

        def blocked(_progress: TaskProgress) -> str:
            release.wait(BOUND_S)
            order.append("task ended")
            return "a result"

        run_task(blocked, on_done=lambda result: delivered.append((shiboken6.isValid(receiver), result)),
                 on_error=delivered.append)
        landing_with_data(startup)

    monkeypatch.setattr(AppContext, "close", closing)
    monkeypatch.setattr(preload, "import_modules", recorded_imports)
    monkeypatch.setattr(app_module.Startup, "_landing_with_data", with_a_slow_task)
    release_once_close_down_waits(monkeypatch, release, lambda: "context closed" in order)
    qapp.aboutToQuit.connect(forget_receivers)
    try:
        code = app_module.run_gui(str(records_data_dir), lang="en", credentials=("lead", "lead-demo-2026"))
    finally:
        release.set()
        qapp.aboutToQuit.disconnect(forget_receivers)
    assert code == 0
    assert order == ["task ended", "context closed"]
    assert delivered == []  # not to the deleted receiver, nor later (pool_tasks processes the queue)
    assert tuple(SCHEDULE_MODULES) not in imported  # the scheduler's preload never started
    assert not (records_data_dir / "backups").exists()  # nor the daily backup
    assert not tasks.quitting()
    # The window's close posted a Quit for the loop that ended; run_gui drops it, or it would end
    # the next event loop of this process (a later test's) at once.
    assert _quits_left_queued(qapp) == 0


class _QuitCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.quits = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit:
            self.quits += 1
            return True  # counted, not acted on
        return False


def _quits_left_queued(app: QApplication) -> int:
    """Quit events posted to the application and not yet delivered (taken out by counting them)."""
    counter = _QuitCounter()
    app.installEventFilter(counter)
    try:
        QCoreApplication.sendPostedEvents(app, QEvent.Type.Quit)
    finally:
        app.removeEventFilter(counter)
    return counter.quits


# How the window ends right after it showed its data: the start-up bench's quit, or the user
# closing it (the Quit event then comes after the close, queued timers in between).
ENDINGS = {
    "quit": "",
    "close": (
        "from PySide6.QtCore import QTimer\n"
        "def data_shown(tracer):\n"
        "    print('startup data_shown', flush=True)\n"
        "    QTimer.singleShot(0, tracer._window.close)\n"
        "app_module.StartupTracer.data_shown = data_shown\n"
    ),
}


@pytest.mark.parametrize("ending", sorted(ENDINGS))
def test_the_real_window_ends_right_after_showing_its_data_without_a_traceback(
    records_data_dir: Path, ending: str
) -> None:
    """What the start-up bench does, and a user closing the window a second after it opened: the
    scheduler's preload and the daily backup were still to start, the landing page's reads in
    flight. Before, stderr showed the daily backup failing on the closed database, the preload's
    import failing during interpreter shutdown, and emits to the deleted relay."""
    code = (
        "import sys\n"
        "import branchguard.cli\n"
        "from branchguard import app as app_module\n"
        f"{ENDINGS[ending]}"
        f"sys.exit(app_module.run_gui({str(records_data_dir)!r}, credentials=('lead', 'lead-demo-2026')))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", app_module.TRACE_ENV: "1"}
    if ending == "quit":
        env[app_module.EXIT_ENV] = "1"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=BOUND_S * 3
    )
    assert out.returncode == 0, out.stderr
    assert "startup data_shown" in out.stdout.splitlines()
    assert "Traceback" not in out.stderr and "Error calling Python override" not in out.stderr, out.stderr
    assert not (records_data_dir / "backups").exists()  # the daily backup never started
    log = "".join(path.read_text(encoding="utf-8") for path in (records_data_dir / "logs").glob("*.log*"))
    assert "window started" in log and "Traceback" not in log and "failed" not in log, log
    # What was committed, the incident logs and the ledger, is whole.
    verify = [sys.executable, "-m", "branchguard", "--data-dir", str(records_data_dir), "--lang", "en"]
    checked = subprocess.run(
        [*verify, "verify"], capture_output=True, text=True, timeout=BOUND_S * 3,
        env={**os.environ, "BRANCHGUARD_USER": "lead", "BRANCHGUARD_PASSWORD": "lead-demo-2026"},
    )
    assert checked.returncode == 0 and "Verified:" in checked.stdout, checked.stdout + checked.stderr


def test_a_window_kept_in_the_tray_is_not_quitting_when_a_last_window_closes(qapp) -> None:
    """Hidden in the tray, a message box closing is the last window closing, and the application
    goes on (gui/shell/tray.py): its tasks do too. Closed for good, nothing new starts."""
    kept = qapp.quitOnLastWindowClosed()
    try:
        qapp.setQuitOnLastWindowClosed(False)
        app_module._last_window_closed()
        assert not tasks.quitting()
        qapp.setQuitOnLastWindowClosed(True)
        app_module._last_window_closed()
        assert tasks.quitting()
    finally:
        qapp.setQuitOnLastWindowClosed(kept)
        tasks.close_down(BOUND_S * 1000)
    assert not tasks.quitting()
