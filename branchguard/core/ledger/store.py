"""Records that are evidence, read as the ledger keeps them: the registry of their tables and
columns, and their states read in batches (Core, no ORM objects). Never commits."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Dialect,
    Interval,
    String,
    Table,
    Time,
    TypeDecorator,
    select,
    type_coerce,
)

from branchguard.core.ledger import rules
from branchguard.db.base import Base, UTCDateTime


@dataclass(frozen=True)
class Evidence:
    """A kind of record that is evidence: its table, and the columns whose values are the record."""

    entity: str
    table: Table
    columns: tuple[str, ...]

    @property
    def key(self) -> Column[Any]:
        (key,) = self.table.primary_key.columns
        return key

    def selected(self) -> list[Column[Any]]:
        return [self.table.c[name] for name in self.columns]

    @property
    def nested(self) -> tuple[str, ...]:
        """The columns whose values can hold objects (JSON): the only places a state names an
        attachment (a `sha256` inside an object). No evidence table has a column of that name."""
        return tuple(name for name in self.columns if isinstance(self.table.c[name].type, JSON))


_TABLES = {entity: (table, leave_out) for entity, table, leave_out in rules.EVIDENCE}


@cache
def evidence_of(entity: str) -> Evidence:
    """The evidence kind `entity`, from its model's table. Every model module is imported only when
    that table's is not in yet: a login ledgers its account and audit event without loading the
    other domains' models (a command's start-up, the window's login)."""
    table_name, leave_out = _TABLES[entity]
    if table_name not in Base.metadata.tables:
        import branchguard.db.tables  # noqa: F401  (every model module)
    table = Base.metadata.tables[table_name]
    return Evidence(entity, table, tuple(c.name for c in table.columns if c.name not in leave_out))


def registry() -> tuple[Evidence, ...]:
    """Every kind of evidence, in the registry's order (imports every model)."""
    return tuple(evidence_of(entity) for entity in _TABLES)


_CHUNK = 500


def states(
    conn: Connection, evidence: Evidence, ids: Sequence[str] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, state) of the records of one kind: all of them, or those of `ids` (missing ones left out)."""
    names, key = evidence.columns, evidence.key
    cols, stamped = _read_columns(evidence.selected(), conn.dialect)
    table = evidence.table.name
    rows: Iterator[Any]
    if ids is None:
        rows = iter(conn.execute(select(key, *cols).order_by(key).execution_options(yield_per=2000)))
    else:
        typed = [key.type.python_type(i) for i in ids]
        chunks = (typed[i : i + _CHUNK] for i in range(0, len(typed), _CHUNK))
        rows = (row for chunk in chunks for row in conn.execute(select(key, *cols).where(key.in_(chunk))))
    # When every value is as the state keeps it (times turned into stamps here) and no column is
    # left out while empty, the state is the row as read, built in one step.
    as_read = _plain_as_read(evidence, conn.dialect)
    for row in rows:
        values = list(row[1:])
        for i, as_stored in stamped:
            values[i] = as_stored(values[i])
        state = dict(zip(names, values, strict=True))
        yield str(row[0]), state if as_read else rules.state_of(state, table)


def _plain_as_read(evidence: Evidence, dialect: Dialect) -> bool:
    """Whether rules.state_of would change nothing of the values `states` reads: with none of the
    LATER_COLUMNS left out of a state while empty, and on SQLite no column of a type read as a
    date or time other than those read as stamps (a third of `verify` went on state_of at ten
    years, 2.8 million values). On PostgreSQL every column whose values rules.plain changes (a
    datetime or a date) is one `_read_columns` has turned already."""
    table = evidence.table.name
    if any((table, name) in rules.LATER_COLUMNS for name in evidence.columns):
        return False
    if dialect.name != "sqlite":
        return True
    return not any(
        isinstance(col.type, DateTime | Time | Interval | TypeDecorator)
        and not isinstance(col.type, UTCDateTime)
        for col in evidence.selected()
    )


# A time and a date as SQLite keeps them (SQLAlchemy's format): "2026-12-05 07:30:13.472027" is the
# stamp "2026-12-05T07:30:13.472027Z", "2026-12-05" the date's ISO form.
_STORED_TIME_LENGTH = 26
# The types whose values rules.plain turns (a datetime, a date) on PostgreSQL; a TypeDecorator
# (UTCDateTime) too, whatever it reads as: plain leaves any other value as it is.
_DATED = (DateTime, Date, TypeDecorator)


def _read_columns(
    cols: list[Column[Any]], dialect: Dialect
) -> tuple[list[ColumnElement[Any]], list[tuple[int, Callable[[Any], Any]]]]:
    """The columns to select and, on SQLite, which of them are read as stored text and turned by
    hand: times and dates into the ledger's stamps, JSON into its values.

    A speed trick (docs/architecture.md, "Speed tricks"): SQLite keeps times and dates as text;
    read through their types, each is parsed by a regular expression into a datetime that
    rules.stamp turns back into text, for every time of every record `verify` reads (a third of its
    time in the profile at ten years). Text in any other form than SQLAlchemy writes goes through
    the column's own type and rules.plain, so the state is the same either way. JSON's `null`, what
    most audit events keep as their before and after (400,000 of them at ten years), is None without
    the parser (`_json_reader`)."""
    if dialect.name != "sqlite":
        # Read as datetime and date objects: those columns alone go through rules.plain, which
        # leaves every other value as it is (7 million calls at ten years, a tenth of `verify`).
        plain: Callable[[Any], Any] = rules.plain
        return list(cols), [(i, plain) for i, col in enumerate(cols) if isinstance(col.type, _DATED)]
    selected: list[ColumnElement[Any]] = []
    stamped: list[tuple[int, Callable[[Any], Any]]] = []
    for i, col in enumerate(cols):
        if isinstance(col.type, UTCDateTime | Date):
            selected.append(type_coerce(col, String()).label(col.name))
            stamped.append((i, _stored_reader(col, dialect)))
        elif isinstance(col.type, JSON):
            selected.append(type_coerce(col, String()).label(col.name))
            stamped.append((i, _json_reader(col, dialect)))
        else:
            selected.append(col)
    return selected, stamped


def stamp_column(col: Column[Any], dialect: Dialect) -> tuple[ColumnElement[Any], Callable[[Any], Any]]:
    """A time column to select, and what turns its value into the ledger's stamp (None stays None)."""
    if dialect.name != "sqlite":
        return col, rules.plain
    return type_coerce(col, String()).label(col.name), _stored_reader(col, dialect)


def _json_reader(col: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    """A JSON column's stored text as its type reads it; `null` (and SQL's NULL) as None at once."""
    typed = col.type.dialect_impl(dialect).result_processor(dialect, None)

    def as_value(value: Any) -> Any:
        if value is None or value == "null":
            return None
        return typed(value) if typed is not None else value

    return as_value


def _stored_reader(col: Column[Any], dialect: Dialect) -> Callable[[Any], Any]:
    typed = col.type.dialect_impl(dialect).result_processor(dialect, None)

    def through_type(value: Any) -> Any:
        return rules.plain(typed(value) if typed is not None else value)

    if isinstance(col.type, UTCDateTime):

        def as_stamp(value: Any) -> Any:
            if (
                type(value) is str
                and len(value) == _STORED_TIME_LENGTH
                and value[10] == " "
                and value[19] == "."
                and "1" <= value[0] <= "9"  # a year from 1000 on (rules.stamp)
            ):
                return f"{value[:10]}T{value[11:]}Z"
            return None if value is None else through_type(value)

        return as_stamp

    def as_date(value: Any) -> Any:
        if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
            return value
        return None if value is None else through_type(value)

    return as_date
