"""Builds tests/fixtures/db/schema_<REV>.sqlite: a database as a released BranchGuard left it.

    .venv/bin/python -m tools.make_fixture_db 0001

The schema comes from the Alembic migrations up to <REV> only; the rows are inserted with plain
SQL (the ORM models always describe the newest schema). Every table of FIXTURE_ROWS that exists
at <REV> gets its rows, so a fixture for a later revision carries the older tables' data too; add
the new tables' rows here when a schema is released. Next to the database, schema_<REV>.json
lists the rows and a login that must survive the upgrade (tests/db/test_upgrade.py reads it).
Run it once per released schema and commit both files; never regenerate an old one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import inspect, text

from branchguard.db.engine import make_engine, sqlite_url
from branchguard.db.migrate import alembic_config, known_revisions

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "db"
LOGIN = {"username": "fixture-lead", "password": "fixture-pass-2026"}
CREATED = "2026-11-01 08:00:00.000000"  # how SQLAlchemy stores UTC datetimes in SQLite

FIXTURE_ROWS: dict[str, list[dict[str, object]]] = {
    "branch": [
        {
            "id": 1,
            "name": "升级测试支行",
            "code": "FIX-0001",
            "address": "测试市升级路 1 号",
            "lockout_threshold": 5,
            "lockout_minutes": 15,
            "created_at": CREATED,
        },
    ],
    "users": [
        {
            "id": 1,
            "username": LOGIN["username"],
            "display_name": "夏安全",
            "role": "lead",
            "password_hash": "",
            "active": True,
            "failed_attempts": 0,
            "locked_until": None,
            "created_at": CREATED,
            "last_login_at": None,
        },
        {
            "id": 2,
            "username": "fixture-staff",
            "display_name": "秋柜员",
            "role": "staff",
            "password_hash": "",
            "active": True,
            "failed_attempts": 2,
            "locked_until": None,
            "created_at": CREATED,
            "last_login_at": CREATED,
        },
    ],
    "people": [
        {
            "id": 1,
            "name": "夏安全",
            "branch_role": "branch_head",
            "mobile": "13900000001",
            "phone": "010-63210001",
            "on_duty": True,
            "notes": "",
            "created_at": CREATED,
            "updated_at": CREATED,
        },
        {
            "id": 2,
            "name": "秋柜员",
            "branch_role": "teller",
            "mobile": "13900000002",
            "phone": "",
            "on_duty": False,
            "notes": "年假",
            "created_at": CREATED,
            "updated_at": CREATED,
        },
    ],
    "contacts": [
        {
            "id": 1,
            "name": "公安报警",
            "kind": "police",
            "phone": "110",
            "alt_phone": "",
            "notes": "",
            "builtin": True,
            "sort_order": 1,
        },
        {
            "id": 2,
            "name": "消防火警",
            "kind": "fire",
            "phone": "119",
            "alt_phone": "",
            "notes": "",
            "builtin": True,
            "sort_order": 2,
        },
        {
            "id": 3,
            "name": "医疗急救",
            "kind": "ambulance",
            "phone": "120",
            "alt_phone": "",
            "notes": "",
            "builtin": True,
            "sort_order": 3,
        },
        {
            "id": 4,
            "name": "升级物业",
            "kind": "property_management",
            "phone": "010-63218888",
            "alt_phone": "",
            "notes": "24 小时",
            "builtin": False,
            "sort_order": 100,
        },
    ],
}

# Not part of the manifest: the hash differs on every run, the login proves it survived.
_SECRET_COLUMNS = {"password_hash"}


def build(revision: str, target_dir: Path = FIXTURE_DIR) -> Path:
    if revision not in known_revisions():
        raise SystemExit(f"unknown revision {revision!r}; known: {', '.join(known_revisions())}")
    target_dir.mkdir(parents=True, exist_ok=True)
    db_path = target_dir / f"schema_{revision}.sqlite"
    if db_path.exists():
        db_path.unlink()
    from alembic import command

    engine = make_engine(sqlite_url(db_path))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    present = set(inspect(engine).get_table_names())
    password_hash = PasswordHasher().hash(LOGIN["password"])
    manifest: dict[str, object] = {"revision": revision, "login": LOGIN, "rows": {}}
    rows_out: dict[str, list[dict[str, object]]] = {}
    with engine.begin() as conn:
        for table, rows in FIXTURE_ROWS.items():
            if table not in present:
                continue
            for row in rows:
                values = {k: (password_hash if k in _SECRET_COLUMNS else v) for k, v in row.items()}
                columns = ", ".join(values)
                params = ", ".join(f":{k}" for k in values)
                conn.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({params})"), values)
            rows_out[table] = [{k: v for k, v in r.items() if k not in _SECRET_COLUMNS} for r in rows]
    manifest["rows"] = rows_out
    # One self-contained file: fold the WAL back in and leave no -wal/-shm beside it.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    engine.dispose()
    manifest_path = db_path.with_suffix(".json")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return db_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("revision", help="released schema revision, e.g. 0001")
    args = parser.parse_args(argv)
    print(build(args.revision))
    return 0


if __name__ == "__main__":
    sys.exit(main())
