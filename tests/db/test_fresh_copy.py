"""The tests' copied database (tests/conftest.py: built once per run, copied per test) is exactly
what opening a new database makes: the same schema, the same stamped revision, the same content."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.sql import ClauseElement

from branchguard.context import AppContext, open_context
from branchguard.db.engine import sqlite_url
from branchguard.db.migrate import SchemaAction, current_revision, head_revision
from tests.conftest import PgCluster, take_snapshot
from tests.pg_fresh import FreshDatabases


def plain(value: Any) -> Any:
    """A reflected value with its SQL expressions as text (their repr names a memory address)."""
    if isinstance(value, dict):
        return sorted((key, plain(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, ClauseElement):
        return str(value)
    return value


def schema_of(engine: Engine) -> dict[str, Any]:
    """Every table's columns, keys, indexes and constraints, as plain comparable values."""
    found = inspect(engine)
    tables: dict[str, Any] = {}
    for name in sorted(found.get_table_names()):
        tables[name] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], str(c.get("default")))
                for c in found.get_columns(name)
            ],
            "primary_key": plain(found.get_pk_constraint(name)),
            "foreign_keys": sorted(map(repr, plain(found.get_foreign_keys(name)))),
            "indexes": sorted(map(repr, plain(found.get_indexes(name)))),
            "unique": sorted(map(repr, plain(found.get_unique_constraints(name)))),
            "checks": sorted(map(repr, plain(found.get_check_constraints(name)))),
        }
    return tables


# The ledger's states, digests and hashes cover the records' times, so there only its entries'
# numbers, records and actions can be compared (seq, entity, entity_id, action; head: id, seq, adopted).
LEDGER_COLUMNS = {"ledger_entries": (0, 3, 4, 5), "ledger_head": (0, 1, 3)}
TIME_IN_WORDS = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?")


def content_of(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table; a time is only "a time" (the two were made seconds apart)."""
    content = {
        table: [tuple("<time>" if isinstance(v, datetime) else v for v in row) for row in rows]
        for table, rows in take_snapshot(engine).items()
    }
    for table, kept in LEDGER_COLUMNS.items():
        content[table] = sorted(tuple(row[i] for i in kept) for row in content.get(table, []))
    return content


def journal_mode(engine: Engine) -> str | None:
    if engine.url.get_backend_name() != "sqlite":
        return None
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA journal_mode")).scalar())


def fresh_url(db_url: str, tmp_path: Path, request: Any) -> str:
    """A new, empty database on the same backend as `db_url`, dropped after the test."""
    if db_url.startswith("sqlite"):
        return sqlite_url(tmp_path / "opened-fresh.sqlite")
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = f"bg_fresh_{uuid.uuid4().hex[:12]}"
    cluster.execute(f'CREATE DATABASE "{name}"')
    request.addfinalizer(lambda: cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return cluster.url(name)


def test_the_copied_database_is_what_a_fresh_open_makes(
    ctx: AppContext, db_url: str, tmp_path: Path, request: Any
) -> None:
    fresh = open_context(tmp_path / "fresh-data", db=fresh_url(db_url, tmp_path, request))
    try:
        assert fresh.schema.action is SchemaAction.CREATED  # it really was made here
        assert ctx.schema.action is SchemaAction.CURRENT  # and the copy was not
        assert current_revision(ctx.engine) == current_revision(fresh.engine) == head_revision()
        copied_schema, fresh_schema = schema_of(ctx.engine), schema_of(fresh.engine)
        assert len(copied_schema) > 10  # every model's table, not an empty file
        assert copied_schema == fresh_schema
        copied, made = content_of(ctx.engine), content_of(fresh.engine)
        assert copied["contacts"] and copied["playbooks"]  # the built-in content is in both
        assert copied == made
        assert journal_mode(ctx.engine) == journal_mode(fresh.engine)
    finally:
        fresh.close()


def sequences_of(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"
                )
            )
        ]


@pytest.mark.postgres
def test_a_postgresql_database_put_back_after_a_test_is_what_a_fresh_open_makes(
    pg_cluster: PgCluster, pg_fresh: FreshDatabases, tmp_path: Path, request: Any
) -> None:
    name = pg_fresh.take()
    used = open_context(tmp_path / "used", db=pg_cluster.url(name))
    new_sequences = sequences_of(used.engine)
    used.services.demo.fill(records=True)  # rows in most tables, sequences moved on
    assert sequences_of(used.engine) != new_sequences
    used.close()
    pg_fresh.give_back(name)

    assert pg_fresh.take() == name  # the same database, handed out again
    again = open_context(tmp_path / "again", db=pg_cluster.url(name))
    fresh = open_context(tmp_path / "fresh", db=fresh_url(pg_cluster.url("x"), tmp_path, request))
    try:
        assert again.schema.action is SchemaAction.CURRENT
        assert schema_of(again.engine) == schema_of(fresh.engine)
        assert content_of(again.engine) == content_of(fresh.engine)
        assert sequences_of(again.engine) == new_sequences
    finally:
        again.close()
        fresh.close()
        pg_fresh.give_back(name)


@pytest.mark.postgres
@pytest.mark.parametrize(
    "change",
    [
        "ALTER TABLE contacts ADD COLUMN extra integer",
        "ALTER TABLE contacts DROP COLUMN notes",
        "CREATE INDEX ix_extra ON contacts (name)",
        "CREATE TABLE extra (id integer)",
        "CREATE SCHEMA extra",
        "CREATE FUNCTION extra() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "REVOKE ALL ON contacts FROM PUBLIC; GRANT SELECT ON contacts TO PUBLIC",
    ],
)
def test_a_postgresql_database_whose_schema_a_test_changed_is_dropped(
    pg_cluster: PgCluster, pg_fresh: FreshDatabases, change: str
) -> None:
    name = pg_fresh.take()
    with pg_cluster.connect(name, autocommit=True) as conn:
        conn.execute(change.encode())
    pg_fresh.give_back(name)

    with pg_cluster.connect("postgres") as conn:
        left = conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone()
    assert left == (0,)
    other = pg_fresh.take()
    assert other != name
    pg_fresh.give_back(other)


def filled_content(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """content_of a filled branch, with what differs from fill to fill masked: each fill salts its
    password hashes anew (compare them by what they verify), dates its records from now (times
    also appear in the audit trail's words) and so chains its logs to other hashes."""
    content = content_of(engine)
    masked = {"users": {"password_hash"}, "incidents": {"chain_head"}, "incident_log": {"prev_hash", "hash"}}
    for table, names in masked.items():
        columns = [c["name"] for c in inspect(engine).get_columns(table)]
        at = {columns.index(name) for name in names}
        content[table] = sorted(
            tuple(f"<{columns[i]}>" if i in at else v for i, v in enumerate(row)) for row in content[table]
        )
    return {table: [tuple(times_masked(v) for v in row) for row in rows] for table, rows in content.items()}


def times_masked(value: Any) -> Any:
    """`value` with every time written in it (in words or in a JSON document) as "<time>"."""
    if isinstance(value, str):
        return TIME_IN_WORDS.sub("<time>", value)
    if isinstance(value, dict):
        return {key: times_masked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [times_masked(item) for item in value]
    return value


def test_the_demo_database_is_what_filling_a_new_one_makes(
    ctx: AppContext, demo: list[Any], db_url: str, tmp_path: Path, request: Any
) -> None:
    """`demo` hands out a copy of a database filled once per run: it holds what a fill makes."""
    fresh = open_context(tmp_path / "fresh-data", db=fresh_url(db_url, tmp_path, request))
    try:
        assert fresh.services.demo.fill() == demo
        copied, made = filled_content(ctx.engine), filled_content(fresh.engine)
        assert copied["branch"] and copied["people"] and len(copied["users"]) == len(demo)
        assert copied == made
        for account in demo:
            assert ctx.services.auth.login(account.username, account.password).username == account.username
    finally:
        fresh.close()


def test_the_records_database_is_what_filling_a_new_one_with_records_makes(
    ctx: AppContext, records_filled: bool, db_url: str, tmp_path: Path, request: Any
) -> None:
    """`records_filled` hands out a copy of a branch filled with its records once per run (and
    day): its rows and its attachments are what a fill makes, and its logs and ledger verify."""
    fresh = open_context(tmp_path / "fresh-data", db=fresh_url(db_url, tmp_path, request))
    try:
        fresh.services.demo.fill(records=True)
        copied, made = filled_content(ctx.engine), filled_content(fresh.engine)
        attachments = [
            {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
            for folder in (context.config.data_dir / "attachments" for context in (ctx, fresh))
        ]
    finally:
        fresh.close()
    assert copied["incident_log"] and copied["complaints"] and copied["hazards"] and attachments[0]
    assert copied == made
    assert attachments[0] == attachments[1]
    lead = ctx.services.auth.login("lead", "lead-demo-2026")
    assert ctx.services.incidents.verify(lead).ok and ctx.services.ledger.verify(lead).ok


def test_a_snapshot_sees_a_table_added_after_the_last_one(ctx: AppContext) -> None:
    """take_snapshot reflects a database's tables once per shape: a new table is a new shape."""
    before = take_snapshot(ctx.engine)
    with ctx.engine.begin() as conn:
        conn.execute(text("CREATE TABLE extra_after (id integer PRIMARY KEY)"))
        conn.execute(text("INSERT INTO extra_after (id) VALUES (7)"))
    after = take_snapshot(ctx.engine)
    assert "extra_after" not in before
    assert after["extra_after"] == [(7,)]
    assert {k: v for k, v in after.items() if k != "extra_after"} == before
