"""Head office at scale (issue 15, item 4): a year of monthly packages from N branches imported,
and the multi-branch roll-up opened, each against a floor measured in the same run.

Fixture: N branches, each `branchguard demo --years 1 --seed i` (the demo generator, varied by its
seed) with its own code and key, each exporting twelve monthly packages (without PDF reports: the
figures are head office's work, not ReportLab's); built once into `.bench/headoffice-N/` and
reused while the generator, the exchange code and the schema are unchanged. Branches are built
`BRANCHGUARD_BENCH_WORKERS` at a time (default: two, or one on a single core), and a build that was
stopped goes on from the last complete branch.

Import: every package through `HeadOfficeService.import_package` (signature, hashes, schema,
continuity, one transaction), month by month, timed one by one. Floor: the very rows that import
wrote (its package row, ledger positions and records, read back after each import), inserted
right then into a second head-office database, empty at the start, with one DB-API bulk insert
per table (`COPY` on PostgreSQL, `executemany` on SQLite) and one commit per package. Target:
ours within 3× of the floor, per package on average.

Roll-up: `HeadOfficeService.branches` (what the Branches page and `ho branches` show), median of
five, against the same aggregates as plain SQL on the DB-API connection. Target 1.5×.

Targets on PostgreSQL, the engine head office runs on (issue 15, item 4), with the throwaway server
of tests/conftest.py; the same figures on SQLite are printed for reference.
N: `BRANCHGUARD_BENCH_BRANCHES` (default 20, a few minutes here; the issue's figure is 200).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tools.bench.common import ROOT

CACHE_DIR = ROOT / ".bench"
BRANCHES = int(os.environ.get("BRANCHGUARD_BENCH_BRANCHES", "20"))
# Branches built at once, one process each (each is CPU-bound Python: more than the cores is no gain).
WORKERS = int(os.environ.get("BRANCHGUARD_BENCH_WORKERS", str(min(2, os.cpu_count() or 1))))
MONTHS = 12
RUNS = 5
IMPORT_TARGET, ROLLUP_TARGET = 3.0, 1.5
HO_USER, HO_PASSWORD = "admin", "head-office-bench-2026"
CODE = (
    "core/demo/bulk.py",
    "core/demo/history.py",
    "core/exchange/service.py",
    "core/exchange/store.py",
    "core/exchange/rules.py",
)


@dataclass(frozen=True)
class Fleet:
    folder: Path
    codes: list[str]
    months: list[str]  # oldest first

    def key(self, code: str) -> Path:
        return self.folder / "keys" / f"{code}.pem"

    def package(self, code: str, month: str) -> Path:
        return self.folder / "packages" / f"{code}-{month}.zip"


def months_before(today: date, n: int = MONTHS) -> list[str]:
    """The `n` full months before `today`'s, oldest first."""
    out, year, month = [], today.year, today.month
    for _ in range(n):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        out.append(f"{year:04d}-{month:02d}")
    return out[::-1]


def fleet(
    branches: int = BRANCHES,
    cache_dir: Path = CACHE_DIR,
    workers: int = WORKERS,
    months: int = MONTHS,
    history: bool = True,
) -> Fleet:
    """N branches' packages (one a month, of the `months` before today's) and keys, built when
    missing or made by other code. A build stopped part-way goes on where it stopped: a branch
    whose key is written has all its packages. `history=False`: each branch only the demo's
    records, no year of history (the bench's smoke test of the building itself: a year is ~5 s of
    CPU a branch, and that test checks the fleet's making, not what a package holds)."""
    from concurrent.futures import ProcessPoolExecutor

    from branchguard.db.migrate import head_revision

    folder = cache_dir / f"headoffice-{branches}"
    today = date.today()
    digest = hashlib.sha256(b"".join((ROOT / "branchguard" / p).read_bytes() for p in CODE)).hexdigest()
    stamp = {
        "branches": branches,
        "months": months,
        "history": history,
        "schema": head_revision(),
        "code": digest,
        "today": today.isoformat(),
    }
    result = Fleet(folder, [f"BR-{i + 1:03d}" for i in range(branches)], months_before(today, months))
    stamp_path, done_path = folder / "fleet.json", folder / "building.json"
    if stamp_path.is_file() and json.loads(stamp_path.read_text()) == stamp:
        return result
    if not (done_path.is_file() and json.loads(done_path.read_text()) == stamp):
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "keys").mkdir(parents=True)
        (folder / "packages").mkdir()
        done_path.write_text(json.dumps(stamp))
    todo = [(i, code) for i, code in enumerate(result.codes) if not result.key(code).is_file()]
    started, made = time.perf_counter(), branches - len(todo)
    jobs = [(result, i, code, today, history) for i, code in todo]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(min(workers, len(jobs))) as pool:
            for _ in pool.map(_branch, jobs):
                made += 1
                _said(made, branches, started)
    else:
        for job in jobs:
            _branch(job)
            made += 1
            _said(made, branches, started)
    done_path.unlink()
    stamp_path.write_text(json.dumps(stamp))
    return result


def _said(made: int, branches: int, started: float) -> None:
    if made % 10 == 0 or made == branches:
        print(f"  branch {made}/{branches} made ({time.perf_counter() - started:.0f} s)", flush=True)


def _branch(job: tuple[Fleet, int, str, date, bool]) -> None:
    """One real branch: the demo records, a year of history seeded by its number (its own data,
    ledger chain and key), twelve monthly packages, then its public key (written last: the
    branch is complete). Its data folder is removed: only the packages and the key are kept."""
    from branchguard.context import open_context
    from branchguard.core.kernel.types import Actor, Role

    fleet_, i, code, today, history = job
    data_dir = fleet_.folder / "branches" / code
    shutil.rmtree(data_dir, ignore_errors=True)
    ctx = open_context(data_dir, lang="zh_CN")
    try:
        ctx.services.demo.fill(records=True)
        if history:
            ctx.services.demo.fill_history(1, i + 1, today - timedelta(days=1))  # it ends before today
        info = ctx.services.auth.user_by_name("lead")
        assert info is not None
        lead = Actor(info.id, info.username, Role(info.role))
        branch = ctx.services.branch.get()
        assert branch is not None
        ctx.services.branch.update(lead, name=f"示范银行第{i + 1}支行", code=code, address=branch.address)
        for month in fleet_.months:
            ctx.services.exchange.export(lead, month, fleet_.package(code, month))
        partial = fleet_.key(code).with_suffix(".part")
        ctx.services.exchange.export_key(lead, partial)
        partial.replace(fleet_.key(code))
    finally:
        ctx.close()
    shutil.rmtree(data_dir)


# -- head office databases --------------------------------------------------------------------
@contextmanager
def head_office(folder: Path, url: str | None, fleet_: Fleet) -> Iterator[tuple[Any, Any]]:
    """A new head office with every branch registered: (context, its administrator)."""
    from branchguard.context import open_context

    ctx = open_context(folder, url, lang="zh_CN")
    try:
        ctx.services.headoffice.init("华东区总行", HO_USER, HO_PASSWORD)
        admin = ctx.services.auth.login(HO_USER, HO_PASSWORD)
        for n, code in enumerate(fleet_.codes):
            ctx.services.headoffice.add_branch(admin, code, f"第{n + 1}支行", fleet_.key(code))
        yield ctx, admin
    finally:
        ctx.close()


TABLES = {
    "ho_packages": "SELECT * FROM ho_packages WHERE id = {pid}",
    "ho_ledger": "SELECT * FROM ho_ledger WHERE branch_id = {bid} AND seq BETWEEN {lo} AND {hi}",
    "ho_records": "SELECT * FROM ho_records WHERE package_id = {pid}",
}


def _rows_of(engine: Any, package_id: int, pg: bool) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """What one import wrote, as DB-API rows ready to insert again (JSON as text on PostgreSQL)."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(f"SELECT branch_id, ledger_from, ledger_to FROM ho_packages WHERE id = {package_id}")
        bid, lo, hi = cur.fetchone()
        out = {}
        for table, sql in TABLES.items():
            cur.execute(sql.format(pid=package_id, bid=bid, lo=lo, hi=hi))
            columns = [d[0] for d in cur.description]
            rows = [tuple(json.dumps(v) if pg and isinstance(v, dict | list) else v for v in r) for r in cur]
            out[table] = (columns, rows)
        return out
    finally:
        raw.close()


def imports(
    ctx: Any, admin: Any, bare: Any, fleet_: Fleet, pg: bool
) -> tuple[list[float], list[float], int]:
    """Every package, month by month, each import followed at once by its floor (so a busy moment
    of the machine falls on both): each import's wall time, each floor's, and the rows written."""
    from sqlalchemy import func, select

    from branchguard.core.headoffice.types import ImportOutcome
    from branchguard.db.models.exchange import HoPackageRow

    times, floor_times, rows = [], [], 0
    raw = bare.engine.raw_connection()
    try:
        for month in fleet_.months:
            for code in fleet_.codes:
                started = time.perf_counter()
                result = ctx.services.headoffice.import_package(admin, fleet_.package(code, month))
                times.append(time.perf_counter() - started)
                assert result.outcome is ImportOutcome.IMPORTED, result
                with ctx.sessions() as s:
                    package_id = s.scalar(select(func.max(HoPackageRow.id)))
                written = _rows_of(ctx.engine, package_id, pg)
                rows += sum(len(v[1]) for v in written.values())
                floor_times.append(floor_insert(raw, written, pg))
                if len(times) % 500 == 0:
                    print(f"    {len(times)} packages imported", flush=True)
    finally:
        raw.close()
    return times, floor_times, rows


def floor_insert(raw: Any, rows: dict[str, Any], pg: bool) -> float:
    """The rows one import wrote, one bulk insert per table (COPY on PostgreSQL, executemany on
    SQLite) and one commit: its wall time."""
    mark = "%s" if pg else "?"
    cur = raw.cursor()
    started = time.perf_counter()
    for table in TABLES:
        columns, values = rows[table]
        if not values:
            continue
        if table == "ho_records":  # a record carried again replaces its copy, as an import does
            at = [columns.index(c) for c in ("branch_id", "kind", "source_id")]
            where = f"branch_id = {mark} AND kind = {mark} AND source_id = {mark}"
            keys = [tuple(v[i] for i in at) for v in values]
            cur.executemany(f"DELETE FROM ho_records WHERE {where}", keys)
        if pg:  # PostgreSQL's fastest bulk path
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
        else:
            marks = ", ".join([mark] * len(columns))
            cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    raw.commit()
    return time.perf_counter() - started


ROLLUP_SQL = (
    "SELECT id, code, name, fingerprint, ledger_seq, last_package_id FROM ho_branches ORDER BY code",
    "SELECT id, branch_id, period, imported_at FROM ho_packages"
    " WHERE id IN (SELECT last_package_id FROM ho_branches)",
    "SELECT branch_id, count(*) FROM ho_packages GROUP BY branch_id",
    "SELECT branch_id, kind, count(*) FROM ho_records GROUP BY branch_id, kind",
    "SELECT branch_id, category, count(*) FROM ho_records WHERE kind = 'incidents'"
    " GROUP BY branch_id, category",
    "SELECT branch_id, level, count(*) FROM ho_records WHERE kind = 'incidents' GROUP BY branch_id, level",
    "SELECT branch_id,"
    " sum(CASE WHEN kind = 'hazards' AND status NOT IN ('verified', 'closed') THEN 1 ELSE 0 END),"
    " sum(CASE WHEN kind = 'hazards' AND status NOT IN ('verified', 'closed') AND due_at < {now}"
    " THEN 1 ELSE 0 END),"
    " min(CASE WHEN kind = 'hazards' AND status NOT IN ('verified', 'closed') THEN opened_at END),"
    " sum(CASE WHEN kind = 'drills' AND score IS NOT NULL THEN 1 ELSE 0 END),"
    " avg(CASE WHEN kind = 'drills' THEN score END),"
    " sum(CASE WHEN kind = 'actions' AND status = 'open' AND due_at < {now} THEN 1 ELSE 0 END)"
    " FROM ho_records GROUP BY branch_id",
    "SELECT branch_id, score FROM ho_records WHERE kind = 'drills' AND score IS NOT NULL"
    " ORDER BY branch_id, closed_at",
    "SELECT branch_id, source_id, status FROM ho_records WHERE kind = 'compliance'",
)


def floor_rollup(ctx: Any, pg: bool) -> Callable[[], int]:
    now = "now()" if pg else "strftime('%Y-%m-%d %H:%M:%f', 'now')"

    def read() -> int:
        raw = ctx.engine.raw_connection()
        try:
            cur, n = raw.cursor(), 0
            for sql in ROLLUP_SQL:
                cur.execute(sql.format(now=now))
                n += len(cur.fetchall())
            raw.rollback()
            return n
        finally:
            raw.close()

    return read


def _median_of(fn: Callable[[], Any], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def measure(engine_name: str, urls: tuple[str | None, str | None], fleet_: Fleet, tmp: Path) -> bool:
    """Imports and roll-up on one engine; whether PostgreSQL's are within target (SQLite's figures
    are printed for reference: head office runs on PostgreSQL, issue 15 item 4)."""
    pg = engine_name == "PostgreSQL"
    with (
        head_office(tmp / f"{engine_name}-ours", urls[0], fleet_) as (ours, admin),
        head_office(tmp / f"{engine_name}-floor", urls[1], fleet_) as (bare, _admin),
    ):
        times, floor_times, rows = imports(ours, admin, bare, fleet_, pg)
        listed = ours.services.headoffice.branches(admin)
        assert len(listed) == len(fleet_.codes)
        ours_rollup, floor_read = 0.0, floor_rollup(ours, pg)
        floor_time = 0.0
        for _ in range(RUNS):  # interleaved, so a busy moment falls on both
            ours_rollup += _median_of(lambda: ours.services.headoffice.branches(admin), 1)
            floor_time += _median_of(floor_read, 1)
    mean, floor_mean = statistics.fmean(times), statistics.fmean(floor_times)
    import_ratio, rollup_ratio = mean / floor_mean, ours_rollup / floor_time
    def verdict(ratio: float, target: float) -> str:
        if not pg:
            return "(reference: head office runs on PostgreSQL)"
        return f"target ≤ {target:.1f}×  {'ok' if ratio <= target else 'OVER TARGET'}"

    import_verdict = verdict(import_ratio, IMPORT_TARGET)
    rollup_verdict = verdict(rollup_ratio, ROLLUP_TARGET)
    print(
        f"  {engine_name}: {len(times)} packages, {rows} rows\n"
        f"    import per package   {mean * 1000:8.1f} ms (median {statistics.median(times) * 1000:.1f})"
        f"  floor {floor_mean * 1000:7.1f} ms  ratio {import_ratio:5.2f}×  {import_verdict}\n"
        f"    roll-up, {len(listed)} branches {ours_rollup / RUNS * 1000:8.1f} ms"
        f"  floor {floor_time / RUNS * 1000:7.1f} ms  ratio {rollup_ratio:5.2f}×  {rollup_verdict}"
    )
    return import_ratio <= IMPORT_TARGET and rollup_ratio <= ROLLUP_TARGET


def _postgres() -> Any:
    """The tests' throwaway PostgreSQL server, or None where it cannot start here."""
    try:
        import sys

        sys.path.insert(0, str(ROOT))
        from tests.conftest import start_cluster

        return start_cluster()
    except BaseException as exc:  # no server binaries, no unprivileged user: say so and go on
        print(f"  PostgreSQL: not measured ({type(exc).__name__}: {str(exc)[:120]})")
        return None


def run(branches: int = BRANCHES, cache_dir: Path = CACHE_DIR, postgres: bool = True) -> bool:
    print(f"head office: a year of monthly packages from {branches} branches (BRANCHGUARD_BENCH_BRANCHES)")
    fleet_ = fleet(branches, cache_dir)
    met = False  # the targets are PostgreSQL's: not met unless measured there
    with tempfile.TemporaryDirectory(prefix="bg-bench-ho-") as tmp:
        measure("SQLite", (None, None), fleet_, Path(tmp))
        cluster = _postgres() if postgres else None
        if cluster is not None:
            try:
                for name in ("bench_ho_ours", "bench_ho_floor"):
                    cluster.execute(f'CREATE DATABASE "{name}"')
                urls = (cluster.url("bench_ho_ours"), cluster.url("bench_ho_floor"))
                met = measure("PostgreSQL", urls, fleet_, Path(tmp))
            finally:
                cluster.destroy()
    print("  (figures are noisy on a shared 2-core machine: compare ratios, not times)")
    return met


if __name__ == "__main__":
    raise SystemExit(0 if run() else 1)
