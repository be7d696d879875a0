"""The states `verify` reads (core/ledger/store.py: on SQLite times read as stored text, and a row
taken as the state when nothing in it needs changing) are those of the general path: each column
through its own type, then rules.state_of."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from branchguard.core.incidents.types import CloseInput, FollowUpInput
from branchguard.core.ledger import rules, store


def test_every_kind_of_record_reads_as_the_general_path_does(ctx: Any, lead: Any) -> None:
    incidents = ctx.services.incidents
    iid = incidents.start(lead, "ROB").id  # incidents and their actions keep later columns: state_of
    incidents.close(lead, iid, CloseInput("嫌疑人被抓获", actions=(FollowUpInput("加装监控", "王五"),)))
    seen, kinds = 0, set()
    with ctx.sessions() as s:
        conn = s.connection()
        for evidence in store.registry():
            table = evidence.table.name
            stmt = select(evidence.key, *evidence.selected()).order_by(evidence.key)
            general = [
                (str(row[0]), rules.state_of(dict(zip(evidence.columns, row[1:], strict=True)), table))
                for row in conn.execute(stmt)
            ]
            read = list(store.states(conn, evidence))
            assert read == general, evidence.entity
            assert [rules.digest_of(x) for _i, x in read] == [rules.digest_of(x) for _i, x in general]
            some = [i for i, _x in general[:3]]
            assert sorted(store.states(conn, evidence, some)) == sorted(general[:3]), evidence.entity
            seen += len(read)
            kinds |= {evidence.entity} if read else set()
    assert seen > 100 and {"incident", "incident_action", "audit_event", "user"} <= kinds
    assert all(s.endswith("Z") for s in (incident_state(ctx)["started_at"], incident_state(ctx)["closed_at"]))


def incident_state(ctx: Any) -> dict[str, Any]:
    with ctx.sessions() as s:
        ((_id, state),) = store.states(s.connection(), store.evidence_of("incident"))
    return state
