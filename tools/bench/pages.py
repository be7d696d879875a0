"""A slow database (issue 12): the longest GUI-thread stall while the safety lead visits every page.

The app is opened on the demo data (SQLite) with every SQL statement made LATENCY_MS slower, as on
a far PostgreSQL server: a SQLAlchemy `before_cursor_execute` listener that sleeps, installed on
the engine by this benchmark only (the app knows nothing of it). The lead's window is built, the
scheduler and the bell started, and every page of the sidebar shown in turn, twice: first visits
build the page (its module imported, its widgets made), second visits only refresh it. After
each visit the event loop runs until every background read has been shown and the window is
idle for a moment. A 5 ms heartbeat timer records each turn of the event loop; the longest gap
between two beats is the longest the window could not answer the user. Limit: 50 ms.

Beside it, measured in the same child: the floor, the longest heartbeat gap of the same event
loop left idle for as long (the timer's own jitter on this machine), and how many statements
ran on the GUI thread (each one a stall of at least LATENCY_MS).

`python -m tools.bench.pages child DATA_DIR LATENCY_MS [IDLE_MS]` is the measuring child; it prints
one line, `result {json}`.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from tools.bench.common import run_child

LATENCY_MS = 200
LIMIT_MS = 50
BEAT_MS = 5
IDLE_MS = 300  # after a visit's reads are shown: what the window does next (the banner, the bell)
TIMEOUT_S = 300
LEAD_PASSWORD = "lead-demo-2026"  # the demo data's safety lead


def run(latency_ms: int = LATENCY_MS) -> bool:
    print(f"pages on a slow database ({latency_ms} ms added to every SQL statement, SQLite demo data)")
    with tempfile.TemporaryDirectory(prefix="branchguard-pages-") as folder:
        result = _child(str(Path(folder) / "data"), str(latency_ms))
    label = "longest GUI stall, every page visited"
    if isinstance(result, str):
        print(f"  {label:<44} FAILED: the measuring process ended ({result})")
        return False
    return report(result)


def report(result: dict[str, Any]) -> bool:
    """Print the child's figures; True when the longest stall is within the limit."""
    stall, floor = result["max_gap"], result["floor_gap"]
    met = stall * 1000 <= LIMIT_MS
    verdict = f"limit ≤ {LIMIT_MS} ms  " + ("ok" if met else "OVER TARGET")
    print(f"  {'longest GUI stall, every page visited':<44} {stall * 1000:8.1f} ms  {verdict}")
    print(
        f"    floor (the same heartbeat, idle): longest gap {floor * 1000:.1f} ms; stall "
        f"{stall / floor:.1f}× the floor. Opening and first visits (pages built) "
        f"{result['first_gap'] * 1000:.1f} ms, second visits (refresh only) "
        f"{result['again_gap'] * 1000:.1f} ms"
    )
    visits = result["visits"]
    opening = next(name for name in visits if not name.endswith(" visit)"))
    print(f"    {opening}: {_ms(visits[opening])}")
    print(f"    {'page':<14} {'first visit':>12} {'second visit':>13}")
    for page_id in result["pages"]:
        first, again = visits[f"{page_id} (first visit)"], visits[f"{page_id} (again visit)"]
        print(f"    {page_id:<14} {_ms(first):>12} {_ms(again):>13}")
    print(
        f"    {len(result['pages'])} pages, {result['statements']} SQL statements, "
        f"{result['gui_statements']} of them on the GUI thread; {result['elapsed']:.1f} s in all"
    )
    return met


def _ms(gap: float) -> str:
    return f"{gap * 1000:.0f} ms" + (" *" if gap * 1000 > LIMIT_MS else "")


def _child(*args: str) -> dict[str, Any] | str:
    return run_child("tools.bench.pages", "child", *args)


# -- the measuring child ---------------------------------------------------------------------------
class _Heartbeat:
    """Notes the time of every beat; `longest(since)` is the longest gap between beats since then."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def start(self) -> None:
        self.beats.append(time.perf_counter())
        self.timer.start()

    def mark(self) -> int:
        """A beat now: a gap measured from the mark starts here, not at the beat before it (which
        would add whatever ran before the mark, such as the previous page's floor)."""
        self.beats.append(time.perf_counter())
        return len(self.beats)

    def longest(self, since: int = 0, until: int | None = None) -> float:
        beats = self.beats[max(since - 1, 0) : until]
        return max((b - a for a, b in pairwise(beats)), default=0.0)


def _run_until(done: Callable[[], bool], failure: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    check = QTimer()
    check.setInterval(BEAT_MS)
    check.timeout.connect(lambda: loop.quit() if done() else None)
    check.start()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(TIMEOUT_S * 1000)
    if not done():
        loop.exec()
    check.stop()
    if not done():
        raise RuntimeError(failure)


def _settle(idle_ms: int = IDLE_MS) -> None:
    """Every background read shown, then the window left to itself for `idle_ms`."""
    from branchguard.gui.kit import loader

    _run_until(lambda: loader.pending() == 0, f"{loader.pending()} reads never came back")
    until = time.perf_counter() + idle_ms / 1000
    _run_until(lambda: time.perf_counter() >= until, "the idle wait never ended")
    _run_until(lambda: loader.pending() == 0, f"{loader.pending()} reads never came back")


def start_as_the_app(window: Any) -> None:
    """What the app does once its landing page shows its data (app.py, `_landing_with_data`): the
    scheduler and the bell start, then every page module is imported on the preload thread; it
    returns once that is done, as the app's daily backup then starts."""
    from branchguard.gui.kit import preload

    preloaded: list[bool] = []
    window.start_schedules(then=lambda: preloaded.append(True))
    _run_until(lambda: window.schedule_signals is not None, "the scheduler never started")
    _run_until(lambda: bool(preloaded) and preload.wait(0), "the preload thread never finished")


def measure(data_dir: Path, latency_ms: int, idle_ms: int = IDLE_MS) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from branchguard.app import configure_app, gui_settings, import_first_page
    from branchguard.context import open_context
    from branchguard.gui.kit import preload
    from branchguard.gui.shell.main_window import MainWindow
    from branchguard.gui.shell.session import GuiSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_app(app, "zh_CN")  # type: ignore[arg-type]
    ctx = open_context(data_dir)
    gui_thread = threading.main_thread()
    counts = {"all": 0, "gui": 0}
    try:
        ctx.services.demo.fill()
        lead = ctx.services.auth.login("lead", LEAD_PASSWORD)

        def slow(*_args: object) -> None:
            counts["all"] += 1
            counts["gui"] += threading.current_thread() is gui_thread
            time.sleep(latency_ms / 1000)

        event.listen(ctx.engine, "before_cursor_execute", slow)
        heart = _Heartbeat()
        heart.start()
        _settle(idle_ms * 2)
        floor = heart.longest()
        started, first_mark = time.perf_counter(), heart.mark()
        # As the app starts: an empty window; the first page's module imported while the user logs
        # in; the window filled, its first page built, then shown.
        window = MainWindow(None, gui_settings(data_dir))
        import_first_page(window, ctx.services)
        _run_until(lambda: preload.wait(0), "the first page's module was never imported")
        window.attach(GuiSession(ctx, lead))
        window.resize(1280, 800)
        window.show_page(window.initial_page_id())
        window.show()
        start_as_the_app(window)
        _settle(idle_ms)
        visits: dict[str, float] = {"the window (opened, banner and bell read)": heart.longest(first_mark)}
        pages = [info.page_id for info in window.visible_pages()]
        for round_name in ("first", "again"):
            for page_id in pages:
                mark = heart.mark()
                window.show_page(page_id)
                _settle(idle_ms)
                visits[f"{page_id} ({round_name} visit)"] = heart.longest(mark)
            if round_name == "first":
                again_mark = heart.mark()
        elapsed = time.perf_counter() - started
        heart.timer.stop()
        window.stop_schedules()
        window.close()
        event.remove(ctx.engine, "before_cursor_execute", slow)
        from branchguard.gui.kit.writer import writer

        writer().wait()
    finally:
        ctx.close()
    return {
        "latency_ms": latency_ms,
        "pages": pages,
        "max_gap": heart.longest(first_mark),
        "first_gap": heart.longest(first_mark, again_mark),
        "again_gap": heart.longest(again_mark),
        "visits": visits,
        "floor_gap": floor,
        "statements": counts["all"],
        "gui_statements": counts["gui"],
        "elapsed": elapsed,
    }


def main(argv: list[str]) -> int:
    mode, *rest = argv
    if mode != "child":
        raise SystemExit(f"unknown mode {mode!r}")
    folder, latency, *idle = Path(rest[0]), int(rest[1]), *map(int, rest[2:])
    shutil.rmtree(folder, ignore_errors=True)
    result = measure(folder, latency, *idle)
    print("result " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
