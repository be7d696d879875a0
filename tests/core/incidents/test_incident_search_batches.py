"""On SQLite the search index is written in batches, not inside each append: a search still finds
the newest entry, an upgraded database keeps what it had indexed, and nothing is indexed twice."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from branchguard.core.incidents import log as incident_log
from branchguard.core.incidents.types import EntryKind, IncidentFilter
from branchguard.db.migrate import alembic_config
from branchguard.db.models.incidents import FTS_STATE_TABLE, FTS_TABLE


def _indexed(ctx: Any) -> tuple[int, int, int]:
    """(entries in the log, entries in the index, the index's mark)."""
    with ctx.engine.connect() as conn:
        entries = conn.execute(text("SELECT count(*) FROM incident_log WHERE text != ''")).scalar_one()
        in_index = conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}_docsize")).scalar_one()
        mark = conn.execute(text(f"SELECT indexed_upto FROM {FTS_STATE_TABLE}")).scalar_one()
    return entries, in_index, mark


def _max_id(ctx: Any) -> int:
    with ctx.engine.connect() as conn:
        return conn.execute(text("SELECT max(id) FROM incident_log")).scalar_one()


@pytest.fixture
def sqlite_ctx(ctx: Any, db_url: str) -> Any:
    if not db_url.startswith("sqlite"):
        pytest.skip("PostgreSQL searches the log's own text: no index to batch")
    return ctx


def test_appends_leave_the_index_to_a_batch_and_search_finds_the_newest(sqlite_ctx: Any, lead: Any) -> None:
    inc = sqlite_ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    entries, in_index, mark = _indexed(sqlite_ctx)
    inc.log(lead, fire, EntryKind.OBSERVATION, "三号柜台有烟味")
    assert _indexed(sqlite_ctx) == (entries + 1, in_index, mark)  # the append wrote no index pages
    hits = inc.search(lead, "烟味")
    assert [h.entry.text for h in hits] == ["三号柜台有烟味"]
    assert _indexed(sqlite_ctx) == (entries + 1, entries + 1, _max_id(sqlite_ctx))
    # The incident list's search reads pending entries as well.
    inc.log(lead, fire, EntryKind.OBSERVATION, "monitor wall flickers")
    assert [s.id for s in inc.list_incidents(lead, IncidentFilter(search="flickers"))] == [fire]
    # Nothing pending: a search writes nothing.
    before = _indexed(sqlite_ctx)
    with sqlite_ctx.engine.begin() as conn:
        assert incident_log.index_pending(conn) == 0
    assert _indexed(sqlite_ctx) == before


def test_the_batch_is_indexed_by_the_append_that_fills_it(sqlite_ctx: Any, lead: Any) -> None:
    inc = sqlite_ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    inc.search(lead, "anything")  # everything so far indexed
    _, _, mark = _indexed(sqlite_ctx)
    for n in range(incident_log.INDEX_BATCH - 1):
        inc.log(lead, fire, EntryKind.ACTION, f"step {n}")
    assert _indexed(sqlite_ctx)[2] == mark
    inc.log(lead, fire, EntryKind.ACTION, "the last of the batch")
    entries, in_index, new_mark = _indexed(sqlite_ctx)
    assert new_mark == _max_id(sqlite_ctx) and in_index == entries


def test_upgrade_keeps_the_index_and_downgrade_indexes_what_was_pending(sqlite_ctx: Any, lead: Any) -> None:
    inc = sqlite_ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    inc.log(lead, fire, EntryKind.DECISION, "疏散全部客户")  # pending
    cfg = alembic_config()
    with sqlite_ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with sqlite_ctx.engine.connect() as conn:  # as revision 0008 keeps it: every entry indexed
        entries = conn.execute(text("SELECT count(*) FROM incident_log WHERE text != ''")).scalar_one()
        assert conn.execute(text(f"SELECT count(*) FROM {FTS_TABLE}_docsize")).scalar_one() == entries
        assert FTS_STATE_TABLE not in conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    with sqlite_ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    entries, in_index, mark = _indexed(sqlite_ctx)
    assert (in_index, mark) == (entries, _max_id(sqlite_ctx))
    assert [h.entry.text for h in inc.search(lead, "全部客户")] == ["疏散全部客户"]
