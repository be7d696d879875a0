"""The measuring child of the scale bench's page table (tools/bench/scale.py).

`python -m tools.bench.scale_pages DATA_DIR` opens the safety lead's window offscreen on a
generated history and, for each page of the sidebar: first show (from `show_page` until every
background read is shown and painted), the longest GUI stall meanwhile (a 5 ms heartbeat, as in
pages.py), and a refresh (`Page.refresh()` until its reads are shown and painted); after the tour,
for reference, a second visit of each page in the same order (built already: shown and
refreshed). The floor of each page, in the same process: a bare QTableView over a
QStandardItemModel filled from plain sqlite3 (psycopg) with the rows the page shows (and, for a
windowed list, the count of every row it says it holds), until it has painted. Then the idle
resident set size after the tour, with the garbage collected and the event loop quiet (issue 20:
at most the demo's figure + 50 MB).
`python -m tools.bench.scale_pages DATA_DIR URL` does the same on the PostgreSQL database at URL
(postgresql+psycopg://…), its floors read with psycopg. Prints `result {json}`.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tools.bench.pages import BEAT_MS, TIMEOUT_S, _Heartbeat, _run_until, start_as_the_app
from tools.bench.scale_floors import Db

LIMIT_MS = 50
MAX_RATIO = 2.0
MAX_MS = 300  # on a quiet machine
LEAD_PASSWORD = "lead-demo-2026"

# The rows each page shows, as plain SQL (the calendar: the written occurrences of its month view's
# six weeks, not the ones its rules still promise, which no table holds; the windowed lists: their
# first window of 200, gui/kit/windowed.py).
FLOORS = {
    "incidents": "SELECT id, title, level, status, started_at, closed_at FROM incidents "
    "ORDER BY started_at DESC, id DESC LIMIT 200",
    "playbooks": "SELECT p.code, v.title_zh, v.status, v.number FROM playbook_versions v "
    "JOIN playbooks p ON p.id = v.playbook_id WHERE v.status != 'retired'",
    "calendar": "SELECT schedule_id, due_at, status FROM schedule_occurrences "
    "WHERE due_at >= {grid_start} AND due_at < {grid_end}",
    "drills": "SELECT id, title, status, planned_at, run_at FROM drill_plans ORDER BY id DESC LIMIT 200",
    "inspections": "SELECT id, template_id, status, location, started_by, started_at, submitted_at "
    "FROM inspections ORDER BY started_at DESC, id DESC LIMIT 200",
    "hazards": "SELECT id, title, severity, status, owner, due_date FROM hazards ORDER BY opened_at DESC",
    "complaints": "SELECT * FROM complaints",
    "people": "SELECT name, branch_role, mobile, phone, on_duty FROM people ORDER BY name",
    "audit": "SELECT at, actor, action, entity, entity_id, summary FROM audit_events "
    "ORDER BY at DESC, id DESC LIMIT 200",
    "settings": "SELECT * FROM branch",
}
# The windowed lists also say how many rows their filter selects ("200 of 203,112 shown"), counted in
# SQL (issue 20: "counts by SQL aggregate"): their floors count the same rows.
COUNTS = {
    "incidents": "SELECT count(*) FROM incidents",
    "drills": "SELECT count(*) FROM drill_plans",
    "inspections": "SELECT count(*) FROM inspections",
    "audit": "SELECT count(*) FROM audit_events",
}


def rss_mb() -> float:
    """This process's resident set size now, in MB (Linux: /proc/self/statm)."""
    with open("/proc/self/statm") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def drain() -> None:
    """Run every event that is ready, again and again until a pass finds none. One
    `processEvents` leaves what its own events post: an item view's delayed layout (a zero timer
    set when its model resets) and the paint that follows it. The calendar's 42 day lists left
    ~16 ms of theirs behind at ten years, which the next measurement then paid."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    for _ in range(1000):  # a bound, never reached: a page that posts forever would show here
        if not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
            return


def _until_shown(failure: str) -> None:
    """Run the event loop until every read is back and shown, then paint what they changed, as the
    floor ends painted. Woken by the reads' own signal, not a polling timer: a timer's 5 ms tick
    added up to 5 ms to figures whose floors are 2-15 ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    from branchguard.gui.kit import loader

    if loader.pending():
        loop = QEventLoop()

        def check() -> None:  # after the answer that settled it, which may have asked for more
            if loader.pending() == 0:
                loop.quit()

        def later() -> None:
            QTimer.singleShot(0, check)

        hub = loader.tracker()
        hub.settled.connect(later)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(TIMEOUT_S * 1000)
        loop.exec()
        hub.settled.disconnect(later)
        if loader.pending():
            raise RuntimeError(failure)
    drain()  # the layouts and paints the answers asked for


SETTLE_MS = 30  # how long a page is watched, after its reads are shown, for work it starts later


def _until_quiet(failure: str) -> float:
    """`_until_shown`, then the page watched for SETTLE_MS more: a task it starts after its reads
    (a check on the pool a turn later, such as Settings' report font) is waited for and counted
    too. Returns the perf_counter at which the last of its work was shown; the quiet watch after it
    is not counted. A task left running landed on the next measurement: Settings' font check (~200
    ms parsing the CJK font on the pool) made its bare table's floor 3 -> 140 ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    from branchguard.gui.kit import tasks

    _until_shown(failure)
    done = time.perf_counter()
    deadline = time.perf_counter() + TIMEOUT_S
    while True:
        loop = QEventLoop()
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()
        if not tasks.running():
            return done
        while tasks.running():
            if time.perf_counter() > deadline:
                raise RuntimeError(failure)
            QTimer.singleShot(1, loop.quit)
            loop.exec()
        _until_shown(failure)
        done = time.perf_counter()


def _floor(db: Db, sql: str, count_sql: str = "") -> tuple[float, int]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    started = time.perf_counter()
    rows = db.execute(sql.format(**db.month_view())).fetchall()
    total = db.execute(count_sql).fetchone()[0] if count_sql else len(rows)
    model = QStandardItemModel(len(rows), len(rows[0]) if rows else 1)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem("" if value is None else str(value)))
    view = QTableView()
    view.setWindowTitle(f"{len(rows)} / {total}")
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    view.repaint()
    drain()
    elapsed = time.perf_counter() - started
    view.close()
    return elapsed, len(rows)


def measure(data_dir: Path, url: str = "") -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from branchguard.app import _declare_related_models, configure_app, gui_settings, import_first_page
    from branchguard.context import open_context
    from branchguard.gui.kit import loader, preload
    from branchguard.gui.shell.main_window import MainWindow
    from branchguard.gui.shell.session import GuiSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_app(app, "zh_CN")  # type: ignore[arg-type]
    ctx = open_context(data_dir, url or None)
    _declare_related_models()  # as the app's opening thread does: the preload below imports beside reads
    db = Db(data_dir, url)
    pages: dict[str, dict[str, float]] = {}
    scratch = tempfile.TemporaryDirectory()
    try:
        lead = ctx.services.auth.login("lead", LEAD_PASSWORD)
        heart = _Heartbeat()
        heart.start()
        # The window's own settings in a folder of their own: the fixture's gui.ini would hold the
        # page the previous run left last, and each run would then land somewhere else.
        window = MainWindow(None, gui_settings(Path(scratch.name)))
        import_first_page(window, ctx.services)
        _run_until(lambda: preload.wait(0), "the first page's module was never imported")
        window.attach(GuiSession(ctx, lead))
        window.resize(1280, 800)
        window.show_page(window.landing_page_id())
        window.show()
        _run_until(lambda: loader.pending() == 0 and preload.wait(0), "the window never settled")
        start_as_the_app(window)

        def settled() -> bool:
            return loader.pending() == 0

        _run_until(settled, "the reads after the preload never came back")

        for info in window.visible_pages():
            if info.page_id not in FLOORS:
                continue
            mark, started = heart.mark(), time.perf_counter()
            page = window.show_page(info.page_id)
            show = _until_quiet(f"{info.page_id}: reads never came back") - started
            stall = heart.longest(mark)
            refresh = 0.0
            if page is not None:
                mark, started = heart.mark(), time.perf_counter()
                page.refresh()
                refresh = _until_quiet(f"{info.page_id}: the refresh never came back") - started
                stall = max(stall, heart.longest(mark))
            floor, rows = _floor(db, FLOORS[info.page_id], COUNTS.get(info.page_id, ""))
            pages[info.page_id] = {
                "show": show,
                "stall": stall,
                "refresh": refresh,
                "floor": floor,
                "rows": rows,
            }
        for page_id in pages:  # a second visit, for reference: the page is built, only shown again
            started = time.perf_counter()
            window.show_page(page_id)
            _until_shown(f"{page_id}: reads never came back on the second visit")
            pages[page_id]["again"] = time.perf_counter() - started
        heart.timer.stop()
        _run_until(settled, "the reads after the tour never came back")
        gc.collect()
        QApplication.processEvents()
        idle_rss = rss_mb()
        window.stop_schedules()
        window.close()
        from branchguard.gui.kit.writer import writer

        writer().wait()
    finally:
        db.conn.close()
        ctx.close()
        scratch.cleanup()
    return {"pages": pages, "beat_ms": BEAT_MS, "rss_mb": idle_rss}


if __name__ == "__main__":
    print("result " + json.dumps(measure(Path(sys.argv[1]), *sys.argv[2:3])), flush=True)
