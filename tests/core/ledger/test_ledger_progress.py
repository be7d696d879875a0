"""A check of the ledger says how far it is to whoever watches (core/kernel/progress.py): the
entries of the chain walked, then the records compared, each against how many there are; and one
who stops it there stops it (a report's preview closed during its proof, 2-3 s at ten years)."""

from __future__ import annotations

from typing import Any

import pytest

from branchguard.core.incidents.types import EntryKind
from branchguard.core.kernel import progress
from branchguard.core.ledger import chain, verify


class Stop(Exception):
    pass


def test_a_stamp_says_how_far_its_proof_is(ctx: Any, lead: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "STEP_EVERY", 10)
    heard: list[tuple[int, int, str]] = []
    with ctx.engine.connect() as conn:
        entries = chain.head(conn).seq
    with progress.watching(lambda done, total, stage: heard.append((done, total, stage))):
        ctx.services.anchors.stamp(lead, "", "", "report")
    ledger = [h for h in heard if h[2] == progress.LEDGER]
    records = [h for h in heard if h[2] == progress.RECORDS]
    assert entries >= 20 and ledger == [(n, entries, progress.LEDGER) for n in range(10, entries + 1, 10)]
    assert records and all(0 < done <= total for done, total, _stage in records)
    assert heard.index(ledger[-1]) < heard.index(records[0])  # the chain first, then the records


def test_verify_says_how_far_the_incident_logs_are(
    ctx: Any, lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "STEP_EVERY", 2)
    incidents = ctx.services.incidents
    for code in ("FIRE", "ROB"):
        iid = incidents.start(lead, code).id
        for n in range(3):
            incidents.log(lead, iid, EntryKind.NOTE, f"记录 {n}")
    heard: list[tuple[int, int, str]] = []
    with progress.watching(lambda done, total, stage: heard.append((done, total, stage))):
        report = ctx.services.ledger.verify(lead)
    logs = [h for h in heard if h[2] == progress.LOGS]
    assert report.log_entries >= 8  # two logs: a step within each and across them
    assert logs == [(n, report.log_entries, progress.LOGS) for n in range(2, report.log_entries + 1, 2)]


def test_one_who_stops_the_proof_stops_it_there(ctx: Any, lead: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "STEP_EVERY", 10)
    heard: list[tuple[int, int, str]] = []

    def stop(done: int, total: int, stage: str) -> None:
        heard.append((done, total, stage))
        raise Stop

    with pytest.raises(Stop), progress.watching(stop):
        ctx.services.anchors.stamp(lead, "", "", "report")
    assert [stage for *_n, stage in heard] == [progress.LEDGER]


def test_unwatched_nothing_is_counted(ctx: Any, lead: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verify, "STEP_EVERY", 1)
    asked: list[int] = []
    monkeypatch.setattr(progress, "step", lambda *args: asked.append(1))
    assert ctx.services.ledger.verify(lead).ok
    assert asked == []
