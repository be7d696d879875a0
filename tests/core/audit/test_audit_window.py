"""The audit list's window: ordered in SQL over every event the filter selects, on both engines,
with the count of them all; the record's id in number order."""

from __future__ import annotations

from datetime import timedelta

from branchguard.core.audit.service import AuditFilter
from branchguard.core.kernel.paging import Window
from branchguard.db.base import utcnow
from branchguard.db.models.foundation import AuditEventRow


def test_a_window_orders_every_event_and_counts_them(ctx, lead) -> None:
    now = utcnow()
    with ctx.sessions.begin() as s:
        s.add_all(
            AuditEventRow(at=now - timedelta(days=i), actor="lead", action="user.login", entity="user",
                          entity_id=str(i), summary=f"windowed {i}")
            for i in (9, 10, 100, 2, 11)
        )  # fmt: skip
    audit, flt = ctx.services.audit, AuditFilter(text="windowed")
    oldest = audit.window(lead, flt, Window(0, 2, "time", descending=False))
    assert (oldest.total, [r.entity_id for r in oldest.rows]) == (5, ["100", "11"])
    by_id = audit.window(lead, flt, Window(0, 5, "id", descending=False))
    assert [r.entity_id for r in by_id.rows] == ["2", "9", "10", "11", "100"]
    newest = audit.window(lead, flt, Window(1, 2))
    assert [r.entity_id for r in newest.rows] == ["9", "10"]
    everything = audit.window(lead, AuditFilter(), Window(0, 1))
    assert everything.total == len(audit.list(lead, AuditFilter(limit=100_000)))
