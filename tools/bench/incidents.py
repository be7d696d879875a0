"""Live incidents (issue 4): durable append, GUI stall, report, first paint and search over a big log.

Floors, measured in the same run with the same interpreter on the same disk:
- append: one row like the entry BranchGuard just wrote, inserted and committed with raw sqlite3 into
  a table of the same definition and indexes, in WAL mode with synchronous FULL (BranchGuard's
  pragmas); BranchGuard's figure is IncidentService.log, the whole real path. For reference, the
  same statements as BranchGuard's append (sequence bump, row, chain seal, its search row and the
  search index's mark) through raw sqlite3: what SQLite itself costs for an entry;
- report: a bare ReportLab SimpleDocTemplate holding a Table of the same rows and columns, each cell
  a Paragraph, in the same CJK font;
- first paint: QSqlQueryModel over the same table on the same QTableView (in a child process,
  tools.bench.incident_gui, as is the GUI stall).
Search and the stall have absolute limits. Logs are built once and cached (tools.bench.log_fixture).
"""

from __future__ import annotations

import math
import os
import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from branchguard.context import open_context
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.text import STAMP, entry_text
from branchguard.core.incidents.types import EntryKind, LogEntry
from branchguard.core.kernel.types import Actor
from branchguard.core.ledger import chain as ledger_chain
from tools.bench.common import Figure, print_ratio, run_child
from tools.bench.log_fixture import CACHE_DIR, DB_FILE, Fixture, cached, lead_actor, sample_texts

QUERIES = (
    "疏散",
    "ATM",
    "金库门",
    "helpdesk",
    "核心系统 core",
    "ticket INC",
    "无人员受伤",
    "报警按钮 escalated",
)


@dataclass(frozen=True)
class Sizes:
    appends: int = 400
    warmup: int = 30
    log_entries: int = 1_000_000
    report_entries: int = 2_000
    stall_entries: int = 1_000
    runs: int = 5
    report_runs: int = 3


FULL = Sizes()
SMOKE = Sizes(
    appends=20, warmup=3, log_entries=1_500, report_entries=60, stall_entries=20, runs=2, report_runs=1
)


def run(sizes: Sizes = FULL, cache_dir: Path = CACHE_DIR) -> bool:
    print(f"incidents (appends on {_filesystem(cache_dir)}; logs cached in {cache_dir})")
    ok = _append(sizes, cache_dir)
    big = cached(sizes.log_entries, cache_dir=cache_dir)
    ok &= _gui(sizes, big, cache_dir)
    ok &= _report(sizes, cache_dir)
    ok &= _search(sizes, big)
    return ok


# -- printing ------------------------------------------------------------------------------------
def print_limit(label: str, seconds: float, limit_ms: float) -> bool:
    """One line for a figure with an absolute limit (no floor). Returns True when within it."""
    met = seconds * 1000 <= limit_ms
    verdict = f"limit ≤ {limit_ms:.0f} ms  " + ("ok" if met else "OVER TARGET")
    print(f"  {label:<44} {seconds * 1000:8.1f} ms  {verdict}")
    return met


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _filesystem(path: Path) -> str:
    """The file system type under `path` (appends must hit a real disk, not tmpfs)."""
    path.mkdir(parents=True, exist_ok=True)
    best, kind = "", "unknown file system"
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                device, point, fs_type = line.split()[:3]
                if str(path.resolve()).startswith(point) and len(point) > len(best):
                    best, kind = point, f"{fs_type} ({device})"
    except OSError:
        pass
    return kind


# -- durable append ------------------------------------------------------------------------------
def _append(sizes: Sizes, cache_dir: Path) -> bool:
    data_dir = cache_dir / "append"
    shutil.rmtree(data_dir, ignore_errors=True)
    ctx = open_context(data_dir)
    try:
        ctx.services.demo.fill()
        lead = lead_actor(data_dir)
        incident = ctx.services.incidents.start(lead, "FIRE")
        floor = _floor_db(data_dir)
        raw = _RawAppend(data_dir, incident.id)
        texts = sample_texts(sizes.warmup + sizes.appends)
        ours: list[float] = []
        theirs: list[float] = []
        same: list[float] = []
        for i, text in enumerate(texts):  # interleaved, so drift on the machine hits all three alike
            started = time.perf_counter()
            entry = ctx.services.incidents.log(lead, incident.id, EntryKind.ACTION, text)
            mid = time.perf_counter()
            raw.append(text)
            mid2 = time.perf_counter()
            _floor_insert(floor, entry)
            done = time.perf_counter()
            if i >= sizes.warmup:
                ours.append(mid - started)
                same.append(mid2 - mid)
                theirs.append(done - mid2)
        floor.close()
        raw.close()
    finally:
        ctx.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    floor_p50 = Figure("raw insert+commit", theirs)
    ok = print_ratio("durable append (IncidentService.log), p50", Figure("log", ours), floor_p50, 1.5)
    p99 = [percentile(ours, 0.99)]
    print_ratio(
        "durable append, p99", Figure("log", p99), Figure("raw p99", [percentile(theirs, 0.99)]), None
    )
    print_ratio("(for reference) append SQL in raw sqlite3", Figure("raw", same), floor_p50, None)
    return ok


def _floor_db(data_dir: Path) -> sqlite3.Connection:
    """A database holding only a table defined like incident_log (same indexes), WAL + FULL."""
    with closing(sqlite3.connect(data_dir / DB_FILE)) as source:  # see log_fixture.lead_actor
        ddl = [
            sql
            for (sql,) in source.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'incident_log' AND sql IS NOT NULL "
                "AND type IN ('table', 'index') ORDER BY type DESC"
            )
        ]
    floor = sqlite3.connect(data_dir / "floor.sqlite", isolation_level=None)
    floor.execute("PRAGMA journal_mode=WAL")
    floor.execute("PRAGMA synchronous=FULL")
    for sql in ddl:
        floor.execute(sql)
    return floor


def _floor_insert(floor: sqlite3.Connection, e: LogEntry) -> None:
    at = e.at.strftime("%Y-%m-%d %H:%M:%S.%f")
    row = (
        e.incident_id,
        e.seq,
        at,
        e.actor,
        e.kind.value,
        e.text,
        e.step,
        e.corrects,
        "{}",
        e.prev_hash,
        e.hash,
    )
    floor.execute("BEGIN")
    floor.execute(
        "INSERT INTO incident_log (incident_id, seq, at, actor, kind, text, step, corrects, data, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    floor.execute("COMMIT")


_SQLITE = sqlite_dialect()  # binds the ledger entry's time as SQLAlchemy would


class _RawAppend:
    """BranchGuard's append statements through raw sqlite3, on a copy of its database."""

    def __init__(self, data_dir: Path, incident_id: int) -> None:
        path = data_dir / "raw.sqlite"
        with closing(sqlite3.connect(data_dir / DB_FILE)) as source, closing(sqlite3.connect(path)) as copy:
            source.backup(copy)
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            self.db.execute(f"PRAGMA {pragma}")
        self.incident_id = incident_id

    def append(self, body: str) -> None:
        at, db, iid = datetime.now(UTC), self.db, self.incident_id
        db.execute("BEGIN IMMEDIATE")
        end = db.execute(incident_log._SQLITE_END_OPEN, (iid,)).fetchone()
        last_seq, prev, indexed_upto, ledger_seq, ledger_hash = end
        seq = last_seq + 1
        digest = incident_log.chain_hash(
            prev, incident_log.canonical(iid, seq, at, "lead", "action", body, None, None, {})
        )
        stored = at.strftime("%Y-%m-%d %H:%M:%S.%f")
        row = (iid, seq, stored, "lead", "action", body, None, None, "{}", prev, digest)
        db.execute(incident_log._SQLITE_INSERT, row)
        db.execute(incident_log._SQLITE_SEAL, (seq, digest, iid))
        cursor = db.cursor()  # raw cursor statements too: the ledger entry, the search index
        ledger_chain.append_log_sqlite(cursor, _SQLITE, ledger_seq, ledger_hash, iid, "lead", at, digest)
        incident_log._index_after(cursor, indexed_upto)
        db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


# -- GUI: first paint and stall (child process) ---------------------------------------------------
def _gui(sizes: Sizes, big: Fixture, cache_dir: Path) -> bool:
    label = f"first paint of the log ({big.entries:,} entries)"
    paint = _child("paint", str(big.data_dir), str(big.incident_id), str(sizes.runs))
    if isinstance(paint, str):
        ok = _failed(label, paint)
    else:
        ours, floor = Figure("model", paint["model"]), Figure("QSqlQueryModel", paint["floor"])
        ok = print_ratio(label, ours, floor, 1.5)
    label = f"longest GUI stall, {sizes.stall_entries:,} entries logged"
    stall = _stall(sizes, cache_dir)
    if isinstance(stall, str):  # a crash is a finding: say so, then measure what can be measured
        ok = _failed(label, stall)
        stall = _stall(sizes, cache_dir, "--keep-handles")
        if isinstance(stall, str):
            return _failed(label, stall)
    ok &= print_limit(label, stall["max_gap"], 50)
    print(
        f"    through {stall['via']}: all on disk and shown after {stall['elapsed']:.1f} s; "
        f"heartbeat gaps p99 {stall['p99_gap'] * 1000:.1f} ms; GUI-thread CPU in the longest gap "
        f"{stall['max_gap_cpu'] * 1000:.1f} ms, in any gap at most {stall['max_cpu'] * 1000:.1f} ms"
    )
    return ok


def _stall(sizes: Sizes, cache_dir: Path, *options: str) -> dict[str, Any] | str:
    stall_dir = cache_dir / "stall"
    shutil.rmtree(stall_dir, ignore_errors=True)
    try:
        return _child("stall", str(stall_dir), str(sizes.stall_entries), *options)
    finally:
        shutil.rmtree(stall_dir, ignore_errors=True)


def _child(*args: str) -> dict[str, Any] | str:
    return run_child("tools.bench.incident_gui", *args)


def _failed(label: str, how: str) -> bool:
    print(f"  {label:<44} FAILED: the measuring process ended ({how})")
    return False


# -- report ----------------------------------------------------------------------------------------
def _report(sizes: Sizes, cache_dir: Path) -> bool:
    from branchguard.reports.fonts import find_cjk_font
    from branchguard.reports.incident_report import build_incident_report

    fixture = cached(sizes.report_entries, closed=True, cache_dir=cache_dir)
    out = cache_dir / "report"
    out.mkdir(exist_ok=True)
    ctx = open_context(fixture.data_dir)
    try:
        lead = lead_actor(fixture.data_dir)
        entries = ctx.services.incidents.get(lead, fixture.incident_id).entries
        font = find_cjk_font()
        rows = [
            [str(e.seq), e.at.astimezone().strftime(STAMP), e.actor, e.kind.label, entry_text(e)]
            for e in entries
        ]
        ours, theirs = [], []
        for _ in range(sizes.report_runs):
            ours.append(
                _timed(
                    lambda: build_incident_report(ctx.services, lead, fixture.incident_id, out / "ours.pdf")
                )
            )
            theirs.append(_timed(lambda: _bare_report(out / "bare.pdf", rows, font.name)))
    finally:
        ctx.close()
    print(f"    {len(entries):,} entries; PDFs in {out}")
    return print_ratio(
        f"incident report, {len(entries):,} entries",
        Figure("build_incident_report", ours),
        Figure("bare ReportLab", theirs),
        1.3,
        unit="s",
    )


def _bare_report(path: Path, rows: list[list[str]], font: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=10.8)
    margin = 14 * mm
    fixed = [14 * mm, 34 * mm, 18 * mm, 20 * mm]
    widths = [*fixed, A4[0] - 2 * margin - sum(fixed)]
    header = ["#", "时间", "人员", "类型", "内容"]
    data = [[Paragraph(escape(text), cell) for text in row] for row in [header, *rows]]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin)
    doc.build([table])


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# -- search ----------------------------------------------------------------------------------------
def _search(sizes: Sizes, big: Fixture) -> bool:
    ctx = open_context(big.data_dir)
    try:
        lead: Actor = lead_actor(big.data_dir)
        times: dict[str, float] = {}
        hits: dict[str, int] = {}
        for query in QUERIES:
            hits[query] = len(ctx.services.incidents.search(lead, query))  # warm: a first read from disk
            samples = [
                _timed(lambda q=query: ctx.services.incidents.search(lead, q)) for _ in range(sizes.runs)
            ]
            times[query] = statistics.median(samples)
    finally:
        ctx.close()
    worst = max(times, key=lambda q: times[q])
    listed = ", ".join(f"{q} {times[q] * 1000:.0f} ms ({hits[q]})" for q in QUERIES)
    ok = print_limit(f"full-text search ({big.entries:,} entries), worst", times[worst], 100)
    print(f"    median of {sizes.runs} per query (hits, at most 200): {listed}")
    return ok


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(0 if run() else 1)
