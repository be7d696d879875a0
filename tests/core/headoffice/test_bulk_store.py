"""Head office's bulk writes (COPY on PostgreSQL, one executemany on SQLite, each value through its
column's bind processing) store exactly what a Core insert stores: times, JSON, NULLs and numbers
read back the same, and compare the same in the roll-up's queries; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from branchguard.core.headoffice import store
from branchguard.db.models.exchange import HoBranchRow, HoPackageRow

OPENED = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # a period bound: the start of a local day


def _record(branch_id: int, package_id: int, source_id: str) -> dict[str, Any]:
    return {
        "branch_id": branch_id,
        "package_id": package_id,
        "kind": "hazards",
        "period": "2026-11",
        "source_id": source_id,
        "category": "",
        "level": "重大",
        "status": "open",
        "opened_at": OPENED,
        "due_at": None,
        "closed_at": OPENED + timedelta(days=2),
        "score": 87.5,
        "data": {"id": 1, "title": '消防通道堵塞 "B" \\ 区', "steps": [], "none": None},
    }


def test_bulk_writes_store_what_a_core_insert_stores(ctx: Any) -> None:
    with ctx.sessions.begin() as s:
        branch = HoBranchRow(code="BR-1", name="城东", public_key="0" * 64, fingerprint="0" * 16,
                             added_by="t", ledger_seq=0, ledger_hash="0" * 64)  # fmt: skip
        s.add(branch)
        s.flush()
        package = HoPackageRow(branch_id=branch.id, period="2026-11", manifest_sha256="1" * 64,
                               created_at=OPENED, imported_by="t", ledger_from=1, ledger_to=2,
                               ledger_hash="2" * 64, counts={}, file_name="p.zip")  # fmt: skip
        s.add(package)
        s.flush()
        conn = s.connection()
        store.put_records(conn, branch.id, "hazards", [_record(branch.id, package.id, "bulk")])
        conn.execute(insert(store.RECORDS), [_record(branch.id, package.id, "core")])
        store.add_ledger(conn, branch.id, [{"seq": 1, "hash": "a" * 64}, {"seq": 2, "hash": "b" * 64}])
        branch_id = branch.id

    c = store.RECORDS.c
    with ctx.engine.connect() as conn:
        rows = {r.source_id: r._asdict() for r in conn.execute(select(store.RECORDS))}
        assert set(rows) == {"bulk", "core"}
        for row in rows.values():
            del row["id"], row["source_id"]
        assert rows["bulk"] == rows["core"]
        assert rows["bulk"]["opened_at"] == OPENED and rows["bulk"]["due_at"] is None
        assert rows["bulk"]["data"]["title"] == '消防通道堵塞 "B" \\ 区'
        # as the database holds them, byte for byte (SQLite keeps times as text)
        raw = "SELECT opened_at, closed_at, due_at, score, data, level FROM ho_records ORDER BY source_id"
        bulk, core = conn.exec_driver_sql(raw).all()
        assert bulk == core
        # the roll-up compares times in SQL: both copies fall in the same window
        window = select(c.source_id).where(c.opened_at >= OPENED, c.opened_at < OPENED + timedelta(seconds=1))
        assert sorted(conn.scalars(window)) == ["bulk", "core"]
        assert store.held_hashes(conn, branch_id, [1, 2]) == {1: "a" * 64, 2: "b" * 64}


def test_a_record_carried_again_replaces_its_copy_and_only_its_own(ctx: Any) -> None:
    """put_records deletes by (branch, kind, source id) before it inserts: the later package's copy
    replaces the earlier one; another branch's or another kind's record of the same id stays."""
    with ctx.sessions.begin() as s:
        branches = [
            HoBranchRow(
                code=f"BR-{n}",
                name="支行",
                public_key=f"{n}" * 64,
                fingerprint=f"{n}" * 16,
                added_by="t",
                ledger_seq=0,
                ledger_hash="0" * 64,
            )
            for n in (1, 2)
        ]
        s.add_all(branches)
        s.flush()
        package = HoPackageRow(branch_id=branches[0].id, period="2026-11", manifest_sha256="1" * 64,
                               created_at=OPENED, imported_by="t", ledger_from=1, ledger_to=2,
                               ledger_hash="2" * 64, counts={}, file_name="p.zip")  # fmt: skip
        s.add(package)
        s.flush()
        conn = s.connection()
        one, two, pid = branches[0].id, branches[1].id, package.id
        store.put_records(conn, one, "hazards", [_record(one, pid, "7"), _record(one, pid, "8")])
        store.put_records(conn, two, "hazards", [_record(two, pid, "7")])
        other_kind = {**_record(one, pid, "7"), "kind": "actions"}
        store.put_records(conn, one, "actions", [other_kind])
        again = {**_record(one, pid, "7"), "status": "verified", "data": {"id": 7, "again": True}}
        store.put_records(conn, one, "hazards", [again])

    c = store.RECORDS.c
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(c.branch_id, c.kind, c.source_id, c.status, c.data)).all()
    held = {(b, k, sid): (status, data) for b, k, sid, status, data in rows}
    assert len(rows) == len(held) == 4
    assert held[(one, "hazards", "7")] == ("verified", {"id": 7, "again": True})
    assert held[(one, "hazards", "8")][0] == "open"
    assert held[(two, "hazards", "7")][0] == "open"
    assert held[(one, "actions", "7")][0] == "open"
