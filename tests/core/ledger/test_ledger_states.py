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


def test_an_action_ledgered_with_an_empty_complaint_id_still_verifies(ctx: Any, lead: Any) -> None:
    """Some versions hashed a follow-up action's empty `complaint_id` as null before it was made a
    later column (left out while empty): their actions failed `verify` after an upgrade, "a field
    is there that the ledger's copy lacks", a tampering alarm for data no one touched. A real
    change of the action is still found."""
    from sqlalchemy import text

    from branchguard.core.ledger import chain
    from branchguard.core.ledger.types import LedgerAction

    incident = ctx.services.incidents.start(lead, None, title="配电箱冒烟")
    done = ctx.services.incidents.close(
        lead, incident.id, CloseInput(outcome="已处置", actions=(FollowUpInput("更换配电箱", "李安全"),))
    )
    action_id = done.actions[0].id
    evidence = store.evidence_of("incident_action")
    with ctx.engine.begin() as conn:
        [(_id, state)] = list(store.states(conn, evidence, [str(action_id)]))
        assert "complaint_id" not in state
        then = {**state, "complaint_id": None}  # as those versions ledgered it
        chain.append(conn, [chain.item("incident_action", action_id, LedgerAction.CHANGE, then)], "lead")
    assert ctx.services.ledger.verify(lead).ok
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE incident_actions SET owner = '赵敏' WHERE id = :i"), {"i": action_id})
    said = [p.message.text("en") for p in ctx.services.ledger.verify(lead).problems]
    assert any("赵敏" in p for p in said), said


def test_a_kind_with_no_later_column_is_read_without_state_of(
    ctx: Any, lead: Any, monkeypatch: Any
) -> None:
    """On either engine the row is the state once its times are turned into stamps: on PostgreSQL
    every value went through rules.state_of as well (7 million values at ten years, a tenth of
    `verify`); the first test proves the states the same."""
    ctx.services.incidents.start(lead, "ROB")
    made: list[str] = []
    general = rules.state_of

    def counted(values: Any, table: str = "") -> dict[str, Any]:
        made.append(table)
        return general(values, table)

    monkeypatch.setattr(rules, "state_of", counted)
    with ctx.sessions() as s:
        for entity in ("audit_event", "user", "incident"):
            assert list(store.states(s.connection(), store.evidence_of(entity)))
    assert set(made) == {"incidents"}  # a later column (warning_level): left out while empty
