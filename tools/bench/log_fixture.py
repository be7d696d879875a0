"""Incident logs of any length for the benchmarks, built in seconds and cached under .bench/.

BranchGuard creates the database, the demo branch and the incident (so the schema, the start
entry and the accounts are its own); the entries are then written with raw sqlite3 executemany,
each with a valid link in the hash chain (incident_log.canonical and chain_hash) and its FTS row
(incident_log.search_terms), so `branchguard verify` passes and search finds them. Texts mix
Chinese and English the way a branch's log does. A cached fixture is reused while this file, the
chain and search functions and the schema revision are unchanged.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from unittest import mock

from branchguard.context import open_context
from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import TYPED_KINDS, EntryKind
from branchguard.core.kernel.types import Actor, Role
from branchguard.db.engine import sqlite_url
from branchguard.db.migrate import head_revision
from branchguard.db.models import incidents as incident_models
from branchguard.db.models.incidents import FTS_STATE_TABLE, FTS_TABLE
from tools.bench.common import ROOT

CACHE_DIR = ROOT / ".bench"
DB_FILE = "branchguard.sqlite"
STAMP_FILE = "fixture.json"
BATCH = 20_000
POOL = 8192  # distinct entry texts: a long log repeats itself, and each text's terms are made once
CHECK_EVERY = 997
SPACING_US = 250_000  # a million entries span about three days: a multi-day incident

# Fragments of a branch's incident log; an entry joins one of each group. search_terms works
# character by character, so an entry's terms are the joined terms of its fragments.
WHO = ("大堂经理", "保安周强", "柜员张伟", "网点负责人", "110 民警", "物业电工", "IT 值班 helpdesk ", "客户")
DID = (
    "已疏散", "正在核实", "报告", "确认", "联系了", "检查", "关闭", "重启", "安抚", "登记",
    " called ", " checked ", " escalated ", " reset ",
)  # fmt: skip
WHAT = (
    "营业厅客户", "ATM 3号机", "POS terminal", "CCTV 录像", "金库门", "消防通道", "现金区",
    "核心系统 core banking", "UPS 电源", "报警按钮", "head office 安保部", "配电箱", "监控室",
)  # fmt: skip
TAIL = (
    "，无人员受伤", "，等待总行回复", "，情况稳定", " - ticket INC{n}", "，金额 {n} 元", "，约 {n} 人",
    "，已拍照留存", "，see photo {n}", "，正常", "，仍在处理中", " (ETA {n} min)", "",
)  # fmt: skip


@dataclass(frozen=True)
class Fixture:
    data_dir: Path
    incident_id: int
    entries: int  # including the start entry

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def db_url(self) -> str:
        return sqlite_url(self.db_path)


def lead_actor(data_dir: Path) -> Actor:
    # closing(): `with` on a connection only commits, and an unclosed one (freed only by a garbage
    # collection: its statement cache refers back to it) kept the file open, which made the
    # fixture's switch out of WAL "database is locked" when no collection happened to come first.
    with closing(sqlite3.connect(data_dir / DB_FILE)) as db:
        (user_id,) = db.execute("SELECT id FROM users WHERE username = 'lead'").fetchone()
    return Actor(user_id=user_id, username="lead", role=Role.LEAD)


def cached(entries: int, *, closed: bool = False, cache_dir: Path = CACHE_DIR) -> Fixture:
    """The fixture under `cache_dir`, built when missing or made by another version of the code."""
    data_dir = cache_dir / f"log-{entries}{'-closed' if closed else ''}"
    stamp = _stamp(entries, closed)
    stamp_path = data_dir / STAMP_FILE
    if stamp_path.is_file():
        found = json.loads(stamp_path.read_text())
        if {k: v for k, v in found.items() if k != "incident_id"} == stamp:
            return Fixture(data_dir, found["incident_id"], entries)
    shutil.rmtree(data_dir, ignore_errors=True)
    started, cpu = time.perf_counter(), time.process_time()
    fixture = build(data_dir, entries, closed=closed)
    stamp_path.write_text(json.dumps(stamp | {"incident_id": fixture.incident_id}))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"  built a {entries:,}-entry log in {wall:.1f} s ({cpu:.1f} s CPU) into {data_dir}")
    return fixture


def _stamp(entries: int, closed: bool) -> dict[str, object]:
    parts = [inspect.getsource(f) for f in (incident_log.canonical, incident_log.search_terms)]
    parts.append(Path(__file__).read_text(encoding="utf-8"))
    # The tables' definitions too: an index added to an unreleased revision keeps its number.
    parts.append(Path(incident_models.__file__).read_text(encoding="utf-8"))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return {"entries": entries, "closed": closed, "schema": head_revision(), "code": digest}


def build(data_dir: Path, entries: int, *, seed: int = 4, closed: bool = False) -> Fixture:
    """A new data folder holding the demo branch and one incident with `entries` entries: open, or
    with steps marked and closed (the last CLOSING entries)."""
    if entries < 1 + (CLOSING if closed else 0):
        raise ValueError("an incident has at least its start entry (and its closing ones)")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(microseconds=SPACING_US * entries)
    ctx = open_context(data_dir)
    try:
        ctx.services.demo.fill()
        lead = lead_actor(data_dir)
        with mock.patch("branchguard.core.incidents.service.utcnow", return_value=start):
            incident = ctx.services.incidents.start(lead, "ROB", title="营业厅抢劫警情 robbery alarm")
    finally:
        ctx.close()
    db = sqlite3.connect(data_dir / DB_FILE, isolation_level=None)
    try:
        # A fixture, not a record: no journal and no syncing while it is written (the file is
        # thrown away if this fails), then back to WAL as BranchGuard keeps it.
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144"):
            db.execute(f"PRAGMA {pragma}")
        db.execute("BEGIN")
        _fill(db, incident.id, entries - (CLOSING if closed else 0), start, random.Random(seed))
        db.execute("COMMIT")
        db.execute("PRAGMA journal_mode=WAL")
    finally:
        db.close()
    if closed:
        _close(data_dir, incident.id)
    return Fixture(data_dir, incident.id, entries)


@dataclass(frozen=True)
class _Line:
    """One distinct entry: text, search terms, kind, author, and the fixed parts of its canonical
    JSON (keys sorted: actor, at, corrects, data, incident, kind, seq, step, text)."""

    body: str
    terms: str
    kind: str
    actor: str

    @cached_property
    def json_parts(self) -> tuple[str, str, str]:
        actor, kind, text = (json.dumps(v, ensure_ascii=False) for v in (self.actor, self.kind, self.body))
        return f'{{"actor":{actor},"at":"', f'"kind":{kind},"seq":', f',"step":null,"text":{text}}}'


def _fill(
    db: sqlite3.Connection, incident_id: int, entries: int, start: datetime, rng: random.Random
) -> None:
    """Append entries up to number `entries` in the caller's transaction.

    (On one thread: a writer thread would hand the GIL back and forth for every row it binds.)
    """
    seq, head = db.execute(
        "SELECT last_seq, chain_head FROM incidents WHERE id = ?", (incident_id,)
    ).fetchone()
    (next_id,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM incident_log").fetchone()
    for rows, terms in _batches(incident_id, seq, head, next_id, entries, start, rng):
        _flush(db, rows, terms)
    (seq, head) = db.execute(
        "SELECT seq, hash FROM incident_log WHERE incident_id = ? ORDER BY seq DESC LIMIT 1", (incident_id,)
    ).fetchone()
    db.execute("UPDATE incidents SET last_seq = ?, chain_head = ? WHERE id = ?", (seq, head, incident_id))
    # Every entry went into the search index with its row.
    db.execute(f"UPDATE {FTS_STATE_TABLE} SET indexed_upto = (SELECT max(id) FROM incident_log)")


Batch = tuple[list[tuple[object, ...]], list[tuple[int, str]]]


def _batches(
    incident_id: int, seq: int, head: str, next_id: int, entries: int, start: datetime, rng: random.Random
) -> Iterator[Batch]:
    """The log rows and FTS rows after entry `seq`, BATCH at a time.

    canonical() (sorted-key json.dumps) and strftime would take most of a minute for a million
    entries, so each line's JSON is made once and only the time and numbers are filled in; every
    CHECK_EVERY entries the result is compared with incident_log.canonical itself.
    """
    lines, fixes = _lines(rng)
    epoch = int(start.timestamp())
    chain_hash = incident_log.chain_hash
    after_at = f'Z","corrects":{{}},"data":{{{{}}}},"incident":{incident_id},'
    plain = after_at.format("null")
    seconds, prefix, stamps = -1, "", {0: ("", "")}  # micros -> (as stored, as hashed) this second
    rows: list[tuple[object, ...]] = []
    terms: list[tuple[int, str]] = []
    for line in rng.choices(lines, k=entries - seq):
        seq += 1
        corrects, middle = None, plain
        if seq > 10 and rng.random() < 0.005:  # people correct one of their last few entries
            line, corrects = rng.choice(fixes), seq - rng.randrange(1, 8)
            middle = after_at.format(corrects)
        whole, micros = divmod(seq * SPACING_US, 1_000_000)
        if whole != seconds:
            seconds, stamps = whole, {}
            # isoformat, not strftime: glibc's strftime looks at /etc/localtime on every call
            prefix = datetime.fromtimestamp(epoch + whole, UTC).replace(tzinfo=None).isoformat(" ")
        stamp = stamps.get(micros)
        if stamp is None:
            stored = f"{prefix}.{micros:06d}"
            stamp = stamps[micros] = (stored, stored.replace(" ", "T"))
        who, kind, text = line.json_parts
        content = f"{who}{stamp[1]}{middle}{kind}{seq}{text}"
        if seq % CHECK_EVERY == 0:
            _check(content, incident_id, seq, start, line, corrects)
        digest = chain_hash(head, content)
        row = (next_id, incident_id, seq, stamp[0], line.actor, line.kind, line.body, None, corrects, "{}")
        rows.append((*row, head, digest))
        terms.append((next_id, line.terms))
        head, next_id = digest, next_id + 1
        if len(rows) >= BATCH:
            yield rows, terms
            rows, terms = [], []
    if rows:
        yield rows, terms


def _check(
    content: str, incident_id: int, seq: int, start: datetime, line: _Line, corrects: int | None
) -> None:
    at = start + timedelta(microseconds=seq * SPACING_US)
    real = incident_log.canonical(incident_id, seq, at, line.actor, line.kind, line.body, None, corrects, {})
    if content != real:
        raise AssertionError(f"fixture entry {seq} differs from canonical():\n{content}\n{real}")


def _flush(db: sqlite3.Connection, rows: list[tuple[object, ...]], terms: list[tuple[int, str]]) -> None:
    db.executemany("INSERT INTO incident_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", terms)


def _lines(rng: random.Random) -> tuple[list[_Line], list[_Line]]:
    """POOL distinct typed entries, and as many corrections of them."""
    groups = [[(f, incident_log.search_terms(f)) for f in group] for group in (WHO, DID, WHAT, TAIL)]
    kinds = [k.value for k in TYPED_KINDS]
    fix, fix_terms = "更正：", incident_log.search_terms("更正：")
    lines, fixes = [], []
    for _ in range(POOL):
        parts = [rng.choice(group) for group in groups]
        n = str(rng.randrange(1, 5000))
        body = "".join(p[0] for p in parts).replace("{n}", n)
        terms = "".join(p[1] for p in parts).replace("{n}", n)
        actor = "lead" if rng.random() < 0.6 else "staff"
        lines.append(_Line(body, terms, rng.choice(kinds), actor))
        fixes.append(_Line(fix + body, fix_terms + terms, EntryKind.CORRECTION.value, actor))
    return lines, fixes


def sample_texts(count: int, seed: int = 4) -> list[str]:
    """Entry texts like the fixture's, for benchmarks that type or log their own."""
    lines, _fixes = _lines(random.Random(seed))
    return [line.body for line in random.Random(seed).choices(lines, k=count)]


CLOSING = 5  # entries _close adds: four step marks and the close


def _close(data_dir: Path, incident_id: int) -> None:
    """Mark the plan's first steps and close with an outcome and actions, as a finished incident."""
    from branchguard.core.incidents.types import CloseInput, FollowUpInput

    ctx = open_context(data_dir)
    try:
        lead = lead_actor(data_dir)
        incidents = ctx.services.incidents
        for number in (1, 2, 3):
            incidents.mark_step(lead, incident_id, number)
        incidents.mark_step(lead, incident_id, 4, done=False, reason="嫌疑人已离开 suspect gone")
        actions = (
            FollowUpInput("复查 CCTV 录像并提交警方", "保安周强"),
            FollowUpInput("更换 ATM 3号机钞箱锁", "IT helpdesk"),
        )
        incidents.close(lead, incident_id, CloseInput(outcome="处置完毕，无人员受伤", actions=actions))
    finally:
        ctx.close()
