"""The floors of the scale bench's command table (tools/bench/scale.py): the same work as each
command, as plainly as Python and the database driver can do it, in a fresh interpreter.

`python -m tools.bench.scale_floors KIND DATA_DIR OUT [URL]`: on the data folder's SQLite file
with sqlite3, or with URL (postgresql+psycopg://…) on that PostgreSQL database with psycopg. Every
floor first imports the libraries every command truly needs (SQLAlchemy's ORM and the engine's
dialect, as tools/bench/cli_startup.py's floor does: the stack is SQLAlchemy's and the services are
ORM code; issue 20: "python … plus the modules the command truly needs") and checks the lead's
password against its stored argon2 hash, as every command must. The work itself is plain.
  hazards    SELECT every hazard, json.dumps the rows
  schedules  SELECT every schedule, print the rows
  verify     walk the ledger's chain (SHA-256 of each entry's canonical JSON), SHA-256 every row of
             every other table, and walk the incident log's chain the same way
  register   the same hazards as one bare ReportLab table (tools/bench/hazards.py's floor), after
             the proof every report prints (reports/anchoring.py): the ledger's chain walked and
             the rows of the kinds of record the register prints hashed
  dashboard  the tiles' counts and a year of months in plain SQL
  summary    last year's incidents as one bare ReportLab table, after the same proof over the
             kinds of record the periodic report counts
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

# The tables of the kinds of record each document's proof checks (reports/anchoring.py).
REGISTER_TABLES = ("hazards", "hazard_steps", "hazard_events")
PERIOD_TABLES = (
    "incidents", "incident_actions", "drill_plans", "drill_evaluations", "inspections", *REGISTER_TABLES,
    "complaints", "complaint_steps", "complaint_events", "early_warnings",
    "schedules", "schedule_occurrences", "drill_compliance_rules",
)  # fmt: skip
ORM = ("sqlalchemy.orm",)  # what every command needs besides its work (see the docstring)
LEAD = ("lead", "lead-demo-2026")  # tools/bench/common.LEAD: a floor imports nothing of the bench


class Db:
    """One connection and the few places where SQLite's SQL and PostgreSQL's differ."""

    def __init__(self, data_dir: Path, url: str = "") -> None:
        self.postgres = bool(url)
        if url:
            import psycopg

            parts = urlsplit(url)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            self.conn: Any = psycopg.connect(
                dbname=parts.path.lstrip("/"),
                user=parts.username or "",
                host=query.get("host", parts.hostname or ""),
                port=query.get("port", str(parts.port or "")),
            )
        else:
            import sqlite3

            self.conn = sqlite3.connect(data_dir / "branchguard.sqlite")

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s") if self.postgres else sql, params)

    def month(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM')" if self.postgres else f"substr({column}, 1, 7)"

    def year(self, column: str) -> str:
        return f"to_char({column}, 'YYYY')" if self.postgres else f"substr({column}, 1, 4)"

    def month_view(self) -> dict[str, str]:
        """The calendar's month view as SQL literals: the six weeks from the Monday on or before
        this month's first day (gui/schedules/calendar_views.py, `month_start`), in local dates."""
        first = date.today().replace(day=1)
        start = first - timedelta(days=first.weekday())
        return {
            "grid_start": f"'{start.isoformat()}'",
            "grid_end": f"'{(start + timedelta(days=42)).isoformat()}'",
        }

    def year_ago(self) -> str:
        return "now() - interval '12 months'" if self.postgres else "date('now', '-12 months')"

    def tables(self) -> list[str]:
        if self.postgres:
            sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            return [name for (name,) in self.execute(sql)]
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
        names = [name for (name,) in self.execute(sql)]
        return [name for name in names if not name.startswith("sqlite_") and "_fts" not in name]


def floor(kind: str, data_dir: Path, out: Path, url: str = "") -> None:
    for name in ORM + (
        ("sqlalchemy.dialects.postgresql.psycopg",) if url else ("sqlalchemy.dialects.sqlite",)
    ):
        __import__(name)
    db = Db(data_dir, url)
    _login(db)
    if kind == "hazards":
        cur = db.execute("SELECT * FROM hazards ORDER BY opened_at DESC")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
    elif kind == "schedules":
        for row in db.execute("SELECT * FROM schedules ORDER BY active DESC, start_at, id"):
            sys.stdout.write(" | ".join(map(str, row)) + "\n")
    elif kind == "verify":  # the work `verify` does, in plain Python: the ledger, every record, the log
        _ledger(db)
        _records(db)
        _log(db)
    elif kind == "register":
        from branchguard.reports.fonts import find_cjk_font
        from tools.bench.hazards import _bare_register

        _ledger(db)
        _records(db, REGISTER_TABLES)
        sql = (
            "SELECT id, severity, description, location, owner, due_date FROM hazards ORDER BY opened_at DESC"
        )
        rows = [[str(r[0]), r[1], r[2], r[3], r[4], str(r[5])[:10]] for r in db.execute(sql)]
        _bare_register(out / "bare.pdf", rows, find_cjk_font().name)
    elif kind == "dashboard":  # the tiles' counts and a year of months, in plain SQL
        since = db.year_ago()
        figures = {
            "incidents_open": db.execute("SELECT count(*) FROM incidents WHERE status = 'open'").fetchone(),
            "hazards": db.execute("SELECT severity, status, count(*) FROM hazards GROUP BY 1, 2").fetchall(),
            "months": db.execute(
                f"SELECT {db.month('started_at')}, category, count(*) FROM incidents "
                f"WHERE started_at >= {since} GROUP BY 1, 2"
            ).fetchall(),
            "opened": db.execute(
                f"SELECT {db.month('opened_at')}, count(*) FROM hazards WHERE opened_at >= {since} GROUP BY 1"
            ).fetchall(),
            "audit": db.execute("SELECT count(*) FROM audit_events").fetchone(),
        }
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, default=str))
    elif kind == "summary":  # last year's incidents and hazards as bare ReportLab tables
        from branchguard.reports.fonts import find_cjk_font
        from tools.bench.hazards import _bare_register

        _ledger(db)
        _records(db, PERIOD_TABLES)
        year = str(date.today().year - 1)
        sql = (
            "SELECT id, level, title, category, status, started_at FROM incidents "
            f"WHERE {db.year('started_at')} = ? ORDER BY started_at"
        )
        rows = [[str(r[0]), r[1], r[2], r[3], r[4], str(r[5] or "")[:10]] for r in db.execute(sql, (year,))]
        _bare_register(out / "bare-summary.pdf", rows, find_cjk_font().name)
    else:
        raise SystemExit(f"unknown floor {kind!r}")


def _login(db: Db) -> None:
    """The password check every command makes before its work (argon2, slow on purpose), as plainly
    as it can be made: the stored hash read with the driver and verified."""
    from argon2 import PasswordHasher

    (stored,) = db.execute("SELECT password_hash FROM users WHERE username = ?", (LEAD[0],)).fetchone()
    PasswordHasher().verify(stored, LEAD[1])


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _ledger(db: Db) -> None:
    prev = "0" * 64
    for seq, at, actor, entity, entity_id, action, digest in db.execute(
        "SELECT seq, at, actor, entity, entity_id, action, digest FROM ledger_entries ORDER BY seq"
    ):
        content = _canonical({"seq": seq, "at": at, "actor": actor, "entity": entity,
                              "entity_id": entity_id, "action": action, "digest": digest})  # fmt: skip
        prev = hashlib.sha256(f"{prev}\n{content}".encode()).hexdigest()


def _records(db: Db, tables: tuple[str, ...] = ()) -> None:
    """Every row of `tables` (default: every table but the chains themselves), hashed as one JSON
    object each."""
    skip = ("ledger_entries", "ledger_head", "incident_log", "alembic_version")
    for table in tables or tuple(name for name in db.tables() if name not in skip):
        cur = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        for row in cur:
            hashlib.sha256(_canonical(dict(zip(names, row, strict=True))).encode()).hexdigest()


def _log(db: Db) -> None:
    prev, incident = "", None
    for row in db.execute(
        "SELECT incident_id, seq, at, actor, kind, text, step, corrects, data, prev_hash "
        "FROM incident_log ORDER BY incident_id, seq"
    ):
        data = row[8] if isinstance(row[8], dict) else json.loads(row[8] or "{}")  # PostgreSQL: JSON
        content = _canonical(
            {"incident": row[0], "seq": row[1], "at": row[2], "actor": row[3], "kind": row[4],
             "text": row[5], "step": row[6], "corrects": row[7], "data": data}
        )  # fmt: skip
        prev = row[9] if row[0] != incident else prev
        incident = row[0]
        prev = hashlib.sha256(f"{prev}\n{content}".encode()).hexdigest()


if __name__ == "__main__":
    floor(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), *sys.argv[4:5])
