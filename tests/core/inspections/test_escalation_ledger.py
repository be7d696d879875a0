"""An escalated item's incident is ledgered in the order its log was written, on both engines.

Why: the escalation's first entry was appended on the session's plain connection, so on PostgreSQL
its ledger entry was written at once while the start and team-check entries of the same
transaction were ledgered at commit: the ledger's order differed from the log's and `verify`
reported a tampered log after every escalation.
"""

from __future__ import annotations

from branchguard.core.inspections.types import ItemResult
from tests.core.inspections.test_on_the_spot import _item


def test_an_escalation_leaves_the_ledger_consistent(ctx, staff, lead) -> None:
    svc = ctx.services.inspections
    n = _item("SELF_SERVICE", "card_slot")
    iid = svc.start(staff, "SELF_SERVICE").info.id
    svc.answer(staff, iid, n, ItemResult.FAIL, note="插卡口有加装物")
    svc.escalate(staff, iid, n)
    report = ctx.services.ledger.verify(lead)
    assert report.ok, [p.message for p in report.problems]
    assert ctx.services.incidents.verify(lead).ok
