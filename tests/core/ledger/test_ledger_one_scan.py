"""A document stamped inside `verify.one_chain_scan()` proves the chain as a full reading of it at
the same head does, without reading it again: a period package's reports (ten years: 60 readings of
409,000 entries). Records are still checked each time, and a head that moved is read again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from branchguard.core.ledger import verify
from tests.core.ledger.test_ledger_tamper import a_day, sql


@pytest.fixture
def chain_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the chain was read: one item per reading."""
    reads: list[int] = []
    read = verify._check_chain

    def counted(conn: Any, found: Any) -> None:
        reads.append(1)
        read(conn, found)

    monkeypatch.setattr(verify, "_check_chain", counted)
    return reads


def _proof(ctx: Any, lead: Any, entity: str = "", entity_id: str = "") -> str:
    return str(ctx.services.anchors.stamp(lead, entity, entity_id, "report").proof.key)


def test_documents_stamped_at_one_head_read_the_chain_once_and_prove_what_a_full_reading_does(
    ctx: Any, lead: Any, tmp_path: Path, chain_reads: list[int]
) -> None:
    day = a_day(ctx, lead, tmp_path)
    records = [("incident", str(day["incident"])), ("hazard", str(day["hazard"]))]
    alone = [_proof(ctx, lead, *record) for record in records]
    assert len(chain_reads) == 2  # outside the block: a reading each
    chain_reads.clear()
    with verify.one_chain_scan():
        shared = [_proof(ctx, lead, *record) for record in records]
        shared.append(_proof(ctx, lead))
    assert shared[:2] == alone and shared[2] == alone[0] == "anchor.proof.no_anchor"
    assert len(chain_reads) == 1
    with verify.one_chain_scan():
        _proof(ctx, lead)
    assert len(chain_reads) == 2  # a block of its own reads it again: nothing is kept after one


def test_a_record_changed_meanwhile_is_still_found_and_a_moved_head_is_read_again(
    ctx: Any, lead: Any, tmp_path: Path, chain_reads: list[int]
) -> None:
    day = a_day(ctx, lead, tmp_path)
    with verify.one_chain_scan():
        assert _proof(ctx, lead, "hazard", str(day["hazard"])) == "anchor.proof.no_anchor"
        sql(ctx, "UPDATE hazards SET location = '金库' WHERE id = :i", i=day["hazard"])
        assert _proof(ctx, lead, "hazard", str(day["hazard"])) == "anchor.proof.chain_broken"
        assert len(chain_reads) == 1  # the record was checked again, the chain was not read again
        ctx.services.incidents.start(lead, "FIRE")  # entries appended: the head moved
        _proof(ctx, lead, "incident", str(day["incident"]))
        assert len(chain_reads) == 2


def test_an_entry_rewritten_before_the_block_is_found_in_it(ctx: Any, lead: Any, tmp_path: Path) -> None:
    """The block shares a reading; it never trusts one from before it."""
    a_day(ctx, lead, tmp_path)
    assert _proof(ctx, lead) == "anchor.proof.no_anchor"
    sql(ctx, "UPDATE ledger_entries SET actor = 'mallory' WHERE seq = 2")
    with verify.one_chain_scan():
        assert _proof(ctx, lead) == _proof(ctx, lead) == "anchor.proof.chain_broken"


def test_a_period_package_reads_the_chain_once_for_all_its_reports(
    ctx: Any, lead: Any, tmp_path: Path, chain_reads: list[int]
) -> None:
    """Its incidents' reports and the period's report, each proved, by the builders a package uses."""
    from datetime import date

    from branchguard.reports.package_documents import period_documents

    for code in ("FIRE", "ROB"):
        ctx.services.incidents.start(lead, code)
    built: list[str] = []
    make = period_documents(ctx.services, lead)

    def documents(kind: str, ref: int | str, pdf: Path) -> None:
        make(kind, ref, pdf)
        built.append(kind)

    ctx.services.exchange.export(lead, f"{date.today():%Y-%m}", tmp_path / "p.zip", documents=documents)
    assert built.count("incident") == 2 and "summary" in built
    assert len(chain_reads) == 1


def test_the_check_runs_with_the_collector_paused_and_frees_what_it_made(
    ctx, lead, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its full passes over the check's objects stopped the window's GUI thread while a report's
    proof ran in the background; paused, and not frozen after (the window's objects stay collectable)."""
    import gc

    from branchguard.core.ledger import verify as checks

    seen: list[bool] = []
    frozen: list[bool] = []
    reading = checks._check_records

    def watched(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        reading(*args, **kwargs)

    monkeypatch.setattr(checks, "_check_records", watched)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    was_on = gc.isenabled()
    gc.enable()
    try:
        assert ctx.services.ledger.verify(lead).ok
        assert seen == [False] and gc.isenabled() and frozen == []
    finally:
        if not was_on:
            gc.disable()
