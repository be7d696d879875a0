"""Fresh PostgreSQL databases for tests, reused instead of created anew.

`CREATE DATABASE … TEMPLATE` copies every file of the template and checkpoints: 0.4-0.9 s on this
2-core machine, for each of the ~370 PostgreSQL tests that open the context. A database a test has
finished with is instead put back as it was made: its rows are replaced by the template's and its
sequences set back (tens of milliseconds). One that cannot be put back exactly is dropped:

- a test that changed the schema (a table, column, index, constraint, function, trigger, view,
  schema, extension, privilege or database setting differs from the template's) — seen by a
  fingerprint of the catalogue, compared with the template's;
- a reset that fails for any reason.

tests/db/test_fresh_copy.py proves a database handed out equals a new one, and that one put back
after a test wrote to it does too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Everything of the database's shape a test could change, as one digest. Rows are not in it: the
# reset replaces them all.
FINGERPRINT_SQL = r"""
SELECT md5(coalesce(string_agg(item, E'\n' ORDER BY item), '')) FROM (
    SELECT 'schema ' || nspname AS item FROM pg_namespace
     WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
    UNION ALL
    SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' '
           || coalesce(c.relacl::text, '') || ' ' || c.relowner::regrole::text
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    UNION ALL
    SELECT 'column ' || a.attrelid::regclass::text || ' ' || a.attnum || ' ' || a.attname || ' '
           || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
           || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
       AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'dropped column ' || attrelid::regclass::text || ' ' || attnum FROM pg_attribute
     WHERE attisdropped AND attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
      FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT 'function ' || oid::regprocedure::text || ' ' || md5(prosrc)
      FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
    UNION ALL
    SELECT 'rule ' || rulename FROM pg_rules WHERE schemaname = 'public'
    UNION ALL
    SELECT 'policy ' || policyname FROM pg_policies WHERE schemaname = 'public'
    UNION ALL
    SELECT 'extension ' || extname FROM pg_extension
    UNION ALL
    SELECT 'setting ' || array_to_string(setconfig, ',') FROM pg_db_role_setting
     WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
    UNION ALL
    SELECT 'database ' || coalesce(datacl::text, '') || ' ' || datallowconn || ' ' || datconnlimit
      FROM pg_database WHERE datname = current_database()
) items
"""

TABLES_SQL = """
SELECT quote_ident(relname) FROM pg_class
 WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname
"""

SEQUENCES_SQL = """
SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), coalesce(last_value, start_value),
       last_value IS NOT NULL
  FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1
"""


@dataclass
class Contents:
    """What a new database holds: its shape (as a digest), every table's rows, every sequence."""

    fingerprint: str
    tables: list[str]
    rows: dict[str, bytes]  # table -> COPY binary, for the tables that have rows
    sequences: list[tuple[str, int, bool]]  # name, value, is_called


def read_contents(conn: Any) -> Contents:
    """The contents of the database `conn` (a psycopg connection) is on."""
    with conn.cursor() as cur:
        fingerprint = cur.execute(FINGERPRINT_SQL).fetchone()[0]
        tables = [name for (name,) in cur.execute(TABLES_SQL).fetchall()]
        rows: dict[str, bytes] = {}
        for table in tables:
            with cur.copy(f"COPY {table} TO STDOUT (FORMAT binary)") as copy:
                data = b"".join(bytes(chunk) for chunk in copy)
            if cur.execute(f"SELECT EXISTS (SELECT FROM {table})").fetchone()[0]:
                rows[table] = data
        sequences = [(name, int(value), bool(called)) for name, value, called in cur.execute(SEQUENCES_SQL)]
    conn.rollback()
    return Contents(fingerprint, tables, rows, sequences)


def fingerprint(conn: Any) -> str:
    with conn.cursor() as cur:
        found: str = cur.execute(FINGERPRINT_SQL).fetchone()[0]
    conn.rollback()
    return found


def put_back(conn: Any, contents: Contents) -> None:
    """Replace every row of the database `conn` is on with `contents`' rows, in one transaction.
    The caller has checked the shape is the template's."""
    # DELETE, not TRUNCATE: the tables are small, and TRUNCATE makes new files for every table and
    # index (5-10 times slower here). No foreign key is checked meanwhile (replica role): the rows
    # that go back are the template's, which held.
    deletes = "; ".join(f"DELETE FROM {table}" for table in contents.tables)
    setvals = ", ".join(f"setval('{name}', {value}, {called})" for name, value, called in contents.sequences)
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(f"SET LOCAL session_replication_role = replica; {deletes}".encode())
        for table, data in contents.rows.items():
            with cur.copy(f"COPY {table} FROM STDIN (FORMAT binary)") as copy:
                copy.write(data)
        if setvals:
            cur.execute(f"SELECT {setvals}".encode())


@dataclass
class FreshDatabases:
    """Databases that hold what opening a new database makes, handed out one per test.

    `connect(name)` opens a psycopg connection to a database of the cluster, `execute(sql)` runs a
    statement on its maintenance database, `template` names the database to copy when none is spare.
    """

    connect: Callable[[str], Any]
    execute: Callable[[str], None]
    template: str
    _spare: list[str] = field(default_factory=list)
    _made: int = 0
    _contents: Contents | None = None

    def take(self) -> str:
        if self._spare:
            return self._spare.pop()
        self._made += 1
        name = f"{self.template}_copy_{self._made}"
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        if self._contents is None:  # the template takes no connections: read its first copy
            with self.connect(name) as conn:
                self._contents = read_contents(conn)
        return name

    def give_back(self, name: str) -> None:
        """Put `name` back as new and keep it for the next test, or drop it if that cannot be done."""
        assert self._contents is not None
        try:
            with self.connect(name) as conn:
                # A connection the test left open (DROP DATABASE … WITH (FORCE) did the same).
                conn.execute(
                    b"SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    b" WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                conn.commit()
                if fingerprint(conn) != self._contents.fingerprint:
                    raise LookupError("the test changed the schema")
                put_back(conn, self._contents)
        except Exception:
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        self._spare.append(name)
