"""Two PCs making the same change, interleaved by hand: no threads, no sleeps. Two ways:

- `race`: the service's next transaction first reads the record (what PC A read before PC B
  came), then B's call runs and commits, then the service goes on in that same transaction. A
  service that locks the record and reads it fresh before deciding (db/locks.py) sees B's change;
  one that decides from what its session already holds repeats or undoes B's change.
- `rival_before`: the other PC's call runs at the service's first write, as follows.

`rival_before` runs another PC's call (`rival`) just before the service under test first calls
`module.name` (its first write, after it has read what it checks). If the service holds the lock
of the row it decided on (db/locks.py) the rival would wait for it, so it runs after the service's
call instead, as it would once that commit released the lock; if not, it runs there and then, in
between the service's read and its write, which is what two PCs at once did. Whether the row is
locked is asked without waiting: `BEGIN IMMEDIATE` with no busy timeout on SQLite (one write lock
for the file), `FOR UPDATE NOWAIT` on the row on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from branchguard.core.kernel.errors import ValidationError


def is_locked(ctx: Any, table: str, ident: int) -> bool:
    """Whether another transaction holds row `ident` of `table` (on SQLite: the write lock)."""
    url = ctx.engine.url
    if ctx.engine.dialect.name == "sqlite":
        other = sqlite3.connect(url.database, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            return False
        except sqlite3.OperationalError as err:
            if "locked" not in str(err):
                raise
            return True
        finally:
            other.close()
    import psycopg

    with psycopg.connect(
        host=url.query["host"],
        port=url.port or int(url.query.get("port", 5432)),
        user=url.username,
        dbname=url.database,
    ) as other:
        try:
            other.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE NOWAIT", (ident,))
            return False
        except psycopg.errors.LockNotAvailable:
            return True
        finally:
            other.rollback()


@contextmanager
def rival_before(
    ctx: Any,
    monkeypatch: pytest.MonkeyPatch,
    module: ModuleType,
    name: str,
    row: tuple[str, int],
    rival: Callable[[], Any],
) -> Iterator[list[Any]]:
    """Within the block, the first call of `module.name` runs `rival` first, or (the row of `row`
    = (table, id) locked) after the block. Yields the rival's outcome once run: what it returned,
    or the ValidationError that refused it."""
    real = getattr(module, name)
    outcome: list[Any] = []
    pending: list[Callable[[], Any]] = []

    def run_rival() -> None:
        try:
            outcome.append(rival())
        except ValidationError as refused:
            outcome.append(refused)

    def first_call(*args: Any, **kwargs: Any) -> Any:
        monkeypatch.setattr(module, name, real)  # once: the rival's own calls are the real ones
        if is_locked(ctx, *row):
            pending.append(run_rival)
        else:
            run_rival()
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, first_call)
    yield outcome
    monkeypatch.setattr(module, name, real)
    for later in pending:
        later()


class _Interleaved:
    """Stands in for a service's sessionmaker: its first `begin()` is A's transaction, read before
    B's change; every other session (B's own, any later one) is the real one's."""

    def __init__(
        self, sessions: sessionmaker[Session], read: Callable[[Session], Any], meanwhile: Callable[[], Any]
    ) -> None:
        self._sessions = sessions
        self._read = read
        self._meanwhile = meanwhile
        self._raced = False

    def __call__(self, *args: Any, **kwargs: Any) -> Session:
        return self._sessions(*args, **kwargs)

    def begin(self) -> Any:
        if self._raced:
            return self._sessions.begin()
        self._raced = True
        return self._first()

    @contextmanager
    def _first(self) -> Iterator[Session]:
        with self._sessions.begin() as s:
            held = self._read(s)  # held: the session keeps what no one holds only weakly
            self._meanwhile()
            yield s
            del held


def race(
    monkeypatch: pytest.MonkeyPatch,
    service: Any,
    read: Callable[[Session], Any],
    meanwhile: Callable[[], Any],
) -> None:
    """`service`'s next transaction begins with `read`, then `meanwhile` runs and commits (see the
    module's docstring); the service's `_sessions` is put back at the test's end."""
    monkeypatch.setattr(service, "_sessions", _Interleaved(service._sessions, read, meanwhile))
