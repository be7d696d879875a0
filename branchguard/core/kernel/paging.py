"""A window of a long list: which rows (offset, limit) in which order, and the rows with the
count of all that match. The pages that could grow for years (incidents, drills, inspections)
read one window at a time as the list is scrolled, counted and filtered in SQL."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, any_, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from branchguard.core.kernel.errors import ValidationError
from branchguard.core.kernel.i18n import Message

T = TypeVar("T")
Column = ColumnElement[Any] | InstrumentedAttribute[Any]
PAGE = 200
MAX_LIMIT = 5000
MAX_OFFSET = 100_000_000


@dataclass(frozen=True)
class Window:
    """Rows offset … offset + limit of the list in `sort` order ("" is the list's own order,
    newest first); ties are broken by id in the same direction, so pages never overlap."""

    offset: int = 0
    limit: int = PAGE
    sort: str = ""
    descending: bool = True


@dataclass(frozen=True)
class Slice(Generic[T]):
    rows: list[T]
    total: int  # every row the filter matches, counted by SQL


def ordered(
    stmt: Select[Any],
    window: Window,
    sorts: Mapping[str, Column],
    default: Sequence[Column],
    tie: Column,
) -> Select[Any]:
    """`stmt` in the window's order, cut to the window. A sort name the list does not offer, or
    an offset or limit out of range, is refused naming the field."""
    if window.sort and window.sort not in sorts:
        choices = ", ".join(sorted(sorts))
        raise ValidationError("field.sort", Message("validation.choice", value=window.sort, choices=choices))
    if not 0 <= window.offset <= MAX_OFFSET:
        raise ValidationError("field.offset", Message("validation.range", low=0, high=MAX_OFFSET))
    if not 1 <= window.limit <= MAX_LIMIT:
        raise ValidationError("field.limit", Message("validation.range", low=1, high=MAX_LIMIT))
    keys = [sorts[window.sort]] if window.sort else list(default)
    keys.append(tie)
    order = [k.desc() if window.descending else k.asc() for k in keys]
    return stmt.order_by(*order).offset(window.offset).limit(window.limit)


def distinct_values(s: Session, column: InstrumentedAttribute[Any]) -> list[Any]:
    """The distinct values of an indexed, non-null column in order, one index seek each: the first,
    then each the smallest greater than the one before (a recursive query). A long list's filter
    offers them; PostgreSQL answers SELECT DISTINCT by reading every row (the audit trail's 40
    actions among 200,000 events at ten years: 21 ms, this way 0.2 ms; SQLite already skipped)."""
    first = select(column).order_by(column).limit(1).scalar_subquery()
    walk = select(first.label("value")).cte("walk", recursive=True)
    before = walk.alias("before")
    after = select(column).where(column > before.c.value).order_by(column).limit(1).scalar_subquery()
    walk = walk.union_all(select(after.label("value")).where(before.c.value.is_not(None)))
    return list(s.scalars(select(walk.c.value).where(walk.c.value.is_not(None))))


def count(stmt: Select[Any]) -> Select[tuple[int]]:
    """The number of rows `stmt` selects, as one SQL aggregate."""
    return select(func.count()).select_from(stmt.order_by(None).subquery())


def among(s: Session, column: Column, ids: Collection[int]) -> ColumnElement[bool]:
    """`column IN ids`, for the ids of a window's rows (a few hundred). PostgreSQL takes them as
    one array: an IN list is a parameter per id, each written out with its cast, and a statement
    that long is past psycopg's cache of converted queries, so each read converted it again (the
    Inspections window at ten years, three such statements: 12.3 -> 9.0 ms)."""
    if s.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    return column.in_(ids)
