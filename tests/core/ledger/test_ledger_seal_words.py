"""The incident row's seal and the ledger's end of its log: the problem names what differs.

Why: a seal whose hash differed at the same last entry was reported as "the incident row says its
log ends at entry 3, the ledger at entry 3", which contradicts itself.
"""

from __future__ import annotations

from branchguard.core.incidents.types import EntryKind
from tests.core.ledger.test_ledger_tamper import sql, verify


def test_a_seal_with_another_hash_at_the_same_entry_says_the_hash_differs(ctx, lead) -> None:
    iid = ctx.services.incidents.start(lead, "ROB").id
    last = ctx.services.incidents.log(lead, iid, EntryKind.NOTE, "记录").seq
    sql(ctx, "UPDATE incidents SET chain_head = :h WHERE id = :i", h="0" * 64, i=iid)
    seal = [p for p in verify(ctx, lead) if "ends" in p or "hash of that entry" in p]
    assert seal == [
        f"incident {iid}: the incident row and the ledger both end its log at entry {last}, "
        "but the row's hash of that entry differs from the ledger's"
    ]
