"""How many statements the dashboard's read executes: each is compiled once per process before its
first answer (the window's landing page and `dashboard --json` pay it at every start), so the
tiles' counts go as one SELECT and no record is loaded as an ORM object for a figure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from branchguard.core.kernel.types import Actor, Role

# the tiles' counts and the oldest open hazard (1), the open incidents' checkpoint facts (1), items
# due (4), compliance (16 on this branch) and the trends (10): at most, so that a read merged later
# needs no change here, and one added fails
STATEMENTS = 32


@contextmanager
def _executed(engine: Any) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_dashboard_reads_in_no_more_statements_than_it_needs(ctx, records_filled) -> None:
    info = ctx.services.auth.user_by_name("lead")
    lead = Actor(user_id=info.id, username=info.username, role=Role(info.role))
    ctx.services.incidents.start(lead, None, title="营业厅漏水")
    with _executed(ctx.engine) as seen:
        ctx.services.dashboard.dashboard(lead)
    assert len(seen) <= STATEMENTS, "\n".join(s.split("FROM")[0][:100] for s in seen)
    loaded = [s for s in seen if "incidents.title" in s]
    assert not loaded, "an incident loaded for the checkpoint count"
