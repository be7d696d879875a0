"""On SQLite each append writes its entry's search row in its own transaction: a search finds the
newest entry, an upgraded database keeps what it had indexed, and nothing is indexed twice."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

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
        pytest.skip("PostgreSQL searches the log's own text: no index to write")
    return ctx


def test_each_append_indexes_its_entry_and_search_finds_the_newest(sqlite_ctx: Any, lead: Any) -> None:
    inc = sqlite_ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    entries, in_index, mark = _indexed(sqlite_ctx)
    assert (in_index, mark) == (entries, _max_id(sqlite_ctx))
    inc.log(lead, fire, EntryKind.OBSERVATION, "三号柜台有烟味")
    assert _indexed(sqlite_ctx) == (entries + 1, entries + 1, _max_id(sqlite_ctx))
    hits = inc.search(lead, "烟味")
    assert [h.entry.text for h in hits] == ["三号柜台有烟味"]
    inc.log(lead, fire, EntryKind.OBSERVATION, "monitor wall flickers")
    assert [s.id for s in inc.list_incidents(lead, IncidentFilter(search="flickers"))] == [fire]
    # A search writes nothing.
    before = _indexed(sqlite_ctx)
    inc.search(lead, "flickers")
    assert _indexed(sqlite_ctx) == before


def test_upgrade_keeps_the_index_and_downgrade_indexes_what_was_pending(sqlite_ctx: Any, lead: Any) -> None:
    inc = sqlite_ctx.services.incidents
    fire = inc.start(lead, "FIRE").id
    inc.log(lead, fire, EntryKind.DECISION, "疏散全部客户")
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
