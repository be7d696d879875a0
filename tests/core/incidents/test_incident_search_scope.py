"""A search over the incident logs sees every matching entry: the incidents listed for a word are
all those whose log has it (not only those among its newest thousands of entries), and the entries
found for a filtered list are that list's, however many newer ones match elsewhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, update

from branchguard.core.incidents.types import EntryKind, IncidentFilter
from branchguard.core.kernel.paging import Window
from branchguard.db.models.incidents import IncidentRow, LogEntryRow

WORD = "钥匙柜异常"
# More entries than the list's search once looked at (the newest 5,000 hits)
BULK = 5_001


def _bulk_entries(ctx: Any, incident_id: int, count: int, body: str) -> None:
    """`count` entries written straight into the log (search reads neither seq nor hash); the next
    append indexes them on SQLite, as it indexes whatever lies past the index's mark."""
    at = datetime.now(UTC)
    rows = [
        {"incident_id": incident_id, "seq": 100_000 + i, "at": at, "actor": "lead", "kind": "observation",
         "text": f"{body} {i}", "data": {}, "prev_hash": "0" * 64, "hash": "0" * 64}
        for i in range(count)
    ]  # fmt: skip
    with ctx.engine.begin() as conn:
        conn.execute(insert(LogEntryRow), rows)


def _started_in_2017(ctx: Any, incident_id: int) -> None:
    with ctx.engine.begin() as conn:
        when = datetime(2017, 6, 1, 2, tzinfo=UTC)
        conn.execute(update(IncidentRow).where(IncidentRow.id == incident_id).values(started_at=when))


def test_an_old_match_is_listed_however_many_newer_entries_match(ctx: Any, lead: Any) -> None:
    inc = ctx.services.incidents
    old = inc.start(lead, "FIRE").id
    inc.log(lead, old, EntryKind.OBSERVATION, f"{WORD}，已上报")
    busy = inc.start(lead, "ROB").id
    _bulk_entries(ctx, busy, BULK, WORD)
    inc.log(lead, busy, EntryKind.OBSERVATION, f"{WORD}，仍在检查")  # indexes the bulk on SQLite
    assert len(inc.search(lead, WORD, limit=10)) == 10  # the newest hits are all the busy one's
    assert sorted(s.id for s in inc.list_incidents(lead, IncidentFilter(search=WORD))) == [old, busy]
    assert inc.window(lead, IncidentFilter(search=WORD), Window()).total == 2
    assert inc.list_incidents(lead, IncidentFilter(search="毫无此词")) == []


def test_entries_found_are_searched_within_the_filter(ctx: Any, lead: Any) -> None:
    inc = ctx.services.incidents
    old = inc.start(lead, "FIRE").id
    inc.log(lead, old, EntryKind.OBSERVATION, "CCTV 画面中断")
    _started_in_2017(ctx, old)
    new = inc.start(lead, "ROB").id
    for n in range(3):
        inc.log(lead, new, EntryKind.OBSERVATION, f"CCTV 画面恢复 {n}")
    in_2017 = IncidentFilter(
        search="CCTV",
        since=datetime(2016, 12, 31, 16, tzinfo=UTC),
        until=datetime(2017, 12, 31, 16, tzinfo=UTC),
    )
    found = inc.search(lead, "CCTV", 2, within=in_2017)
    assert [(h.incident_id, h.entry.text) for h in found] == [(old, "CCTV 画面中断")]
    assert [h.incident_id for h in inc.search(lead, "CCTV", 2)] == [new, new]  # no filter: the newest
    assert [h.incident_id for h in inc.search(lead, "CCTV", 5, within=IncidentFilter(drill=True))] == []
    assert len(inc.search(lead, "CCTV", 5, within=IncidentFilter(search="CCTV"))) == 4


def test_a_percent_or_underscore_in_the_search_is_matched_as_typed(ctx: Any, lead: Any) -> None:
    """'50%' once matched every title containing '50', and '_' every title at all."""
    inc = ctx.services.incidents
    inc.start(lead, None, title="plain title")
    marked = inc.start(lead, None, title="loss 50% of cash_box").id
    for typed in ("50%", "_", "cash_b", "%"):
        found = [s.id for s in inc.list_incidents(lead, IncidentFilter(search=typed))]
        assert found == [marked], typed
