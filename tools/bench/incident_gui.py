"""Child process of the incident benchmarks: the log's first paint and the GUI stall while logging.

`python -m tools.bench.incident_gui paint DATA_DIR INCIDENT RUNS` times, RUNS times each and
interleaved, from creating a model and a QTableView to the view's first paint showing entries:
BranchGuard's IncidentLogModel (paged through IncidentService.entries_page, its first page read
as the console reads it) against QSqlQueryModel over the same table and columns, each in a
QTableView set up as the console's log view is.

`python -m tools.bench.incident_gui stall DATA_DIR ENTRIES [--keep-handles]` opens the real
incident console on a new incident and logs ENTRIES entries through its quick log box (text, then
Enter), with the real background writer, while a 1 ms heartbeat timer records every turn of the
event loop; the longest gap between two beats is the longest the GUI thread was unavailable. The
GUI thread's own CPU time in that gap is reported beside it: on a busy machine much of a gap can
be other processes' turn (or the writer thread's hold on the GIL) rather than the GUI's work.
--keep-handles keeps every finished task's handle until the end: branchguard.gui.kit.tasks lets the
last reference to a task's signal object go on the pool thread, which can crash the process (a
QObject freed on a thread it does not belong to); kept, the measurement can finish regardless.

Each prints one line, `result {json}`, for tools.bench.incidents.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEventLoop, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from branchguard.app import configure_app
from branchguard.context import open_context
from tools.bench.log_fixture import DB_FILE, lead_actor, sample_texts

# A new entry every 2 ms once the box takes one: far faster than anyone types. The box takes no
# entry while its last is with the writer (a second Enter then wrote it twice), so each goes as
# soon as the one before is on disk: the writer is never idle, as with a queue.
PACE_MS = 2
TIMEOUT_S = 300


class _View(QTableView):
    """Notes when a paint with entries in it has finished, and ends `loop` then."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.painted_at: float | None = None
        # As the console's log view is set up (gui/incident_console/log_panel.py), for both models:
        # no row-number header (the # column is the entry's own number), rows of one fixed height.
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(26)
        self.setWordWrap(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.painted_at is None and model is not None and model.rowCount() > 0:
            self.painted_at = time.perf_counter()
            self.loop.quit()


def _first_paint(make_model: Callable[[QObject], QAbstractItemModel]) -> float:
    loop = QEventLoop()
    started = time.perf_counter()
    view = _View(loop)
    view.setModel(make_model(view))
    view.resize(1000, 700)
    view.show()
    _run_until(loop, lambda: view.painted_at is not None, "the view never painted any entries")
    assert view.painted_at is not None
    view.close()
    view.deleteLater()
    return view.painted_at - started


def _run_until(loop: QEventLoop, done: Callable[[], bool], failure: str) -> None:
    """Run a real event loop (idle waits included, as in the app) until `done()`."""
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start()
    QTimer.singleShot(TIMEOUT_S * 1000, loop.quit)
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise RuntimeError(failure)


def paint(data_dir: Path, incident_id: int, runs: int) -> dict[str, Any]:
    from branchguard.gui.incidents.log_model import IncidentLogModel

    ctx = open_context(data_dir)
    lead = lead_actor(data_dir)
    db = QSqlDatabase.addDatabase("QSQLITE", "bench")
    db.setDatabaseName(str(data_dir / DB_FILE))
    if not db.open():
        raise RuntimeError(db.lastError().text())
    sql = (
        f"SELECT seq, at, actor, kind, text FROM incident_log WHERE incident_id = {incident_id} ORDER BY seq"
    )

    def ours(parent: QObject) -> QAbstractItemModel:
        model = IncidentLogModel(ctx.services, lead, incident_id, parent)
        model.fetchMore(QModelIndex())  # as the console does on opening
        return model

    def floor(parent: QObject) -> QAbstractItemModel:
        model = QSqlQueryModel(parent)
        model.setQuery(sql, db)
        return model

    try:
        _first_paint(ours)  # warm: the first connection, imports, fonts
        _first_paint(floor)
        model_times, floor_times = [], []
        for _ in range(runs):  # interleaved, so drift on the machine hits both alike
            model_times.append(_first_paint(ours))
            floor_times.append(_first_paint(floor))
    finally:
        db.close()
        ctx.close()
    return {"model": model_times, "floor": floor_times}


class _KeepAll(set[Any]):
    def discard(self, item: Any) -> None:
        pass


def stall(data_dir: Path, entries: int, keep_handles: bool = False) -> dict[str, Any]:
    from branchguard.gui.incidents.console import IncidentConsole
    from branchguard.gui.kit import tasks
    from branchguard.gui.kit.writer import writer
    from branchguard.gui.shell.session import GuiSession

    if keep_handles:
        tasks._running = _KeepAll()
    ctx = open_context(data_dir)
    try:
        ctx.services.demo.fill()
        lead = lead_actor(data_dir)
        incident = ctx.services.incidents.start(lead, "FIRE")
        console = IncidentConsole(GuiSession(ctx, lead), incident.id)
        console.resize(1280, 800)
        console.show()
        settle = QEventLoop()
        QTimer.singleShot(500, settle.quit)  # the console's first read runs in the background
        settle.exec()
        beats: list[tuple[float, float]] = []  # (wall clock, this thread's CPU time)
        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(1)
        heartbeat.timeout.connect(lambda: beats.append((time.perf_counter(), time.thread_time())))
        texts = iter(sample_texts(entries, seed=9))
        box = console.log.text

        def type_next() -> None:
            if console.log.is_pending():
                return
            text = next(texts, None)
            if text is None:
                driver.stop()
                return
            box.setText(text)  # as pasted: typing it key by key would be the driver's own stall
            QTest.keyClick(box, Qt.Key.Key_Return)

        driver = QTimer()
        driver.setInterval(PACE_MS)
        driver.timeout.connect(type_next)
        target = console.log.model.last_seq() + entries
        started = time.perf_counter()
        heartbeat.start()
        driver.start()
        _run_until(
            QEventLoop(),
            lambda: console.log.model.last_seq() >= target,
            f"only {console.log.model.last_seq()} of {target} entries were shown",
        )
        elapsed = time.perf_counter() - started
        heartbeat.stop()
        writer().wait()
        console.close()
    finally:
        ctx.close()
    gaps = sorted((b[0] - a[0], b[1] - a[1]) for a, b in pairwise(beats))
    return {
        "via": "the incident console's quick log box" + (", task handles kept" if keep_handles else ""),
        "entries": entries,
        "elapsed": elapsed,
        "max_gap": gaps[-1][0],
        "max_gap_cpu": gaps[-1][1],
        "max_cpu": max(cpu for _wall, cpu in gaps),
        "p99_gap": gaps[int(0.99 * (len(gaps) - 1))][0],
    }


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    configure_app(app, "zh_CN")
    mode, folder, *rest = argv
    if mode == "paint":
        result = paint(Path(folder), int(rest[0]), int(rest[1]))
    elif mode == "stall":
        result = stall(Path(folder), int(rest[0]), keep_handles="--keep-handles" in rest)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
